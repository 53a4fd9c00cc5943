//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Command fetch is the seeds' benchmark: fetch a URL N times concurrently,
// with asyncgen's HTTP client on one loop, with goroutines and net/http,
// and (when python3 is present) with asyncio streams, and compare wall
// time and memory.
//
//	go run ./bench/fetch                    # N = 1 ... the descriptor limit, delay 50ms
//	go run ./bench/fetch -quick             # N = 1, 10, 100, delay 10ms
//	go run ./bench/fetch -n 100,1000,max -delay 20ms -rounds 3
//	go run ./bench/fetch -https -n 100,1000,5000 # over TLS
//
// With -https the server speaks TLS 1.3 (ECDSA P-256 certificate made for
// the run) and both Go clients trust it through a custom pool, speak
// HTTP/1.1 (net/http's client is not offered HTTP/2) and resume no
// session: every connection costs a full handshake. The asyncio client
// is left out.
//
// Every process raises its soft RLIMIT_NOFILE to the hard limit, and N =
// "max" is the largest multiple of 1,000 that leaves 1,000 descriptors
// spare under it (19,000 under a limit of 20,000): a client at N holds N
// connections, and so does the server.
//
// The server is net/http in a child process, whose handler answers "ok"
// after the delay. Every client run is a child process of its own (this
// binary again, or python3 with fetch.py), so the peak RSS the kernel
// reports for it (getrusage's ru_maxrss) is that client's alone, runtime
// and interpreter included. Wall time is measured inside the client, from
// the first request to the last body, so process start-up is left out.
// For each N the clients run one after another, interleaved, in every
// round; the table shows the best wall time and the highest RSS of the
// rounds.
package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	_ "embed"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"golang.org/x/sys/unix"
)

//go:generate go tool asyncgen

//go:embed fetch.py
var asyncioClient []byte

// result is what a client child prints, as JSON, on its last line.
type result struct {
	Wall       float64 `json:"wall"`       // seconds, first request to last body
	Goroutines int     `json:"goroutines"` // the most seen at once (the sampler excluded)
	Live       int64   `json:"live"`       // the most live heap + goroutine stacks seen, in bytes
	Errors     int     `json:"errors"`
	FirstError string  `json:"first_error,omitempty"`
	RSS        int64   `json:"-"` // peak, in bytes, from the parent's rusage
	CPU        float64 `json:"-"` // user + system seconds, from the parent's rusage
}

func main() {
	role := flag.String("role", "", "internal: server, or a client kind (asyncgen, goroutines)")
	url := flag.String("url", "", "internal: the URL a client fetches")
	nFlag := flag.String("n", "1,10,100,1000,2000,5000,10000,15000,max", `comma-separated numbers of concurrent fetches ("max": as many as the descriptor limit allows)`)
	delay := flag.Duration("delay", 50*time.Millisecond, "how long the server waits before answering")
	rounds := flag.Int("rounds", 1, "how many times each client runs for each N")
	quick := flag.Bool("quick", false, "a quick run: N = 1, 10, 100 and a 10ms delay")
	noPython := flag.Bool("nopython", false, "leave out the asyncio client")
	listeners := flag.Int("listeners", 4, "how many SO_REUSEPORT listening sockets the server accepts on")
	flag.StringVar(&memProfile, "memprofile", "", "internal: a client writes a heap profile of its run here")
	flag.IntVar(&maxConns, "maxconns", 0, "the asyncgen client's MaxConnsPerHost (0: ahttp's default, -1: no limit)")
	useTLS := flag.Bool("https", false, "serve and fetch over TLS (no asyncio client)")
	flag.StringVar(&certDir, "certdir", "", "internal: the directory of the TLS certificate (cert.pem, key.pem)")
	flag.Parse()
	limit := raiseFileLimit()
	switch *role {
	case "server":
		serve(*delay, *listeners)
		return
	case "asyncgen", "goroutines":
		n, err := strconv.Atoi(flag.Arg(0))
		if err != nil {
			log.Fatal("a client needs N")
		}
		r := runClient(*role, *url, n)
		json.NewEncoder(os.Stdout).Encode(r)
		return
	case "":
	default:
		log.Fatalf("unknown role %q", *role)
	}
	ns, err := parseNs(*nFlag, limit)
	if err != nil {
		log.Fatal(err)
	}
	if *quick {
		ns = []int{1, 10, 100}
		*delay = 10 * time.Millisecond
	}
	if *useTLS {
		*noPython = true
		dir, err := os.MkdirTemp("", "fetch-tls")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		if err := writeCert(dir); err != nil {
			log.Fatal(err)
		}
		certDir = dir
	}
	if err := compare(ns, *delay, *rounds, *listeners, *noPython); err != nil {
		log.Fatal(err)
	}
}

