//go:build unix

package ajobs

import (
	"errors"
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/durable"
)

// DefaultDurableHold is the longest durable sleep a worker sleeps itself,
// holding the job, unless WorkerOptions.DurableHold says otherwise;
// longer ones release the worker (see DefineDurable).
const DefaultDurableHold = time.Second

// ErrDurableSleep is what the Store of a durable job returns to a
// durable.Sleep that lasts longer than the worker's DurableHold, once the
// sleep's checkpoint is saved: durable.Sleep returns it (wrapped), the
// durable function returns it as it returns any error, and the job's
// handler turns it into SleepUntil(the sleep's end), so that no worker
// holds the job meanwhile. A durable function must return Sleep's error.
var ErrDurableSleep = errors.New("ajobs: durable sleep: the job is rescheduled for the sleep's end")

// DefineDurable is Define for a durable function (//async durable, see
// rt/durable): fn is its companion, and each attempt of a job of this
// type runs it as a durable run whose id is the job's id, with the job's
// checkpoints (SaveCheckpoint) as its store. The first attempt starts
// fn(args); a later one — after its worker was killed, after a failed
// attempt, after RetryDead, after a durable sleep — resumes from the
// job's last checkpoint with durable.Resume, so finished steps are not
// run again and the frames go on where they were. Step keys are
// "JOBID/INDEX/NAME": stable across the job's attempts, idempotency keys
// for the outside world.
//
// A checkpoint that cannot be resumed — its frames' fingerprints unknown
// to this build (durable.ErrUnknownFingerprint: the function's shape
// changed and no //durable:was version kept the old one), or data that
// does not decode (durable.ErrCorrupt), or whose //durable:migrate
// function failed (*durable.MigrationError) — makes the job dead at once, with
// the error, since a retry by the same build cannot succeed: the job and
// its checkpoint stay in the dead set, for inspection, and for RetryDead
// once a build that knows the fingerprint runs.
//
// A durable.Sleep longer than the worker's DurableHold releases the
// worker: its checkpoint is saved (with the wake time), Sleep returns
// ErrDurableSleep, which the durable function must return (as it returns
// any error: `if err := durable.Sleep(...); err != nil { return r, err
// }`), and the job sleeps in the queue for what is left of the sleep
// (SleepFor: its length taken by the sleeping worker's clock, counted by
// Redis's, so a skew between that worker's clock and Redis's does not
// move the wake-up); the next attempt resumes after the sleep, sleeping
// only what is left by its own clock (nothing when it is past; an
// attempt that finds more than DurableHold left, woken early or on a
// clock behind the first worker's, sleeps that in the queue again). So a
// wake-up is late by at most the skew between the two workers' clocks,
// and never spins. Should the function
// ignore the error, the checkpoints it reaches afterwards are refused
// with the same error and the job sleeps all the same: its next attempt
// resumes from the sleep, running what followed it again. Shorter sleeps
// are slept by the worker, holding the job.
//
// A step's error is recorded like its value: a later attempt resumes
// after the step and gets the same error (a *durable.RestoredError), it
// does not run the step again. So a job's Retries do not retry a failed
// step: retry transient failures inside the step's coroutine, and let it
// return an error only when the failure is final. A function that is not
// durable (not //async durable) makes the job dead at once
// (durable.ErrNotDurable).
//
// The checkpoint's Name is the snapshot's resume point
// ("step:charge", "checkpoint:done", "sleep:cool-off"), its Fingerprint
// the snapshot's frame fingerprints (cut to MaxCheckpointName), so that
// inspection (cmd/ajobs) shows where a durable job is; its Data is the
// whole snapshot (durable.Snapshot.MarshalBinary), bounded by the
// worker's MaxCheckpoint.
func DefineDurable[A, R any](name string, fn func(A) rt.Awaitable[R]) *JobType[A, R] {
	if fn == nil {
		panic(fmt.Sprintf("ajobs.DefineDurable(%q): nil function", name))
	}
	return Define(name, func(a A) rt.Awaitable[R] { return runDurableAsync(fn, a) })
}

