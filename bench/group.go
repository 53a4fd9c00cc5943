//go:build unix

package bench

import (
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// dialEcho dials addr and makes rounds round trips of msg.
//
// async
func dialEcho(addr string, msg []byte, rounds int) error {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return err
	}
	return echoClient(c, msg, rounds)
}

// closeListener closes ln (a task of ln's loop runs it).
//
// async
func closeListener(ln *anet.Listener) error { return ln.Close() }

// echoGroup runs an echo server on every loop of the current group, with
// a listener per loop (ReusePort) or one acceptor, and conns clients
// spread round robin over the loops, each making rounds round trips. It
// returns how many clients each loop's server accepted.
//
// async
func echoGroup(conns, rounds, size int, one bool) ([]int, error) {
	g := rt.CurrentGroup()
	lns, err := anet.ListenConfig{OneAcceptor: one}.ListenGroup("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	servers := make([]*rt.Remote[int], len(lns))
	for i, ln := range lns {
		servers[i] = rt.Submit(g.Loop(i), countingAcceptAsync(ln))
	}
	msg := make([]byte, size)
	clients := make([]rt.Awaitable[struct{}], conns)
	for i := range clients {
		clients[i] = rt.Submit(g.Next(), dialEchoAsync(lns[0].Addr().String(), msg, rounds))
	}
	_, err = rt.Await(rt.Gather(clients...))
	for i, ln := range lns {
		rt.Await[struct{}](rt.Submit(g.Loop(i), closeListenerAsync(ln)))
	}
	per := make([]int, len(servers))
	for i, s := range servers {
		per[i], _ = rt.Await[int](s)
	}
	return per, err
}

// countingAccept is echoAccept that counts its connections.
//
// async
func countingAccept(ln *anet.Listener) (int, error) {
	n := 0
	for {
		c, err := ln.Accept()
		if err != nil {
			return n, nil // closed
		}
		n++
		rt.Spawn(echoServeAsync(c))
	}
}

// trivial returns at once.
//
// async
func trivial(x int) (int, error) { return x + 1, nil }

// submitRoundTrips submits trivial to loop 1 and awaits it, n times, one
// at a time (batch 1) or batch at a time.
//
// async
func submitRoundTrips(n, batch int) error {
	lp := rt.CurrentGroup().Loop(1)
	rs := make([]*rt.Remote[int], batch)
	for done := 0; done < n; done += batch {
		for i := range rs {
			rs[i] = rt.Submit(lp, trivialAsync(i))
		}
		for _, r := range rs {
			if _, err := rt.Await[int](r); err != nil {
				return err
			}
		}
	}
	return nil
}

// spawnShare spawns n trivial children into a task group on the loop
// that runs it, and waits for them.
//
// async
func spawnShare(n int) (int, error) {
	if err := bigGroup(n); err != nil {
		return 0, err
	}
	return n, nil
}

// spreadGroup runs bigGroup's n children spread over the loops of the
// group: each loop spawns its share into a task group of its own. It
// returns how many each loop ran.
//
// async
func spreadGroup(n int) ([]int, error) {
	g := rt.CurrentGroup()
	rs := make([]*rt.Remote[int], g.Len())
	for i := range rs {
		share := n / g.Len()
		if i < n%g.Len() {
			share++
		}
		rs[i] = rt.Submit(g.Loop(i), spawnShareAsync(share))
	}
	per := make([]int, len(rs))
	for i, r := range rs {
		v, err := rt.Await[int](r)
		if err != nil {
			return nil, err
		}
		per[i] = v
	}
	return per, nil
}

// spin makes n steps of a linear congruential generator: work that
// touches no memory, the control for what the machine's cores give.
func spin(n int) uint64 {
	x := uint64(n)
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

// spinShare is spin on the loop that runs it.
//
// async
func spinShare(n int) (uint64, error) { return spin(n), nil }

// spreadSpin runs n steps of spin spread over the loops of the group,
// and returns how many steps each loop made.
//
// async
func spreadSpin(n int) ([]int, error) {
	g := rt.CurrentGroup()
	rs := make([]*rt.Remote[uint64], g.Len())
	per := make([]int, g.Len())
	for i := range rs {
		per[i] = n / g.Len()
		rs[i] = rt.Submit(g.Loop(i), spinShareAsync(per[i]))
	}
	for _, r := range rs {
		if _, err := rt.Await[uint64](r); err != nil {
			return nil, err
		}
	}
	return per, nil
}
