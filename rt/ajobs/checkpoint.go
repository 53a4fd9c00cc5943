//go:build unix

package ajobs

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

var (
	//go:embed scripts/checkpoint.lua
	checkpointSrc string

	checkpointScript = aredis.NewScript(checkpointSrc)
)

func init() { scriptSources[checkpointScript] = checkpointSrc }

// Checkpoint is what a running job saves so that a later attempt of the
// same job — after its worker died, after a failure, after a durable
// sleep — can go on from there instead of from the start. ajobs does not
// look inside: Name and Fingerprint are shown by inspection (cmd/ajobs),
// Data is opaque bytes (a durable function's encoded frames, or anything
// the job encodes itself).
type Checkpoint struct {
	Name        string // where the job is, e.g. "fetched 3 of 10"; at most MaxCheckpointName bytes
	Fingerprint string // the shape of Data, e.g. a hash of the frame types; at most MaxCheckpointName bytes
	Data        []byte

	// Set by LastCheckpoint (ignored by SaveCheckpoint):
	Seq   int64     // how many checkpoints the job saved, this one included (1 for the first)
	Saved time.Time // when it was written, by Redis's clock
}

// MaxCheckpointName bounds a checkpoint's Name and Fingerprint.
const MaxCheckpointName = 256

// DefaultMaxCheckpoint is the largest checkpoint Data a worker writes
// unless WorkerOptions.MaxCheckpoint says otherwise.
const DefaultMaxCheckpoint = 1 << 20

var (
	// ErrNotInJob is returned by SaveCheckpoint and LastCheckpoint when
	// they are not called from a job's task: from ordinary code, or from a
	// task the job spawned.
	ErrNotInJob = errors.New("ajobs: not called from a running job's task")
	// ErrLeaseLost is returned (wrapped) by SaveCheckpoint when this
	// attempt no longer holds the job: it was frozen or cut off past its
	// lease and another worker reclaimed the job. Nothing was written;
	// the newer attempt's checkpoints stand. The handler should return: its
	// completion would be refused too.
	ErrLeaseLost = errors.New("ajobs: this attempt lost its lease (another worker reclaimed the job)")
	// ErrCheckpointTooLarge is returned (wrapped) by SaveCheckpoint for a
	// checkpoint over the worker's MaxCheckpoint, or a Name or Fingerprint
	// over MaxCheckpointName. Nothing was sent.
	ErrCheckpointTooLarge = errors.New("ajobs: checkpoint too large")
)

// Job describes the running job, for a handler that wants to know (an
// idempotency key for an outside effect can be Queue+ID+a step number).
type Job struct {
	Queue, ID, Type string
	Try             int // 1 for the first attempt; failed attempts count, reclaims and sleeps do not
}

// current maps the task a job's handler runs in to its attempt. It is a
// side table beside the tasks, like rt's contexts: a handler reaches its
// attempt through rt.CurrentTask, so job functions keep their plain
// signature func(A) (R, error). Workers on several loops share it; it is
// also each worker's list of its running attempts (runningOf).
var current = struct {
	sync.Mutex
	m map[*rt.Coro]*attempt
}{m: map[*rt.Coro]*attempt{}}

func bindAttempt(c *rt.Coro, a *attempt) {
	if c == nil || a == nil {
		return
	}
	current.Lock()
	current.m[c] = a
	current.Unlock()
}

func unbindAttempt(c *rt.Coro) {
	current.Lock()
	delete(current.m, c)
	current.Unlock()
}

// runningOf returns w's attempts whose task runs: those bound. The map
// is the worker's list of them too, rather than a second map of its own
// that every in-flight job would pay an entry in.
func runningOf(w *Worker) []*attempt {
	current.Lock()
	defer current.Unlock()
	var as []*attempt
	for _, a := range current.m {
		if a.w == w {
			as = append(as, a)
		}
	}
	return as
}

func attemptOf(c *rt.Coro) *attempt {
	if c == nil {
		return nil
	}
	current.Lock()
	defer current.Unlock()
	return current.m[c]
}

// CurrentJob returns the running job, and false when not called from a
// job's task.
//
// async
func CurrentJob() (Job, bool) {
	a := attemptOf(rt.CurrentTask())
	if a == nil {
		return Job{}, false
	}
	return Job{Queue: a.q.name, ID: a.job(), Type: a.typ(), Try: int(a.try)}, true
}

// SaveCheckpoint writes cp as the running job's latest checkpoint and
// renews the attempt's lease, in one fenced script: the write happens only
// if this attempt still holds the job (the same check as a completion's),
// and then together with the renewal, so a checkpoint is never written by
// a worker that lost the job, and a worker that saves checkpoints more
// often than its Lease keeps its lease even without heartbeats. It
// returns ErrLeaseLost when the fence refused the write, and
// ErrCheckpointTooLarge. On another error (Redis unreachable, a timeout)
// the checkpoint may or may not have been written: LastCheckpoint, in
// this attempt or the next, says which.
//
// Call it from the job's own task: the handler and the async functions
// it awaits (not from a task it spawns: ErrNotInJob). Any job type can
// save checkpoints; there is nothing to declare.
//
// async
func SaveCheckpoint(cp Checkpoint) error {
	a := attemptOf(rt.CurrentTask())
	if a == nil {
		return ErrNotInJob
	}
	return a.saveCheckpoint(cp)
}

