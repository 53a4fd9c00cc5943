//go:build linux

// Command httpload is a load test of HTTP/1.1 servers (not a timed test):
// many keep-alive clients against ahttp's server on one loop ("ahttp"), on
// a loop group of one loop per core ("ahttpgrp": a listener per loop,
// SO_REUSEPORT, ahttp.Server.ServeGroup) and against net/http's, all
// serving the same handler, each server in a child
// process of its own so that its RSS and descriptors are its alone.
//
//	go run ./bench/httpload                        # 100 and 1,000 connections, 5 s each
//	go run ./bench/httpload -conns 100 -duration 10s -servers ahttp
//
// Each of the N connections is a goroutine of this process that sends a
// GET, reads the whole response, and sends the next at once, for the
// duration (after a warm-up). The report has requests per second, the
// 50th and 99th percentile latency, the errors (a failed exchange, a
// status other than 200 or a wrong body; the connection is dialled
// again), the server's RSS and open descriptors before the load,
// at its peak (sampled every 100 ms) and after the clients hung up, and
// the server's CPU time per request while measuring (the clients share
// the machine: the CPU a server needs per request is what it leaves them).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
)

//go:generate go tool asyncgen

const body = "hello, world\n"

// hello is the handler of both servers.
func hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, body)
}

// async
func helloAhttp(w *ahttp.ResponseWriter, r *http.Request) { hello(w, r) }

func main() {
	serve := flag.String("serve", "", "internal: serve with this server (ahttp or nethttp) and print the address")
	conns := flag.String("conns", "100,1000", "comma-separated numbers of connections")
	duration := flag.Duration("duration", 5*time.Second, "how long each run measures")
	warmup := flag.Duration("warmup", time.Second, "load before the measure starts")
	servers := flag.String("servers", "ahttp,ahttpgrp,nethttp", "comma-separated servers to test (ahttp, ahttpgrp, nethttp)")
	flag.StringVar(&profileDir, "cpuprofile", "", "write each server's CPU profile, over the warm-up and the measure, to DIR/SERVER-CONNS.prof")
	profileFor := flag.Duration("profile-for", 0, "internal: with -cpuprofile and -serve, profile this long")
	flag.Parse()
	raiseFDLimit()
	if *serve != "" {
		if profileDir != "" {
			startProfile(profileDir, *profileFor)
		}
		runServer(*serve)
		return
	}
	fmt.Printf("%-8s %6s %10s %9s %9s %7s %22s %16s %11s\n", "server", "conns", "req/s", "p50", "p99", "errors", "RSS MB before/peak/after", "fds before/peak/after", "CPU µs/req")
	for _, n := range strings.Split(*conns, ",") {
		n, err := strconv.Atoi(n)
		if err != nil {
			log.Fatal(err)
		}
		for _, kind := range strings.Split(*servers, ",") {
			r, err := measure(kind, n, *warmup, *duration)
			if err != nil {
				log.Fatalf("%s at %d: %v", kind, n, err)
			}
			fmt.Printf("%-8s %6d %10.0f %9v %9v %7d %8.1f/%5.1f/%5.1f %8d/%d/%d %11.1f\n", kind, n, r.rps,
				r.p50.Round(10*time.Microsecond), r.p99.Round(10*time.Microsecond), r.errors,
				r.rss[0], r.rss[1], r.rss[2], r.fds[0], r.fds[1], r.fds[2], r.cpu)
		}
	}
}

// profileDir is -cpuprofile's directory; in a server child, its file.
var profileDir string

// startProfile profiles the server's CPU into file for d.
func startProfile(file string, d time.Duration) {
	f, err := os.Create(file)
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Fatal(err)
	}
	time.AfterFunc(d, func() {
		pprof.StopCPUProfile()
		f.Close()
	})
}

// raiseFDLimit raises the soft descriptor limit to the hard one.
func raiseFDLimit() {
	var l syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l) == nil && l.Cur < l.Max {
		l.Cur = l.Max
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
}

// runServer serves on a free loopback port and prints its address.
func runServer(kind string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	switch kind {
	case "nethttp":
		fmt.Println(ln.Addr())
		log.Fatal(http.Serve(ln, http.HandlerFunc(hello)))
	case "ahttp":
		addr := ln.Addr().String()
		ln.Close()
		srv := &ahttp.Server{Handler: ahttp.HandlerFunc(helloAhttpAsync)}
		_, err := rt.Run(serveAsync(srv, addr))
		log.Fatal(err)
	case "ahttpgrp":
		addr := ln.Addr().String()
		ln.Close()
		srv := &ahttp.Server{Handler: ahttp.HandlerFunc(helloAhttpAsync)}
		_, err := rt.RunGroup(serveGroupAsync(srv, addr))
		log.Fatal(err)
	default:
		log.Fatalf("unknown server %q", kind)
	}
}

