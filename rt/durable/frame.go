package durable

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/asyncgen/asyncgen/rt"
)

// Frame is the frame of a durable function, as the generator emits it.
// Users never implement it.
type Frame interface {
	rt.Frame
	// DurableName is the function's registered name: "import/path.F", or
	// "import/path.T.M" for a method.
	DurableName() string
	// DurablePoint returns the fingerprint of the frame's shape at its
	// current resume point, or 0 when it is not suspended at one.
	DurablePoint() uint64
	// DurableSetPoint moves a fresh frame to the resume point whose
	// fingerprint is fp; false when the build knows no such point.
	DurableSetPoint(fp uint64) bool
	// DurableEncode writes the frame's fields; DurableDecode reads them.
	DurableEncode(e *Encoder)
	DurableDecode(d *Decoder)
}

// Point is a resume point of a durable function: its identity, stable
// across builds ("checkpoint:NAME", "step:NAME", "sleep:NAME", or
// "call:pkg.G#k" for the k-th await of the durable function G), and the
// fingerprint of the frame's shape there.
type Point struct {
	ID string
	FP uint64
}

type registered struct {
	points []Point
	new    func() Frame
}

var registry struct {
	sync.RWMutex
	funcs      map[string][]registered
	migrations map[string][]Migration
}

// Migration carries snapshots taken at an old resume point, whose shape
// this build no longer has, into this build's frame: generated code
// registers one for each function marked //durable:migrate F FROM [-> TO]
// (see the package doc, "Migrations").
type Migration struct {
	// From is the old point: its identity and the fingerprint of the old
	// frame's shape there.
	From Point
	// To is the identity of this build's point the frame resumes at.
	To string
	// Func is the user's migration function, for messages.
	Func string
	// New returns a frame of this build suspended at To.
	New func() Frame
	// Decode reads the old fields from a snapshot into f, calling the
	// migration function; it fails the decoder with the function's error.
	Decode func(f Frame, d *Decoder)
}

// RegisterMigration records a migration of the durable function name:
// generated code calls it from an init function. A snapshot's frame at
// m.From.FP that no registered version of name knows resumes through it.
func RegisterMigration(name string, m Migration) {
	registry.Lock()
	defer registry.Unlock()
	if registry.migrations == nil {
		registry.migrations = map[string][]Migration{}
	}
	for _, o := range registry.migrations[name] {
		if o.From.FP == m.From.FP {
			panic(fmt.Sprintf("durable: %s and %s both migrate %s at fingerprint %016x (%s)", o.Func, m.Func, name, m.From.FP, m.From.ID))
		}
	}
	registry.migrations[name] = append(registry.migrations[name], m)
}

// Register records a durable function of this build: generated code calls
// it from an init function. A snapshot resumes only through registered
// functions at registered fingerprints. Several frames may register under
// one name: the function and older versions of it kept with
// //durable:was NAME; a snapshot's frame resumes in the one that knows
// its fingerprint.
func Register(name string, points []Point, new func() Frame) {
	registry.Lock()
	defer registry.Unlock()
	if registry.funcs == nil {
		registry.funcs = map[string][]registered{}
	}
	for _, r := range registry.funcs[name] {
		for _, p := range r.points {
			for _, q := range points {
				if p.FP == q.FP {
					panic(fmt.Sprintf("durable: two versions of %s register fingerprint %016x (%s): the older one is not older", name, p.FP, p.ID))
				}
			}
		}
	}
	registry.funcs[name] = append(registry.funcs[name], registered{points: points, new: new})
}

// ErrUnknownFingerprint is the error of a resume whose snapshot holds a
// frame this build cannot restore: a function that is not durable here, or
// a resume point whose shape changed (fields added, removed, renamed or
// retyped; the point removed). The wrapping error names the frame, the
// fingerprint and the points this build knows. A job queue dead-letters
// such a job: retrying it cannot succeed with this build.
var ErrUnknownFingerprint = errors.New("durable: unknown fingerprint")

// FingerprintError is the detail that wraps ErrUnknownFingerprint.
type FingerprintError struct {
	Func  string  // the frame's function
	FP    uint64  // the fingerprint in the snapshot
	Known []Point // the points this build knows for Func (nil: not durable here)
}

func (e *FingerprintError) Error() string {
	if e.Known == nil {
		return fmt.Sprintf("%v: %s is not a durable function of this build (snapshot fingerprint %016x)", ErrUnknownFingerprint, e.Func, e.FP)
	}
	var k []string
	for _, p := range e.Known {
		k = append(k, fmt.Sprintf("%s %016x", p.ID, p.FP))
	}
	return fmt.Sprintf("%v: %s at fingerprint %016x: the frame's shape changed since the snapshot was taken (this build knows %s); keep the old version beside the new one (//durable:was), migrate its snapshots (//durable:migrate), or drain in-flight runs before such a change", ErrUnknownFingerprint, e.Func, e.FP, strings.Join(k, ", "))
}

func (e *FingerprintError) Unwrap() error { return ErrUnknownFingerprint }

// Points returns the resume points of every registered durable function,
// by function name, for tools and tests.
func Points() map[string][]Point {
	registry.RLock()
	defer registry.RUnlock()
	out := map[string][]Point{}
	for name, rs := range registry.funcs {
		for _, r := range rs {
			out[name] = append(out[name], r.points...)
		}
		for _, m := range registry.migrations[name] {
			out[name] = append(out[name], m.From)
		}
	}
	return out
}

func encodeFrame(e *Encoder, f Frame) {
	fp := f.DurablePoint()
	if fp == 0 {
		e.Fail(fmt.Errorf("durable: %s is not suspended at a resume point", f.DurableName()))
		return
	}
	e.String(f.DurableName())
	e.Uvarint(fp)
	e.fps = append(e.fps, fmt.Sprintf("%s@%016x", f.DurableName(), fp))
	f.DurableEncode(e)
}

