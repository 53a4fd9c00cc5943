//go:build unix

// Command echo is a line echo server on rt/anet that holds many idle
// connections on one loop, and a client: a child process (this program
// again, with -hold) opens -idle connections that send nothing, then one
// connection sends a few lines and checks the echoes, and the program
// reports how many goroutines the waiting connections cost (none: a task
// blocked in a read is a parked frame on the poller) and how much heap
// each holds.
//
//	go run ./examples/echo               # 10,000 idle connections
//	go run ./examples/echo -idle 2000
//
// The idle clients live in a child process so that the two ends of
// 10,000 connections do not have to fit in one process's descriptor
// limit (20,000 file descriptors here): the server holds one per
// connection.
//
// The same server runs on every core with a loop group: rt.RunGroup
// starts one loop per core, anet.ListenConfig.ListenGroup gives each loop
// a listener of its own on one port (SO_REUSEPORT: the kernel spreads the
// connections), and each loop accepts and echoes its own connections, so
// no connection ever crosses loops.
//
//	go run ./examples/echo -listen :7000           # serve on every core until Ctrl-C
//	go run ./examples/echo -group 100 -loops 2     # 100 clients against a 2-loop server
//
// With -group N, N clients spread over the loops (Group.Next) each send a
// line and check its echo, and the program prints how many connections
// each loop's listener took.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

//go:generate go tool asyncgen

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
// closed; accepted counts them.
//
// async
func serve(ln *anet.Listener, accepted *int) error {
	for {
		c, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		*accepted++
		rt.Spawn(handleAsync(c))
	}
}

// holder starts the child process that opens n idle connections to addr
// (this program with -hold); closing its stdin ends it.
func holder(addr string, n int) (*exec.Cmd, io.Closer, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.Command(self, "-hold", addr, "-idle", strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, err
	}
	return cmd, stdin, cmd.Start()
}

// heapInUse is the heap in use after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// demo runs the server; a child process opens idle connections to it;
// then a talker checks the echoes. It returns the heap each idle
// connection holds on the server's side, in bytes.
//
// async
func demo(idle int, lines []string) (int, error) {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	before := runtime.NumGoroutine()
	heapBefore := heapInUse()
	accepted := 0
	srv := rt.Spawn(serveAsync(ln, &accepted))
	addr := ln.Addr().String()
	cmd, stdin, err := holder(addr, idle)
	if err != nil {
		return 0, err
	}
	defer func() {
		stdin.Close()
		cmd.Wait() // the child exits when its stdin closes
	}()
	for accepted < idle {
		if cmd.ProcessState != nil {
			return 0, fmt.Errorf("the idle clients' process ended: %v", cmd.ProcessState)
		}
		rt.Sleep(10 * time.Millisecond)
	}
	rt.Sleep(10 * time.Millisecond) // every handler reached its first read
	perConn := int(heapInUse()-heapBefore) / max(idle, 1)
	extra := runtime.NumGoroutine() - before
	held := accepted
	talker, err := anet.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	for _, l := range lines {
		if _, err := talker.Write([]byte(l + "\n")); err != nil {
			return 0, err
		}
		echo, err := talker.ReadUntil('\n')
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(out, "echo: %s", echo)
	}
	fmt.Fprintf(out, "idle connections: %d\n", held)
	fmt.Fprintf(out, "tasks: %d\n", len(rt.AllTasks())) // main, accept loop, a handler per connection
	fmt.Fprintf(out, "extra goroutines: %d\n", extra)
	talker.Close()
	ln.Close()
	_, err = rt.Await(srv)
	return perConn, err
}

