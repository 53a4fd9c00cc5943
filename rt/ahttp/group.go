//go:build unix

package ahttp

import (
	"errors"
	"net/http"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// Shutdown stops the server gracefully, on its loop: it closes the
// listeners (Serve returns http.ErrServerClosed) and the idle kept-alive
// connections, lets the requests in flight finish (their responses carry
// Connection: close) for up to drain, then closes what is left, as Close
// does. It returns once every connection's task has ended: at once when
// the last one ends, not on a later tick.
//
// async
func (s *Server) Shutdown(drain time.Duration) error {
	s.closed = true
	for ln := range s.listeners {
		ln.Close()
	}
	for c, sc := range s.conns {
		if !sc.busy {
			c.Close() // its task wakes, fails its read and ends
		}
	}
	// Closed, the server has no idle connection again: each task left ends
	// after its request in flight (serveConn), and the last to end sets
	// the event.
	if len(s.conns) > 0 && drain > 0 {
		_, _ = rt.Await(rt.Timeout(drain, s.drainedEvent().WaitAsync())) // ErrTimeout: the drain is over
	}
	s.Close()
	if len(s.conns) > 0 {
		s.drainedEvent().Wait() // the closed connections' tasks end
	}
	return nil
}

// drainedEvent is the event that serveConn sets when the last connection
// of a closed server ends.
func (s *Server) drainedEvent() *rt.Event {
	if s.drained == nil {
		s.drained = new(rt.Event)
	}
	return s.drained
}

// ServeGroup serves on every loop of the current group (rt.RunGroup):
// lns[i], from anet.ListenConfig.ListenGroup, is served on loop i by a
// copy of s (same Handler, timeouts and limits; connections of its own),
// so a request is handled on the loop that accepted its connection. The
// Handler is thus called on every loop at once: what it shares between
// requests must be safe across loops (atomics, a mutex held only between
// awaits, a Mailbox), or kept per loop (keyed by rt.LoopIndex).
//
// Cancelling the task that awaits ServeGroup (the group's CancelOn signal
// cancelling main, a TimeoutScope, Task.Cancel) shuts every copy down
// gracefully with Shutdown(drain), all at once, and ServeGroup returns
// ErrCanceled once they are all closed. ServeGroup returns when every
// copy has stopped, with the first error among them; a copy whose
// listener fails stops while the others go on serving. Use s itself for
// nothing else meanwhile.
//
// async
func (s *Server) ServeGroup(lns []*anet.Listener, drain time.Duration) error {
	g := rt.CurrentGroup()
	if g == nil || len(lns) != g.Len() {
		for _, ln := range lns {
			ln.Close()
		}
		return errors.New("ahttp: ServeGroup needs one listener per loop of the current group (anet.ListenConfig.ListenGroup)")
	}
	shards := make([]rt.Awaitable[struct{}], len(lns))
	for i, ln := range lns {
		cp := *s
		cp.listeners, cp.conns, cp.closed, cp.drained = nil, nil, false, nil
		cp.dateText = nil // each loop formats its own
		shards[i] = rt.Submit(g.Loop(i), cp.serveShardAsync(ln, drain), rt.Name("ahttp server shard"))
	}
	// GatherAll, not Gather: a cancelled Gather ends with its first
	// cancelled child, while each copy must be waited for to drain.
	results, err := rt.Await(rt.GatherAll(shards...))
	if err != nil {
		return err
	}
	for _, r := range results {
		if r.Err != nil {
			return r.Err
		}
	}
	return nil
}

// ListenAndServeGroup listens on the TCP address addr on every loop of
// the current group (anet.ListenConfig.ListenGroup: a socket per loop
// with SO_REUSEPORT where the system has it, one acceptor dealing
// connections out elsewhere) and serves on all of them (ServeGroup, with
// drain as the graceful shutdown's deadline): a server on every core in
// one call,
//
//	rt.RunGroup(srv.ListenAndServeGroupAsync(":8080", 5*time.Second), rt.CancelOn(os.Interrupt))
//
// async
func (s *Server) ListenAndServeGroup(addr string, drain time.Duration) error {
	lns, err := anet.ListenConfig{}.ListenGroup("tcp", addr)
	if err != nil {
		return err
	}
	return s.ServeGroup(lns, drain)
}

// serveShard is one loop's copy of a ServeGroup server; cancelled, it
// shuts down gracefully.
//
// async
func (s *Server) serveShard(ln *anet.Listener, drain time.Duration) error {
	defer s.Shutdown(drain)
	defer ln.Close() // Serve forgets ln when it is cancelled: close it here
	err := s.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
