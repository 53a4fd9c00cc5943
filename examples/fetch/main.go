//go:build unix

// Command fetch is the seeds' benchmark as a program: it fetches a URL
// 1, 10, 50, 100 and 500 times concurrently, with goroutines and
// net/http (the tutorial's "Threading" column) and with asyncgen's HTTP
// client on one loop (its "Asyncio" column), and, with -loops N, spread
// over a group of N loops (rt.RunGroup, each fetch submitted to the next
// loop), and prints the wall times in a table.
//
//	go run ./examples/fetch                        # a local server that answers after 50ms
//	go run ./examples/fetch -url http://host/path  # any http URL
//	go run ./examples/fetch -n 1,10,100 -delay 200ms
//	go run ./examples/fetch -loops 0                # no loop-group column
//
// Without -url it serves on loopback itself (net/http, in this process).
// Every fetch must answer 200 OK, or the program stops with the error.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
)

//go:generate go tool asyncgen

// fetchOne GETs url and reads its body; anything but 200 OK is an error.
//
// async
func fetchOne(cl *ahttp.Client, url string) (int, error) {
	resp, err := cl.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := resp.Body.ReadAll()
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return len(body), nil
}

// fetchAll fetches url n times at once, each fetch a task, and returns
// the wall time on the loop's clock.
//
// async
func fetchAll(url string, n int) (time.Duration, error) {
	cl := &ahttp.Client{}
	defer cl.CloseIdleConnections()
	start := rt.Now()
	jobs := make([]rt.Awaitable[int], n)
	for i := range jobs {
		jobs[i] = rt.Spawn(fetchOneAsync(cl, url))
	}
	if _, err := rt.Await(rt.Gather(jobs...)); err != nil {
		return 0, err
	}
	return rt.Now().Sub(start), nil
}

// fetchAllGroup fetches url n times at once spread over the loops of the
// group it runs in: each fetch is a task submitted to the next loop
// (round robin), awaited here across loops. One Client serves every loop;
// each loop keeps its own connections.
//
// async
func fetchAllGroup(url string, n int) (time.Duration, error) {
	cl := &ahttp.Client{}
	defer cl.CloseIdleConnections()
	g := rt.CurrentGroup()
	start := rt.Now()
	jobs := make([]rt.Awaitable[int], n)
	for i := range jobs {
		jobs[i] = rt.Submit(g.Next(), fetchOneAsync(cl, url))
	}
	if _, err := rt.Await(rt.Gather(jobs...)); err != nil {
		return 0, err
	}
	return rt.Now().Sub(start), nil
}

// fetchAllGoroutines fetches url n times at once, each fetch on a
// goroutine, with net/http.
func fetchAllGoroutines(url string, n int) (time.Duration, error) {
	cl := &http.Client{Transport: &http.Transport{}}
	defer cl.CloseIdleConnections()
	start := time.Now()
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := cl.Get(url)
			if err != nil {
				errs[i] = err
				return
			}
			defer resp.Body.Close()
			if _, err := io.Copy(io.Discard, resp.Body); err != nil {
				errs[i] = err
			} else if resp.StatusCode != http.StatusOK {
				errs[i] = fmt.Errorf("GET %s: %s", url, resp.Status)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

// run fetches url n times for each n in ns, each way (with a group of
// loops too when loops > 0), and prints the table. before, if not nil, is
// called before each round of n fetches.
func run(w io.Writer, url string, ns []int, loops int, before func(n int)) error {
	if before == nil {
		before = func(int) {}
	}
	fmt.Fprintf(w, "%9s  %10s  %10s", "Frequency", "Goroutines", "Asyncgen")
	if loops > 0 {
		fmt.Fprintf(w, "  %10s", fmt.Sprintf("%d loops", loops))
	}
	fmt.Fprintln(w)
	for _, n := range ns {
		before(n)
		g, err := fetchAllGoroutines(url, n)
		if err != nil {
			return err
		}
		before(n)
		a, err := rt.Run(fetchAllAsync(url, n))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%9d  %9.3fs  %9.3fs", n, g.Seconds(), a.Seconds())
		if loops > 0 {
			before(n)
			gr, err := rt.RunGroup(fetchAllGroupAsync(url, n), rt.Loops(loops))
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  %9.3fs", gr.Seconds())
		}
		fmt.Fprintln(w)
	}
	return nil
}

// serve starts a loopback server that answers after delay and returns
// its URL.
func serve(delay time.Duration) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		io.WriteString(w, "sample data\n")
	}))
	return "http://" + ln.Addr().String() + "/", nil
}

func parseNs(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad count %q", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

func main() {
	url := flag.String("url", "", "the http URL to fetch (default: a local server)")
	delay := flag.Duration("delay", 50*time.Millisecond, "how long the local server waits before answering")
	nFlag := flag.String("n", "1,10,50,100,500", "comma-separated numbers of concurrent fetches")
	loops := flag.Int("loops", runtime.GOMAXPROCS(0), "also fetch spread over a group of this many loops (0: not)")
	flag.Parse()
	ns, err := parseNs(*nFlag)
	if err != nil {
		log.Fatal(err)
	}
	if *url == "" {
		if *url, err = serve(*delay); err != nil {
			log.Fatal(err)
		}
	}
	if err := run(os.Stdout, *url, ns, *loops, nil); err != nil {
		log.Fatal(err)
	}
}
