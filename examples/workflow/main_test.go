//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/redistest"
)

// TestMain makes the test binary a worker when WORKFLOW_TEST_WORKER
// names a Redis socket.
func TestMain(m *testing.M) {
	if sock := os.Getenv("WORKFLOW_TEST_WORKER"); sock != "" {
		if err := run([]string{"-worker", "-redis", sock, "-lease", "500ms"}, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// syncBuffer is a bytes.Buffer safe for a process's output and a reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type worker struct {
	cmd    *exec.Cmd
	stdout syncBuffer
	stderr syncBuffer
	done   chan struct{}
}

// startWorker starts a worker process (this test binary re-executed).
func startWorker(t *testing.T, sock string) *worker {
	w := &worker{cmd: exec.Command(os.Args[0], "-test.run=^$"), done: make(chan struct{})}
	w.cmd.Env = append(os.Environ(), "WORKFLOW_TEST_WORKER="+sock)
	w.cmd.Stdout, w.cmd.Stderr = &w.stdout, &w.stderr
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { w.cmd.Wait(); close(w.done) }()
	t.Cleanup(func() {
		w.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-w.done:
		case <-time.After(15 * time.Second):
			w.cmd.Process.Kill()
			t.Errorf("worker %d did not stop on SIGTERM", w.cmd.Process.Pid)
		}
	})
	return w
}

var stepLine = regexp.MustCompile(`(?m)^worker (\d+): step [0-9a-f]+/(\d+)/(index|page): `)

// steps returns the step indexes w printed, by kind.
func (w *worker) steps() map[string][]int {
	out := map[string][]int{}
	for _, m := range stepLine.FindAllStringSubmatch(w.stdout.String(), -1) {
		i, _ := strconv.Atoi(m[2])
		out[m[3]] = append(out[m[3]], i)
	}
	return out
}

// TestKillResume is the README's demonstration: a worker is SIGKILLed
// mid-way through the workflow, another takes the job over and resumes it
// from its last checkpoint, fetching only the pages not yet recorded;
// the producer checks the report against the pages it served.
func TestKillResume(t *testing.T) {
	srv := redistest.Start(t)
	a := startWorker(t, srv.Socket())
	const pages = 8
	var out syncBuffer
	errc := make(chan error, 1)
	report := filepath.Join(t.TempDir(), "report.txt")
	go func() {
		errc <- run([]string{"-producer", "-redis", srv.Socket(), "-pages", strconv.Itoa(pages), "-delay", "60ms", "-out", report}, &out)
	}()
	for start := time.Now(); len(a.steps()["page"]) < 3; time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 15*time.Second {
			t.Fatalf("worker a fetched %v in 15s; stdout:\n%s\nstderr:\n%s\nproducer:\n%s", a.steps(), a.stdout.String(), a.stderr.String(), out.String())
		}
	}
	a.cmd.Process.Signal(syscall.SIGKILL)
	<-a.done
	b := startWorker(t, srv.Socket())
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("producer: %v\n%s\nworker b:\n%s%s", err, out.String(), b.stdout.String(), b.stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("no report in 30s; producer:\n%s\nworker b:\n%s%s", out.String(), b.stdout.String(), b.stderr.String())
	}
	sa, sb := a.steps(), b.steps()
	t.Logf("worker a ran steps %v, worker b %v", sa, sb)
	if len(sb["index"]) != 0 {
		t.Errorf("worker b fetched the index again: %v", sb)
	}
	if len(sb["page"]) == 0 {
		t.Fatalf("worker b fetched no page: %v\n%s", sb, b.stdout.String())
	}
	// b starts at the step a was in when killed (its result may have been
	// printed but not checkpointed) or the next, and never goes back.
	lastA, firstB := sa["page"][len(sa["page"])-1], sb["page"][0]
	if firstB != lastA && firstB != lastA+1 {
		t.Errorf("a's last page step was %d, b's first %d: b did not resume at a's last checkpoint", lastA, firstB)
	}
	seen := map[int]int{}
	for _, i := range append(sa["page"], sb["page"]...) {
		seen[i]++
	}
	if len(seen) != pages {
		t.Errorf("page steps run: %v, want %d pages", seen, pages)
	}
	m := regexp.MustCompile(`served (\d+) page fetches for (\d+) pages \((\d+) repeated`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no fetch count in\n%s", out.String())
	}
	if rep, _ := strconv.Atoi(m[3]); rep > 1 {
		t.Errorf("%s repeated fetches, at most the one in progress at the kill", m[3])
	}
	if !strings.Contains(out.String(), fmt.Sprintf("report: %d pages", pages)) {
		t.Errorf("no report line in\n%s", out.String())
	}
	body, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), fmt.Sprintf("%d pages, %d words", pages, 10*pages*(pages-1)/2+3*pages)) {
		t.Errorf("report file:\n%s", body)
	}
}

// TestAllInOne runs the example as `go run ./examples/workflow` does: a
// private redis-server, a worker and the producer in one process.
func TestAllInOne(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server not installed (Debian: apt-get install redis-server)")
	}
	var out bytes.Buffer
	report := filepath.Join(t.TempDir(), "report.txt")
	if err := run([]string{"-pages", "3", "-delay", "0", "-pause", "1500ms", "-out", report}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"report: 3 pages, 39 words", "3 pages fetched by worker", "(0 repeated", "last checkpoint: step:report"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-producer", "-worker"}, {"-worker"}} {
		if err := run(args, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
