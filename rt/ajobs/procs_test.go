//go:build unix

package ajobs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// proc is a worker process: the test binary re-executed with AJOBS_WORKER.
type proc struct {
	cmd    *exec.Cmd
	stdout lockedBuffer
	stderr lockedBuffer
	done   chan struct{}
	ready  chan struct{} // closed once the worker handles SIGTERM (or has died)
}

// startWorker starts a worker process; it does not wait for it to be
// ready. The worker writes to the pipe it gets as fd 3 (AJOBS_READY_FD)
// once SIGTERM would stop it gracefully: before that, SIGTERM's default
// action would end it without its Stats.
func startWorker(t *testing.T, sock string, env ...string) *proc {
	p := &proc{cmd: exec.Command(os.Args[0], "-test.run=^$"), done: make(chan struct{}), ready: make(chan struct{})}
	p.cmd.Env = append(append(os.Environ(), "AJOBS_WORKER="+sock, "AJOBS_READY_FD=3"), env...)
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	r, w, err := os.Pipe()
	require.NoError(t, err)
	p.cmd.ExtraFiles = []*os.File{w}
	err = p.cmd.Start()
	w.Close()
	if err != nil {
		r.Close()
	}
	require.NoError(t, err)
	go func() {
		r.Read(make([]byte, 1)) // a byte, or EOF when the worker exits first
		r.Close()
		close(p.ready)
	}()
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

// waitUntil polls cond until it holds. The deadline is generous: worker
// processes start slowly on a loaded machine, and a test waits for what
// it needs to have happened, not for a guessed time.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		require.True(t, time.Now().Before(deadline), "timed out waiting for %s", what)
		time.Sleep(5 * time.Millisecond)
	}
}

// inFlight reports whether pid runs a record job that has not returned:
// killed now, that job is run again.
func inFlight(t *testing.T, cl *aredis.Client, pid int) bool {
	v, err := cl.Do("GET", "test:inflight:"+strconv.Itoa(pid))
	require.NoError(t, err)
	n, _ := strconv.Atoi(v.Str)
	return n > 0
}

func (p *proc) kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop stops the worker with SIGTERM and returns the Stats it printed.
func (p *proc) stop(t *testing.T) Stats { return p.stopWith(t, syscall.SIGTERM) }

// stopWith stops the worker with sig, which must make it exit 0, and
// returns the Stats it printed.
func (p *proc) stopWith(t *testing.T, sig os.Signal) Stats {
	select { // a worker killed by a signal before it handles it prints nothing
	case <-p.ready:
	case <-time.After(30 * time.Second):
		t.Fatalf("worker %d did not get ready; stderr:\n%s", p.pid(), p.stderr.String())
	}
	p.cmd.Process.Signal(sig)
	return p.wait(t)
}

// wait waits for the worker to exit 0 and returns the Stats it printed.
func (p *proc) wait(t *testing.T) Stats {

	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		t.Fatalf("worker %d did not stop; stderr:\n%s", p.pid(), p.stderr.String())
	}
	require.Zero(t, p.cmd.ProcessState.ExitCode(), "worker %d exit status; stderr:\n%s", p.pid(), p.stderr.String())
	var st Stats
	lines := strings.Split(strings.TrimSpace(p.stdout.String()), "\n")
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &st), "worker stdout:\n%s\nstderr:\n%s", p.stdout.String(), p.stderr.String())
	return st
}

// waitAll waits for the results of ids.
//
// async
func waitAll(q *Queue, ids []string) ([]string, error) {
	aws := make([]rt.Awaitable[string], len(ids))
	for i, id := range ids {
		aws[i] = Record.WaitAsync(q, id)
	}
	return rt.Await(rt.WaitFor(rt.Gather(aws...), 20*time.Second))
}

// runs returns the pids that ran record job n, in order.
func runs(t *testing.T, cl *aredis.Client, n int) []string {
	r, err := cl.Strings("LRANGE", "test:runs:"+strconv.Itoa(n), 0, -1)
	require.NoError(t, err)
	return r
}

