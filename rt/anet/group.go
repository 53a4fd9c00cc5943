//go:build unix

package anet

import (
	"errors"
	"net"
	"sync/atomic"

	"github.com/asyncgen/asyncgen/rt"
)

// ListenGroup announces on address for every loop of the current group
// (see rt.RunGroup) and returns one listener per loop: lns[i] is loop i's,
// to accept from on loop i only (hand it over with rt.Submit). All of them
// have the same address.
//
// Where the system has SO_REUSEPORT (Linux, the BSDs) and lc.OneAcceptor
// is not set, each loop has a listening socket of its own on the address,
// and the kernel spreads incoming connections among them. Otherwise (Unix
// sockets, other systems, or OneAcceptor) one socket is served by an
// acceptor task on loop 0, which hands the connections to the loops round
// robin; lns[i].Accept then returns what loop i is handed.
//
// Closing every listener stops listening. Outside a group it returns the
// one listener of Listen.
//
// async
func (lc ListenConfig) ListenGroup(network, address string) ([]*Listener, error) {
	g := rt.CurrentGroup()
	if g == nil {
		ln, err := lc.Listen(network, address)
		if err != nil {
			return nil, err
		}
		return []*Listener{ln}, nil
	}
	reuse := !lc.OneAcceptor && network != "unix" && hasReusePort
	if !reuse {
		return lc.listenHanded(g, network, address)
	}
	lc.ReusePort = true
	first, err := lc.Listen(network, address)
	if err != nil {
		return nil, err
	}
	lns := []*Listener{first}
	for i := 1; i < g.Len(); i++ {
		ln, err := lc.Listen(network, first.Addr().String())
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			return nil, err
		}
		lns = append(lns, ln)
	}
	return lns, nil
}

// listenHanded is ListenGroup with one acceptor on loop 0.
//
// async
func (lc ListenConfig) listenHanded(g *rt.Group, network, address string) ([]*Listener, error) {
	real, err := lc.Listen(network, address)
	if err != nil {
		return nil, err
	}
	sh := &shared{real: real, loop0: g.Loop(0), boxes: make([]*rt.Mailbox[*Conn], g.Len())}
	sh.open.Store(int64(g.Len()))
	lns := make([]*Listener, g.Len())
	for i := range lns {
		sh.boxes[i] = rt.NewMailbox[*Conn]()
		lns[i] = &Listener{network: network, addr: real.Addr(), share: &share{sh: sh, box: sh.boxes[i]}}
	}
	rt.Post(g.Loop(0), sh.acceptLoopAsync(), rt.Name("anet acceptor "+real.Addr().String()))
	return lns, nil
}

// shared is a listening socket served by one acceptor for a group.
type shared struct {
	real  *Listener
	loop0 *rt.Loop
	boxes []*rt.Mailbox[*Conn]
	open  atomic.Int64 // shares not closed yet
	next  int
	err   atomic.Pointer[error] // the acceptor's failure, if it stopped
}

// share is one loop's part of a shared listener.
type share struct {
	sh  *shared
	box *rt.Mailbox[*Conn]
}

// acceptLoop accepts on the real socket and hands each connection to the
// next loop whose share is open, until every share is closed.
//
// async
func (sh *shared) acceptLoop() error {
	defer sh.real.Close()
	for sh.open.Load() > 0 {
		c, err := sh.real.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				err = nil
			} else {
				sh.err.Store(&err)
			}
			for _, b := range sh.boxes {
				b.Close() // the loops' Accepts fail with sh.err, or ErrClosed
			}
			return err
		}
		handed := false
		for range sh.boxes {
			b := sh.boxes[sh.next]
			sh.next = (sh.next + 1) % len(sh.boxes)
			if b.Send(c) == nil {
				handed = true
				break
			}
		}
		if !handed {
			c.Close() // every share closed meanwhile
		}
	}
	return nil
}

// accept is Listener.Accept on a share.
//
// async
func (s *share) accept(ln *Listener) (*Conn, error) {
	c, err := s.box.Recv()
	if errors.Is(err, rt.ErrMailboxClosed) {
		if p := s.sh.err.Load(); p != nil {
			return nil, *p
		}
		return nil, ln.opErr(net.ErrClosed)
	}
	return c, err
}

// close is Listener.Close on a share: the last one stops the acceptor.
func (s *share) close() error {
	s.box.Close()
	for {
		c, err := s.box.Recv() // connections handed but not accepted
		if err != nil {
			break
		}
		c.Close()
	}
	if s.sh.open.Add(-1) == 0 {
		// The real socket belongs to loop 0, where the acceptor waits.
		real := s.sh.real
		rt.Post(s.sh.loop0, rt.Func(func() (struct{}, error) { return struct{}{}, real.Close() }))
	}
	return nil
}