// hold opens n connections to addr, sends nothing, and keeps them until
// stdin closes (the -hold side of the demo).
//
// async
func hold(addr string, n int) error {
	conns := make([]*anet.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range n {
		c, err := anet.Dial("tcp", addr)
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	_, err := rt.ToThread(func() (int64, error) { return io.Copy(io.Discard, os.Stdin) })
	return err
}

// serveLoop serves ln, the listener of the loop that runs it, until it is
// cancelled; accepted counts its connections.
//
// async
func serveLoop(ln *anet.Listener, accepted *int) error {
	defer ln.Close() // on ln's own loop
	return serve(ln, accepted)
}

// listenAll listens on addr on every loop of the current group and starts
// each loop's server on its own loop. accepted[i] is loop i's count, to
// be read once its server is done.
//
// async
func listenAll(addr string) (lns []*anet.Listener, servers []*rt.Remote[struct{}], accepted []int, err error) {
	g := rt.CurrentGroup()
	lns, err = anet.ListenConfig{}.ListenGroup("tcp", addr)
	if err != nil {
		return nil, nil, nil, err
	}
	accepted = make([]int, len(lns))
	servers = make([]*rt.Remote[struct{}], len(lns))
	for i, ln := range lns {
		servers[i] = rt.Submit(g.Loop(i), serveLoopAsync(ln, &accepted[i]))
	}
	return lns, servers, accepted, nil
}

// serveForever serves on every loop of the group until it is cancelled
// (Ctrl-C: rt.CancelOn cancels it, the cancellation crosses to every
// loop's server, and each closes its listener on its own loop).
//
// async
func serveForever(addr string) error {
	lns, servers, _, err := listenAll(addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "listening on %s with %d loops\n", lns[0].Addr(), len(lns))
	all := make([]rt.Awaitable[struct{}], len(servers))
	for i, s := range servers {
		all[i] = s
	}
	_, err = rt.Await(rt.Gather(all...))
	return err
}

// talk dials addr from the loop that runs it, sends line and checks its
// echo.
//
// async
func talk(addr, line string) error {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.Write([]byte(line + "\n")); err != nil {
		return err
	}
	echo, err := c.ReadUntil('\n')
	if err != nil {
		return err
	}
	if string(echo) != line+"\n" {
		return fmt.Errorf("sent %q, echoed %q", line, echo)
	}
	return nil
}

// groupDemo serves on every loop of the group, runs n clients spread
// over the loops, stops the servers and returns each loop's count of
// connections.
//
// async
func groupDemo(n int) ([]int, error) {
	g := rt.CurrentGroup()
	lns, servers, accepted, err := listenAll("127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := lns[0].Addr().String()
	clients := make([]rt.Awaitable[struct{}], n)
	for i := range clients {
		clients[i] = rt.Submit(g.Next(), talkAsync(addr, fmt.Sprintf("line %d", i)))
	}
	_, err = rt.Await(rt.Gather(clients...))
	for _, s := range servers {
		s.Cancel()
		if _, serr := rt.Await[struct{}](s); serr != nil && !errors.Is(serr, rt.ErrCanceled) && err == nil {
			err = serr
		}
	}
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "%d clients echoed on %d loops\n", n, g.Len())
	return accepted, nil
}

func main() {
	idle := flag.Int("idle", 10000, "idle connections to hold")
	listen := flag.String("listen", "", "only serve on this address, on every loop of a group")
	group := flag.Int("group", 0, "run this many clients against a server on every loop of a group")
	loops := flag.Int("loops", 0, "the group's loops (default: one per core)")
	holdAddr := flag.String("hold", "", "internal: open -idle idle connections to this address until stdin closes")
	flag.Parse()
	var err error
	switch {
	case *holdAddr != "":
		_, err = rt.Run(holdAsync(*holdAddr, *idle))
	case *listen != "":
		_, err = rt.RunGroup(serveForeverAsync(*listen), rt.Loops(*loops), rt.CancelOn(os.Interrupt, syscall.SIGTERM))
		if errors.Is(err, rt.ErrCanceled) {
			fmt.Fprintln(out, "stopped") // Ctrl-C: every loop's tasks have unwound
			err = nil
		}
	case *group > 0:
		var per []int
		per, err = rt.RunGroup(groupDemoAsync(*group), rt.Loops(*loops))
		if err == nil {
			fmt.Fprintf(out, "connections per loop: %v\n", per)
		}
	default:
		var perConn int
		perConn, err = rt.Run(demoAsync(*idle, []string{"hello", "asyncgen"}))
		if err == nil {
			fmt.Fprintf(out, "heap per idle connection (server side): %d bytes\n", perConn)
		}
	}
	if err != nil {
		log.Fatal(err)
	}
}