func TestKilledWorkersLoseNothing(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	env := []string{"AJOBS_LEASE_MS=600", "AJOBS_HEARTBEAT_MS=150", "AJOBS_RECLAIM_MS=200"}
	workers := []*proc{startWorker(t, srv.Socket(), env...), startWorker(t, srv.Socket(), env...)}
	const n = 40
	ids := make([]string, n)
	for i := range ids {
		id, err := Record.Enqueue(q, recArgs{N: i, SleepMs: 150})
		require.NoError(t, err)
		ids[i] = id
	}
	killed := map[string]bool{}
	for round := 0; round < 6; round++ {
		time.Sleep(250 * time.Millisecond)
		w := workers[round%2]
		if round < 2 {
			// Each first worker is killed with a job in flight: a rerun
			// is sure, however slowly the processes start.
			waitUntil(t, "the worker to run a job", func() bool { return inFlight(t, cl, w.pid()) })
		}
		killed[strconv.Itoa(w.pid())] = true
		w.kill()
		workers[round%2] = startWorker(t, srv.Socket(), env...)
	}
	results, err := rt.Run(waitAllAsync(q, ids))
	require.NoError(t, err)
	plain, err := Record.Wait(q, ids[0]) // from ordinary code: blocks
	require.NoError(t, err)
	assert.Equal(t, results[0], plain)
	rerun := 0
	snapshot := make([][]string, n)
	for i, res := range results {
		pid, run, ok := strings.Cut(res, "/")
		require.True(t, ok, "job %d: result %q", i, res)
		r := runs(t, cl, i)
		snapshot[i] = r
		k, _ := strconv.Atoi(run)
		require.True(t, k >= 1 && k <= len(r), "job %d: result %q, runs %v", i, res, r)
		assert.Equal(t, pid, r[k-1], "job %d: the result is the run's", i)
		assert.Equal(t, len(r), k, "job %d: ran again after the run that completed it: %v", i, r)
		for _, p := range r[:k-1] {
			if killed[p] {
				rerun++
				break
			}
		}
	}
	assert.Greater(t, rerun, 0, "no job of a killed worker was re-run")
	t.Logf("%d of %d jobs were re-run after their worker was killed", rerun, n)

	// No completed job runs again, and nothing is left pending.
	time.Sleep(800 * time.Millisecond)
	for i := range ids {
		assert.Equal(t, snapshot[i], runs(t, cl, i), "job %d ran again after it completed", i)
	}
	for _, w := range workers {
		st := w.stop(t)
		assert.Equal(t, 0, st.Abandoned)
	}
	pending, err := cl.Do("XPENDING", q.stream(), group)
	require.NoError(t, err)
	assert.Equal(t, int64(0), pending.Elems[0].Int(), "pending entries left")
	length, err := cl.Int("XLEN", q.stream())
	require.NoError(t, err)
	assert.Equal(t, int64(0), length, "completed entries are deleted from the stream")
}

func TestFrozenWorkerIsFenced(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	// No heartbeat during the job: the frozen worker's completion, not its
	// heartbeat, meets the fence.
	env := []string{"AJOBS_LEASE_MS=800", "AJOBS_HEARTBEAT_MS=10000", "AJOBS_RECLAIM_MS=200"}
	a := startWorker(t, srv.Socket(), env...)
	id, err := Record.Enqueue(q, recArgs{N: 0, SleepMs: 700})
	require.NoError(t, err)
	waitUntil(t, "worker a to start the job", func() bool { return len(runs(t, cl, 0)) > 0 })
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGSTOP))
	b := startWorker(t, srv.Socket(), env...)
	// Once b has reclaimed the job and started it, a wakes up while b's
	// attempt still runs: a's completion comes first and must be refused.
	waitUntil(t, "worker b to reclaim the job", func() bool { return len(runs(t, cl, 0)) >= 2 })
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGCONT))
	time.Sleep(300 * time.Millisecond) // a's job ends and tries to complete
	_, early, err := Record.Result(q, id)
	require.NoError(t, err)
	require.False(t, early, "a's late result was taken")
	results, err := rt.Run(waitAllAsync(q, []string{id}))
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf("%d/2", b.pid()), results[0], "b's attempt completes the job")
	stA := a.stop(t)
	assert.Equal(t, 1, stA.Refused, "a's late completion is refused; stderr:\n%s", a.stderr.String())
	assert.Equal(t, 0, stA.Done)
	res, done, err := Record.Result(q, id)
	require.NoError(t, err)
	assert.True(t, done)
	assert.Equal(t, results[0], res, "the newer attempt's result stands")
	stB := b.stop(t)
	assert.Equal(t, 1, stB.Reclaimed)
	assert.Equal(t, 1, stB.Done)
}

