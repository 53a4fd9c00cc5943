package durable

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// Snapshot is one checkpoint of a durable run: what a Store keeps and what
// Resume starts from.
type Snapshot struct {
	// RunID names the run (a job id): it is the prefix of every step's
	// idempotency key.
	RunID string
	// Seq numbers the run's checkpoints from 1.
	Seq uint64
	// Checkpoint is the resume point the snapshot was taken at:
	// "checkpoint:NAME", "step:NAME" (after the step finished) or
	// "sleep:NAME" (before the sleep began).
	Checkpoint string
	// Fingerprint lists the frames' shapes, outermost first, as
	// "pkg.F@0123456789abcdef" separated by spaces. A build resumes the
	// snapshot only when it knows every one (see ErrUnknownFingerprint).
	Fingerprint string
	// At is when the snapshot was taken (the wall clock of the process
	// that took it), for the age a job listing shows.
	At time.Time
	// WakeAt is when a durable sleep ends (zero for other checkpoints). A
	// resume before it waits until then; a job queue can reschedule the
	// job for that time instead of holding a worker.
	WakeAt time.Time
	// Data is the encoded frame stack (see the format in codec.go).
	Data []byte
}

// Store keeps the latest snapshot of each run. Save must be atomic: after
// a crash at any moment, the store holds either the previous snapshot or
// the new one whole. The run continues only once Save's awaitable has
// finished; an error there is returned by the Checkpoint, Step or Sleep
// that saved.
type Store interface {
	Save(snap Snapshot) rt.Awaitable[struct{}]
}

// ErrNotDurable is returned by Start for an awaitable that is not the
// coroutine of a durable function (//async durable).
var ErrNotDurable = errors.New("durable: not the coroutine of a durable function")

// ErrCheckpointOutside is returned by a checkpoint reached from a frame
// that is not part of the run's durable frame chain (a task the durable
// function spawned, a non-durable function).
var ErrCheckpointOutside = errors.New("durable: checkpoint outside the durable frame chain of its run")

type run struct {
	id    string
	store Store
	root  Frame
	seq   uint64 // checkpoints taken
	steps uint64 // steps started
}

var runs struct {
	sync.Mutex
	m map[*rt.Coro]*run
}

func runOf(c *rt.Coro) *run {
	runs.Lock()
	defer runs.Unlock()
	return runs.m[c]
}

func bind(c *rt.Coro, r *run) error {
	runs.Lock()
	defer runs.Unlock()
	if runs.m == nil {
		runs.m = map[*rt.Coro]*run{}
	}
	if old := runs.m[c]; old != nil {
		return fmt.Errorf("durable: run %q started inside run %q on the same task: spawn it as a task of its own", r.id, old.id)
	}
	runs.m[c] = r
	return nil
}

func unbind(c *rt.Coro, r *run) {
	runs.Lock()
	defer runs.Unlock()
	if runs.m[c] == r {
		delete(runs.m, c)
	}
}

// snapshot encodes r's frame stack, taken by the operation leaf at resume
// point at.
func (r *run) snapshot(leaf any, at string, wake int64) (Snapshot, error) {
	e := &Encoder{run: r}
	e.buf = append(e.buf, magic...)
	e.Uvarint(r.seq + 1)
	e.Uvarint(r.steps)
	encodeFrame(e, r.root)
	if e.err == nil && e.leaf != leaf {
		e.err = ErrCheckpointOutside
	}
	if e.err != nil {
		return Snapshot{}, e.err
	}
	r.seq++
	s := Snapshot{RunID: r.id, Seq: r.seq, Checkpoint: at, Fingerprint: strings.Join(e.fps, " "), At: time.Now(), Data: e.buf}
	if wake != 0 {
		s.WakeAt = time.Unix(0, wake)
	}
	return s, nil
}

