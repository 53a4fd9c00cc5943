package rt

import (
	"iter"
	"runtime/debug"
	"sync"
)

// For generated code: Pull and Pull2 are iter.Pull and iter.Pull2 for the
// range-over-func loops that asyncgen lowers (a loop whose body holds an
// await point cannot run inside the iterator's yield, so the loop pulls).
// They differ from iter's in two ways, both to behave as Go's own
// range-over-func loop:
//
//   - When the task's frame unwinds from a panic while the loop runs, the
//     generated code stops the iterator with Coro.UnwindPull, and the
//     iterator's yield then panics with the same value instead of
//     returning false, as in Go, where a panic in a loop body unwinds the
//     iterator's frames: the iterator's deferred calls run and the code
//     after its yield does not.
//   - The yield checks how the iterator uses it, as Go's loops do, and
//     panics with the Go runtime's own errors at the same points: a yield
//     called after it returned false ("range function continued iteration
//     after function for loop body returned false"), while the body runs
//     or after it panicked ("... after loop body panic"), after the
//     iterator returned ("... after whole loop exit"); and an iterator
//     that returns after recovering the body's panic ("range function
//     recovered a loop body panic and did not resume panicking") makes the
//     loop panic.
func Pull[V any](c *Coro, seq iter.Seq[V]) (next func() (V, bool), stop func()) {
	st := new(rangeState)
	*st = rangeReady
	return iter.Pull(func(yield func(V) bool) {
		seq(func(v V) bool {
			st.enter()
			if !yield(v) {
				c.pullUnwinding()
				*st = rangeDone
				return false
			}
			*st = rangeReady
			return true
		})
		st.exit()
	})
}

// For generated code: Pull2 is Pull for iter.Seq2.
func Pull2[K, V any](c *Coro, seq iter.Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	st := new(rangeState)
	*st = rangeReady
	return iter.Pull2(func(yield func(K, V) bool) {
		seq(func(k K, v V) bool {
			st.enter()
			if !yield(k, v) {
				c.pullUnwinding()
				*st = rangeDone
				return false
			}
			*st = rangeReady
			return true
		})
		st.exit()
	})
}

// rangeState is the state of a range-over-func loop's yield, as Go's
// compiler keeps it for each loop (cmd/compile/internal/rangefunc).
type rangeState uint8

const (
	rangeDone      rangeState = iota // the body returned false: the loop was left
	rangeReady                       // the body is not running
	rangePanic                       // the body is running, or has panicked
	rangeExhausted                   // the iterator has returned
	rangeMissingPanic
)

// enter starts a call of the yield: the body runs.
func (st *rangeState) enter() {
	was := *st
	*st = rangePanic
	if was != rangeReady {
		panic(rangeError(was))
	}
}

// exit follows the iterator's return.
func (st *rangeState) exit() {
	if *st == rangePanic {
		panic(rangeError(rangeMissingPanic))
	}
	*st = rangeExhausted
}

// pullUnwinding runs in an iterator whose yield returned false: when
// UnwindPull is stopping it, the yield panics with the task's panic.
func (c *Coro) pullUnwinding() {
	if u := c.pullPanic(); u != nil {
		c.extra.pullPanic = nil
		panic(u.value)
	}
}

// rangeErrors are the Go runtime's errors for misused range-over-func
// loops, obtained once by running such loops (so they are the very values,
// and messages, of the Go that built the program).
var rangeErrors struct {
	once                           sync.Once
	done, panic, exhausted, missed any
}

func rangeError(st rangeState) any {
	e := &rangeErrors
	e.once.Do(loadRangeErrors)
	var v any
	switch st {
	case rangeDone:
		v = e.done
	case rangePanic:
		v = e.panic
	case rangeExhausted:
		v = e.exhausted
	default:
		v = e.missed
	}
	if v == nil {
		// A Go that does not check its loops: say the same.
		v = rangeCheckError(st)
	}
	return v
}

func loadRangeErrors() {
	// The iterators below misuse yield on purpose; their parameter is not
	// named yield, so vet's yield check (gopls runs it) leaves them alone.
	e := &rangeErrors
	e.done = catchPanic(func() {
		for range func(next func() bool) { next(); next() } {
			break
		}
	})
	e.panic = catchPanic(func() {
		for range func(next func() bool) {
			defer func() {
				recover()
				next()
			}()
			next()
		} {
			panic("body")
		}
	})
	var saved func() bool
	e.exhausted = catchPanic(func() {
		for range func(next func() bool) { saved = next } {
		}
		saved()
	})
	e.missed = catchPanic(func() {
		for range func(next func() bool) {
			defer func() { recover() }()
			next()
		} {
			panic("body")
		}
	})
}

func catchPanic(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// rangeCheckError has the messages of Go's runtime errors for misused
// range-over-func loops, for a Go that would not raise them.
type rangeCheckError rangeState

func (e rangeCheckError) Error() string {
	switch rangeState(e) {
	case rangeDone:
		return "runtime error: range function continued iteration after function for loop body returned false"
	case rangePanic:
		return "runtime error: range function continued iteration after loop body panic"
	case rangeExhausted:
		return "runtime error: range function continued iteration after whole loop exit"
	}
	return "runtime error: range function recovered a loop body panic and did not resume panicking"
}

// RuntimeError makes it a runtime.Error, as Go's are.
func (rangeCheckError) RuntimeError() {}

// For generated code: UnwindPull stops the iterator of a lowered
// range-over-func loop (see Pull) while the frame unwinds. Under a panic the
// iterator's yield panics with the panic's value, so the iterator unwinds as
// in Go: its deferred calls run, and the panic goes on in the frame. When
// the iterator panics anew (or recovers and returns, which is Go's runtime
// error), that panic goes on instead. Under cancellation, which Go does not
// have, yield returns false, as at a break.
func (c *Coro) UnwindPull(stop func()) {
	u := c.unw()
	if u == nil || u.canceled {
		stop()
		return
	}
	c.more().pullPanic = u
	defer func() {
		raised := c.extra.pullPanic == nil // the iterator's yield panicked
		c.extra.pullPanic = nil
		r := recover()
		if r != nil && !(raised && sameValue(r, u.value)) {
			c.replace(r, debug.Stack())
		}
	}()
	stop()
}