func TestRedisRestartLosesNoAckedJob(t *testing.T) {
	srv, cl := startRedis(t, "--appendonly", "yes", "--appendfsync", "always")
	q := NewQueue(cl, "t")
	env := []string{"AJOBS_LEASE_MS=1000", "AJOBS_HEARTBEAT_MS=300", "AJOBS_RECLAIM_MS=300"}
	startWorker(t, srv.Socket(), env...)
	startWorker(t, srv.Socket(), env...)
	runID := func() string {
		v, err := cl.String("INFO", "server")
		require.NoError(t, err)
		_, id, _ := strings.Cut(v, "run_id:")
		return strings.TrimSpace(id[:strings.IndexByte(id, '\n')])
	}
	before := runID()
	var nAcked atomic.Int32
	acked := make(chan []string)
	go func() {
		var ids []string
		failed := 0
		for i := 0; i < 60; i++ {
			id, err := Record.Enqueue(q, recArgs{N: i, SleepMs: 30})
			if err != nil {
				failed++
				i-- // not acknowledged: enqueue it again
				time.Sleep(50 * time.Millisecond)
				continue
			}
			ids = append(ids, id)
			nAcked.Add(1)
			time.Sleep(15 * time.Millisecond)
		}
		t.Logf("%d enqueues failed while Redis was down", failed)
		acked <- ids
	}()
	// Killed mid-run: some enqueues acknowledged, most still to come.
	waitUntil(t, "10 acknowledged enqueues", func() bool { return nAcked.Load() >= 10 })
	srv.Kill() // a crash: only what was fsynced survives
	atKill := nAcked.Load()
	srv.Restart()
	ids := <-acked
	require.NotEqual(t, before, runID(), "the server restarted")
	require.True(t, atKill > 0 && atKill < int32(len(ids)), "killed mid-run: %d of %d enqueued", atKill, len(ids))
	results, err := rt.Run(waitAllAsync(q, ids))
	require.NoError(t, err)
	for i, r := range results {
		assert.NotEmpty(t, r, "job %s", ids[i])
	}
}

// blockedRead finds, in CLIENT LIST, a client blocked in XREADGROUP.
var blockedRead = regexp.MustCompile(`(?m)flags=[a-zA-Z]*b.* cmd=xreadgroup `)

// TestKilledWorkerReclaimedWithinLease measures reclaim against the
// configured periods, by Redis's clock: a worker holding jobs is killed;
// another worker must not start them again before their leases expire
// (the last renewal Redis saw, plus the lease), and must complete them
// within a lease and a reclaim interval of the kill, with slack: under
// two leases here (lease 2 s, reclaim interval 1 s).
func TestKilledWorkerReclaimedWithinLease(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	const lease, reclaimEvery = 2 * time.Second, time.Second
	env := []string{"AJOBS_LEASE_MS=2000", "AJOBS_RECLAIM_MS=1000"} // heartbeats every lease/3
	a := startWorker(t, srv.Socket(), env...)
	const n = 4 // the worker's concurrency: all in flight at once
	ids := make([]string, n)
	for i := range ids {
		id, err := Hold.Enqueue(q, i)
		require.NoError(t, err)
		ids[i] = id
	}
	starts := func(i int) []string {
		r, err := cl.Strings("LRANGE", "test:starts:"+strconv.Itoa(i), 0, -1)
		require.NoError(t, err)
		return r
	}
	deadline := time.Now().Add(10 * time.Second)
	for i := range ids {
		for len(starts(i)) == 0 {
			require.True(t, time.Now().Before(deadline), "worker a did not start job %d; stderr:\n%s", i, a.stderr.String())
			time.Sleep(10 * time.Millisecond)
		}
	}
	// b waits in a blocking read before a dies, so that its start-up is
	// not measured (a's reader waits for a free slot, not in Redis).
	b := startWorker(t, srv.Socket(), env...)
	for {
		clients, err := cl.String("CLIENT", "LIST")
		require.NoError(t, err)
		if blockedRead.MatchString(clients) {
			break
		}
		require.True(t, time.Now().Before(deadline), "worker b did not start reading; clients:\n%s\nstderr:\n%s", clients, b.stderr.String())
		time.Sleep(10 * time.Millisecond)
	}

	// When each lease expires: a's last renewal that Redis saw (its idle
	// time now), plus the lease. A renewal between this and the kill only
	// moves the expiry later.
	pending, err := cl.Do("XPENDING", q.stream(), group, "-", "+", n)
	require.NoError(t, err)
	now, err := redisMillis(cl)
	require.NoError(t, err)
	a.kill()
	killed, err := redisMillis(cl)
	require.NoError(t, err)
	expiry := map[string]int64{} // job id -> ms
	require.Len(t, pending.Elems, n)
	for _, p := range pending.Elems {
		entry, idle := p.Elems[0].Str, p.Elems[2].Int()
		e, err := cl.Do("XRANGE", q.stream(), entry, entry)
		require.NoError(t, err)
		require.Len(t, e.Elems, 1)
		_, job := entryJob(e.Elems[0])
		expiry[job] = now - idle + lease.Milliseconds()
	}

	results, err := rt.Run(waitAllAsync(q, ids))
	require.NoError(t, err)
	done, err := redisMillis(cl)
	require.NoError(t, err)
	var latest, expires int64
	for i, id := range ids {
		assert.Equal(t, fmt.Sprintf("%d/2", b.pid()), results[i], "job %d is completed by b's reclaim", i)
		s := starts(i)
		require.Len(t, s, 2, "job %d: starts %v", i, s)
		pid, ms, _ := strings.Cut(s[1], " ")
		assert.Equal(t, strconv.Itoa(b.pid()), pid)
		at, _ := strconv.ParseInt(ms, 10, 64)
		// 1 ms: XPENDING's idle time and TIME round differently.
		assert.GreaterOrEqual(t, at, expiry[id]-1, "job %d started again %d ms before its lease expired", i, expiry[id]-at)
		latest, expires = max(latest, at), max(expires, expiry[id])
	}
	bound := lease + reclaimEvery + lease/2
	assert.Less(t, done-killed, bound.Milliseconds(), "the killed worker's jobs took %d ms to complete, more than lease + reclaim interval + slack (%v)", done-killed, bound)
	t.Logf("lease %v, reclaim interval %v: the killed worker's %d jobs' leases expired %d ms after the kill; they started again after %d ms and were all complete after %d ms",
		lease, reclaimEvery, n, expires-killed, latest-killed, done-killed)
	st := b.stop(t)
	assert.Equal(t, n, st.Reclaimed)
	assert.Equal(t, n, st.Done)
}

