package rt

import (
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"unsafe"
)

// Panics, recover and their chaining.
//
// A task's frames unwind one by one (see Coro.Unwinding); the unwinding
// says why: a panic or a cancellation. A plain deferred call of an
// unwinding frame runs inside a real Go call with the panic raised again
// (Defers.Run, Panic.Raise), so that Go's own rules decide what recover()
// returns: the value when the deferred function calls it directly, nil
// anywhere else. The panic was recovered when that call returns normally.
//
// A panic raised while another is in flight chains to it as in Go. Raised
// in a frame above the unwinding one (an async deferred call's, or one it
// called), it is nested: recovered there, the older panic goes on once
// that deferred call returns. A panic that unwinds down to the frame of
// the older one, or that is raised by that frame itself (by one of its
// deferred calls), aborts the older one, which Go still prints before it
// ("panic: 1\n\tpanic: 2"): PanicError.Aborted keeps those values.

// unwinding is why a task's frames are unwinding: a panic or a
// cancellation.
type unwinding struct {
	value any
	stack []byte
	// prev is the older unwinding this panic is nested in, still in
	// flight at frame prevTop: it goes on when this one is recovered.
	prev *unwinding
	// aborted is the older panic this one aborted, for PanicError.
	aborted *unwinding
	// deferFrame is the frame of the deferred async call that the frame
	// unwinding from this panic awaits, which may recover it (defers.go).
	deferFrame Frame
	prevTop    int32
	canceled   bool
	// closing: the consumer's unwinding, nested in it, with which an async
	// generator closed by that consumer unwinds (agen.go). The int32 and
	// the flags share a word: an unwinding is 80 bytes (TestTaskSize).
	closing bool
	// recovered: a deferred call recovered this panic and then panicked
	// (Go prints "[recovered]"); repanicked: it panicked again with the
	// recovered value, which Go prints as one line "[recovered,
	// repanicked]".
	recovered, repanicked bool
}

// For generated code: Panic is the panic in flight for one plain deferred
// call of an async function: generated code defers the call inside a
// function that receives the Panic and raises it, so that recover() in the
// deferred function behaves as in Go:
//
//	ag_f.ag_defers.Push(func(ag_p rt.Panic) {
//		defer f(ag_d0)
//		ag_p.Raise()
//	})
//
// The zero Panic (no panic, or a cancellation, which cannot be recovered)
// raises nothing.
type Panic struct{ u *unwinding }

// For generated code: Raise panics with the value of the panic in flight, if
// there is one.
func (p Panic) Raise() {
	if p.u != nil {
		panic(p.u.value)
	}
}

// raise starts unwinding the task from its top frame with a new panic of
// value v. A panic already in flight is kept as the older one: nested in
// it when the panicking frame is above the unwinding one, aborted by it
// otherwise.
func (c *Coro) raise(v any, stack []byte) {
	nu := &unwinding{value: v, stack: stack}
	top := c.depth() - 1
	if old := c.unw(); old != nil {
		if top > c.unwindTop() {
			nu.prev, nu.prevTop = old, int32(c.unwindTop())
		} else {
			nu.abort(old)
		}
	}
	c.setUnwind(nu)
	c.setUnwindTop(top)
}

// replace replaces the unwinding of the top frame, which is in flight
// there, by a new panic of value v: the old one is aborted.
func (c *Coro) replace(v any, stack []byte) {
	nu := &unwinding{value: v, stack: stack}
	nu.abort(c.unw())
	c.setUnwind(nu)
}

// abort records that u replaces old, which stops in flight: u inherits
// the unwinding old was nested in.
func (u *unwinding) abort(old *unwinding) {
	if old == nil {
		return
	}
	u.prev, u.prevTop = old.prev, old.prevTop
	if !old.canceled && !old.closing {
		u.aborted = old
	}
}

// stopUnwinding ends the current unwinding (a recovered panic, a
// cancellation turned into ErrTimeout): the task goes on normally, or
// with the older panic it was nested in.
func (c *Coro) stopUnwinding() {
	u := c.unw()
	c.setUnwind(u.prev)
	if u.prev != nil {
		c.setUnwindTop(int(u.prevTop))
	}
}

// unwound notes that the unwinding has reached frame top (the frames above
// have finished): an older panic in flight at that frame is aborted.
func (c *Coro) unwound(top int) {
	u := c.unw()
	if u == nil || c.unwindTop() <= top {
		return
	}
	c.setUnwindTop(top)
	for u.prev != nil && top <= int(u.prevTop) {
		old := u.prev
		u.prev, u.prevTop = nil, 0
		if !old.canceled {
			u.addAborted(old)
		}
		if old.prev != nil {
			u.prev, u.prevTop = old.prev, old.prevTop
		}
	}
}

// panicking returns the panic the top frame unwinds from, for its plain
// deferred calls, or nil when it does not unwind from a panic.
func (c *Coro) panicking() *unwinding {
	u := c.unw()
	if u == nil || u.canceled || c.depth()-1 != c.unwindTop() {
		return nil
	}
	return u
}

// deferUnder runs the plain deferred call call of the top frame under the
// panic u (Defers.Run): it raises u again inside a real Go call, so that
// Go's rules decide whether the deferred function recovers it. A call that
// returns has recovered the panic; one that panics with u's value lets it
// go on; any other panic replaces it.
func (c *Coro) deferUnder(u *unwinding, call func(Panic)) {
	returned := false
	defer func() {
		if returned {
			c.stopUnwinding()
			return
		}
		r := recover()
		if !sameValue(r, u.value) {
			c.replace(r, debug.Stack())
		} else if !raisedByRaise() {
			// panic(recover()), most likely: the deferred function raised
			// the value again itself.
			u.repanicked = true
		}
	}()
	call(Panic{u})
	returned = true
}

// sameValue reports whether a and b are the same panic value: equal, or,
// when they cannot be compared, the very same interface words (a value
// raised again, as panic(recover()) does).
func sameValue(a, b any) (same bool) {
	if *(*[2]uintptr)(unsafe.Pointer(&a)) == *(*[2]uintptr)(unsafe.Pointer(&b)) {
		return true
	}
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}

// raisedByRaise reports whether the panic that the deferred function
// calling it recovers was raised by Panic.Raise, rather than by a deferred
// call that raised the same value again.
func raisedByRaise() bool {
	var pcs [32]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs[:])])
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" {
			f, _ = frames.Next()
			return strings.HasSuffix(f.Function, "/rt.Panic.Raise")
		}
		if !more {
			return true
		}
	}
}

// addAborted records old as the oldest panic u aborted (a copy: old may
// be referenced elsewhere).
func (u *unwinding) addAborted(old *unwinding) {
	cp := &unwinding{value: old.value, stack: old.stack, aborted: old.aborted, recovered: old.recovered, repanicked: old.repanicked}
	last := u
	for last.aborted != nil {
		last = last.aborted
	}
	last.aborted = cp
}

// chain lists the panics u aborted, oldest first, then u, with Go's notes
// for PanicError.
func (u *unwinding) chain() (values []any, notes []string) {
	for a := u; a != nil; a = a.aborted {
		values = append(values, a.value)
		note := ""
		switch {
		case a.repanicked:
			note = " [recovered, repanicked]"
		case a.recovered:
			note = " [recovered]"
		}
		notes = append(notes, note)
	}
	slices.Reverse(values)
	slices.Reverse(notes)
	return values, notes
}