func decodeFrame(d *Decoder) Frame {
	name := d.String()
	fp := d.Uvarint()
	if d.err != nil {
		return nil
	}
	registry.RLock()
	rs, ok := registry.funcs[name]
	ms := registry.migrations[name]
	registry.RUnlock()
	if !ok {
		d.Fail(&FingerprintError{Func: name, FP: fp})
		return nil
	}
	var f Frame
	for _, r := range rs {
		if g := r.new(); g.DurableSetPoint(fp) {
			f = g
			break
		}
	}
	if f == nil {
		for _, m := range ms {
			if m.From.FP == fp {
				return migrateFrame(d, name, m)
			}
		}
	}
	if f == nil {
		var known []Point
		for _, r := range rs {
			known = append(known, r.points...)
		}
		for _, m := range ms {
			known = append(known, m.From)
		}
		sort.Slice(known, func(i, j int) bool {
			return known[i].ID < known[j].ID || known[i].ID == known[j].ID && known[i].FP < known[j].FP
		})
		d.Fail(&FingerprintError{Func: name, FP: fp, Known: known})
		return nil
	}
	d.fps = append(d.fps, fmt.Sprintf("%s@%016x", name, fp))
	d.frames = append(d.frames, f)
	f.DurableDecode(d)
	return f
}

// migrateFrame decodes a frame of name at an old point through m.
func migrateFrame(d *Decoder, name string, m Migration) Frame {
	f := m.New()
	d.fps = append(d.fps, fmt.Sprintf("%s@%016x", name, m.From.FP))
	d.frames = append(d.frames, f)
	m.Decode(f, d)
	if d.err != nil {
		if !errors.Is(d.err, ErrCorrupt) && !errors.Is(d.err, ErrUnknownFingerprint) {
			d.err = &MigrationError{Func: name, Migration: m.Func, From: m.From, To: m.To, Err: d.err}
		}
		return nil
	}
	return f
}

// MigrationError is the error of a resume whose migration function
// returned an error: the run resumes at none of its points.
type MigrationError struct {
	Func      string // the durable function
	Migration string // the user's migration function
	From      Point  // the snapshot's point
	To        string // the point it was to resume at
	Err       error  // what the migration function returned
}

func (e *MigrationError) Error() string {
	return fmt.Sprintf("durable: %s migrating %s from %s (fingerprint %016x) to %s: %v", e.Migration, e.Func, e.From.ID, e.From.FP, e.To, e.Err)
}

func (e *MigrationError) Unwrap() error { return e.Err }

// Awaitable tags.
const (
	awaitNone       = 0 // no await pending in this field
	awaitFrame      = 1 // a durable child frame follows
	awaitCheckpoint = 2 // the checkpoint that took the snapshot
	awaitStep       = 3 // a finished step: its result and error follow
	awaitSleep      = 4 // a durable sleep: its end (unix ns) follows
)

// EncodeAwait writes an awaitable field of a durable frame: nil, a durable
// child frame, or the rt/durable operation that takes the snapshot. Any
// other awaitable pending at a checkpoint fails the encoding. Generated
// code calls it with the codec of T.
func EncodeAwait[T any](e *Encoder, aw rt.Awaitable[T], enc func(*Encoder, T)) {
	switch aw := any(aw).(type) {
	case nil:
		e.Uvarint(awaitNone)
	case Frame:
		e.Uvarint(awaitFrame)
		encodeFrame(e, aw)
	case *checkpointOp:
		e.Uvarint(awaitCheckpoint)
		e.leaf = aw
	case *stepOp[T]:
		if !aw.done {
			e.Fail(fmt.Errorf("durable: a checkpoint inside step %q: a step's work is not durable, checkpoint after it", aw.name))
			return
		}
		e.Uvarint(awaitStep)
		enc(e, aw.v)
		e.Error(aw.err)
		e.leaf = aw
	case *sleepOp:
		e.Uvarint(awaitSleep)
		e.Varint(aw.wake)
		e.leaf = aw
	case *doneOp[T]:
		// A resumed frame still holding its restored op (read it, not yet
		// cleared): it is finished, like a checkpoint.
		e.Uvarint(awaitCheckpoint)
	default:
		e.Fail(fmt.Errorf("durable: a frame awaits %T, which is not durable, at a checkpoint", aw))
	}
}

// DecodeAwait reads an awaitable field written by EncodeAwait.
func DecodeAwait[T any](d *Decoder, dec func(*Decoder, *T)) rt.Awaitable[T] {
	switch tag := d.Uvarint(); tag {
	case awaitNone:
		return nil
	case awaitFrame:
		f := decodeFrame(d)
		if f == nil {
			return nil
		}
		aw, ok := f.(rt.Awaitable[T])
		if !ok {
			d.corrupt(fmt.Sprintf("frame %s in a field of another type", f.DurableName()))
			return nil
		}
		return aw
	case awaitCheckpoint:
		return &doneOp[T]{}
	case awaitStep:
		o := &doneOp[T]{}
		dec(d, &o.v)
		o.err = d.Error()
		return o
	case awaitSleep:
		d.wake = d.Varint()
		return &doneOp[T]{}
	default:
		d.corrupt(fmt.Sprintf("bad await tag %d", tag))
		return nil
	}
}

// doneOp is a restored operation: finished, with its recorded result.
type doneOp[T any] struct {
	v   T
	err error
}

func (o *doneOp[T]) AwaitStart(*rt.Coro) rt.Status { return rt.Ready }
func (o *doneOp[T]) AwaitResult() (T, error)       { return o.v, o.err }
