//go:build unix

package bench

import (
	"errors"
	"io"
	"net"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// echoServe echoes what c sends until it closes.
//
// async
func echoServe(c *anet.Conn) error {
	defer c.Close()
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := c.Write(buf[:n]); err != nil {
			return err
		}
	}
}

// async
func echoAccept(ln *anet.Listener) error {
	for {
		c, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		rt.Spawn(echoServeAsync(c))
	}
}

// echoClient makes rounds round trips of msg over c.
//
// async
func echoClient(c *anet.Conn, msg []byte, rounds int) error {
	defer c.Close()
	buf := make([]byte, len(msg))
	for i := 0; i < rounds; i++ {
		if _, err := c.Write(msg); err != nil {
			return err
		}
		if _, err := c.ReadFull(buf); err != nil { // io.ReadFull, as the goroutines' side
			return err
		}
	}
	return nil
}

// echoRounds runs a server and conns clients on one loop, each client
// making rounds round trips.
//
// async
func echoRounds(conns, rounds, size int) error {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := rt.Spawn(echoAcceptAsync(ln))
	msg := make([]byte, size)
	clients := make([]rt.Awaitable[struct{}], conns)
	for i := range clients {
		c, err := anet.Dial("tcp", ln.Addr().String())
		if err != nil {
			return err
		}
		clients[i] = rt.Spawn(echoClientAsync(c, msg, rounds))
	}
	_, err = rt.Await(rt.Gather(clients...))
	ln.Close()
	rt.Await(srv)
	return err
}

// holdIdle opens conns connections to a server on the same loop whose
// handlers all wait for a request, calls measure, and closes them.
//
// async
func holdIdle(conns int, measure func()) error {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	clients := make([]*anet.Conn, conns)
	servers := make([]rt.Awaitable[struct{}], conns)
	for i := range clients {
		c, err := anet.Dial("tcp", ln.Addr().String())
		if err != nil {
			return err
		}
		clients[i] = c
		s, err := ln.Accept()
		if err != nil {
			return err
		}
		servers[i] = rt.Spawn(echoServeAsync(s))
	}
	rt.Sleep(0)
	measure()
	for _, c := range clients {
		c.Close()
	}
	_, err = rt.Await(rt.Gather(servers...))
	return err
}
