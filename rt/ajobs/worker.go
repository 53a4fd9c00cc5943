//go:build unix

package ajobs

import (
	"errors"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// WorkerOptions configure a Worker; the zero value of each field is a
// sensible default.
type WorkerOptions struct {
	// Concurrency is how many jobs the worker runs at once (default 10);
	// it reads only as many jobs as it has free slots.
	Concurrency int
	// Lease is how long a job stays with a worker that stopped renewing
	// it (a killed or frozen process) before another worker reclaims it
	// (default 30 s). Idle time is measured by Redis.
	Lease time.Duration
	// Heartbeat is how often the leases of the running jobs are renewed
	// (default Lease/3), all of a queue's in one call.
	Heartbeat time.Duration
	// ReclaimInterval is how often the worker looks for jobs whose lease
	// expired; it is also the longest a blocking read waits (default
	// Lease/2).
	ReclaimInterval time.Duration
	// MoveInterval is the longest the worker waits before it looks for
	// delayed jobs that became due (default 1 s; it wakes sooner when
	// Redis says the next one is due sooner).
	MoveInterval time.Duration
	// Backoff is the delay before the first retry (default 1 s); it
	// doubles with each attempt, with jitter (between half and all of it),
	// up to MaxBackoff (default 5 min).
	Backoff, MaxBackoff time.Duration
	// Consumer names the worker in the consumer group; it must be unique
	// among live workers (default host-pid-random).
	Consumer string
	// MaxCheckpoint bounds the Data of a checkpoint a job of this worker
	// saves (default DefaultMaxCheckpoint, 1 MiB); a larger one is
	// ErrCheckpointTooLarge, before anything is sent.
	MaxCheckpoint int
	// DurableHold is the longest durable.Sleep of a durable job
	// (DefineDurable) that the worker sleeps itself, holding the job
	// (default DefaultDurableHold, 1 s); a longer one releases the
	// worker: the job sleeps in the queue (SleepUntil).
	DurableHold time.Duration
	// Logf reports what a worker cannot return as an error: Redis
	// unreachable, a refused completion (default log.Printf).
	Logf func(format string, args ...any)
}

// Stats count what a worker did.
type Stats struct {
	Started   int // attempts started (read or reclaimed)
	Reclaimed int // of which reclaimed from another consumer
	Done      int // completed with a result
	Retried   int // failed, a retry scheduled
	Dead      int // failed for good (dead-lettered)
	Refused   int // completions refused: the lease was lost meanwhile
	LeaseLost int // attempts cancelled because a heartbeat found the lease lost
	Renewed   int // leases renewed by heartbeats
	Beats     int // lease-renewal calls: one per queue and heartbeat, for all its running jobs
	GivenBack int // deliveries read beyond the free slots, queued again
	Abandoned int // attempts cancelled at shutdown, left for reclaim
	Slept     int // attempts ended by SleepUntil or SleepFor, rescheduled

	Checkpoints        int // checkpoints saved
	CheckpointsRefused int // checkpoints refused: the lease was lost meanwhile
}

// Worker runs the jobs of one or more queues on the current loop. Make it
// with NewWorker, run it with Run, stop it with Stop.
type Worker struct {
	cl      *aredis.Client
	queues  []*Queue
	opts    WorkerOptions
	sem     *rt.Semaphore
	stop    rt.Event
	idle    rt.Event
	grace   time.Duration
	active  int
	abandon bool
	kept    map[string]bool    // entries of the jobs abandoned at shutdown
	ended   []*attempt         // attempts whose task ended, for the reaper
	endedEv rt.Event           // set when ended gets one
	reaper  *rt.Task[struct{}] // started by the first launch, stopped by Run
	pipe    *aredis.Pipeline   // launch's, for the jobs' hashes
	stats   Stats
}

// attempt is one delivery of a job being run. It is also the bottom frame
// of the job's task (begin): what a sleeping in-flight job costs the
// worker is this, the task, the job's frames and the entry of the map
// that finds it (current, which is also the worker's list of running
// attempts: runningOf), so every word here counts (see
// TestInFlightMemory).
type attempt struct {
	w          *Worker
	q          *Queue
	ids        string // the entry's id, then the job's: one allocation (newAttempt)
	deliveries int64
	task       *rt.Task[struct{}]
	cp         *loadedCheckpoint // the last checkpoint as read, nil until read
	aw         jobRun            // the job, run by the attempt as its task's frame
	try        int32
	split      uint8 // len(entry): a stream entry's id is at most 41 bytes
	lost       bool
	started    bool // aw was started
	canceled   bool // by cancel before the task's first step
}

// newAttempt returns the attempt of delivery entry of job (strings of a
// reply) in one string of its own: the reply's strings point into its
// buffer, which would stay alive, all of its entries with it, as long as
// any of its jobs runs.
func newAttempt(w *Worker, q *Queue, entry, job string, deliveries int64) *attempt {
	if len(entry) > 255 {
		panic("ajobs: stream entry id of more than 255 bytes: " + entry)
	}
	ids := entry + job // a new string, unless one of them is empty
	if entry == "" || job == "" {
		ids = strings.Clone(ids)
	}
	return &attempt{w: w, q: q, ids: ids, split: uint8(len(entry)), deliveries: deliveries}
}

func (a *attempt) entry() string { return a.ids[:a.split] }

func (a *attempt) job() string { return a.ids[a.split:] }

// typ returns the job's type name (the registered one, not a string of a
// reply), once it runs.
func (a *attempt) typ() string {
	if a.aw == nil {
		return ""
	}
	return a.aw.typeName()
}

// NewWorker returns a worker for queues (all on cl), the most urgent
// first: free slots are filled from the first queue that has jobs.
func NewWorker(cl *aredis.Client, opts WorkerOptions, queues ...*Queue) *Worker {
	if opts.Concurrency <= 0 {
		opts.Concurrency = 10
	}
	if opts.Lease <= 0 {
		opts.Lease = 30 * time.Second
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = opts.Lease / 3
	}
	if opts.ReclaimInterval <= 0 {
		opts.ReclaimInterval = opts.Lease / 2
	}
	if opts.MoveInterval <= 0 {
		opts.MoveInterval = time.Second
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 5 * time.Minute
	}
	if opts.Consumer == "" {
		host, _ := os.Hostname()
		opts.Consumer = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), newID()[:6])
	}
	if opts.MaxCheckpoint <= 0 {
		opts.MaxCheckpoint = DefaultMaxCheckpoint
	}
	if opts.DurableHold <= 0 {
		opts.DurableHold = DefaultDurableHold
	}
	if opts.Logf == nil {
		opts.Logf = log.Printf
	}
	if len(queues) == 0 {
		panic("ajobs.NewWorker: no queue")
	}
	return &Worker{cl: cl, queues: queues, opts: opts, sem: rt.NewSemaphore(opts.Concurrency), kept: map[string]bool{}}
}

