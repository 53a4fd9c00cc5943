//go:build unix

// Command echo is a line echo server on rt/anet that holds many idle
// connections on one loop, and a client: it opens -idle connections that
// send nothing, then one that sends a few lines and checks the echoes,
// and reports how many goroutines the waiting connections cost (none: a
// task blocked in a read is a parked frame on the poller).
//
//	go run ./examples/echo -idle 10000
//
// With -listen ADDR it only serves, until interrupted.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"runtime"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

//go:generate go run github.com/asyncgen/asyncgen/cmd/asyncgen

var out io.Writer = os.Stdout

// handle echoes lines until the peer closes.
//
// async
func handle(c *anet.Conn) error {
	defer c.Close()
	for {
		line, err := c.ReadUntil('\n')
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := c.Write(line); err != nil {
			return err
		}
	}
}

// serve accepts connections and echoes each on its own task, until ln is
// closed.
//
// async
func serve(ln *anet.Listener) error {
	for {
		c, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		rt.Spawn(handleAsync(c))
	}
}

// demo runs the server and, against it, idle clients and one talker.
//
// async
func demo(idle int, lines []string) error {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	before := runtime.NumGoroutine()
	srv := rt.Spawn(serveAsync(ln))
	addr := ln.Addr().String()
	var conns []*anet.Conn
	for i := 0; i < idle; i++ {
		c, err := anet.Dial("tcp", addr)
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	talker, err := anet.Dial("tcp", addr)
	if err != nil {
		return err
	}
	for _, l := range lines {
		if _, err := talker.Write([]byte(l + "\n")); err != nil {
			return err
		}
		echo, err := talker.ReadUntil('\n')
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "echo: %s", echo)
	}
	fmt.Fprintf(out, "idle connections: %d\n", idle)
	fmt.Fprintf(out, "tasks: %d\n", len(rt.AllTasks()))
	fmt.Fprintf(out, "extra goroutines: %d\n", runtime.NumGoroutine()-before)
	talker.Close()
	for _, c := range conns {
		c.Close()
	}
	ln.Close()
	_, err = rt.Await(srv)
	return err
}

// async
func serveForever(addr string) error {
	ln, err := anet.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Fprintf(out, "listening on %s\n", ln.Addr())
	return serve(ln)
}

func main() {
	idle := flag.Int("idle", 1000, "idle connections to hold")
	listen := flag.String("listen", "", "only serve on this address")
	flag.Parse()
	var err error
	if *listen != "" {
		_, err = rt.Run(serveForeverAsync(*listen))
	} else {
		_, err = rt.Run(demoAsync(*idle, []string{"hello", "asyncgen"}))
	}
	if err != nil {
		log.Fatal(err)
	}
}