// maxConns is the asyncgen client's MaxConnsPerHost.
var maxConns int

// certDir holds cert.pem and key.pem when the run is over TLS.
var certDir string

// writeCert writes a self-signed certificate for 127.0.0.1 and its key
// into dir.
func writeCert(dir string) error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "bench/fetch"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "cert.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "key.pem"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
}

// clientTLS is the clients' TLS configuration: it trusts the run's
// certificate (nil when the run is plain http).
func clientTLS() *tls.Config {
	if certDir == "" {
		return nil
	}
	pemBytes, err := os.ReadFile(filepath.Join(certDir, "cert.pem"))
	if err != nil {
		log.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pemBytes) {
		log.Fatal("no certificate in cert.pem")
	}
	return &tls.Config{RootCAs: pool}
}

// raiseFileLimit raises the soft limit on open descriptors to the hard one
// and returns it.
func raiseFileLimit() int {
	var rl unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &rl); err != nil {
		log.Fatal(err)
	}
	if rl.Cur < rl.Max {
		rl.Cur = rl.Max
		if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &rl); err != nil {
			log.Fatal(err)
		}
	}
	return int(min(rl.Cur, 1<<30))
}

// parseNs parses the list of N; "max" is the most the descriptor limit
// allows, leaving 1,000 spare.
func parseNs(s string, limit int) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "max" {
			n := (limit - 1000) / 1000 * 1000
			if n < 1 {
				return nil, fmt.Errorf("a descriptor limit of %d leaves no room for N = max", limit)
			}
			if len(ns) > 0 && ns[len(ns)-1] >= n {
				continue
			}
			ns = append(ns, n)
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad N %q", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// serve runs the loopback server until stdin closes; it prints its
// address first. It listens with several SO_REUSEPORT sockets on the same
// port, among which the kernel spreads the connections: each has its own
// accept queue (SOMAXCONN long, 4096 here), so 5,000 connections dialled
// at once are not dropped and retried a second later, whichever client
// dials them.
func serve(delay time.Duration, listeners int) {
	lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, unix.SO_REUSEPORT, 1)
		})
		if err != nil {
			return err
		}
		return serr
	}}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		io.WriteString(w, "ok")
	}), ErrorLog: log.New(io.Discard, "", 0)}
	if certDir != "" {
		srv.TLSConfig = &tls.Config{NextProtos: []string{"http/1.1"}} // HTTP/1.1 only, as the clients
	}
	addr := "127.0.0.1:0"
	for i := range listeners {
		ln, err := lc.Listen(context.Background(), "tcp", addr)
		if err != nil {
			log.Fatal(err)
		}
		if i == 0 {
			addr = ln.Addr().String()
		}
		if certDir != "" {
			go func() {
				log.Fatal(srv.ServeTLS(ln, filepath.Join(certDir, "cert.pem"), filepath.Join(certDir, "key.pem")))
			}()
			continue
		}
		go func() { log.Fatal(srv.Serve(ln)) }()
	}
	fmt.Println(addr)
	io.Copy(io.Discard, os.Stdin)
}