// Consumer returns the worker's name in the consumer group.
func (w *Worker) Consumer() string { return w.opts.Consumer }

// Stats returns what the worker did so far.
func (w *Worker) Stats() Stats { return w.stats }

// Stop asks a running worker to stop: it reads no more jobs, lets the
// running ones finish for at most grace, then cancels the rest without
// completing them (their leases run out and other workers reclaim them).
// Call it on the worker's loop (from a task, or with the loop's
// CallSoonThreadSafe).
func (w *Worker) Stop(grace time.Duration) {
	w.grace = grace
	w.stop.Set()
}

// RunUntilSignal runs the worker until the process receives one of sigs
// (SIGINT and SIGTERM when none is given) or Stop is called, then shuts it
// down as Stop(grace) does: it reads no more jobs, lets the running ones
// finish for at most grace and leaves the rest for reclaim. It returns
// once the worker has shut down: the main of a worker process is
//
//	_, err := rt.Run(w.RunUntilSignalAsync(10 * time.Second))
//
// The signals are taken over before the worker reads its first job (a
// signal before that ends the process as usual, with nothing started) and
// stay registered with os/signal until the loop closes, so that a second
// SIGINT does not kill a worker that drains (see rt.WaitSignal).
//
// async
func (w *Worker) RunUntilSignal(grace time.Duration, sigs ...os.Signal) error {
	if len(sigs) == 0 {
		sigs = []os.Signal{syscall.SIGINT, syscall.SIGTERM}
	}
	watch := rt.Spawn(w.stopOnSignalAsync(grace, sigs), rt.Name("ajobs signals"))
	rt.Sleep(0) // the watcher registers the signals before the first read
	err := w.Run()
	watch.Cancel()
	rt.Await(watch)
	return err
}

