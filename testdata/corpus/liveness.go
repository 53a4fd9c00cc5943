// Dead frame fields: a variable of an async function whose liveness has
// ended (after its last use, or at an await point where it is dead) keeps
// nothing reachable, as a dead Go variable does, so a finalizer on what only
// it held runs while the function still runs (transform/doc.go, "Dead
// variables"). Each case makes an object with a finalizer, lets the
// variable die, and reports whether the collector freed the object; the
// plain run is the oracle. A variable that is still live (a deferred
// literal holds it) must keep it, and code that still reads a variable after
// the frame let go of it (a literal sharing its cell) must see it.

package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

func init() {
	cases = append(cases,
		testCase{"deadPointer", caseDeadPointer, caseDeadPointerAsync},
		testCase{"deadInLoop", caseDeadInLoop, caseDeadInLoopAsync},
		testCase{"deadAfterLoop", caseDeadAfterLoop, caseDeadAfterLoopAsync},
		testCase{"deadInBranch", caseDeadInBranch, caseDeadInBranchAsync},
		testCase{"deadCaptured", caseDeadCaptured, caseDeadCapturedAsync},
		testCase{"deadCapturedLate", caseDeadCapturedLate, caseDeadCapturedLateAsync},
		testCase{"deadGoroutine", caseDeadGoroutine, caseDeadGoroutineAsync},
		testCase{"deadAsyncClosure", caseDeadAsyncClosure, caseDeadAsyncClosureAsync},
		testCase{"deadParam", caseDeadParam, caseDeadParamAsync},
		testCase{"liveDeferred", caseLiveDeferred, caseLiveDeferredAsync},
		testCase{"livePtrMethod", caseLivePtrMethod, caseLivePtrMethodAsync},
	)
}

// finObj is big enough not to be a tiny allocation, whose finalizers Go
// may never run.
type finObj struct {
	name string
	pad  [64]byte
}

// newFin returns a new object and a channel closed by its finalizer.
func newFin(name string) (*finObj, <-chan struct{}) {
	done := make(chan struct{})
	p := &finObj{name: name}
	runtime.SetFinalizer(p, func(*finObj) { close(done) })
	return p, done
}

// freed collects until done is closed: true when it is, false after tries
// collections.
func freed(done <-chan struct{}, tries int) bool {
	for i := 0; i < tries; i++ {
		runtime.GC()
		select {
		case <-done:
			return true
		case <-time.After(time.Millisecond):
		}
	}
	return false
}

func nameOf(p *finObj) string { return p.name }

// A pointer live across one await and dead at the next.
//
// async
func caseDeadPointer() (string, error) {
	p, done := newFin("p")
	tick(1)
	name := nameOf(p)
	tick(2)
	return fmt.Sprint(name, " freed=", freed(done, 200)), nil
}

// A variable of the loop body, dead before the back edge: each iteration's
// object is freed in that iteration.
//
// async
func caseDeadInLoop() (string, error) {
	var out []string
	for i := 0; i < 3; i++ {
		p, done := newFin(fmt.Sprint("it", i))
		tick(i)
		name := nameOf(p)
		tick(i)
		out = append(out, fmt.Sprint(name, " freed=", freed(done, 200)))
	}
	return strings.Join(out, ", "), nil
}

// A variable live around the back edge (read in every iteration) is kept
// through the loop and dies at its exit.
//
// async
func caseDeadAfterLoop() (string, error) {
	p, done := newFin("carried")
	var names []string
	for i := 0; i < 3; i++ {
		tick(i)
		names = append(names, nameOf(p))
	}
	tick(9)
	return fmt.Sprint(strings.Join(names, " "), " freed=", freed(done, 200)), nil
}

// Read on one branch only: dead on both paths after the if.
//
// async
func caseDeadInBranch() (string, error) {
	var out []string
	for _, read := range []bool{true, false} {
		p, done := newFin("branch")
		tick(0)
		name := "none"
		if tickB(read) {
			name = nameOf(p)
		} else {
			tick(1)
		}
		tick(2)
		out = append(out, fmt.Sprint(name, " freed=", freed(done, 200)))
	}
	return strings.Join(out, ", "), nil
}

// Captured by a function literal, live across an await in the literal's
// variable, then dead with it.
//
// async
func caseDeadCaptured() (string, error) {
	p, done := newFin("captured")
	get := func() string { return p.name }
	tick(1)
	name := get()
	tick(2)
	return fmt.Sprint(name, " freed=", freed(done, 200)), nil
}

// The frame's last use of a captured variable is the literal; the literal
// reads and writes it after awaits, and the function sees its writes.
//
// async
func caseDeadCapturedLate() (string, error) {
	p, _ := newFin("late")
	n := 0
	get := func() string { n++; return p.name }
	tick(1)
	a := get()
	tick(2)
	b := get()
	tick(3)
	return fmt.Sprint(a, b, n), nil
}

// TestRanger of Go's typeparam/chans.go, in small: a goroutine's literal
// captures the variable; once the goroutine is done, nothing holds it.
//
// async
func caseDeadGoroutine() (string, error) {
	p, done := newFin("goroutine")
	tick(0)
	got := make(chan string, 1)
	go func() { got <- p.name }()
	tick(1)
	name := <-got
	tick(2)
	return fmt.Sprint(name, " freed=", freed(done, 200)), nil
}

// Captured by an async closure, awaited, then dead.
//
// async
func caseDeadAsyncClosure() (string, error) {
	p, done := newFin("async closure")
	name, _ := rt.Await(rt.Func(func() (string, error) {
		tick(1)
		return p.name, nil
	}))
	tick(2)
	return fmt.Sprint(name, " freed=", freed(done, 200)), nil
}

// async
func holdParam(p *finObj, done <-chan struct{}) (string, error) {
	name := nameOf(p)
	tick(1)
	return fmt.Sprint(name, " freed=", freed(done, 200)), nil
}

// A parameter dead after its last use, its caller's variable dead too.
//
// async
func caseDeadParam() (string, error) {
	p, done := newFin("param")
	tick(0)
	return holdParam(p, done)
}

// A deferred literal holds the variable: it is not freed, and the deferred
// call reads it at the exit.
//
// async
func caseLiveDeferred() (s string, err error) {
	p, done := newFin("deferred")
	defer func() { s += " deferred " + p.name }()
	tick(1)
	return fmt.Sprint("freed=", freed(done, 20)), nil
}

type finBox struct{ s string }

// async
func (b *finBox) read() string {
	tick(0)
	return b.s
}

// An async method with a pointer receiver, awaited on a variable whose
// last use that is: the method's frame reads the variable through its
// address while the caller is suspended, so the caller's field stays.
//
// async
func caseLivePtrMethod() (string, error) {
	b := finBox{s: "kept"}
	tick(1)
	got := b.read()
	tick(2)
	return got, nil
}