// LastCheckpoint returns the latest checkpoint saved by this attempt or
// an earlier attempt of the same job, with its Seq and Saved time, or nil
// when the job has none. It reads Redis once, and again after each
// SaveCheckpoint; the Checkpoint returned is the caller's (its Data is
// not shared).
//
// async
func LastCheckpoint() (*Checkpoint, error) {
	a := attemptOf(rt.CurrentTask())
	if a == nil {
		return nil, ErrNotInJob
	}
	return a.lastCheckpoint()
}

// async
func (a *attempt) saveCheckpoint(cp Checkpoint) error {
	if len(cp.Name) > MaxCheckpointName || len(cp.Fingerprint) > MaxCheckpointName {
		return fmt.Errorf("%w: name or fingerprint over %d bytes", ErrCheckpointTooLarge, MaxCheckpointName)
	}
	if len(cp.Data) > a.w.opts.MaxCheckpoint {
		return fmt.Errorf("%w: %d bytes of data, more than the worker's MaxCheckpoint (%d)", ErrCheckpointTooLarge, len(cp.Data), a.w.opts.MaxCheckpoint)
	}
	q := a.q
	v, err := q.write(checkpointScript, []string{q.stream(), q.jobKey(a.job())},
		group, a.entry(), a.w.opts.Consumer, a.deliveries, cp.Name, cp.Fingerprint, cp.Data)
	if errors.Is(err, ErrNotReplicated) {
		a.w.opts.Logf("ajobs: checkpoint of job %s: %v", a.job(), err)
		err = nil
	}
	if err != nil {
		a.cp = nil // written or not: read it again next time
		return fmt.Errorf("ajobs: saving a checkpoint of job %s: %w", a.job(), err)
	}
	switch {
	case v.Int() == 0 && len(v.Elems) == 0:
		a.lost = true
		a.w.stats.CheckpointsRefused++
		return fmt.Errorf("ajobs: checkpoint %q of job %s refused: %w", cp.Name, a.job(), ErrLeaseLost)
	case len(v.Elems) != 2:
		return fmt.Errorf("ajobs: checkpoint of job %s: the job is gone or finished", a.job())
	}
	a.w.stats.Checkpoints++
	// Not cached: keeping the data would cost a copy of it per save (the
	// caller may reuse its buffer), for a LastCheckpoint that a handler
	// which has just saved rarely calls.
	a.cp = nil
	return nil
}

// async
func (a *attempt) lastCheckpoint() (*Checkpoint, error) {
	if a.cp != nil {
		if a.cp.cp == nil {
			return nil, nil
		}
		cp := *a.cp.cp
		cp.Data = append([]byte(nil), a.cp.cp.Data...)
		return &cp, nil
	}
	v, err := a.w.cl.Do("HMGET", a.q.jobKey(a.job()), "cp_seq", "cp_name", "cp_fp", "cp_data", "cp_at")
	if err != nil {
		return nil, fmt.Errorf("ajobs: reading the checkpoint of job %s: %w", a.job(), err)
	}
	if len(v.Elems) != 5 {
		return nil, fmt.Errorf("ajobs: reading the checkpoint of job %s: unexpected reply %v", a.job(), v)
	}
	if v.Elems[0].IsNull() {
		a.cp = &loadedCheckpoint{}
		return nil, nil
	}
	cp := &Checkpoint{Name: v.Elems[1].Str, Fingerprint: v.Elems[2].Str, Data: []byte(v.Elems[3].Str)}
	cp.Seq, _ = strconv.ParseInt(v.Elems[0].Str, 10, 64)
	at, _ := strconv.ParseInt(v.Elems[4].Str, 10, 64)
	cp.Saved = time.UnixMilli(at)
	a.cp = &loadedCheckpoint{cp}
	c := *cp
	c.Data = append([]byte(nil), cp.Data...)
	return &c, nil
}

// loadedCheckpoint is an attempt's last checkpoint as read, nil for
// none.
type loadedCheckpoint struct{ cp *Checkpoint }

// sleepError is what SleepUntil and SleepFor return.
type sleepError struct {
	at    int64 // unix ms, or -1
	delay time.Duration
}

func (e *sleepError) Error() string {
	if e.at >= 0 {
		return "ajobs: job sleeps until " + time.UnixMilli(e.at).UTC().Format(time.RFC3339Nano)
	}
	return "ajobs: job sleeps for " + e.delay.String()
}

// SleepUntil returns an error that, returned by a job's handler, ends the
// attempt without failing it: the job waits in the queue's delayed set
// until t (compared with Redis's clock, like At) and then runs again from
// the start of its handler, a new attempt that finds the job's
// checkpoint with LastCheckpoint. No worker holds the job meanwhile, so a
// job can sleep for days; the sleep counts neither as a try nor against
// Retries. The usual shape:
//
//	cp, err := ajobs.LastCheckpoint()
//	... // resume from cp, or start
//	if err := ajobs.SaveCheckpoint(ajobs.Checkpoint{Name: "wait for the invoice", Data: state}); err != nil {
//		return r, err
//	}
//	return r, ajobs.SleepUntil(due)
//
// It may be wrapped (%w). A handler killed between its SaveCheckpoint
// and its return is reclaimed and runs again from that checkpoint, so it
// should decide to sleep from its checkpoint, which it will then do
// again.
func SleepUntil(t time.Time) error { return &sleepError{at: t.UnixMilli()} }

// SleepFor is SleepUntil(d from now), now by Redis's clock (like In).
func SleepFor(d time.Duration) error { return &sleepError{at: -1, delay: d} }
