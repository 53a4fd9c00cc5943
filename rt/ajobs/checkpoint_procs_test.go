//go:build unix

package ajobs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitSteps waits for the results of steps jobs ids.
//
// async
func waitSteps(q *Queue, ids []string) ([]stepsResult, error) {
	aws := make([]rt.Awaitable[stepsResult], len(ids))
	for i, id := range ids {
		aws[i] = Steps.WaitAsync(q, id)
	}
	return rt.Await(rt.WaitFor(rt.Gather(aws...), 20*time.Second))
}

// entry is a "step:pid" record of steps.
type entry struct{ step, pid int }

func records(t *testing.T, cl *aredis.Client, key string) []entry {
	l, err := cl.Strings("LRANGE", key, 0, -1)
	require.NoError(t, err)
	out := make([]entry, len(l))
	for i, s := range l {
		a, b, _ := strings.Cut(s, ":")
		out[i].step, _ = strconv.Atoi(a)
		out[i].pid, _ = strconv.Atoi(b)
	}
	return out
}

// TestKilledStepsResume SIGKILLs worker processes at random points while
// they run multi-checkpoint jobs: each job resumes on another process at
// its last checkpoint (never earlier: at most the step in progress at the
// kill runs again), every step's idempotent effect lands once, and every
// result is right.
func TestKilledStepsResume(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	env := []string{"AJOBS_LEASE_MS=500", "AJOBS_HEARTBEAT_MS=150", "AJOBS_RECLAIM_MS=150"}
	workers := []*proc{startWorker(t, srv.Socket(), env...), startWorker(t, srv.Socket(), env...)}
	const nJobs, nSteps = 6, 10
	ids := make([]string, nJobs)
	for i := range ids {
		id, err := Steps.Enqueue(q, stepsArgs{Steps: nSteps, StepMs: 50})
		require.NoError(t, err)
		ids[i] = id
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rnd := rand.New(rand.NewPCG(uint64(seed), 0))
	for round := 0; round < 5; round++ {
		time.Sleep(time.Duration(100+rnd.IntN(300)) * time.Millisecond)
		k := rnd.IntN(2)
		if round == 0 {
			// The first victim has saved a checkpoint short of a job's
			// end, so some job resumes from one however slowly the
			// processes start.
			pid := workers[k].pid()
			waitUntil(t, "a checkpoint mid-job", func() bool {
				for _, id := range ids {
					for _, e := range records(t, cl, "test:saved:"+id) {
						if e.pid == pid && e.step < nSteps-2 {
							return true
						}
					}
				}
				return false
			})
		}
		workers[k].kill()
		workers[k] = startWorker(t, srv.Socket(), env...)
	}
	results, err := rt.Run(waitStepsAsync(q, ids))
	require.NoError(t, err)
	resumed, rerun := 0, 0
	for j, id := range ids {
		r := results[j]
		assert.Equal(t, sumSquares(nSteps), r.Sum, "job %d", j)
		count, err := cl.Int("GET", "test:count:"+id)
		require.NoError(t, err)
		assert.Equal(t, int64(nSteps), count, "job %d: each step's effect exactly once", j)
		starts := records(t, cl, "test:start:"+id)
		saved := records(t, cl, "test:saved:"+id)
		execs := records(t, cl, "test:exec:"+id)
		require.NotEmpty(t, starts)
		last := starts[len(starts)-1]
		assert.Equal(t, entry{r.Start, r.Pid}, last, "job %d: the result is the last attempt's", j)
		// Each attempt starts at the last checkpoint the earlier ones
		// saved: one further at most, when an attempt was killed between
		// its checkpoint and the note of it in test:saved.
		earlier := map[int]bool{}
		for k, s := range starts {
			if k > 0 {
				hi := 0
				for _, e := range saved {
					if earlier[e.pid] {
						hi = max(hi, e.step)
					}
				}
				assert.True(t, s.step == hi || s.step == hi+1, "job %d attempt %d started at step %d; earlier attempts saved up to %d (starts %v, saved %v)", j, k, s.step, hi, starts, saved)
				if s.step > 0 {
					resumed++
				}
			}
			earlier[s.pid] = true
		}
		perStep := map[int]int{}
		for _, e := range execs {
			perStep[e.step]++
		}
		for i := 0; i < nSteps; i++ {
			assert.True(t, perStep[i] >= 1 && perStep[i] <= len(starts), "job %d step %d ran %d times in %d attempts", j, i, perStep[i], len(starts))
		}
		rerun += len(execs) - nSteps
	}
	t.Logf("%d attempts resumed from a checkpoint; %d step executions repeated (the steps in progress at a kill)", resumed, rerun)
	assert.Greater(t, resumed, 0, "no job resumed from a checkpoint on another worker")
}

// TestFrozenWorkerCheckpointFenced freezes a worker (SIGSTOP) past its
// lease while it runs a checkpointing job; another worker reclaims the
// job and resumes it from the frozen worker's last checkpoint. Continued
// (SIGCONT), the frozen worker's next checkpoint is refused and never
// overwrites the new owner's.
func TestFrozenWorkerCheckpointFenced(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	// No heartbeat: checkpoints alone renew the lease, and the frozen
	// worker's checkpoint, not its heartbeat, meets the fence.
	env := []string{"AJOBS_LEASE_MS=700", "AJOBS_HEARTBEAT_MS=60000", "AJOBS_RECLAIM_MS=150"}
	a := startWorker(t, srv.Socket(), env...)
	id, err := Steps.Enqueue(q, stepsArgs{Steps: 14, StepMs: 100})
	require.NoError(t, err)
	waitFor := func(what string, cond func() bool) { waitUntil(t, what, cond) }
	waitFor("a's second checkpoint", func() bool { return len(records(t, cl, "test:saved:"+id)) >= 2 })
	time.Sleep(20 * time.Millisecond) // mid-step
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGSTOP))
	b := startWorker(t, srv.Socket(), env...)
	bySaved := func(pid int) bool {
		for _, e := range records(t, cl, "test:saved:"+id) {
			if e.pid == pid {
				return true
			}
		}
		return false
	}
	waitFor("b's first checkpoint", func() bool { return bySaved(b.pid()) })
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGCONT))
	waitFor("a's refused checkpoint", func() bool { return len(records(t, cl, "test:refused:"+id)) > 0 })
	results, err := rt.Run(waitStepsAsync(q, []string{id}))
	require.NoError(t, err)
	r := results[0]
	assert.Equal(t, b.pid(), r.Pid, "b completes the job")
	assert.Equal(t, sumSquares(14), r.Sum)
	saved := records(t, cl, "test:saved:"+id)
	refused := records(t, cl, "test:refused:"+id)
	require.Len(t, refused, 1)
	assert.Equal(t, a.pid(), refused[0].pid)
	firstB := -1
	for k, e := range saved {
		if e.pid == b.pid() && firstB < 0 {
			firstB = k
		}
		if firstB >= 0 {
			assert.Equal(t, b.pid(), e.pid, "checkpoint %d written by the frozen worker after the new owner's (saved %v)", k, saved)
		}
	}
	// b resumed where a's last saved checkpoint left the job.
	assert.Equal(t, saved[firstB-1].step, r.Start, "saved %v", saved)
	var steps []int
	for _, e := range saved {
		steps = append(steps, e.step)
	}
	for k := 1; k < len(steps); k++ {
		assert.Equal(t, steps[k-1]+1, steps[k], "checkpoints in order, none lost or repeated: %v", steps)
	}
	count, err := cl.Int("GET", "test:count:"+id)
	require.NoError(t, err)
	assert.Equal(t, int64(14), count)
	stA := a.stop(t)
	assert.Equal(t, 1, stA.CheckpointsRefused, "stderr:\n%s", a.stderr.String())
	assert.Equal(t, 1, stA.LeaseLost)
	assert.Equal(t, 0, stA.Done)
	assert.Equal(t, 0, stA.Refused, "a attempted no completion")
	stB := b.stop(t)
	assert.Equal(t, 1, stB.Reclaimed)
	assert.Equal(t, 1, stB.Done)
}

