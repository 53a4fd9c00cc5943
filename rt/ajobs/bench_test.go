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

// benchAttempt returns an attempt that holds a real delivery of q: a job
// enqueued and read by the consumer "bench", as a worker would have, so
// that checkpoints pass the fence.
func benchAttempt(b *testing.B, cl *aredis.Client, q *Queue) *attempt {
	w := NewWorker(cl, WorkerOptions{Consumer: "bench"}, q)
	if _, err := cl.Do("XGROUP", "CREATE", q.stream(), group, "0", "MKSTREAM"); err != nil {
		b.Fatal(err)
	}
	if _, err := CountWords.Enqueue(q, "x"); err != nil {
		b.Fatal(err)
	}
	v, err := cl.Do("XREADGROUP", "GROUP", group, "bench", "COUNT", 1, "STREAMS", q.stream(), ">")
	if err != nil {
		b.Fatal(err)
	}
	var entries []aredis.Value
	if v.Kind == aredis.Map && len(v.Elems) == 2 {
		entries = v.Elems[1].Elems
	} else if len(v.Elems) == 1 && len(v.Elems[0].Elems) == 2 {
		entries = v.Elems[0].Elems[1].Elems
	}
	if len(entries) != 1 {
		b.Fatalf("XREADGROUP: %v", v)
	}
	entry, job := entryJob(entries[0])
	return newAttempt(w, q, entry, job, 1)
}

// saveCheckpoints saves n checkpoints of data as attempt a, one after the
// other.
//
// async
func saveCheckpoints(a *attempt, data []byte, n int) error {
	c := rt.CurrentTask()
	bindAttempt(c, a)
	defer unbindAttempt(c)
	for i := 0; i < n; i++ {
		if err := SaveCheckpoint(Checkpoint{Name: "bench", Fingerprint: "bench/v1", Data: data}); err != nil {
			return err
		}
	}
	return nil
}

// enqueueN enqueues n trivial jobs, one after the other.
//
// async
func enqueueN(q *Queue, n int) error {
	for i := 0; i < n; i++ {
		if _, err := CountWords.Enqueue(q, "a b"); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkCheckpoint measures SaveCheckpoint (the fenced script that
// checks the lease, renews it and stores the data) per data size, one
// after the other on one connection, and reports it as a ratio to a plain
// Enqueue measured in the same run, the same way (x-enqueue), beside the
// enqueue's own time.
func BenchmarkCheckpoint(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"100B", 100}, {"10KB", 10_000}, {"1MB", 1_000_000}} {
		b.Run(size.name, func(b *testing.B) {
			srv := redistest.Start(b)
			cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 4})
			defer cl.Close()
			q := NewQueue(cl, "bench")
			a := benchAttempt(b, cl, q)
			data := make([]byte, size.n)
			for i := range data {
				data[i] = byte('a' + i%26)
			}
			b.ReportAllocs()
			b.SetBytes(int64(size.n))
			b.ResetTimer()
			if _, err := rt.Run(saveCheckpointsAsync(a, data, b.N)); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			cp := b.Elapsed()
			start := time.Now()
			if _, err := rt.Run(enqueueNAsync(q, b.N)); err != nil {
				b.Fatal(err)
			}
			enq := time.Since(start)
			b.ReportMetric(float64(cp)/float64(enq), "x-enqueue")
			b.ReportMetric(float64(enq.Nanoseconds())/float64(b.N), "enqueue-ns/op")
		})
	}
}