// TestWorkerStopsOnSignal runs Worker.RunUntilSignal in a worker process
// (TestMain) and signals it in the middle of a job: with SIGTERM and a
// grace longer than the job, the worker reads no more jobs and the
// running one completes before it exits; with SIGINT and a short grace,
// the running job is cancelled and left pending for reclaim. Each time
// the process prints its Stats and exits 0.
func TestWorkerStopsOnSignal(t *testing.T) {
	for _, c := range []struct {
		sig     os.Signal
		graceMs int
		sleepMs int
		done    bool
	}{
		{syscall.SIGTERM, 5000, 500, true},  // drains
		{syscall.SIGINT, 100, 20000, false}, // grace runs out
	} {
		t.Run(c.sig.String(), func(t *testing.T) {
			srv, cl := startRedis(t)
			q := NewQueue(cl, "t")
			// Blocking reads of 10 s: the worker's only pause in reading
			// is the signal.
			w := startWorker(t, srv.Socket(), "AJOBS_GRACE_MS="+strconv.Itoa(c.graceMs), "AJOBS_RECLAIM_MS=10000")
			id, err := Record.Enqueue(q, recArgs{N: 0, SleepMs: c.sleepMs})
			require.NoError(t, err)
			deadline := time.Now().Add(10 * time.Second)
			for len(runs(t, cl, 0)) == 0 {
				require.True(t, time.Now().Before(deadline), "the worker did not start the job; stderr:\n%s", w.stderr.String())
				time.Sleep(10 * time.Millisecond)
			}
			reading := func() bool {
				clients, err := cl.String("CLIENT", "LIST")
				require.NoError(t, err)
				return blockedRead.MatchString(clients)
			}
			for !reading() {
				require.True(t, time.Now().Before(deadline), "the worker does not read")
				time.Sleep(5 * time.Millisecond)
			}
			require.NoError(t, w.cmd.Process.Signal(c.sig))
			// Once the worker has taken the signal (its blocking read is
			// cancelled), a job enqueued must not be read.
			for reading() {
				require.True(t, time.Now().Before(deadline), "the worker still reads after the signal")
				time.Sleep(5 * time.Millisecond)
			}
			late, err := Record.Enqueue(q, recArgs{N: 1})
			require.NoError(t, err)
			st := w.wait(t)
			assert.Empty(t, runs(t, cl, 1), "a job was read after the signal")
			_, lateDone, err := Record.Result(q, late)
			require.NoError(t, err)
			assert.False(t, lateDone)
			_, done, err := Record.Result(q, id)
			require.NoError(t, err)
			assert.Equal(t, c.done, done, "the running job's result")
			assert.Equal(t, 1, st.Started)
			pending, err := cl.Do("XPENDING", q.stream(), group)
			require.NoError(t, err)
			if c.done {
				assert.Equal(t, 1, st.Done)
				assert.Zero(t, st.Abandoned)
				assert.Equal(t, int64(0), pending.Elems[0].Int(), "nothing left pending")
			} else {
				assert.Zero(t, st.Done)
				assert.Equal(t, 1, st.Abandoned)
				assert.Equal(t, int64(1), pending.Elems[0].Int(), "the cancelled job is left pending for reclaim")
			}
		})
	}
}

// lockedBuffer is a bytes.Buffer that a test may read while os/exec's
// copying goroutine writes the worker's output into it (a failure message
// built in a polling loop reads it on every turn).
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
