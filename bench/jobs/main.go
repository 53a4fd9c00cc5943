//go:build unix

// Command jobs benchmarks rt/ajobs beside hibiken/asynq (Go, a goroutine
// per task) and RQ (Python, Debian's python3-rq), on one private
// redis-server it starts itself (a Unix socket in a temporary
// directory, no persistence), each system's worker in a process of its
// own:
//
//	cd bench/jobs && go run .            # all phases, about two minutes
//	go run . -quick                      # smaller counts
//	go run . -reclaim                    # only the reclaim phase (reclaim.go)
//
// Phases, for each system in turn, on a flushed database:
//   - trivial: N empty jobs enqueued at full speed by the producer (64
//     tasks or goroutines; RQ: one Python process) while one worker runs
//     them; jobs/s from the first enqueue to the last completion, and
//     jobs per CPU-second of the worker's processes (the machine may be
//     shared; an ajobs worker is one loop, one core, asynq's uses all).
//   - sleep: jobs that sleep 50 ms, with 10,000 slots (ajobs Concurrency,
//     asynq Concurrency; RQ: -rqworkers forking workers); jobs/s and the
//     most jobs seen in flight.
//   - latency: trivial jobs enqueued at -rate a second (RQ: -rqrate, below
//     what its two workers run, 1/5 as many jobs); p50 and p99 of
//     the time from just before the enqueue to the job's start (each job
//     pushes it to a Redis list).
//   - memory: -inflight jobs that sleep for minutes; once they are all in
//     flight (or their number stops growing), the proportional set size
//     (PSS) of the worker's processes less what it was idle, divided by
//     the jobs in flight.
//
// Completion is what each system writes to Redis: ajobs's stream empty
// (the fenced completion deletes the entry), asynq's pending and active
// lists empty, RQ's queue and started registry empty with every worker
// idle. The module is separate from asyncgen's so that asynq is not a
// dependency of asyncgen.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/redis/go-redis/v9"
)

var (
	role      = flag.String("role", "", "internal: ajobs-worker or asynq-worker")
	sockFlag  = flag.String("redis", "", "internal: the Redis socket of a worker")
	concFlag  = flag.Int("conc", 100, "internal: a worker's concurrency")
	quick     = flag.Bool("quick", false, "smaller counts (a smoke run)")
	nTrivial  = flag.Int("n", 20000, "trivial jobs (ajobs, asynq)")
	nRQ       = flag.Int("rqn", 2000, "trivial jobs for RQ")
	nSleep    = flag.Int("sleepn", 30000, "50 ms jobs (ajobs, asynq)")
	rqWorkers = flag.Int("rqworkers", 16, "RQ worker processes for the sleeping phases")
	inflight  = flag.Int("inflight", 10000, "slots (ajobs, asynq) and sleeping jobs for the memory phase")
	nLat      = flag.Int("latn", 1000, "jobs of the latency phase")
	rate      = flag.Int("rate", 200, "jobs a second in the latency phase (ajobs, asynq)")
	rqRate    = flag.Int("rqrate", 20, "jobs a second in RQ's latency phase (below what its two workers run)")
	python    = flag.String("python", "/usr/bin/python3", "a python3 that imports rq")
	only      = flag.String("only", "ajobs,asynq,rq", "systems to run")
	reclaimM  = flag.Bool("reclaim", false, "run only the reclaim phase (ajobs and asynq): about 3 minutes")
	leases    = flag.String("leases", "30s,2s", "ajobs leases of the reclaim phase (asynq's is 30 s, fixed)")
	nReclaim  = flag.Int("reclaimn", 10, "jobs the killed worker holds in the reclaim phase")
	leaseFlag = flag.Duration("lease", 0, "internal: an ajobs worker's lease")
	holdFlag  = flag.Bool("hold", false, "internal: the worker holds every job for ten minutes")
	recFlag   = flag.Bool("reclaimer", false, "internal: a worker of the reclaim phase")
)