// runClient fetches url n times concurrently with the given kind of
// client and measures it.
func runClient(kind, url string, n int) result {
	var peak, live atomic.Int64
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}
	stop := make(chan struct{})
	var sampled sync.WaitGroup
	sampled.Add(1)
	go func() { // samples the goroutine count (itself excluded)
		defer sampled.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if g := int64(runtime.NumGoroutine() - 1); g > peak.Load() {
				peak.Store(g)
			}
			metrics.Read(samples)
			if l := int64(samples[0].Value.Uint64() + samples[1].Value.Uint64()); l > live.Load() {
				live.Store(l)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	var errs []error
	if memProfile != "" {
		runtime.MemProfileRate = 512
		defer writeHeapProfile()
	}
	start := time.Now()
	switch kind {
	case "asyncgen":
		var err error
		errs, err = rt.Run(fetchAllAsync(url, n))
		if err != nil {
			errs = append(errs, err)
		}
	case "goroutines":
		errs = fetchAllGoroutines(url, n)
	}
	wall := time.Since(start)
	if os.Getenv("FETCH_MEMSTATS") != "" {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(os.Stderr, "heap sys %d MB, peak-ish inuse %d MB, stack sys %d MB, sys %d MB, gc %d, total alloc %d MB\n",
			ms.HeapSys>>20, ms.HeapInuse>>20, ms.StackSys>>20, ms.Sys>>20, ms.NumGC, ms.TotalAlloc>>20)
	}
	close(stop)
	sampled.Wait()
	r := result{Wall: wall.Seconds(), Goroutines: int(peak.Load()), Live: live.Load()}
	for _, err := range errs {
		if err != nil {
			if r.Errors == 0 {
				r.FirstError = err.Error()
			}
			r.Errors++
		}
	}
	return r
}

var memProfile string

// writeHeapProfile writes the allocations of the run to memProfile.
func writeHeapProfile() {
	f, err := os.Create(memProfile)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	runtime.GC() // the profile shows the state at the last collection
	if err := pprof.WriteHeapProfile(f); err != nil {
		log.Fatal(err)
	}
}

// fetch GETs url and reads the body.
//
// async
func fetch(cl *ahttp.Client, url string) error {
	resp, err := cl.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := resp.Body.ReadAll()
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 || string(body) != "ok" {
		return fmt.Errorf("%s %q", resp.Status, body)
	}
	return nil
}

// fetchAll fetches url n times at once, each on a task of its own.
//
// async
func fetchAll(url string, n int) ([]error, error) {
	cl := &ahttp.Client{MaxConnsPerHost: maxConns, TLSClientConfig: clientTLS()}
	jobs := make([]rt.Awaitable[struct{}], n)
	for i := range jobs {
		jobs[i] = rt.Spawn(fetchAsync(cl, url))
	}

	results, err := rt.Await(rt.GatherAll(jobs...))
	errs := make([]error, len(results))
	for i, r := range results {
		errs[i] = r.Err
	}
	return errs, err
}

// fetchAllGoroutines fetches url n times at once, each on a goroutine,
// with net/http's default client.
func fetchAllGoroutines(url string, n int) []error {
	cl := http.DefaultClient
	if cfg := clientTLS(); cfg != nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = cfg
		tr.ForceAttemptHTTP2 = false
		cl = &http.Client{Transport: tr}
	}
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
			body, err := io.ReadAll(resp.Body)
			if err == nil && (resp.StatusCode != 200 || string(body) != "ok") {
				err = fmt.Errorf("%s %q", resp.Status, body)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	return errs
}

// child runs a client process and returns its result with its peak RSS.
func child(cmd *exec.Cmd) (result, error) {
	var out, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%v: %v\n%s", cmd.Args, err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var r result
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		return result{}, fmt.Errorf("%v: %v in %q", cmd.Args, err, out.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.RSS = ru.Maxrss * 1024 // kilobytes on Linux
		r.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	return r, nil
}

// compare runs the server and, for each N, every client, and prints the
// table.
func compare(ns []int, delay time.Duration, rounds, listeners int, noPython bool) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	srv := exec.Command(self, "-role", "server", "-delay", delay.String(), "-listeners", strconv.Itoa(listeners), "-certdir", certDir)
	stdin, err := srv.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := srv.StdoutPipe()
	if err != nil {
		return err
	}
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() {
		stdin.Close()
		srv.Wait()
	}()
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		return fmt.Errorf("server: %v", err)
	}
	scheme := "http"
	if certDir != "" {
		scheme = "https"
	}
	url := scheme + "://" + strings.TrimSpace(addr) + "/"

	kinds := []string{"asyncgen", "goroutines"}
	var script string
	if _, err := exec.LookPath("python3"); err == nil && !noPython {
		dir, err := os.MkdirTemp("", "fetch")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		script = filepath.Join(dir, "fetch.py")
		if err := os.WriteFile(script, asyncioClient, 0o644); err != nil {
			return err
		}
		kinds = append(kinds, "asyncio")
	} else if !noPython {
		fmt.Println("python3 not found: no asyncio column")
	}

	fmt.Printf("server: net/http in a child process (%d SO_REUSEPORT listeners), answering after %v, %s\n", listeners, delay, scheme)
	fmt.Printf("each client runs in a child process; %d round(s) per N, interleaved: best wall, highest RSS\n", rounds)
	fmt.Printf("wall: first request to last body; cpu: the client's user+system time; rss: its peak RSS;\n")
	fmt.Printf("live: the most live heap (as of the last GC) + goroutine stacks seen; gor: the most goroutines at once\n\n")
	head := []string{"N"}
	for _, k := range kinds {
		if k == "asyncio" {
			head = append(head, k+" wall", "cpu", "rss")
		} else {
			head = append(head, k+" wall", "cpu", "rss", "live", "gor")
		}
	}
	head = append(head, "goroutines/asyncgen wall", "rss")
	fmt.Println("| " + strings.Join(head, " | ") + " |")
	fmt.Println(strings.Repeat("|---", len(head)) + "|")
	for _, n := range ns {
		best := map[string]result{}
		for range rounds {
			for _, kind := range kinds {
				var cmd *exec.Cmd
				if kind == "asyncio" {
					cmd = exec.Command("python3", script, url, strconv.Itoa(n))
				} else {
					cmd = exec.Command(self, "-role", kind, "-url", url, "-maxconns", strconv.Itoa(maxConns), "-certdir", certDir, strconv.Itoa(n))
				}
				r, err := child(cmd)
				if err != nil {
					return err
				}
				if r.Errors > 0 {
					return fmt.Errorf("%s, N=%d: %d of %d fetches failed, first: %s", kind, n, r.Errors, n, r.FirstError)
				}
				b, seen := best[kind]
				if !seen || r.Wall < b.Wall {
					b.Wall, b.CPU = r.Wall, r.CPU
				}
				b.RSS = max(b.RSS, r.RSS)
				b.Live = max(b.Live, r.Live)
				b.Goroutines = max(b.Goroutines, r.Goroutines)
				best[kind] = b
			}
		}
		row := []string{strconv.Itoa(n)}
		for _, k := range kinds {
			r := best[k]
			row = append(row, fmt.Sprintf("%.3fs", r.Wall), fmt.Sprintf("%.2fs", r.CPU), fmt.Sprintf("%.1f MB", mb(r.RSS)))
			if k != "asyncio" {
				row = append(row, fmt.Sprintf("%.1f MB", mb(r.Live)), strconv.Itoa(r.Goroutines))
			}
		}
		a, g := best["asyncgen"], best["goroutines"]
		row = append(row, fmt.Sprintf("%.2f×", g.Wall/a.Wall), fmt.Sprintf("%.2f×", float64(g.RSS)/float64(a.RSS)))
		fmt.Println("| " + strings.Join(row, " | ") + " |")
	}
	return nil
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }
