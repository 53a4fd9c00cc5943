package rt

import (
	"os"
	"os/signal"
)

// WaitSignal waits until the process receives one of sigs and returns the
// signal (asyncio's loop.add_signal_handler, as an await): the usual way
// to shut a server down cleanly on SIGINT or SIGTERM.
//
//	sig, _ := rt.WaitSignal(os.Interrupt, syscall.SIGTERM)
//
// The loop relays signals through one goroutine of its own, started by the
// first WaitSignal and stopped when the loop closes; the signals stay
// registered with os/signal (so they no longer end the program) until then.
// Cancelling the waiting task stops the wait.
//
// WaitSignal is async: inside an //async function the generator awaits
// WaitSignalAsync. Called from ordinary code it blocks the calling
// goroutine until a signal arrives.
func WaitSignal(sigs ...os.Signal) (os.Signal, error) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	defer signal.Stop(ch)
	return <-ch, nil
}

// WaitSignalAsync is the companion of WaitSignal.
func WaitSignalAsync(sigs ...os.Signal) Awaitable[os.Signal] {
	return &signalWait{sigs: sigs}
}

type signalWait struct {
	sigs []os.Signal
	got  os.Signal
	c    *Coro
	i    int // index in the hub's waiters
}

func (w *signalWait) AwaitStart(c *Coro) Status {
	h := c.loop.signalHub()
	signal.Notify(h.ch, w.sigs...)
	w.c = c
	c.parked = w
	w.i = len(h.waiters)
	h.waiters = append(h.waiters, w)
	return Suspended
}

func (w *signalWait) AwaitResult() (os.Signal, error) { return w.got, nil }

func (w *signalWait) cancelWait(c *Coro) { c.loop.walked += c.loop.signals.remove(w) }

// signalHub is the loop's relay of signals: one goroutine moves what
// os/signal delivers into the loop's inbox. A cancelled wait leaves a nil
// at its index in waiters, dropped when they are half of it (or at the
// next delivery), so cancelling one costs amortized O(1).
type signalHub struct {
	ch      chan os.Signal
	done    chan struct{}
	waiters []*signalWait
	stale   int // nils in waiters
}

func (l *loop) signalHub() *signalHub {
	if l.signals == nil {
		h := &signalHub{ch: make(chan os.Signal, 8), done: make(chan struct{})}
		l.signals = h
		go func() {
			for {
				select {
				case s := <-h.ch:
					l.inbox.post(func() { h.deliver(l, s) }, false)
				case <-h.done:
					return
				}
			}
		}()
	}
	return l.signals
}

// deliver wakes, on the loop, every task waiting for s.
func (h *signalHub) deliver(l *loop, s os.Signal) {
	kept := h.waiters[:0]
	for _, w := range h.waiters {
		if w == nil {
			continue
		}
		if wants(w.sigs, s) {
			w.got = s
			w.c.parked = nil
			l.schedule(w.c)
			continue
		}
		w.i = len(kept)
		kept = append(kept, w)
	}
	clear(h.waiters[len(kept):])
	h.waiters, h.stale = kept, 0
}

func wants(sigs []os.Signal, s os.Signal) bool {
	if len(sigs) == 0 {
		return true // signal.Notify with no signals relays all of them
	}
	for _, x := range sigs {
		if x == s {
			return true
		}
	}
	return false
}

// remove takes w off the hub's list and returns how many entries it
// walked (a compaction's, see loop.walked).
func (h *signalHub) remove(w *signalWait) (walked int) {
	if w.i >= len(h.waiters) || h.waiters[w.i] != w {
		return 0
	}
	h.waiters[w.i] = nil
	h.stale++
	if 2*h.stale > len(h.waiters) {
		walked = len(h.waiters)
		kept := h.waiters[:0]
		for _, x := range h.waiters {
			if x != nil {
				x.i = len(kept)
				kept = append(kept, x)
			}
		}
		clear(h.waiters[len(kept):])
		h.waiters, h.stale = kept, 0
	}
	return walked
}

// waiting reports whether a task waits for a signal: with no timer set,
// the loop then waits for one rather than report a deadlock. (A signal
// does not hold back a virtual clock: timers still jump.)
func (h *signalHub) waiting() bool { return h != nil && len(h.waiters) > h.stale }

// stop ends the relay and gives the signals back to the default handling.
func (h *signalHub) stop() {
	signal.Stop(h.ch)
	close(h.done)
}

// CancelOnSignal makes Run cancel its main task when the process receives
// one of sigs (os.Interrupt for Ctrl-C, syscall.SIGTERM for a service
// manager's stop), as asyncio.run does on SIGINT: the main task unwinds at
// the await point where it is suspended, its deferred calls run (and may
// await), the other tasks are then cancelled as at every end of Run, and
// Run returns ErrCanceled.
//
//	err := rt.Run(serveAsync(), rt.CancelOnSignal(os.Interrupt, syscall.SIGTERM))
//
// Only the first signal is caught: it gives the signals back to Go's
// default handling, so a second Ctrl-C while the cleanup hangs ends the
// program as it would without the option. With no sigs, CancelOnSignal
// catches os.Interrupt and syscall.SIGTERM. RunGroup has CancelOn.
func CancelOnSignal(sigs ...os.Signal) LoopOption {
	if len(sigs) == 0 {
		sigs = defaultCancelSignals
	}
	return func(l *loop) { l.cancelSigs = append(l.cancelSigs, sigs...) }
}

// watchCancelSignals starts CancelOnSignal's watcher, a goroutine that
// hands the cancellation of the main task to the loop; the function it
// returns stops it.
func (l *loop) watchCancelSignals() (stop func()) {
	if len(l.cancelSigs) == 0 {
		return func() {}
	}
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, l.cancelSigs...)
	go func() {
		select {
		case <-ch:
			signal.Stop(ch) // a second signal acts as without the option
			l.inbox.post(func() {
				if m := l.main; m != nil {
					m.Cancel()
				}
			}, false)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
