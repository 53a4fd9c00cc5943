//go:build unix

// Command groupserver is an HTTP server on every core: a loop group
// (rt.RunGroup) with one loop per core, a listener per loop
// (anet.ListenConfig.ListenGroup, SO_REUSEPORT where the system has it)
// and ahttp.Server.ServeGroup serving on all of them. Per-key state is
// sharded over the loops: /count?key=K bumps K's counter on the loop that
// owns K (Group.ForKey), awaited across loops with rt.Submit, so no lock
// guards the counters. Ctrl-C shuts the server down gracefully: requests in
// flight finish, then every loop's tasks are cancelled.
//
//	go run ./examples/groupserver -addr :8080            # serve until Ctrl-C
//	curl 'localhost:8080/count?key=alice'
//	go run ./examples/groupserver -selftest 200 -loops 2  # serve, query, stop
//
// With -selftest N the program queries its own server N times with
// net/http (from rt.ToThread), over fresh connections so that the kernel
// spreads them over the loops, prints what it saw and shuts down.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
)

//go:generate go tool asyncgen

var out io.Writer = os.Stdout

// app is the server's state: one map of counters per loop, each touched
// only by the tasks of its own loop.
type app struct {
	counts []map[string]int
}

func newApp(loops int) *app {
	a := &app{counts: make([]map[string]int, loops)}
	for i := range a.counts {
		a.counts[i] = map[string]int{}
	}
	return a
}

// bump increments key's counter; it runs on the loop that owns key.
//
// async
func (a *app) bump(key string) (int, error) {
	shard := a.counts[rt.LoopIndex()]
	shard[key]++ // between two awaits: atomic on this loop
	return shard[key], nil
}

// ServeHTTP answers / with the serving loop and /count?key=K with K's new
// count and the loop that owns K.
//
// async
func (a *app) ServeHTTP(w *ahttp.ResponseWriter, r *http.Request) error {
	g := rt.CurrentGroup()
	me := rt.LoopIndex()
	if r.URL.Path != "/count" {
		fmt.Fprintf(w, "hello from loop %d/%d\n", me, g.Len())
		return nil
	}
	key := r.URL.Query().Get("key")
	owner := g.ForKey(key)
	n, err := rt.Await[int](rt.Submit(owner, a.bumpAsync(key)))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "key=%s count=%d owner=%d served-by=%d\n", key, n, owner.Index(), me)
	return nil
}

// serve serves on addr on every loop until it is cancelled.
//
// async
func serve(addr string, ready func(string)) error {
	g := rt.CurrentGroup()
	lns, err := anet.ListenConfig{}.ListenGroup("tcp", addr)
	if err != nil {
		return err
	}
	srv := &ahttp.Server{Handler: newApp(g.Len()), IdleTimeout: time.Minute}
	ready(lns[0].Addr().String())
	return srv.ServeGroup(lns, 5*time.Second)
}

// query makes n requests to base, over fresh connections, and
// summarizes them.
func query(base string, n int) (string, error) {
	cl := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	servedBy := map[string]int{}
	owners := map[string]map[string]bool{}
	final := map[string]string{}
	for i := 0; i < n; i++ {
		key := fmt.Sprintf("k%d", i%5)
		resp, err := cl.Get(base + "/count?key=" + key)
		if err != nil {
			return "", err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return "", err
		}
		fields := strings.Fields(string(body)) // key=K count=N owner=I served-by=J
		if len(fields) != 4 {
			return "", fmt.Errorf("answer %q", body)
		}
		k := strings.TrimPrefix(fields[0], "key=")
		owner := strings.TrimPrefix(fields[2], "owner=")
		by := strings.TrimPrefix(fields[3], "served-by=")
		servedBy[by]++
		if owners[k] == nil {
			owners[k] = map[string]bool{}
		}
		owners[k][owner] = true
		final[k] = strings.TrimPrefix(fields[1], "count=")
	}
	var b strings.Builder
	var keys []string
	for k := range final {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s ", k, final[k])
	}
	oneOwner := true
	for _, o := range owners {
		oneOwner = oneOwner && len(o) == 1
	}
	return fmt.Sprintf("counts: %s\neach key counted on one loop: %v\nloops that served requests: %d\n", strings.TrimSpace(b.String()), oneOwner, len(servedBy)), nil
}

// selftest serves, queries the server n times, and shuts it down.
//
// async
func selftest(n int) error {
	g := rt.CurrentGroup()
	addrs := rt.NewMailbox[string]()
	srv := rt.Spawn(serveAsync("127.0.0.1:0", func(a string) { addrs.Send(a) }))
	addr, err := addrs.Recv()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "serving on %d loops\n", g.Len())
	summary, err := rt.ToThread(func() (string, error) { return query("http://"+addr, n) })
	if err != nil {
		return err
	}
	fmt.Fprint(out, summary)
	srv.Cancel() // what Ctrl-C does: a graceful shutdown
	_, err = rt.Await[struct{}](srv)
	fmt.Fprintf(out, "server stopped: %v\n", err)
	return nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to serve on")
	loops := flag.Int("loops", 0, "number of loops (0: GOMAXPROCS)")
	self := flag.Int("selftest", 0, "query the server this many times, then stop")
	flag.Parse()
	opts := []rt.GroupOption{rt.Loops(*loops), rt.CancelOn(os.Interrupt, syscall.SIGTERM)}
	var err error
	if *self > 0 {
		_, err = rt.RunGroup(selftestAsync(*self), opts...)
	} else {
		_, err = rt.RunGroup(serveAsync(*addr, func(a string) { log.Printf("serving on http://%s", a) }), opts...)
	}
	if err != nil && err != rt.ErrCanceled {
		log.Fatal(err)
	}
}