// cutProxy forwards Unix socket connections to a Redis server, and cuts
// one mid-command: once a client sends bigMarker, it forwards the marker
// and cutAfter more bytes, then nothing; held is closed then. When the
// client goes away it closes the server side, which is what a client
// killed mid-write looks like to Redis.
type cutProxy struct {
	ln       net.Listener
	upstream string
	cutAfter int
	held     chan struct{}
	once     sync.Once
	sent     int // bytes forwarded on the held connection, set before held is closed
	wg       sync.WaitGroup
}

func startCutProxy(t *testing.T, upstream string, cutAfter int) *cutProxy {
	path := filepath.Join(t.TempDir(), "proxy.sock")
	ln, err := net.Listen("unix", path)
	require.NoError(t, err)
	p := &cutProxy{ln: ln, upstream: upstream, cutAfter: cutAfter, held: make(chan struct{})}
	go p.serve()
	t.Cleanup(func() { ln.Close() })
	return p
}

func (p *cutProxy) path() string { return p.ln.Addr().String() }

func (p *cutProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("unix", p.upstream)
		if err != nil {
			c.Close()
			continue
		}
		go func() { io.Copy(c, s); c.Close() }()
		go p.forward(c, s)
	}
}

// forward copies c to s until the marker, then holds.
func (p *cutProxy) forward(c, s net.Conn) {
	defer s.Close()
	defer c.Close()
	buf := make([]byte, 64<<10)
	var tail []byte // the end of what was forwarded, for a marker cut in two
	held := false
	total := 0
	for {
		n, err := c.Read(buf)
		if n > 0 && !held {
			chunk := buf[:n]
			window := append(append([]byte(nil), tail...), chunk...)
			if i := bytes.Index(window, []byte(bigMarker)); i >= 0 {
				end := min(i+len(bigMarker)-len(tail)+p.cutAfter, len(chunk))
				s.Write(chunk[:end])
				total += end
				p.sent = total
				held = true
				p.once.Do(func() { close(p.held) })
			} else {
				s.Write(chunk)
				total += len(chunk)
				tail = window[max(0, len(window)-len(bigMarker)):]
			}
		}
		if err != nil {
			return
		}
	}
}

