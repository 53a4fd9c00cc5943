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

	var out bytes.Buffer
	const pages = 30
	if err := run([]string{"-producer", "-redis", srv.Socket(), "-pages", strconv.Itoa(pages)}, &out); err != nil {
		t.Fatalf("producer: %v\n%s", err, out.String())
	}
	// Every page's count, as served (page i has 10*i+3 words), once.
	line := regexp.MustCompile(`^http://[^ ]+/page/(\d+): (\d+) words \(worker (\d+)\)$`)
	seen := map[int]bool{}
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
	}
	if len(seen) != pages {
		t.Errorf("%d results of %d:\n%s", len(seen), pages, out.String())
	}
}

func TestUsage(t *testing.T) {
	err := run([]string{"-producer", "-worker"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "give one of -producer and -worker") {
		t.Fatalf("got %v", err)
	}
}