// stopOnSignal stops w with grace when one of sigs arrives.
//
// async
func (w *Worker) stopOnSignal(grace time.Duration, sigs []os.Signal) {
	if _, err := rt.WaitSignal(sigs...); err != nil {
		return
	}
	w.Stop(grace)
}

// Run runs the worker until Stop, then returns once it has shut down.
//
// async
func (w *Worker) Run() error {
	for _, q := range w.queues {
		_, err := w.cl.Do("XGROUP", "CREATE", q.stream(), group, "0", "MKSTREAM")
		var re *aredis.RedisError
		if err != nil && !(errors.As(err, &re) && re.Code() == "BUSYGROUP") {
			return fmt.Errorf("ajobs: creating the consumer group of %s: %w", q.name, err)
		}
	}
	reader := rt.Spawn(w.readLoopAsync(), rt.Name("ajobs reader"))
	beats := rt.Spawn(w.heartbeatsAsync(), rt.Name("ajobs heartbeats"))
	movers := make([]*rt.Task[struct{}], len(w.queues))
	for i, q := range w.queues {
		movers[i] = rt.Spawn(w.moverAsync(q), rt.Name("ajobs mover "+q.name))
	}
	w.stop.Wait()
	reader.Cancel()
	rt.Await(reader)
	for _, m := range movers {
		m.Cancel()
		rt.Await(m)
	}
	if _, err := rt.Await(rt.WaitFor(w.drainedAsync(), w.grace)); err != nil {
		w.abandon = true
		for _, a := range runningOf(w) {
			w.kept[a.entry()] = true
			a.cancel()
		}
		w.drained()
	}
	beats.Cancel()
	rt.Await(beats)
	if r := w.reaper; r != nil {
		w.reaper = nil
		r.Cancel()
		rt.Await(r)
	}
	w.sweep()
	return nil
}

// sweep gives back the deliveries this worker holds but never started:
// a blocking read cancelled at shutdown closes its connection, and an
// entry Redis handed to it before it saw the close is in this consumer's
// pending entries without the worker knowing. Left alone it would wait
// for a lease to run out. The jobs abandoned at shutdown are left for
// reclaim. Best effort: a failure only means waiting for the lease.
//
// async
func (w *Worker) sweep() {
	rt.Sleep(20 * time.Millisecond) // let Redis see the reader's connection close
	for _, q := range w.queues {
		v, err := w.cl.Do("XPENDING", q.stream(), group, "-", "+", 1000, w.opts.Consumer)
		if err != nil {
			w.opts.Logf("ajobs: listing the pending jobs of %s at shutdown: %v", q.name, err)
			continue
		}
		for _, p := range v.Elems {
			if len(p.Elems) < 1 || w.kept[p.Elems[0].Str] {
				continue
			}
			id := p.Elems[0].Str
			e, err := w.cl.Do("XRANGE", q.stream(), id, id)
			if err != nil || len(e.Elems) != 1 {
				continue
			}
			_, job := entryJob(e.Elems[0])
			if _, err := givebackScript.Run(w.cl, []string{q.stream()}, group, id, w.opts.Consumer, job); err == nil {
				w.stats.GivenBack++
			}
		}
	}
}

// drained waits until no job runs.
//
// async
func (w *Worker) drained() {
	for w.active > 0 {
		w.idle.Clear()
		w.idle.Wait()
	}
}

// readLoop takes free slots (at most readBatch at a time), reclaims
// expired leases when it is time and reads new jobs for the slots left,
// blocking until some come.
//
// async
func (w *Worker) readLoop() {
	var nextReclaim time.Time
	pause := 50 * time.Millisecond
	for {
		w.sem.Acquire()
		n := 1
		for n < readBatch && w.sem.TryAcquire() { // a read asks for readBatch at most
			n++
		}
		got := 0
		var err error
		if !rt.Now().Before(nextReclaim) {
			got, err = w.reclaim(n)
			nextReclaim = rt.Now().Add(w.opts.ReclaimInterval)
		}
		if err == nil && got < n {
			var g int
			g, err = w.read(n - got)
			got += g
		}
		for i := got; i < n; i++ {
			w.sem.Release()
		}
		if err != nil {
			w.opts.Logf("ajobs: worker %s: %v (retrying in %v)", w.opts.Consumer, err, pause)
			rt.Sleep(pause)
			pause = min(2*pause, time.Second)
		} else {
			pause = 50 * time.Millisecond
		}
	}
}

