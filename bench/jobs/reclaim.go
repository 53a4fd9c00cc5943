//go:build unix

package main

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The reclaim phase (-reclaim): a worker holding -reclaimn jobs is killed
// with SIGKILL, and the time from the kill until a second worker, started
// a second before it and idle, has completed them all is the reclaim
// time. Each job counts its completion in Redis (INCR bench:done); the
// killed worker never completes one.
//
// ajobs runs with each lease of -leases, its heartbeats and reclaim checks
// at their defaults (lease/3 and lease/2): the jobs wait for their lease to
// expire, by Redis's clock, and for the next XAUTOCLAIM of the live
// worker, at most lease + lease/2 after the kill.
//
// asynq v0.26 cannot be told a lease: a task's lease is 30 s
// (rdb.LeaseDuration), extended by a heartbeat every 5 s; its recoverer
// looks every minute (not configurable) for leases that expired more
// than 30 s ago by the worker's clock, and hands those to the retry
// path: a first retry waits 15 to 44 s by default (DefaultRetryDelayFunc),
// and due retries are moved to the queue every 5 s
// (DelayedTaskCheckInterval). Here asynq runs with the settings nearest
// ajobs's: retry delay 0 and retries moved every second; what remains is
// 30 s of lease, 30 s of margin and up to a minute of recoverer period,
// 55 s to 2 minutes after the kill. With its defaults, 15 to 44 s more.
func (b *bench) reclaimAll(systems []system) error {
	type row struct {
		label string
		d     time.Duration
	}
	var rows []row
	for _, s := range systems {
		switch s.name {
		case "ajobs":
			for _, l := range strings.Split(*leases, ",") {
				lease, err := time.ParseDuration(strings.TrimSpace(l))
				if err != nil {
					return fmt.Errorf("-leases: %w", err)
				}
				d, err := b.reclaim(s, "-lease", lease.String())
				if err != nil {
					return fmt.Errorf("ajobs: %w", err)
				}
				rows = append(rows, row{fmt.Sprintf("ajobs, lease %v (reclaim checks every %v)", lease, lease/2), d})
			}
		case "asynq":
			d, err := b.reclaim(s, "-reclaimer")
			if err != nil {
				return fmt.Errorf("asynq: %w", err)
			}
			rows = append(rows, row{"asynq, lease 30 s (fixed), recoverer every 1 min, retry delay 0", d})
		}
	}
	fmt.Printf("\nload at end: %s\n\n", loadavg())
	fmt.Printf("| reclaim of a killed worker's %d jobs | completed after the kill |\n|---|---:|\n", *nReclaim)
	for _, r := range rows {
		fmt.Printf("| %s | %.1f s |\n", r.label, r.d.Seconds())
	}
	return nil
}

// reclaim runs the phase once for s, its workers started with extra
// flags, and returns the time from the kill to the last completion.
func (b *bench) reclaim(s system, extra ...string) (time.Duration, error) {
	if err := b.rdb.FlushAll(b.ctx).Err(); err != nil {
		return 0, err
	}
	n := *nReclaim
	start := func(hold bool) (*exec.Cmd, error) {
		args := append([]string{"-role", s.name + "-worker", "-redis", b.sock, "-conc", strconv.Itoa(n), "-hold=" + strconv.FormatBool(hold)}, extra...)
		return startWorker(self(), args...)
	}
	var ws []*exec.Cmd
	defer func() {
		for _, w := range ws {
			syscall.Kill(-w.Process.Pid, syscall.SIGKILL)
			w.Wait()
		}
	}()
	holder, err := start(true)
	if err != nil {
		return 0, err
	}
	ws = append(ws, holder)
	time.Sleep(500 * time.Millisecond) // consumer group made, server registered
	if err := s.produce(b, n, Args{Count: true}, 0); err != nil {
		return 0, err
	}
	for deadline := time.Now().Add(30 * time.Second); s.running(b) < int64(n); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("the first worker runs %d of %d jobs", s.running(b), n)
		}
	}
	taker, err := start(false)
	if err != nil {
		return 0, err
	}
	ws = append(ws, taker)
	time.Sleep(time.Second) // the second worker waits for jobs
	syscall.Kill(-holder.Process.Pid, syscall.SIGKILL)
	holder.Wait()
	ws = ws[1:]
	killed := time.Now()
	fmt.Printf("%s %s: %d jobs held by a worker killed with SIGKILL at load %s...\n", s.name, strings.Join(extra, " "), n, loadavg())
	for deadline := killed.Add(5 * time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		done, _ := b.rdb.Get(b.ctx, doneKey).Int()
		if done >= n {
			d := time.Since(killed)
			fmt.Printf("  all completed by the other worker %.1f s after the kill\n", d.Seconds())
			return d, nil
		}
	}
	return 0, fmt.Errorf("%d jobs not completed 5 minutes after the kill", n)
}