// errDead marks an error after which retrying cannot help: the job dies
// at once.
type errDead struct{ err error }

func (e errDead) Error() string { return e.err.Error() }
func (e errDead) Unwrap() error { return e.err }

// jobStore is the durable.Store of one attempt of a durable job.
type jobStore struct {
	a     *attempt
	hold  time.Duration
	sleep time.Time // the wake time of a released sleep, once saved
}

func (s *jobStore) Save(snap durable.Snapshot) rt.Awaitable[struct{}] {
	return s.saveAsync(snap)
}

// save writes snap as the job's checkpoint; for a sleep longer than the
// hold it then returns ErrDurableSleep.
//
// async
func (s *jobStore) save(snap durable.Snapshot) error {
	if !s.sleep.IsZero() {
		return fmt.Errorf("%w (the durable function went on after its sleep's error; checkpoint %s not saved)", ErrDurableSleep, snap.Checkpoint)
	}
	data, err := snap.MarshalBinary()
	if err != nil {
		return err
	}
	cp := Checkpoint{Name: clip(snap.Checkpoint), Fingerprint: clip(snap.Fingerprint), Data: data}
	if err := s.a.saveCheckpoint(cp); err != nil {
		return err
	}
	if !snap.WakeAt.IsZero() && time.Until(snap.WakeAt) > s.hold {
		s.sleep = snap.WakeAt
		return ErrDurableSleep
	}
	return nil
}

// clip cuts s to MaxCheckpointName bytes, marking the cut.
func clip(s string) string {
	if len(s) <= MaxCheckpointName {
		return s
	}
	return s[:MaxCheckpointName-3] + "..."
}

// runDurable is the handler of a durable job type: it starts or resumes
// the job's durable run.
//
// async
func runDurable[A, R any](fn func(A) rt.Awaitable[R], args A) (R, error) {
	var zero R
	a := attemptOf(rt.CurrentTask())
	if a == nil {
		return zero, ErrNotInJob
	}
	cp, err := a.lastCheckpoint()
	if err != nil {
		return zero, err
	}
	store := &jobStore{a: a, hold: a.w.opts.DurableHold}
	var aw rt.Awaitable[R]
	if cp == nil {
		aw = durable.Start(store, a.job(), fn(args))
	} else {
		var snap durable.Snapshot
		if err := snap.UnmarshalBinary(cp.Data); err != nil {
			return zero, errDead{fmt.Errorf("durable job %s: checkpoint %d (%s): %w", a.job(), cp.Seq, cp.Name, err)}
		}
		if !snap.WakeAt.IsZero() && time.Until(snap.WakeAt) > store.hold {
			// Woken early (RetryDead, a moved job, clocks apart): sleep
			// on in the queue rather than in this worker, for what is
			// left by this worker's clock, counted by Redis's.
			return zero, SleepFor(time.Until(snap.WakeAt))
		}
		aw = durable.Resume[R](store, snap)
	}
	r, err := rt.Await(aw)
	if !store.sleep.IsZero() {
		// The wake time is this worker's clock's: the queue counts the
		// sleep's length by Redis's (SleepFor), so a skew between the
		// two does not move the wake-up.
		return zero, SleepFor(time.Until(store.sleep))
	}
	var merr *durable.MigrationError
	if cp != nil && (errors.Is(err, durable.ErrUnknownFingerprint) || errors.Is(err, durable.ErrCorrupt) || errors.As(err, &merr)) {
		return zero, errDead{fmt.Errorf("durable job %s cannot resume from checkpoint %d (%s): %w", a.job(), cp.Seq, cp.Name, err)}
	}
	if errors.Is(err, durable.ErrNotDurable) {
		return zero, errDead{fmt.Errorf("ajobs.DefineDurable(%q): %w", a.typ(), err)}
	}
	return r, err
}
