//go:build unix

package ajobs

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	inFlightN  = flag.Int("ajobs.inflight", 5000, "TestInFlightMemory's sleeping jobs")
	memProfile = flag.String("ajobs.memprofile", "", "TestInFlightMemory writes a heap profile of the in-flight jobs to this file (every allocation sampled)")
)

// napArgs has the shape of bench/jobs's Args, so that a job's payload and
// decoded arguments weigh what the benchmark's do.
type napArgs struct {
	Sleep int64 // ms
	Enq   int64
	Rec   bool
	Count bool
}

// nap sleeps a.Sleep ms: the sleeping in-flight job of the memory
// measure.
//
// async
func nap(a napArgs) (struct{}, error) {
	rt.Sleep(time.Duration(a.Sleep) * time.Millisecond)
	return struct{}{}, nil
}

var Nap = Define("nap/v1", napAsync)

// sleepersInFlight enqueues n jobs that sleep for ten minutes, reads the live
// heap, runs a worker of q with n slots until all n are running and
// reads the live heap again; then it stops the worker at once (the jobs
// are left for reclaim).
//
// async
func sleepersInFlight(cl *aredis.Client, q *Queue, n int, base, full *uint64, allocated *allocs, profile string) error {
	for done := 0; done < n; {
		batch := min(200, n-done)
		ids := make([]rt.Awaitable[string], batch)
		for i := range ids {
			ids[i] = Nap.EnqueueAsync(q, napArgs{Sleep: 600_000, Enq: time.Now().UnixNano()})
		}
		if _, err := rt.Await(rt.Gather(ids...)); err != nil {
			return err
		}
		done += batch
	}
	*base = liveHeap()
	*allocated = totalAlloc()
	if profile != "" { // what the worker allocates: go tool pprof -diff_base profile.base
		if err := writeHeapProfile(profile + ".base"); err != nil {
			return err
		}
	}
	w := NewWorker(cl, WorkerOptions{Concurrency: n, Logf: func(string, ...any) {}}, q)
	run := rt.Spawn(w.RunAsync())
	running := 0
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); {
		if running = len(runningOf(w)); running == n {
			break
		}
		rt.Sleep(20 * time.Millisecond)
	}
	if running < n {
		return fmt.Errorf("%d of %d jobs running after two minutes", running, n)
	}
	rt.Sleep(50 * time.Millisecond) // every job is asleep
	*allocated = totalAlloc().minus(*allocated)
	*full = liveHeap()
	if profile != "" {
		if err := writeHeapProfile(profile); err != nil {
			return err
		}
	}
	w.Stop(0)
	_, err := rt.Await(run)
	return err
}

// TestInFlightMemory measures what a sleeping in-flight job costs a
// worker: the live heap (after a GC) with 5,000 jobs running, less the
// heap before the worker started, per job. It is the part of bench/jobs's
// memory phase (PSS per sleeping job, against asynq's) that the worker's
// code decides; the process's PSS is about this live heap plus what the
// garbage collector lets the heap grow to beyond it (with GOGC=100, up to
// as much again). -ajobs.memprofile writes a heap profile of the jobs in
// flight (go tool pprof -sample_index=inuse_space), and one of the heap
// before the worker started beside it (.base: -diff_base shows what the
// worker allocated, -sample_index=alloc_space).
func TestInFlightMemory(t *testing.T) {
	if *memProfile != "" {
		runtime.MemProfileRate = 1
	}
	n := *inFlightN
	srv, _ := startRedis(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), CommandTimeout: 10 * time.Second})
	defer cl.Close()
	q := NewQueue(cl, "inflight")
	var base, full uint64
	var allocated allocs
	_, err := rt.Run(sleepersInFlightAsync(cl, q, n, &base, &full, &allocated, *memProfile))
	require.NoError(t, err)
	perJob := (int64(full) - int64(base)) / int64(n)
	t.Logf("%d sleeping jobs in flight: live heap %d KB before the worker, %d KB with the jobs running: %d B a job (the worker allocated %d B in %.1f allocations a job to start them)", n, base/1024, full/1024, perJob, allocated.bytes/uint64(n), float64(allocated.count)/float64(n))
	assert.LessOrEqual(t, perJob, int64(maxInFlightBytes), "a sleeping in-flight job costs the worker more live heap than it did")
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	err = pprof.Lookup("heap").WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// allocs is what the process allocated so far: bytes and allocations.
type allocs struct{ bytes, count uint64 }

func (a allocs) minus(b allocs) allocs { return allocs{a.bytes - b.bytes, a.count - b.count} }

func totalAlloc() allocs {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return allocs{ms.TotalAlloc, ms.Mallocs}
}

// maxInFlightBytes bounds TestInFlightMemory's live heap per job: 573 B
// measured (1,843 B before a job became one task with the attempt as its
// frame), so a word or two more passes and a task name (96 B), a second
// task per job or a kept reply fails.
const maxInFlightBytes = 650

// cancelBeforeStart reads a Slow job with a worker that is not running
// (no reader, no heartbeats), cancels its attempt as a heartbeat that
// found the lease lost does, before the job's task took its first step,
// and lets the loop run until the attempt has ended. It returns how many
// times Slow started meanwhile.
//
// async
func cancelBeforeStart(cl *aredis.Client, q *Queue, w *Worker) (int32, error) {
	if _, err := cl.Do("XGROUP", "CREATE", q.stream(), group, "0", "MKSTREAM"); err != nil {
		return 0, err
	}
	if _, err := Slow.Enqueue(q, 10); err != nil {
		return 0, err
	}
	v, err := cl.Do("XREADGROUP", "GROUP", group, w.Consumer(), "COUNT", 1, "STREAMS", q.stream(), ">")
	if err != nil {
		return 0, err
	}
	before := slowStarted.Load()
	if n := w.startRead(v, 1); n != 1 {
		return 0, fmt.Errorf("started %d deliveries, want 1", n)
	}
	running := runningOf(w)
	if len(running) != 1 || running[0].started {
		return 0, fmt.Errorf("%d attempts running (want 1, not started yet)", len(running))
	}
	running[0].lost = true
	running[0].cancel()
	for deadline := time.Now().Add(10 * time.Second); w.active > 0 && time.Now().Before(deadline); {
		rt.Sleep(10 * time.Millisecond)
	}
	return slowStarted.Load() - before, nil
}

// TestCancelBeforeFirstStep: an attempt cancelled before its task's first
// step (a task cancelled then never runs its frames, the attempt's among
// them) still ends through the reaper: the job does not run, its slot is
// freed, the lost lease is counted and nothing is completed.
func TestCancelBeforeFirstStep(t *testing.T) {
	_, cl := startRedis(t)
	q := NewQueue(cl, "early")
	w := NewWorker(cl, WorkerOptions{Logf: func(string, ...any) {}}, q)
	ran, err := rt.Run(cancelBeforeStartAsync(cl, q, w))
	require.NoError(t, err)
	assert.Zero(t, ran, "the cancelled job ran")
	assert.Zero(t, w.active, "the attempt's slot is still held")
	st := w.Stats()
	assert.Equal(t, 1, st.Started)
	assert.Equal(t, 1, st.LeaseLost)
	assert.Zero(t, st.Done+st.Retried+st.Dead+st.Refused, "an outcome was recorded: %+v", st)
}
