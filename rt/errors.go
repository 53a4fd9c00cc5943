package rt

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Compare with errors.Is.
var (
	// ErrCanceled ends a task that was cancelled.
	ErrCanceled = errors.New("rt: canceled")
	// ErrTimeout is returned by an await that ran out of time.
	ErrTimeout = errors.New("rt: timeout")
	// ErrNotDone is returned by Task.Result and Future.Result before the
	// outcome is known.
	ErrNotDone = errors.New("rt: task is not done")
	// ErrDeadlock is returned by Run when the main task waits but nothing
	// is ready and no timer is set, so nothing could ever wake it (Run and
	// RunOn and RunGroup return a *DeadlockError with the task dump,
	// which Is it).
	ErrDeadlock = errors.New("rt: deadlock: the main task waits and nothing can wake it")
)

// PanicError is the error a task ends with when its code panics. The loop
// keeps running; whoever awaits the task receives this error (the panic is
// not re-raised in the awaiter, so one failing task cannot unwind another).
type PanicError struct {
	Task  string // name of the task that panicked
	Value any    // the value passed to panic
	Stack []byte // the panicking goroutine's stack, from debug.Stack
	// Aborted are the values of the older panics that this one aborted
	// (raised by a deferred call while they were in flight, and not
	// recovered there), oldest first: Go prints them before Value, as
	// "panic: 1\n\tpanic: 2".
	Aborted []any
	// notes are Go's notes on each panic of the chain, Aborted then
	// Value: "", " [recovered]" or " [recovered, repanicked]".
	notes []string
}

// Error names the task, the line that panicked and the value, e.g.
// `rt: panic in task worker at fetch.go:42: boom`. The line is the first
// frame of Stack below the panic that is not the Go runtime's: with the
// generator's line directives, a line of the user's async source.
//
// A panic raised while others were in flight reads as Go prints the chain
// when a program crashes: the oldest first, each later one on a line of
// its own, with Go's notes, and the line of the last one:
//
//	rt: panic in task worker at fetch.go:42: first [recovered]
//		panic: second
//
// A panic that a deferred function recovered and raised again as it was
// (panic(recover())) is one entry, "first [recovered, repanicked]". Known
// gap: when a plain deferred function (not an //async one) recovers the
// panic and then panics with another value, nothing outside the Go
// runtime can tell that it recovered, so the older panic lacks its
// "[recovered]".
func (e *PanicError) Error() string {
	var b strings.Builder
	b.WriteString("rt: panic in task ")
	b.WriteString(e.Task)
	if at := panicSite(e.Stack); at != "" {
		b.WriteString(" at ")
		b.WriteString(at)
	}
	b.WriteString(": ")
	note := func(i int) string {
		if i < len(e.notes) {
			return e.notes[i]
		}
		return ""
	}
	for i, v := range e.Aborted {
		fmt.Fprintf(&b, "%v%s\n\tpanic: ", v, note(i))
	}
	fmt.Fprintf(&b, "%v%s", e.Value, note(len(e.Aborted)))
	return b.String()
}

// panicSite finds, in a stack printed by debug.Stack, the file:line (base
// name of the file) of the frame that called panic, or of the first frame
// that is not the runtime's after a runtime error; "" when there is none.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "panic(") {
			continue
		}
		for j := i + 2; j+1 < len(lines); j += 2 {
			fn := lines[j]
			if strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "panic(") {
				continue
			}
			loc := strings.TrimSpace(lines[j+1])
			if k := strings.LastIndex(loc, " +0x"); k >= 0 {
				loc = loc[:k]
			}
			if k := strings.LastIndexAny(loc, "/\\"); k >= 0 {
				loc = loc[k+1:]
			}
			return loc
		}
		return ""
	}
	return ""
}

// Unwrap returns the panic value when it is an error, so errors.Is and
// errors.As see through the panic.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// DeadlockError is the error Run, RunOn and RunGroup return when the main
// task waits and nothing can wake it: errors.Is(err, ErrDeadlock) holds,
// and Tasks is the loop's task dump at that moment (as Dump writes it:
// which tasks wait on what, at which lines of the user's source; for
// RunGroup, every loop's, one section per loop). Error prints both.
type DeadlockError struct {
	Tasks string
}

func (e *DeadlockError) Error() string {
	if e.Tasks == "" {
		return ErrDeadlock.Error()
	}
	return ErrDeadlock.Error() + "; tasks:\n" + strings.TrimRight(e.Tasks, "\n")
}

// Is reports whether target is ErrDeadlock.
func (e *DeadlockError) Is(target error) bool { return target == ErrDeadlock }

// deadlock returns the DeadlockError of l, with its task dump.
func (l *loop) deadlock() error {
	var b strings.Builder
	dumpLoop(&b, l, nil)
	return &DeadlockError{Tasks: b.String()}
}
