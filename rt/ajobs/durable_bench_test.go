//go:build unix

package ajobs

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/durtest"
	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/asyncgen/asyncgen/rt/durable"
)

// lastSnap keeps the last snapshot a jobStore saved, for the resume
// benchmark.
type lastSnap struct {
	jobStore
	snap durable.Snapshot
}

func (s *lastSnap) Save(snap durable.Snapshot) rt.Awaitable[struct{}] {
	s.snap = snap
	return s.jobStore.Save(snap)
}

// resumeN resumes the job's last checkpoint n times as a durable job's
// handler does: read it from Redis, decode the snapshot, run the frames
// to their end (Hold returns right after its last checkpoint).
//
// async
func resumeN(a *attempt, store durable.Store, n, want int) error {
	for i := 0; i < n; i++ {
		a.cp = nil
		cp, err := a.lastCheckpoint()
		if err != nil {
			return err
		}
		var snap durable.Snapshot
		if err := snap.UnmarshalBinary(cp.Data); err != nil {
			return err
		}
		got, err := rt.Await(durable.Resume[int](store, snap))
		if err != nil {
			return err
		}
		if got != want {
			return fmt.Errorf("resumed run returned %d, want %d", got, want)
		}
	}
	return nil
}

// BenchmarkDurable measures a durable job's checkpoint (the frame's
// encoding, the snapshot's marshalling, the fenced checkpoint script) and
// its resume (reading the checkpoint, decoding the frames, running them
// to their end) per frame size, each as a ratio to a plain Enqueue
// measured in the same run (x-enqueue).
func BenchmarkDurable(b *testing.B) {
	for _, size := range []struct {
		name    string
		strings int
	}{{"100B", 1}, {"10KB", 100}, {"1MB", 10_000}} {
		data := make([]string, size.strings)
		for i := range data {
			data[i] = strings.Repeat(string(rune('a'+i%26)), 100)
		}
		setup := func(b *testing.B) (*aredis.Client, *Queue, *attempt) {
			srv := redistest.Start(b)
			cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 4})
			b.Cleanup(func() { cl.Close() })
			q := NewQueue(cl, "bench")
			return cl, q, benchAttempt(b, cl, q)
		}
		enqueueRatio := func(b *testing.B, q *Queue, took time.Duration) {
			start := time.Now()
			if _, err := rt.Run(enqueueNAsync(q, b.N)); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(took)/float64(time.Since(start)), "x-enqueue")
		}
		b.Run("checkpoint/"+size.name, func(b *testing.B) {
			_, q, a := setup(b)
			store := &lastSnap{jobStore: jobStore{a: a, hold: time.Second}}
			b.ReportAllocs()
			b.ResetTimer()
			n, err := rt.Run(durable.Start(store, a.job(), durtest.HoldAsync(data, b.N)))
			if err != nil || n != len(data) {
				b.Fatal(n, err)
			}
			b.StopTimer()
			b.ReportMetric(float64(len(store.snap.Data)), "snapshot-bytes")
			enqueueRatio(b, q, b.Elapsed())
		})
		b.Run("resume/"+size.name, func(b *testing.B) {
			_, q, a := setup(b)
			store := &lastSnap{jobStore: jobStore{a: a, hold: time.Second}}
			if _, err := rt.Run(durable.Start(store, a.job(), durtest.HoldAsync(data, 1))); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			if _, err := rt.Run(resumeNAsync(a, store, b.N, len(data))); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			enqueueRatio(b, q, b.Elapsed())
		})
	}
}
