package rt

import (
	"iter"
	"runtime/debug"
)

// Pull and Pull2 are iter.Pull and iter.Pull2 for the range-over-func loops
// that asyncgen lowers (a loop whose body holds an await point cannot run
// inside the iterator's yield, so the loop pulls). They differ from iter's
// in one way: when the task's frame unwinds from a panic while the loop
// runs, the generated code stops the iterator with Coro.UnwindPull, and the
// iterator's yield then panics with the same value instead of returning
// false, as in Go, where a panic in a loop body unwinds the iterator's
// frames: the iterator's deferred calls run and the code after its yield
// does not.
func Pull[V any](c *Coro, seq iter.Seq[V]) (next func() (V, bool), stop func()) {
	return iter.Pull(func(yield func(V) bool) {
		seq(func(v V) bool {
			if !yield(v) {
				c.pullUnwinding()
				return false
			}
			return true
		})
	})
}

// Pull2 is Pull for iter.Seq2.
func Pull2[K, V any](c *Coro, seq iter.Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	return iter.Pull2(func(yield func(K, V) bool) {
		seq(func(k K, v V) bool {
			if !yield(k, v) {
				c.pullUnwinding()
				return false
			}
			return true
		})
	})
}

// pullUnwinding runs in an iterator whose yield returned false: when
// UnwindPull is stopping it, the yield panics with the task's panic.
func (c *Coro) pullUnwinding() {
	if u := c.pullPanic; u != nil {
		c.pullPanic = nil
		panic(u.value)
	}
}

// errPullRecovered is Go's runtime error for an iterator that recovers a
// loop body's panic and returns.
var errPullRecovered error = pullRecoveredError{}

type pullRecoveredError struct{}

func (pullRecoveredError) Error() string {
	return "runtime error: range function recovered a loop body panic and did not resume panicking"
}

// RuntimeError makes it a runtime.Error, as Go's is.
func (pullRecoveredError) RuntimeError() {}

// UnwindPull stops the iterator of a lowered range-over-func loop (see
// Pull) while the frame unwinds. Under a panic the iterator's yield panics
// with the panic's value, so the iterator unwinds as in Go: its deferred
// calls run, and the panic goes on in the frame. When the iterator panics
// anew, that panic goes on instead; when it recovers and returns, the
// frame panics with Go's error for that. Under cancellation, which Go does
// not have, yield returns false, as at a break.
func (c *Coro) UnwindPull(stop func()) {
	u := c.unwind
	if u == nil || u.canceled {
		stop()
		return
	}
	c.pullPanic = u
	defer func() {
		raised := c.pullPanic == nil // the iterator's yield panicked
		c.pullPanic = nil
		r := recover()
		switch {
		case r == nil:
			if raised {
				// The iterator recovered the panic and returned.
				c.unwind = &unwinding{value: errPullRecovered, stack: debug.Stack()}
			}
		case raised && sameValue(r, u.value):
			// The iterator unwound with the panic, which goes on.
		default:
			c.unwind = &unwinding{value: r, stack: debug.Stack()}
		}
	}()
	stop()
}

// sameValue reports whether a and b are equal, and false when they cannot
// be compared.
func sameValue(a, b any) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}
