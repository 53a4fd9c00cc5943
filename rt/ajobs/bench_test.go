//go:build unix

package ajobs

import (
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// drain enqueues n trivial jobs, 100 at a time, beside a worker on the
// same loop, and waits for all their results.
//
// async
func drain(cl *aredis.Client, q *Queue, n int) error {
	w := NewWorker(cl, WorkerOptions{Concurrency: 100, Lease: 10 * time.Second}, q)
	run := rt.Spawn(w.RunAsync())
	for done := 0; done < n; {
		batch := min(100, n-done)
		ids := make([]rt.Awaitable[string], batch)
		for i := range ids {
			ids[i] = CountWords.EnqueueAsync(q, "a b")
		}
		got, err := rt.Await(rt.Gather(ids...))
		if err != nil {
			return err
		}
		waits := make([]rt.Awaitable[int], batch)
		for i, id := range got {
			waits[i] = CountWords.WaitAsync(q, id)
		}
		if _, err := rt.Await(rt.Gather(waits...)); err != nil {
			return err
		}
		done += batch
	}
	w.Stop(time.Second)
	_, err := rt.Await(run)
	return err
}

// BenchmarkTrivialJobs measures a trivial job's round trip through one
// worker on the producer's loop: enqueue, read, run, complete, and the
// producer's Wait.
func BenchmarkTrivialJobs(b *testing.B) {
	srv := redistest.Start(b)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 16})
	defer cl.Close()
	q := NewQueue(cl, "bench")
	b.ResetTimer()
	if _, err := rt.Run(drainAsync(cl, q, b.N)); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
}