// readBatch bounds the entries one read asks for: a reply of thousands
// of entries is one buffer and one tree of values until all of them have
// started, garbage the heap grows for, and saves no round trip per job.
const readBatch = 256

// read reads at most n new deliveries, starts them and returns how many
// it started. It asks the queues in order, the first first (a priority),
// without blocking, for as many as there are slots left (at most
// readBatch: a queue that gives that many is asked first again, by the
// next read); when all are empty it blocks on all of them at once, for
// one entry each, for at most the reclaim interval. Redis counts COUNT
// per stream, so that read may return one entry per queue: the extra
// ones are given back.
//
// async
func (w *Worker) read(n int) (int, error) {
	started := 0
	for _, q := range w.queues {
		if started == n {
			return started, nil
		}
		count := min(n-started, readBatch)
		v, err := w.cl.Do("XREADGROUP", "GROUP", group, w.opts.Consumer, "COUNT", count, "STREAMS", q.stream(), ">")
		if err != nil {
			return started, err
		}
		got := w.startRead(v, count)
		started += got
		if got == readBatch {
			return started, nil // this queue may have more: it comes first
		}
	}
	if started > 0 {
		return started, nil
	}
	args := []any{"XREADGROUP", "GROUP", group, w.opts.Consumer, "COUNT", 1, "BLOCK", w.opts.ReclaimInterval.Milliseconds(), "STREAMS"}
	for _, q := range w.queues {
		args = append(args, q.stream())
	}
	for range w.queues {
		args = append(args, ">")
	}
	v, err := w.cl.Do(args...)
	if err != nil {
		return 0, err
	}
	return w.startRead(v, 1), nil
}

// startRead starts at most n of the deliveries in an XREADGROUP reply
// and gives the rest back; it returns how many it started.
//
// async
func (w *Worker) startRead(v aredis.Value, n int) int {
	if v.IsNull() {
		return 0
	}
	started := 0
	streams := v.Elems
	step := 1
	if v.Kind == aredis.Map { // RESP3
		step = 2
	}
	for i := 0; i+step-1 < len(streams); i += step {
		var name string
		var entries []aredis.Value
		if step == 2 {
			name, entries = streams[i].Str, streams[i+1].Elems
		} else if len(streams[i].Elems) == 2 {
			name, entries = streams[i].Elems[0].Str, streams[i].Elems[1].Elems
		}
		q := w.queueOf(name)
		var batch []*attempt
		for _, e := range entries {
			id, job := entryJob(e)
			if started < n {
				started++
				batch = append(batch, newAttempt(w, q, id, job, 1))
				continue
			}
			if _, err := givebackScript.Run(w.cl, []string{q.stream()}, group, id, w.opts.Consumer, job); err != nil {
				w.opts.Logf("ajobs: giving back %s: %v (it will be reclaimed)", id, err)
			}
			w.stats.GivenBack++
		}
		w.launch(q, batch)
	}
	return started
}

// reclaim takes over at most n deliveries whose lease expired (idle, by
// Redis's clock, for longer than Lease) and starts them.
//
// async
func (w *Worker) reclaim(n int) (int, error) {
	started := 0
	for _, q := range w.queues {
		if started == n {
			break
		}
		v, err := w.cl.Do("XAUTOCLAIM", q.stream(), group, w.opts.Consumer, w.opts.Lease.Milliseconds(), "0-0", "COUNT", n-started)
		if err != nil {
			return started, err
		}
		if len(v.Elems) < 2 {
			continue
		}
		var batch []*attempt
		for _, e := range v.Elems[1].Elems {
			id, job := entryJob(e)
			// Learn the delivery count, which fences this attempt.
			l, err := leaseScript.Run(w.cl, []string{q.stream()}, group, id, w.opts.Consumer, 0)
			if err != nil {
				w.launch(q, batch)
				return started, err
			}
			if l.Int() < 0 {
				continue // taken again meanwhile
			}
			started++
			w.stats.Reclaimed++
			batch = append(batch, newAttempt(w, q, id, job, l.Int()))
		}
		w.launch(q, batch)
	}
	return started, nil
}