// decodeSnapshot restores the frames of s, outermost first.
func decodeSnapshot(s Snapshot) (*Decoder, uint64, uint64, error) {
	d := &Decoder{data: s.Data}
	if len(s.Data) < len(magic) || string(s.Data[:3]) != string(magic[:3]) {
		return nil, 0, 0, fmt.Errorf("%w: not a durable snapshot", ErrCorrupt)
	}
	if s.Data[3] != formatVersion {
		return nil, 0, 0, fmt.Errorf("%w: snapshot format version %d, this build reads %d", ErrCorrupt, s.Data[3], formatVersion)
	}
	d.off = len(magic)
	seq, steps := d.Uvarint(), d.Uvarint()
	decodeFrame(d)
	if d.err == nil && d.off != len(d.data) {
		d.corrupt("trailing bytes")
	}
	if d.err != nil {
		return nil, 0, 0, fmt.Errorf("durable: resuming run %q at %s: %w", s.RunID, s.Checkpoint, d.err)
	}
	return d, seq, steps, nil
}

// Start runs the durable function whose coroutine is aw as run runID,
// saving its checkpoints to store. Its result is aw's.
//
//	v, err := rt.Run(durable.Start(store, "order-42", processAsync(order)))
func Start[T any](store Store, runID string, aw rt.Awaitable[T]) rt.Awaitable[T] {
	return &runner[T]{r: &run{id: runID, store: store}, root: aw}
}

// Resume continues a run from its snapshot, in this process or another,
// with this build or a rebuilt one that knows the snapshot's fingerprints
// (else it fails with ErrUnknownFingerprint and runs nothing). T must be
// the result type of the run's root function. Checkpoints go on to store.
func Resume[T any](store Store, snap Snapshot) rt.Awaitable[T] {
	return &runner[T]{r: &run{id: snap.RunID, store: store}, snap: &snap}
}

// runner is the frame that holds a run: it binds the run to its task,
// restores or starts the root frame and returns the root's result.
type runner[T any] struct {
	state  int
	r      *run
	c      *rt.Coro
	root   rt.Awaitable[T]
	snap   *Snapshot
	frames []Frame
	v      T
	err    error
}

func (o *runner[T]) AwaitStart(c *rt.Coro) rt.Status { return c.Push(o) }
func (o *runner[T]) AwaitResult() (T, error)         { return o.v, o.err }

func (o *runner[T]) fail(err error) rt.Status {
	o.err = err
	if o.c != nil {
		unbind(o.c, o.r)
	}
	return rt.Ready
}

func (o *runner[T]) Resume(c *rt.Coro) rt.Status {
	if c.Unwinding() {
		return o.fail(rt.ErrCanceled)
	}
	switch o.state {
	case 0:
		if err := bind(c, o.r); err != nil {
			o.err = err
			return rt.Ready
		}
		o.c = c
		if o.snap == nil {
			f, ok := o.root.(Frame)
			if !ok {
				return o.fail(fmt.Errorf("%w: %T", ErrNotDurable, o.root))
			}
			o.r.root = f
			o.state = 2
			return o.root.AwaitStart(c)
		}
		d, seq, steps, err := decodeSnapshot(*o.snap)
		if err != nil {
			return o.fail(err)
		}
		root, ok := d.frames[0].(rt.Awaitable[T])
		if !ok {
			return o.fail(fmt.Errorf("durable: run %q has root %s, whose result is not a %T", o.r.id, d.frames[0].DurableName(), o.v))
		}
		o.r.root, o.root, o.frames = d.frames[0], root, d.frames
		o.r.seq, o.r.steps = seq, steps
		o.snap = nil
		o.state = 1
		if d.wake != 0 {
			if left := time.Until(time.Unix(0, d.wake)); left > 0 {
				if s := rt.SleepAsync(left).AwaitStart(c); s != rt.Ready {
					return s
				}
			}
		}
		fallthrough
	case 1:
		// The frames continue where the snapshot left them: the innermost
		// runs first, reading its restored operation's result.
		for _, f := range o.frames {
			c.Push(f)
		}
		o.frames = nil
		o.state = 2
		return rt.Pushed
	}
	o.v, o.err = o.root.AwaitResult()
	unbind(c, o.r)
	return rt.Ready
}
