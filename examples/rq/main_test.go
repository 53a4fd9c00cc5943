//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// TestMain makes the test binary a worker when RQ_TEST_WORKER names a
// Redis socket.
func TestMain(m *testing.M) {
	if sock := os.Getenv("RQ_TEST_WORKER"); sock != "" {
		if err := run([]string{"-worker", "-redis", sock}, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startWorkers starts n worker processes (this test binary re-executed)
// and stops them with SIGTERM at the end of the test.
func startWorkers(t *testing.T, sock string, n int) {
	for i := 0; i < n; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "RQ_TEST_WORKER="+sock)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("worker %d: %v\n%s", cmd.Process.Pid, err, stderr.String())
				}
			case <-time.After(15 * time.Second):
				cmd.Process.Kill()
				t.Errorf("worker %d did not stop on SIGTERM", cmd.Process.Pid)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	srv := redistest.Start(t)
	startWorkers(t, srv.Socket(), 2)
	// Both workers are connected (they name their connections) before
	// the producer starts.
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), DialTimeout: time.Second, CommandTimeout: 2 * time.Second})
	defer cl.Close()
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		list, err := cl.String("CLIENT", "LIST")
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, m := range regexp.MustCompile(`name=(rq-worker-\d+)`).FindAllStringSubmatch(list, -1) {
			names[m[1]] = true
		}
		if len(names) == 2 {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("%d workers connected after 10s:\n%s", len(names), list)
		}
	}

	var out bytes.Buffer
	const pages = 30
	if err := run([]string{"-producer", "-redis", srv.Socket(), "-pages", strconv.Itoa(pages), "-delay", "20ms"}, &out); err != nil {
		t.Fatalf("producer: %v\n%s", err, out.String())
	}
	// Every page's count, as served (page i has 10*i+3 words), once.
	line := regexp.MustCompile(`^http://[^ ]+/page/(\d+): (\d+) words \(worker (\d+)\)$`)
	seen := map[int]bool{}
	workers := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if l == fmt.Sprintf("enqueued %d jobs", pages) {
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("unexpected line %q in\n%s", l, out.String())
		}
		i, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		if n != 10*i+3 || seen[i] {
			t.Errorf("page %d: %d words (want %d), seen before: %v", i, n, 10*i+3, seen[i])
		}
		if m[3] == strconv.Itoa(os.Getpid()) {
			t.Errorf("page %d counted by the producer's process", i)
		}
		seen[i] = true
		workers[m[3]]++
	}
	if len(seen) != pages {
		t.Errorf("%d results of %d:\n%s", len(seen), pages, out.String())
	}
	// 30 jobs of 20ms, at most 10 at once per worker: both take part.
	if len(workers) != 2 {
		t.Errorf("jobs by worker pid: %v, want both workers", workers)
	}
}

func TestUsage(t *testing.T) {
	err := run([]string{"-producer", "-worker"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "give one of -producer and -worker") {
		t.Fatalf("got %v", err)
	}
}

// python returns a python3 that imports rq and redis, or skips.
func python(t *testing.T) string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import rq, redis").Run() == nil {
			return p
		}
	}
	t.Skip("no python3 imports rq and redis (python3 -c 'import rq' fails); install them with: apt-get install -y python3-rq python3-redis")
	return ""
}

// TestRQVersion runs rq_version.py, two RQ workers and its producer,
// against a private redis-server, and checks every page's count.
func TestRQVersion(t *testing.T) {
	py := python(t)
	srv := redistest.Start(t)
	for i := 0; i < 2; i++ {
		cmd := exec.Command(py, "rq_version.py", "--redis", srv.Socket(), "--worker")
		cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1") // no __pycache__ in the tree
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				cmd.Process.Kill()
				t.Errorf("rq worker did not stop on SIGTERM:\n%s", stderr.String())
			}
		})
	}
	const pages = 10
	cmd := exec.Command(py, "rq_version.py", "--redis", srv.Socket(), "--producer", "--pages", strconv.Itoa(pages))
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	timer := time.AfterFunc(60*time.Second, func() { cmd.Process.Kill() })
	defer timer.Stop()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("producer: %v\n%s%s", err, out, stderr.String())
	}
	line := regexp.MustCompile(`^http://[^ ]+/page/(\d+): (\d+) words \(worker \d+\)$`)
	seen := map[int]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n")[1:] {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("unexpected line %q in\n%s", l, out)
		}
		i, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		if n != 10*i+3 {
			t.Errorf("page %d: %d words, want %d", i, n, 10*i+3)
		}
		seen[i] = true
	}
	if len(seen) != pages {
		t.Errorf("%d results of %d:\n%s", len(seen), pages, out)
	}
}

// TestAll runs -all, with the workers this test binary re-executed: a
// private redis-server, two workers, the producer's results.
func TestAll(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		if os.Getenv("ASYNCGEN_REQUIRE_REDIS") == "1" {
			t.Fatal("redis-server not found [ASYNCGEN_REQUIRE_REDIS=1]")
		}
		t.Skip("redis-server not found (Debian: apt-get install redis-server)")
	}
	workerCommand = func(sock string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "RQ_TEST_WORKER="+sock)
		return cmd
	}
	var out bytes.Buffer
	if err := run([]string{"-all", "-pages", "12", "-delay", "20ms"}, &out); err != nil {
		t.Fatalf("-all: %v\n%s", err, out.String())
	}
	// The producer checks each count against the page it served.
	text := out.String()
	if n := len(regexp.MustCompile(`(?m)^worker pid \d+$`).FindAllString(text, -1)); n != 2 {
		t.Errorf("%d workers started, want 2:\n%s", n, text)
	}
	if n := len(regexp.MustCompile(`(?m)/page/\d+: \d+ words \(worker \d+\)$`).FindAllString(text, -1)); n != 12 {
		t.Errorf("%d results, want 12:\n%s", n, text)
	}
}