// entryJob returns a stream entry's id and its job id (strings of the
// reply: see newAttempt).
func entryJob(e aredis.Value) (id, job string) {
	if len(e.Elems) != 2 {
		return "", ""
	}
	id = e.Elems[0].Str
	f := e.Elems[1].Elems
	for i := 0; i+1 < len(f); i += 2 {
		if f[i].Str == "job" {
			job = f[i+1].Str
		}
	}
	return id, job
}

func (w *Worker) queueOf(stream string) *Queue {
	for _, q := range w.queues {
		if q.stream() == stream {
			return q
		}
	}
	return w.queues[0]
}

// launch starts the deliveries of q in batch, each holding one slot: it
// reads their jobs' hashes, in pipelines of at most 256 (one round trip
// for many jobs), then starts each (begin) in a task of its own.
//
// async
func (w *Worker) launch(q *Queue, batch []*attempt) {
	const chunk = 256
	if w.reaper == nil && len(batch) > 0 {
		w.reaper = rt.Spawn(w.reapAsync(), rt.Name("ajobs reaper"))
	}
	for len(batch) > 0 {
		part := batch[:min(chunk, len(batch))]
		batch = batch[len(part):]
		if w.pipe == nil || w.pipe.Len() > 0 { // one left full by a cancelled Exec is dropped
			w.pipe = w.cl.Pipeline()
		}
		p := w.pipe // its buffer is reused
		for _, a := range part {
			p.Add("HMGET", q.jobKey(a.job()), "type", "args", "timeout", "tries")
		}
		vs, err := p.Exec()
		for i, a := range part {
			var v aredis.Value
			if err == nil {
				v = vs[i]
			}
			if dead, run := w.begin(a, v, err); dead != nil {
				rt.Spawn(dead)
			} else if run {
				a.task = rt.Spawn(rt.Awaitable[struct{}](a))
				// Observed from now on: its failure is the worker's to
				// record (finishJob), not the loop's to report as never
				// retrieved.
				a.task.Result()
				// Bound before its first step, which runs on a later loop
				// iteration; bound is also running, for the heartbeats
				// (runningOf).
				bindAttempt(&a.task.Coro, a)
			}
		}
	}
}

// begin prepares attempt a, whose job's hash v was read (or not: err):
// run reports that its task is to be started (launch), dead is a
// coroutine to spawn instead that dead-letters it; with neither, its slot
// was freed (Redis failed, or the worker is shutting down: the job is
// left for reclaim). The job's task has the attempt as its bottom frame
// (see Resume): no other task waits for it while it runs, and nothing of
// the hash as read is kept (the type's name is the registered one, the
// arguments are decoded by the job's first step). When the task ends,
// the reaper records the outcome, in a task of its own (finishJob). It is
// not async, so that it allocates no frame per job.
func (w *Worker) begin(a *attempt, v aredis.Value, err error) (dead rt.Awaitable[struct{}], run bool) {
	w.active++
	w.stats.Started++
	if err == nil {
		err = v.Err()
	}
	if err != nil {
		w.opts.Logf("ajobs: reading job %s: %v (it will be reclaimed)", a.job(), err)
		w.jobEnded(a)
		return nil, false
	}
	if a.job() == "" || len(v.Elems) != 4 || v.Elems[0].IsNull() {
		return w.deadJobAsync(a, "no such job (its hash is missing)"), false
	}
	r := lookup(v.Elems[0].Str)
	if r == nil {
		return w.deadJobAsync(a, fmt.Sprintf("unknown job type %q (this worker knows %q)", v.Elems[0].Str, knownTypes())), false
	}
	timeout, _ := strconv.ParseInt(v.Elems[2].Str, 10, 64)
	tries, _ := strconv.Atoi(v.Elems[3].Str)
	if w.abandon {
		w.jobEnded(a) // shutting down: left for reclaim
		return nil, false
	}
	a.try = int32(tries + 1)
	// The arguments as read, decoded by the job's first step: until then
	// they keep this reply's buffer (its own, one per reply of the
	// pipeline), not a copy.
	a.aw = r.run(v.Elems[1].Str, time.Duration(timeout)*time.Millisecond)
	return nil, true
}

// AwaitStart, Resume and AwaitResult make the attempt the bottom frame
// of its job's task (the task's body, under rt's root): it runs the job's
// coroutine and, when that returns, fails, panics or is cancelled, hands
// the attempt to the reaper. A task is the unit that survives a panic or
// a cancellation of its job, so the outcome is recorded from another
// task, once this one has ended.
func (a *attempt) AwaitStart(c *rt.Coro) rt.Status { return c.Push(a) }

