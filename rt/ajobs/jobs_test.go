//go:build unix

package ajobs

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/durtest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// testCl is the client the test jobs record their runs with.
var testCl *aredis.Client

// countWords counts the words of s.
//
// async
func countWords(s string) (int, error) {
	rt.Sleep(0)
	return len(strings.Fields(s)), nil
}

// recArgs are record's arguments.
type recArgs struct {
	N       int
	SleepMs int
}

// record notes its run in Redis (its pid, pushed to test:runs:N), sleeps
// and returns "pid/run". While it sleeps, test:inflight:<pid> counts it
// (best effort: a test may take Redis down meanwhile).
//
// async
func record(a recArgs) (string, error) {
	runs, err := testCl.Int("RPUSH", "test:runs:"+strconv.Itoa(a.N), os.Getpid())
	if err != nil {
		return "", err
	}
	inflight := "test:inflight:" + strconv.Itoa(os.Getpid())
	testCl.Do("INCR", inflight)
	rt.Sleep(time.Duration(a.SleepMs) * time.Millisecond)
	testCl.Do("DECR", inflight)
	return fmt.Sprintf("%d/%d", os.Getpid(), runs), nil
}

// flaky fails until it has run n times.
//
// async
func flaky(n int) (int, error) {
	runs, err := testCl.Int("INCR", "test:flaky")
	if err != nil {
		return 0, err
	}
	if runs < int64(n) {
		return 0, fmt.Errorf("not yet (run %d)", runs)
	}
	return int(runs), nil
}

// boom panics.
//
// async
func boom(s string) (int, error) {
	rt.Sleep(0)
	panic("boom: " + s)
}

// hold notes each of its starts by Redis's clock (RPUSH test:starts:N
// "pid ms"); its first run holds the job for a minute, later runs return
// at once: a job that a worker killed in its middle leaves to be
// reclaimed.
//
// async
func hold(n int) (string, error) {
	ms, err := redisMillis(testCl)
	if err != nil {
		return "", err
	}
	runs, err := testCl.Int("RPUSH", "test:starts:"+strconv.Itoa(n), fmt.Sprintf("%d %d", os.Getpid(), ms))
	if err != nil {
		return "", err
	}
	if runs == 1 {
		rt.Sleep(time.Minute)
	}
	return fmt.Sprintf("%d/%d", os.Getpid(), runs), nil
}

// redisMillis is Redis's clock (TIME), in Unix milliseconds: the clock
// that leases are measured by.
//
// async
func redisMillis(cl *aredis.Client) (int64, error) {
	t, err := cl.Strings("TIME")
	if err != nil {
		return 0, err
	}
	if len(t) != 2 {
		return 0, fmt.Errorf("TIME: %q", t)
	}
	sec, err1 := strconv.ParseInt(t[0], 10, 64)
	usec, err2 := strconv.ParseInt(t[1], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("TIME: %q", t)
	}
	return sec*1000 + usec/1000, nil
}

var slowStarted, slowDeferred atomic.Int32

// slow sleeps ms; its start counts, and its deferred call, to see that a
// timeout runs it.
//
// async
func slow(ms int) (int, error) {
	slowStarted.Add(1)
	defer slowDeferred.Add(1)
	rt.Sleep(time.Duration(ms) * time.Millisecond)
	return ms, nil
}

var (
	CountWords = Define("count_words/v1", countWordsAsync)
	Record     = Define("record/v1", recordAsync)
	Flaky      = Define("flaky/v1", flakyAsync)
	Boom       = Define("boom/v1", boomAsync)
	Slow       = Define("slow/v1", slowAsync)
	Hold       = Define("hold/v1", holdAsync)
)

// TestMain runs the test binary as a worker process when AJOBS_WORKER
// names a Redis socket: it works queue "t" until SIGTERM or SIGINT
// (Worker.RunUntilSignal, a grace of AJOBS_GRACE_MS), then prints its
// Stats as JSON.
func TestMain(m *testing.M) {
	if sock := os.Getenv("AJOBS_WORKER"); sock != "" {
		os.Exit(workerMain(sock))
	}
	os.Exit(m.Run())
}

func envMs(name string, def time.Duration) time.Duration {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return time.Duration(v) * time.Millisecond
	}
	return def
}

func workerMain(sock string) int {
	testCl = aredis.New(aredis.Options{Addr: sock, DialTimeout: time.Second, CommandTimeout: 2 * time.Second})
	w := NewWorker(testCl, WorkerOptions{
		Concurrency:     4,
		Lease:           envMs("AJOBS_LEASE_MS", time.Second),
		Heartbeat:       envMs("AJOBS_HEARTBEAT_MS", 0),
		ReclaimInterval: envMs("AJOBS_RECLAIM_MS", 0),
		MoveInterval:    50 * time.Millisecond,
		Backoff:         20 * time.Millisecond,
		DurableHold:     envMs("AJOBS_DURABLE_HOLD_MS", 0),
		Logf:            func(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...) },
	}, NewQueue(testCl, "t"))
	durtest.Effect = redisEffectAsync
	_, err := rt.Run(workerProcAsync(w, envMs("AJOBS_GRACE_MS", 5*time.Second)))
	if err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		return 1
	}
	b, _ := json.Marshal(w.Stats())
	fmt.Printf("%s\n", b)
	return 0
}

// workerProc runs w until SIGTERM or SIGINT (Worker.RunUntilSignal with
// grace) and tells the test that started it once the signals are watched.
//
// async
func workerProc(w *Worker, grace time.Duration) error {
	run := rt.Spawn(w.RunUntilSignalAsync(grace))
	rt.Sleep(0) // RunUntilSignal spawns its watcher and yields
	rt.Sleep(0) // the watcher has registered the signals
	tellReady()
	_, err := rt.Await(run)
	return err
}

// tellReady tells the test that started this worker process that SIGTERM
// now stops it gracefully: a byte on the pipe AJOBS_READY_FD names.
func tellReady() {
	fd, err := strconv.Atoi(os.Getenv("AJOBS_READY_FD"))
	if err != nil {
		return
	}
	f := os.NewFile(uintptr(fd), "ready")
	f.Write([]byte{1})
	f.Close()
}
