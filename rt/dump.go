package rt

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

// For generated code: Locator is implemented by generated frames: AwaitLine
// is the source file:line of the await point where the frame is suspended.
type Locator interface {
	AwaitLine() string
}

// Where returns where the task is suspended, innermost call first: one
// "file:line" per frame that knows its place (generated frames do).
func (c *Coro) Where() []string {
	var out []string
	for i := c.depth() - 1; i >= 0; i-- {
		if l, ok := c.frameAt(i).(Locator); ok {
			if line := l.AwaitLine(); line != "" {
				out = append(out, line)
			}
		}
	}
	return out
}

// userWhere is where the task is suspended in the user's code, for Debug's
// slow-step report: the line of the innermost frame that is not one of
// asyncgen's own packages (rt and the packages under it), followed by the
// library line it awaits at when that is a different frame, as in
// "fetch.go:42 via conn.go:315"; "" when no frame knows its place.
func (c *Coro) userWhere() string {
	lib := ""
	for i := c.depth() - 1; i >= 0; i-- {
		f := c.frameAt(i)
		l, ok := f.(Locator)
		if !ok {
			continue
		}
		line := l.AwaitLine()
		if line == "" {
			continue
		}
		if !libraryFrame(f) {
			if lib != "" {
				return line + " via " + lib
			}
			return line
		}
		if lib == "" {
			lib = line
		}
	}
	return lib
}

// libraryFrame reports whether f is a frame of asyncgen's own packages
// (rt, rt/anet, rt/ahttp, ...), not of their tests.
func libraryFrame(f Frame) bool {
	t := reflect.TypeOf(f)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	const mod = "github.com/asyncgen/asyncgen/rt"
	p := t.PkgPath()
	return (p == mod || strings.HasPrefix(p, mod+"/")) && !strings.HasSuffix(p, "_test")
}

// AwaitedBy returns the tasks waiting for this one to finish.
func (c *Coro) AwaitedBy() []*Coro {
	var out []*Coro
	add := func(r notifiee) {
		if w, ok := r.(*Coro); ok {
			out = append(out, w)
		}
	}
	if c.waiters.first != nil {
		add(c.waiters.first)
	}
	for _, w := range c.waiters.restTasks() {
		if w != nil {
			out = append(out, w)
		}
	}
	return out
}

// Dump writes every live task of the current loop: its name and id,
// whether it is running, scheduled or parked, the source lines where it
// is suspended (innermost first), and the tasks awaiting it (asyncio's
// print_call_graph, for a program that seems stuck).
//
// Dump is async: inside an //async function the generator awaits
// DumpAsync. Called from ordinary code there is no loop, and it writes
// nothing.
func Dump(w io.Writer) {}

// DumpAsync is the companion of Dump.
func DumpAsync(w io.Writer) Awaitable[struct{}] { return &dumpOp{w: w} }

type dumpOp struct{ w io.Writer }

func (o *dumpOp) AwaitStart(c *Coro) Status {
	if c.loop.member != nil {
		return o.group(c) // every loop of the group (loopgroup.go)
	}
	dumpLoop(o.w, c.loop, c)
	return Ready
}

// dumpLoop writes the live tasks of l; cur is the running task.
func dumpLoop(w io.Writer, l *loop, cur *Coro) {
	for t := l.head; t != nil; t = t.next {
		state := "scheduled"
		switch {
		case t == cur:
			state = "running"
		case t.parked != nil || t.sleepSeq != 0:
			state = "suspended"
		}
		fmt.Fprintf(w, "task %q #%d %s", t.Name(), t.ID(), state)
		if where := t.Where(); len(where) > 0 {
			fmt.Fprintf(w, " at %s", strings.Join(where, " <- "))
		}
		fmt.Fprintln(w)
		for _, a := range t.AwaitedBy() {
			fmt.Fprintf(w, "    awaited by task %q #%d\n", a.Name(), a.ID())
		}
		for _, a := range remoteAwaiters(t) {
			fmt.Fprintf(w, "    awaited by %s\n", a)
		}
	}
}

func (o *dumpOp) AwaitResult() (struct{}, error) { return struct{}{}, nil }