func (a *attempt) Resume(c *rt.Coro) rt.Status {
	if !a.started && !a.canceled && !c.Unwinding() {
		a.started = true
		if s := a.aw.AwaitStart(c); s != rt.Ready {
			return s
		}
	}
	w := a.w
	w.ended = append(w.ended, a)
	w.endedEv.Set()
	return rt.Ready
}

func (a *attempt) AwaitResult() (struct{}, error) {
	if !a.started {
		return struct{}{}, rt.ErrCanceled
	}
	return struct{}{}, a.aw.end()
}

// cancel cancels the attempt's job. A task cancelled before its first
// step would end without running its frames, this one included, and the
// reaper would never hear of it: such an attempt is marked instead, and
// its first step ends it as cancelled.
func (a *attempt) cancel() {
	if a.started {
		a.task.Cancel()
	} else {
		a.canceled = true
	}
}

// AwaitLine names the job in task dumps (rt.Locator).
func (a *attempt) AwaitLine() string { return "ajobs job " + a.job() + " (" + a.typ() + ")" }

// reap records the outcomes of the attempts whose task ended, each in a
// task of its own (finishJob), until cancelled: it is the worker's
// reaper task. When the loop ends without Stop, the reaper is cancelled
// with the jobs and records nothing: their jobs are left for reclaim, as
// a killed worker's are.
//
// async
func (w *Worker) reap() {
	for {
		for len(w.ended) == 0 {
			w.endedEv.Clear()
			w.endedEv.Wait()
		}
		ended := w.ended
		w.ended = nil
		for _, a := range ended {
			rt.Spawn(w.finishJobAsync(a))
		}
	}
}

func (w *Worker) jobEnded(a *attempt) {
	if a.task != nil {
		unbindAttempt(&a.task.Coro)
	}
	w.active--
	w.sem.Release()
	if w.active == 0 {
		w.idle.Set()
	}
}

// deadJob dead-letters an attempt that cannot run, with msg.
//
// async
func (w *Worker) deadJob(a *attempt, msg string) {
	defer w.jobEnded(a)
	w.finish(a, "dead", msg, "", 0)
}

// finishJob records the outcome of attempt a, whose task has ended, and
// frees its slot.
//
// async
func (w *Worker) finishJob(a *attempt) {
	defer w.jobEnded(a)
	_, jerr := rt.Await(a.task)
	var res string
	if jerr == nil {
		res = a.aw.output()
	}
	w.outcome(a, res, jerr)
}

// outcome records how an attempt's task ended: a result, a retry, a
// sleep or a death; nothing when its lease was lost or the worker
// abandoned it at shutdown.
//
// async
func (w *Worker) outcome(a *attempt, res string, jerr error) {
	if a.lost {
		w.stats.LeaseLost++
		return
	}
	if w.abandon && errors.Is(jerr, rt.ErrCanceled) {
		w.stats.Abandoned++
		return
	}
	if jerr == nil {
		w.finish(a, "ok", res, "", 0)
		return
	}
	var se *sleepError
	if errors.As(jerr, &se) {
		w.finishSleep(a, se)
		return
	}
	var mal errMalformed
	var dead errDead
	if errors.As(jerr, &mal) || errors.As(jerr, &dead) {
		w.finish(a, "dead", fmt.Sprintf("%s: %v", a.typ(), jerr), "", 0)
		return
	}
	stack := ""
	var pe *rt.PanicError
	if errors.As(jerr, &pe) {
		stack = string(pe.Stack)
	}
	w.finish(a, "retry", fmt.Sprintf("%s: %v", a.typ(), jerr), stack, w.backoff(int(a.try)-1))
}

