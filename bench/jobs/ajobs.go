//go:build unix

package main

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ajobs"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// Args is every benchmark job's argument, for the three systems alike:
// how long the job sleeps, when the producer enqueued it (Unix ns) and
// whether the job records its enqueue-to-start latency in Redis.
type Args struct {
	Sleep int64 // ms
	Enq   int64 // Unix ns, set just before the enqueue
	Rec   bool  // RPUSH bench:lat <ns from Enq to the job's start>
	Count bool  // INCR bench:done when the job ends (the reclaim phase)
}

// latKey is the list the jobs push their latencies to; doneKey counts
// the jobs that ended, in the reclaim phase.
const (
	latKey  = "bench:lat"
	doneKey = "bench:done"
)

// holdJobs makes every job the worker runs sleep for ten minutes first:
// the worker of the reclaim phase that is killed holding them.
var holdJobs bool

// jobCl is the ajobs worker's client, for the jobs that record latency.
var jobCl *aredis.Client

// benchJob is the ajobs job.
//
// async
func benchJob(a Args) (struct{}, error) {
	if a.Rec {
		if _, err := jobCl.Do("RPUSH", latKey, time.Now().UnixNano()-a.Enq); err != nil {
			return struct{}{}, err
		}
	}
	if a.Sleep > 0 {
		rt.Sleep(time.Duration(a.Sleep) * time.Millisecond)
	}
	if holdJobs {
		rt.Sleep(10 * time.Minute)
	}
	if a.Count {
		if _, err := jobCl.Do("INCR", doneKey); err != nil {
			return struct{}{}, err
		}
	}
	return struct{}{}, nil
}

// BenchJob is benchJob's job type.
var BenchJob = ajobs.Define("bench/v1", benchJobAsync)

// ajobsQueue is the queue the ajobs producer and worker use.
func ajobsQueue(cl *aredis.Client) *ajobs.Queue { return ajobs.NewQueue(cl, "bench") }

// ajobsWorker runs one worker process with conc slots until killed, with
// the given lease (0: ajobs's default, 30 s; heartbeats and reclaim
// checks at their defaults, lease/3 and lease/2).
func ajobsWorker(sock string, conc int, lease time.Duration) error {
	cl := aredis.New(aredis.Options{Addr: sock, PoolSize: 64})
	jobCl = cl
	w := ajobs.NewWorker(cl, ajobs.WorkerOptions{Concurrency: conc, Lease: lease, Logf: func(string, ...any) {}}, ajobsQueue(cl))
	fmt.Println("ready")
	_, err := rt.Run(w.RunAsync())
	return err
}

// produceAjobs enqueues n jobs with a: par tasks at full speed, or, with
// rate > 0, one every 1/rate s, each enqueue in a task of its own.
//
// async
func produceAjobs(q *ajobs.Queue, n int, a Args, rate int) error {
	var tasks []*rt.Task[struct{}]
	if rate > 0 {
		start := time.Now()
		for i := 0; i < n; i++ {
			if d := time.Until(start.Add(time.Duration(i) * time.Second / time.Duration(rate))); d > 0 {
				rt.Sleep(d)
			}
			tasks = append(tasks, rt.Spawn(produceSomeAsync(q, 1, a)))
		}
	} else {
		const par = 64
		for i := 0; i < par; i++ {
			tasks = append(tasks, rt.Spawn(produceSomeAsync(q, n/par+btoi(i < n%par), a)))
		}
	}
	for _, t := range tasks {
		if _, err := rt.Await(t); err != nil {
			return err
		}
	}
	return nil
}

// produceSome enqueues n jobs one after the other.
//
// async
func produceSome(q *ajobs.Queue, n int, a Args) error {
	for i := 0; i < n; i++ {
		a.Enq = time.Now().UnixNano()
		if _, err := BenchJob.Enqueue(q, a); err != nil {
			return err
		}
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