// clientQbufs returns the query buffer sizes Redis reports for its
// clients: a client cut mid-command has the part it received there.
func clientQbufs(t *testing.T, cl *aredis.Client) []int {
	s, err := cl.String("CLIENT", "LIST")
	require.NoError(t, err)
	var out []int
	for _, line := range strings.Split(s, "\n") {
		for _, f := range strings.Fields(line) {
			if v, ok := strings.CutPrefix(f, "qbuf="); ok {
				n, _ := strconv.Atoi(v)
				out = append(out, n)
			}
		}
	}
	return out
}

// TestCrashMidCheckpoint kills a worker while Redis has received part of
// its checkpoint (a large one, cut by a proxy): the partial command is
// discarded, the previous checkpoint stands, and the job resumes from it
// on another worker.
func TestCrashMidCheckpoint(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	env := []string{"AJOBS_LEASE_MS=500", "AJOBS_HEARTBEAT_MS=150", "AJOBS_RECLAIM_MS=150"}
	proxy := startCutProxy(t, srv.Socket(), 32<<10)
	c := startWorker(t, proxy.path(), env...)
	const big = 600 << 10
	id, err := Steps.Enqueue(q, stepsArgs{Steps: 4, StepMs: 20, BigAt: 2, Big: big})
	require.NoError(t, err)
	select {
	case <-proxy.held:
	case <-time.After(30 * time.Second):
		t.Fatalf("the large checkpoint was not sent; worker stderr:\n%s", c.stderr.String())
	}
	// Redis holds part of the command, not all of it. (Within the
	// worker's command timeout, 2 s, after which it would close the
	// connection itself.)
	var partial int
	for deadline := time.Now().Add(2 * time.Second); partial == 0 && time.Now().Before(deadline); {
		for _, n := range clientQbufs(t, cl) {
			if n >= 16<<10 && n < big {
				partial = n
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Logf("redis holds %d bytes of the cut command; proxy forwarded %d on that connection", partial, proxy.sent)
	assert.NotZero(t, partial, "no client of Redis holds a partial command")
	c.kill()
	time.Sleep(50 * time.Millisecond) // the proxy closes the server side
	v, err := cl.Do("HMGET", q.jobKey(id), "cp_seq", "cp_name", "cp_data")
	require.NoError(t, err)
	assert.Equal(t, "1", v.Elems[0].Str, "the cut checkpoint was not written")
	assert.Equal(t, "after step 1", v.Elems[1].Str)
	var st stepsState
	require.NoError(t, json.Unmarshal([]byte(v.Elems[2].Str), &st))
	assert.Equal(t, stepsState{Step: 1, Sum: 0}, st)

	d := startWorker(t, srv.Socket(), env...)
	results, err := rt.Run(waitStepsAsync(q, []string{id}))
	require.NoError(t, err)
	assert.Equal(t, stepsResult{Sum: sumSquares(4), Start: 1, Pid: d.pid()}, results[0], "d resumes from the checkpoint that stood")
	ji, err := q.Job(id)
	require.NoError(t, err)
	require.NotNil(t, ji.Checkpoint)
	assert.Equal(t, int64(4), ji.Checkpoint.Seq, "checkpoints 1 (c), 2, 3, 4 (d)")
	assert.Equal(t, fmt.Sprintf("%d", 4), strings.TrimPrefix(ji.Checkpoint.Name, "after step "))
	d.stop(t)
}

// TestSleepOutlivesItsWorker puts a job to sleep on one worker process,
// kills that process while the job sleeps, and sees another process run
// it when it is due, from its checkpoint, without a lease to wait for.
func TestSleepOutlivesItsWorker(t *testing.T) {
	srv, cl := startRedis(t)
	q := NewQueue(cl, "t")
	env := []string{"AJOBS_LEASE_MS=10000", "AJOBS_RECLAIM_MS=5000"} // a reclaim would take 10 s
	a := startWorker(t, srv.Socket(), env...)
	start := time.Now()
	id, err := Sleeper.Enqueue(q, 500)
	require.NoError(t, err)
	deadline := time.Now().Add(5 * time.Second)
	for {
		ji, err := q.Job(id)
		require.NoError(t, err)
		if ji.State == "sleeping" {
			break
		}
		require.True(t, time.Now().Before(deadline), "the job did not go to sleep")
		time.Sleep(5 * time.Millisecond)
	}
	a.kill()
	pending, err := cl.Do("XPENDING", q.stream(), group)
	require.NoError(t, err)
	assert.Equal(t, int64(0), pending.Elems[0].Int(), "the killed worker held nothing")
	startWorker(t, srv.Socket(), env...)
	// Within 5 s: when due, not after the 10 s lease a reclaim would need.
	res, err := rt.Run(rt.WaitFor(Sleeper.WaitAsync(q, id), 5*time.Second))
	require.NoError(t, err)
	assert.Equal(t, "asleep 500 try 1", res)
	assert.GreaterOrEqual(t, time.Since(start), 500*time.Millisecond)
}

// TestRedisCrashKeepsCheckpoints kills redis-server (appendonly, fsync
// always) while workers write checkpoints of 200 KB and restarts it: the
// jobs resume from checkpoints that decode (a checkpoint is in the AOF
// whole or not at all), every step's effect lands once, every result is
// right.
func TestRedisCrashKeepsCheckpoints(t *testing.T) {
	srv, cl := startRedis(t, "--appendonly", "yes", "--appendfsync", "always")
	q := NewQueue(cl, "t")
	env := []string{"AJOBS_LEASE_MS=800", "AJOBS_HEARTBEAT_MS=200", "AJOBS_RECLAIM_MS=200"}
	startWorker(t, srv.Socket(), env...)
	startWorker(t, srv.Socket(), env...)
	const nJobs, nSteps = 4, 8
	ids := make([]string, nJobs)
	for i := range ids {
		id, err := Steps.Enqueue(q, stepsArgs{Steps: nSteps, StepMs: 40, BigAt: 2 + i, Big: 200 << 10}, Retries(50))
		require.NoError(t, err)
		ids[i] = id
	}
	saved := func() int {
		n := 0
		for _, id := range ids {
			l, err := cl.Int("LLEN", "test:saved:"+id)
			require.NoError(t, err)
			n += int(l)
		}
		return n
	}
	// Killed mid-run: once the workers (slow to start on a loaded
	// machine) have saved some checkpoints, the big ones among them.
	waitUntil(t, "checkpoints before the kill", func() bool { return saved() >= 2*nJobs })
	savedBefore := saved()
	srv.Kill()
	require.True(t, savedBefore > 0 && savedBefore < nJobs*nSteps, "killed mid-run: %d of %d checkpoints saved", savedBefore, nJobs*nSteps)
	srv.Restart()
	results, err := rt.Run(waitStepsAsync(q, ids))
	require.NoError(t, err)
	attempts := 0
	for _, id := range ids {
		attempts += len(records(t, cl, "test:start:"+id))
	}
	t.Logf("killed after %d checkpoints; %d attempts for %d jobs", savedBefore, attempts, nJobs)
	for j, id := range ids {
		assert.Equal(t, sumSquares(nSteps), results[j].Sum, "job %d", j)
		count, err := cl.Int("GET", "test:count:"+id)
		require.NoError(t, err)
		assert.Equal(t, int64(nSteps), count, "job %d: each step's effect exactly once", j)
		ji, err := q.Job(id)
		require.NoError(t, err)
		require.NotNil(t, ji.Checkpoint)
		assert.Equal(t, fmt.Sprintf("after step %d", nSteps), ji.Checkpoint.Name)
	}
}