// backoff returns the delay before retry number tries+1: Backoff doubled
// tries times, capped at MaxBackoff, with jitter between half and all of
// it so that jobs that failed together do not retry together.
func (w *Worker) backoff(tries int) time.Duration {
	d := w.opts.MaxBackoff
	if tries < 30 {
		d = min(w.opts.Backoff<<tries, w.opts.MaxBackoff)
	}
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// heartbeats renews the leases of the running attempts every Heartbeat
// until cancelled: one script call per queue (per 500 jobs) for all its
// attempts, not one per job. An attempt whose lease is found lost
// (another worker reclaimed the job) has its task cancelled.
//
// async
func (w *Worker) heartbeats() {
	const chunk = 500
	for {
		rt.Sleep(w.opts.Heartbeat)
		running := runningOf(w)
		for _, q := range w.queues {
			var batch []*attempt
			for _, a := range running {
				if a.q == q && !a.lost {
					batch = append(batch, a)
				}
			}
			for len(batch) > 0 {
				n := min(chunk, len(batch))
				args := make([]any, 0, 2+2*n)
				args = append(args, group, w.opts.Consumer)
				for _, a := range batch[:n] {
					args = append(args, a.entry(), a.deliveries)
				}
				w.stats.Beats++
				v, err := leasesScript.Run(w.cl, []string{q.stream()}, args...)
				if err != nil {
					w.opts.Logf("ajobs: renewing the leases of %d jobs of %s: %v", n, q.name, err)
				} else {
					for i, a := range batch[:n] {
						if i < len(v.Elems) && v.Elems[i].Int() == 1 {
							w.stats.Renewed++
						} else if i < len(v.Elems) && attemptOf(&a.task.Coro) == a {
							a.lost = true
							a.cancel()
						}
					}
				}
				batch = batch[n:]
			}
		}
	}
}

// finish records an attempt's outcome with the fenced complete script,
// retrying while Redis is unreachable, for at most a lease: later the
// fence would refuse it anyway.
//
// async
func (w *Worker) finish(a *attempt, outcome, msg, stack string, delay time.Duration) {
	w.complete(a, outcome, msg, stack, delay.Milliseconds(), -1)
}

// finishSleep ends an attempt that asked to sleep: the job is rescheduled
// without counting a try.
//
// async
func (w *Worker) finishSleep(a *attempt, se *sleepError) {
	w.complete(a, "sleep", "", "", se.delay.Milliseconds(), se.at)
}

// complete runs the complete script (see finish); at is a sleep's due
// time in unix ms, or -1.
//
// async
func (w *Worker) complete(a *attempt, outcome, msg, stack string, delayMs, at int64) {
	q := a.q
	until := rt.Now().Add(w.opts.Lease)
	pause := 20 * time.Millisecond
	for {
		v, err := q.write(completeScript, []string{q.stream(), q.jobKey(a.job()), q.doneKey(a.job()), q.delayed(), q.dead()},
			group, a.entry(), w.opts.Consumer, a.deliveries, outcome, msg, stack, delayMs, a.job(), at)
		if errors.Is(err, ErrNotReplicated) {
			w.opts.Logf("ajobs: completing job %s: %v", a.job(), err)
			err = nil
		}
		if err == nil {
			switch v.Int() {
			case 0:
				w.stats.Refused++
				w.opts.Logf("ajobs: completion of job %s refused: its lease was lost (another attempt owns it)", a.job())
			case 1:
				w.stats.Done++
			case 2:
				w.stats.Retried++
			case 3:
				w.stats.Dead++
			case 4:
				w.stats.Slept++
			}
			return
		}
		var re *aredis.RedisError
		permanent := errors.As(err, &re) && re.Code() != "LOADING" // a restarted server answers LOADING until its AOF is read
		if permanent || !rt.Now().Before(until) {
			w.opts.Logf("ajobs: completing job %s: %v (it will be reclaimed)", a.job(), err)
			return
		}
		rt.Sleep(pause)
		pause = min(2*pause, time.Second)
	}
}

// mover moves q's delayed jobs to its stream when they are due by Redis's
// clock: Redis says how long until the next one, and the mover sleeps that
// long, or MoveInterval (a job enqueued meanwhile may be due sooner).
//
// async
func (w *Worker) mover(q *Queue) {
	const batch = 100
	for {
		wait := w.opts.MoveInterval
		v, err := moveDueScript.Run(w.cl, []string{q.delayed(), q.stream()}, batch, q.jobPrefix())
		if err != nil {
			w.opts.Logf("ajobs: moving due jobs of %s: %v", q.name, err)
		} else if len(v.Elems) == 2 {
			if v.Elems[0].Int() == batch {
				wait = 0
			} else if next := time.Duration(v.Elems[1].Int()) * time.Millisecond; v.Elems[1].Int() >= 0 && next < wait {
				wait = next
			}
		}
		rt.Sleep(wait)
	}
}