func main() {
	flag.Parse()
	var err error
	switch *role {
	case "ajobs-worker":
		holdJobs = *holdFlag
		err = ajobsWorker(*sockFlag, *concFlag, *leaseFlag)
	case "asynq-worker":
		holdJobs = *holdFlag
		err = asynqWorker(*sockFlag, *concFlag, *recFlag)
	case "":
		err = drive()
	default:
		err = fmt.Errorf("unknown role %q", *role)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/jobs:", err)
		os.Exit(1)
	}
}

// system is one job queue under test.
type system struct {
	name    string
	workers func(b *bench, conc int) ([]*exec.Cmd, error)
	produce func(b *bench, n int, a Args, rate int) error
	left    func(b *bench) int64 // jobs queued or running
	running func(b *bench) int64 // jobs in flight
}

type bench struct {
	dir, sock string
	rdb       *redis.Client
	ctx       context.Context
	acl       *aredis.Client
}

func drive() error {
	if *quick {
		*nTrivial, *nRQ, *nSleep, *inflight, *nLat = 3000, 300, 3000, 2000, 200
	}
	dir, err := os.MkdirTemp("", "benchjobs")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	b := &bench{dir: dir, sock: filepath.Join(dir, "redis.sock"), ctx: context.Background()}
	srv := exec.Command("redis-server", "--port", "0", "--unixsocket", b.sock, "--unixsocketperm", "700",
		"--dir", dir, "--save", "", "--appendonly", "no", "--logfile", filepath.Join(dir, "redis.log"))
	if err := srv.Start(); err != nil {
		return fmt.Errorf("starting redis-server (Debian: apt-get install redis-server): %w", err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	b.rdb = redis.NewClient(&redis.Options{Network: "unix", Addr: b.sock})
	for i := 0; b.rdb.Ping(b.ctx).Err() != nil; i++ {
		if i == 100 {
			return fmt.Errorf("redis-server did not answer on %s", b.sock)
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.acl = aredis.New(aredis.Options{Addr: b.sock, PoolSize: 64})
	ver, _ := b.rdb.Info(b.ctx, "server").Result()
	fmt.Printf("# %s, %s, load at start: %s\n", field(ver, "redis_version"), runtimeDesc(), loadavg())

	var systems []system
	for _, s := range []system{ajobsSystem, asynqSystem, rqSystem} {
		if strings.Contains(*only, s.name) {
			if s.name == "rq" && exec.Command(*python, "-c", "import rq").Run() != nil {
				fmt.Printf("# RQ left out: %s cannot import rq (apt-get install -y python3-rq)\n", *python)
				continue
			}
			systems = append(systems, s)
		}
	}
	if *reclaimM {
		return b.reclaimAll(systems)
	}
	res := map[string]map[string]float64{}
	for _, s := range systems {
		r, err := b.run(s)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		res[s.name] = r
	}
	fmt.Printf("\nload at end: %s\n\n", loadavg())
	rows := []struct {
		key, label string
		higher     bool
		format     string
	}{
		{"trivial", "trivial jobs, enqueue + run (jobs/s)", true, "%.0f"},
		{"trivialcpu", "trivial jobs per worker CPU-second", true, "%.0f"},
		{"sleep", "50 ms jobs, 10k slots (jobs/s)", true, "%.0f"},
		{"sleepcpu", "50 ms jobs per worker CPU-second", true, "%.0f"},
		{"sleepmax", "50 ms jobs: most in flight", true, "%.0f"},
		{"p50", "enqueue-to-start p50 (ms)", false, "%.2f"},
		{"p99", "enqueue-to-start p99 (ms)", false, "%.2f"},
		{"memjobs", "sleeping jobs in flight (memory phase)", true, "%.0f"},
		{"mem", "memory per in-flight job (PSS, bytes)", false, "%.0f"},
	}
	fmt.Print("| measure |")
	for _, s := range systems {
		fmt.Printf(" %s |", s.name)
	}
	fmt.Print(" ajobs vs asynq | ajobs vs RQ |\n|---|")
	for range systems {
		fmt.Print("---:|")
	}
	fmt.Println("---:|---:|")
	for _, row := range rows {
		fmt.Printf("| %s |", row.label)
		for _, s := range systems {
			fmt.Printf(" "+row.format+" |", res[s.name][row.key])
		}
		for _, peer := range []string{"asynq", "rq"} {
			a, p := res["ajobs"][row.key], res[peer][row.key]
			switch {
			case a == 0 || p == 0 || row.key == "sleepmax" || row.key == "memjobs":
				fmt.Print(" |")
			case row.higher:
				fmt.Printf(" %.2f× |", a/p)
			default:
				fmt.Printf(" %.2f× less |", p/a)
			}
		}
		fmt.Println()
	}
	return nil
}

// run runs every phase for s.
func (b *bench) run(s system) (map[string]float64, error) {
	r := map[string]float64{}
	fmt.Printf("## %s\n", s.name)
	phase := func(conc int, f func(ws []*exec.Cmd) error) error {
		if err := b.rdb.FlushAll(b.ctx).Err(); err != nil {
			return err
		}
		ws, err := s.workers(b, conc)
		defer func() {
			for _, w := range ws {
				for _, pid := range tree(w.Process.Pid) { // RQ's work horses too (they call setsid)
					syscall.Kill(pid, syscall.SIGKILL)
				}
				w.Wait()
			}
		}()
		if err != nil {
			return err
		}
		time.Sleep(500 * time.Millisecond) // consumer groups made, workers registered
		return f(ws)
	}
	trivialN := *nTrivial
	if s.name == "rq" {
		trivialN = *nRQ
	}
	if err := phase(100, func(ws []*exec.Cmd) error {
		c0 := cpuTree(ws)
		d, _, err := b.timed(s, trivialN, Args{}, 0)
		r["trivial"], r["trivialcpu"] = float64(trivialN)/d.Seconds(), float64(trivialN)/(cpuTree(ws)-c0)
		fmt.Printf("trivial: %d jobs in %v: %.0f jobs/s, %.0f per worker CPU-second\n", trivialN, d.Round(time.Millisecond), r["trivial"], r["trivialcpu"])
		return err
	}); err != nil {
		return nil, err
	}
	sleepN := *nSleep
	if s.name == "rq" {
		sleepN = *nRQ / 2
	}
	if err := phase(*inflight, func(ws []*exec.Cmd) error {
		c0 := cpuTree(ws)
		d, most, err := b.timed(s, sleepN, Args{Sleep: 50}, 0)
		r["sleep"], r["sleepmax"], r["sleepcpu"] = float64(sleepN)/d.Seconds(), float64(most), float64(sleepN)/(cpuTree(ws)-c0)
		fmt.Printf("sleep 50 ms: %d jobs in %v: %.0f jobs/s, %.0f per worker CPU-second, at most %d in flight\n", sleepN, d.Round(time.Millisecond), r["sleep"], r["sleepcpu"], most)
		return err
	}); err != nil {
		return nil, err
	}
	latRate, latN := *rate, *nLat
	if s.name == "rq" {
		latRate, latN = *rqRate, *nLat/5
	}
	if err := phase(100, func([]*exec.Cmd) error {
		if _, _, err := b.timed(s, latN, Args{Rec: true}, latRate); err != nil {
			return err
		}
		lat, err := b.rdb.LRange(b.ctx, latKey, 0, -1).Result()
		if err != nil || len(lat) == 0 {
			return fmt.Errorf("no latencies recorded (%v)", err)
		}
		ns := make([]float64, len(lat))
		for i, l := range lat {
			ns[i], _ = strconv.ParseFloat(l, 64)
		}
		sort.Float64s(ns)
		r["p50"], r["p99"] = ns[len(ns)/2]/1e6, ns[len(ns)*99/100]/1e6
		fmt.Printf("latency at %d/s: %d jobs, p50 %.2f ms, p99 %.2f ms\n", latRate, len(ns), r["p50"], r["p99"])
		return nil
	}); err != nil {
		return nil, err
	}
	memN := *inflight
	if s.name == "rq" {
		memN = *rqWorkers
	}
	if err := phase(*inflight, func(ws []*exec.Cmd) error {
		base := pssTree(ws)
		if err := s.produce(b, memN, Args{Sleep: 600_000}, 0); err != nil {
			return err
		}
		most, since := int64(0), time.Now()
		for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline) && most < int64(memN) && time.Since(since) < 3*time.Second; {
			time.Sleep(100 * time.Millisecond)
			if n := s.running(b); n > most {
				most, since = n, time.Now()
			}
		}
		time.Sleep(time.Second) // let the last ones settle
		most = max(most, s.running(b))
		full := pssTree(ws)
		r["memjobs"], r["mem"] = float64(most), float64(full-base)/float64(most)
		fmt.Printf("memory: %d sleeping jobs in flight, PSS %.1f MB (idle %.1f MB): %.0f B a job\n", most, float64(full)/1e6, float64(base)/1e6, r["mem"])
		return nil
	}); err != nil {
		return nil, err
	}
	return r, nil
}

// timed produces n jobs with a and waits until s has run them all; it
// returns the time from the first enqueue and the most seen in flight.
func (b *bench) timed(s system, n int, a Args, rate int) (time.Duration, int64, error) {
	start := time.Now()
	errc := make(chan error, 1)
	go func() { errc <- s.produce(b, n, a, rate) }()
	var most int64
	produced := false
	for deadline := start.Add(10 * time.Minute); time.Now().Before(deadline); {
		if !produced {
			select {
			case err := <-errc:
				if err != nil {
					return 0, 0, err
				}
				produced = true
			default:
			}
		}
		if r := s.running(b); r > most {
			most = r
		}
		if produced && s.left(b) == 0 {
			return time.Since(start), most, nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, 0, fmt.Errorf("%d jobs not done after 10 minutes", n)
}

// startWorker starts a worker process in a process group of its own and
// waits for it to say "ready".
func startWorker(name string, args ...string) (*exec.Cmd, error) {
	cmd := exec.Command(name, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != "ready" {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		return nil, fmt.Errorf("%s %v did not start", name, args)
	}
	go io.Copy(io.Discard, out)
	return cmd, nil
}

func self() string { exe, _ := os.Executable(); return exe }

var ajobsSystem = system{
	name: "ajobs",
	workers: func(b *bench, conc int) ([]*exec.Cmd, error) {
		w, err := startWorker(self(), "-role", "ajobs-worker", "-redis", b.sock, "-conc", strconv.Itoa(conc))
		if err != nil {
			return nil, err
		}
		return []*exec.Cmd{w}, nil
	},
	produce: func(b *bench, n int, a Args, rate int) error {
		_, err := rt.Run(produceAjobsAsync(ajobsQueue(b.acl), n, a, rate))
		return err
	},
	left: func(b *bench) int64 { return b.rdb.XLen(b.ctx, "ajobs:{bench}:stream").Val() },
	running: func(b *bench) int64 {
		p, err := b.rdb.XPending(b.ctx, "ajobs:{bench}:stream", "workers").Result()
		if err != nil {
			return 0
		}
		return p.Count
	},
}

var asynqSystem = system{
	name: "asynq",
	workers: func(b *bench, conc int) ([]*exec.Cmd, error) {
		w, err := startWorker(self(), "-role", "asynq-worker", "-redis", b.sock, "-conc", strconv.Itoa(conc))
		if err != nil {
			return nil, err
		}
		return []*exec.Cmd{w}, nil
	},
	produce: func(b *bench, n int, a Args, rate int) error { return produceAsynq(b.sock, n, a, rate) },
	left: func(b *bench) int64 {
		return b.rdb.LLen(b.ctx, "asynq:{default}:pending").Val() + b.rdb.LLen(b.ctx, "asynq:{default}:active").Val()
	},
	running: func(b *bench) int64 { return b.rdb.LLen(b.ctx, "asynq:{default}:active").Val() },
}

var rqSystem = system{
	name: "rq",
	workers: func(b *bench, conc int) ([]*exec.Cmd, error) {
		n := *rqWorkers
		if conc <= 100 {
			n = 2 // one a core for the trivial and latency phases
		}
		var ws []*exec.Cmd
		for i := 0; i < n; i++ {
			w, err := startWorker(*python, "rqbench.py", "worker", b.sock)
			if err != nil {
				return ws, err
			}
			ws = append(ws, w)
		}
		for i := 0; b.rdb.SCard(b.ctx, "rq:workers").Val() < int64(n); i++ {
			if i == 200 {
				return ws, fmt.Errorf("RQ workers did not register")
			}
			time.Sleep(50 * time.Millisecond)
		}
		return ws, nil
	},
	produce: func(b *bench, n int, a Args, rate int) error {
		out, err := exec.Command(*python, "rqbench.py", "produce", b.sock, strconv.Itoa(n), strconv.FormatInt(a.Sleep, 10),
			map[bool]string{true: "1", false: "0"}[a.Rec], strconv.Itoa(rate)).CombinedOutput()
		if err != nil {
			return fmt.Errorf("RQ producer: %v\n%s", err, out)
		}
		return nil
	},
	left: func(b *bench) int64 {
		n := b.rdb.LLen(b.ctx, "rq:queue:default").Val() + b.rdb.ZCard(b.ctx, "rq:wip:default").Val()
		for _, w := range b.rdb.SMembers(b.ctx, "rq:workers").Val() {
			if b.rdb.HGet(b.ctx, w, "state").Val() == "busy" {
				n++
			}
		}
		return n
	},
	running: func(b *bench) int64 { return b.rdb.ZCard(b.ctx, "rq:wip:default").Val() },
}

// tree returns pid and its descendants.
func tree(pid int) []int {
	children := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, st := range stats {
		b, err := os.ReadFile(st)
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(st)))
		if len(f) > 1 {
			ppid, _ := strconv.Atoi(f[1])
			children[ppid] = append(children[ppid], pid)
		}
	}
	var all []int
	var walk func(pid int)
	walk = func(pid int) {
		all = append(all, pid)
		for _, c := range children[pid] {
			walk(c)
		}
	}
	walk(pid)
	return all
}

// cpuTree returns the CPU time, in seconds, the processes ws and their
// descendants used, with their reaped children's (RQ's work horses).
func cpuTree(ws []*exec.Cmd) float64 {
	var ticks int64
	for _, w := range ws {
		for _, pid := range tree(w.Process.Pid) {
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
			if err != nil {
				continue
			}
			s := string(b)
			f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
			for _, i := range []int{11, 12, 13, 14} { // utime stime cutime cstime
				if i < len(f) {
					n, _ := strconv.ParseInt(f[i], 10, 64)
					ticks += n
				}
			}
		}
	}
	return float64(ticks) / 100 // USER_HZ
}

// pssTree sums the proportional set size of the processes ws and their
// descendants (RQ's work horses), in bytes.
func pssTree(ws []*exec.Cmd) int64 {
	var total int64
	for _, w := range ws {
		for _, pid := range tree(w.Process.Pid) {
			b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
			for _, line := range strings.Split(string(b), "\n") {
				if f := strings.Fields(line); len(f) >= 2 && f[0] == "Pss:" {
					kb, _ := strconv.ParseInt(f[1], 10, 64)
					total += kb * 1024
				}
			}
		}
	}
	return total
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func runtimeDesc() string {
	out, _ := exec.Command("nproc").Output()
	return strings.TrimSpace(string(out)) + " cores"
}

func field(info, key string) string {
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), key+":"); ok {
			return "redis " + v
		}
	}
	return "redis ?"
}
