package rt

import (
	"errors"
	"fmt"
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
	// is ready and no timer is set, so nothing could ever wake it.
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
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("rt: panic in task %s: %v", e.Task, e.Value)
}

// Unwrap returns the panic value when it is an error, so errors.Is and
// errors.As see through the panic.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}