// async
func serve(srv *ahttp.Server, addr string) error {
	fmt.Println(addr)
	return srv.ListenAndServe(addr)
}

// serveGroup serves on every loop of the group it runs in.
//
// async
func serveGroup(srv *ahttp.Server, addr string) error {
	lns, err := anet.ListenConfig{ReusePort: true}.ListenGroup("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Println(addr)
	return srv.ServeGroup(lns, time.Second)
}

type result struct {
	rps      float64
	p50, p99 time.Duration
	errors   int64
	rss      [3]float64 // MB: before, peak, after
	fds      [3]int
	cpu      float64 // the server's CPU time (user and system) per request while measuring, µs
}

// measure starts a server of this kind and loads it with n connections.
func measure(kind string, n int, warmup, duration time.Duration) (result, error) {
	var r result
	self, err := os.Executable()
	if err != nil {
		return r, err
	}
	args := []string{"-serve", kind}
	if profileDir != "" {
		args = append(args, "-cpuprofile", fmt.Sprintf("%s/%s-%d.prof", profileDir, kind, n), "-profile-for", (warmup + duration).String())
	}
	cmd := exec.Command(self, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return r, err
	}
	if err := cmd.Start(); err != nil {
		return r, err
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		return r, fmt.Errorf("server did not start: %v", err)
	}
	addr := strings.TrimSpace(line)
	for range 50 { // ahttp listens after it printed the address
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	pid := cmd.Process.Pid
	r.rss[0], r.fds[0] = rssMB(pid), fdCount(pid)

	var measuring, stop atomic.Bool
	var errs atomic.Int64
	lat := make([][]time.Duration, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[i] = client(addr, &measuring, &stop, &errs)
		}()
	}
	peak := make(chan struct{})
	go func() { // sample the server's RSS and descriptors
		defer close(peak)
		for !stop.Load() {
			r.rss[1] = max(r.rss[1], rssMB(pid))
			r.fds[1] = max(r.fds[1], fdCount(pid))
			time.Sleep(100 * time.Millisecond)
		}
	}()
	time.Sleep(warmup)
	errs.Store(0)
	cpu0 := cpuTicks(pid)
	measuring.Store(true)
	start := time.Now()
	time.Sleep(duration)
	measuring.Store(false)
	elapsed := time.Since(start)
	cpu1 := cpuTicks(pid)
	stop.Store(true)
	wg.Wait()
	<-peak
	time.Sleep(300 * time.Millisecond) // the server closes the connections the clients hung up
	r.rss[2], r.fds[2] = rssMB(pid), fdCount(pid)

	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	slices.Sort(all)
	r.rps = float64(len(all)) / elapsed.Seconds()
	r.errors = errs.Load()
	if len(all) > 0 {
		r.cpu = float64(cpu1-cpu0) * 1e6 / clockTicks / float64(len(all))
		r.p50 = all[len(all)/2]
		r.p99 = all[len(all)*99/100]
	}
	return r, nil
}

// client sends GETs on one keep-alive connection until stop, and returns
// the latencies of the exchanges that ended while measuring.
func client(addr string, measuring, stop *atomic.Bool, errs *atomic.Int64) []time.Duration {
	var lat []time.Duration
	req := []byte("GET /hello HTTP/1.1\r\nHost: " + addr + "\r\nUser-Agent: httpload\r\n\r\n")
	var c net.Conn
	var br *bufio.Reader
	defer func() {
		if c != nil {
			c.Close()
		}
	}()
	buf := make([]byte, len(body))
	for !stop.Load() {
		if c == nil {
			var err error
			if c, err = net.Dial("tcp", addr); err != nil {
				errs.Add(1)
				time.Sleep(10 * time.Millisecond)
				continue
			}
			br = bufio.NewReader(c)
		}
		t0 := time.Now()
		ok := exchange(c, br, req, buf)
		d := time.Since(t0)
		if !ok {
			errs.Add(1)
			c.Close()
			c = nil
			continue
		}
		if measuring.Load() {
			lat = append(lat, d)
		}
	}
	return lat
}

// exchange writes req and reads one response, which must be a 200 with
// the handler's body.
func exchange(c net.Conn, br *bufio.Reader, req, buf []byte) bool {
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := c.Write(req); err != nil {
		return false
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.ContentLength != int64(len(body)) {
		return false
	}
	_, err = io.ReadFull(resp.Body, buf)
	return err == nil && string(buf) == body
}

// rssMB is the process's resident set size in MB (from /proc).
func rssMB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

// clockTicks is the unit of /proc/PID/stat's times per second (USER_HZ,
// 100 on Linux).
const clockTicks = 100

// cpuTicks is the process's CPU time so far, user and system, in
// clockTicks (from /proc).
func cpuTicks(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses and may
	// hold spaces: state is the first, utime and stime the 12th and 13th.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return u + s
}

// fdCount is how many descriptors the process has open.
func fdCount(pid int) int {
	ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		return 0
	}
	return len(ents)
}
