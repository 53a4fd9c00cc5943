//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ajobs"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fail always fails, with a message naming its argument.
//
// async
func fail(n int) (int, error) {
	rt.Sleep(0)
	return 0, fmt.Errorf("boom %d", n)
}

var Fail = ajobs.Define("cmdtest/fail", failAsync)

// killDead runs a worker until jobs a and b are dead.
//
// async
func killDead(w *ajobs.Worker, q *ajobs.Queue, a, b string) error {
	run := rt.Spawn(w.RunAsync())
	_, errA := Fail.Wait(q, a)
	_, errB := Fail.Wait(q, b)
	w.Stop(time.Second)
	if _, err := rt.Await(run); err != nil {
		return err
	}
	var je *ajobs.JobError
	if !errors.As(errA, &je) || !errors.As(errB, &je) {
		return fmt.Errorf("want JobErrors, got %v and %v", errA, errB)
	}
	return nil
}

func ajobsCmd(t *testing.T, sock string, args ...string) (string, error) {
	var out bytes.Buffer
	err := run(append([]string{"-redis", sock}, args...), &out)
	return out.String(), err
}

func TestInspect(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), DialTimeout: time.Second, CommandTimeout: 2 * time.Second})
	t.Cleanup(func() { cl.Close() })
	sock := srv.Socket()

	out, err := ajobsCmd(t, sock, "stats")
	require.NoError(t, err)
	assert.Contains(t, out, "no queues")

	// Two dead jobs in "default", through a real worker.
	q := ajobs.NewQueue(cl, "default")
	id1, err := Fail.Enqueue(q, 1, ajobs.Retries(1))
	require.NoError(t, err)
	id2, err := Fail.Enqueue(q, 2, ajobs.Retries(1))
	require.NoError(t, err)
	w := ajobs.NewWorker(cl, ajobs.WorkerOptions{Concurrency: 2, Lease: 2 * time.Second, MoveInterval: 50 * time.Millisecond, Consumer: "worker-a"}, q)
	_, err = rt.Run(killDeadAsync(w, q, id1, id2))
	require.NoError(t, err)

	// In "mail": one scheduled an hour out, three queued, one of which a
	// consumer "worker-b" has read (pending) and holds.
	m := ajobs.NewQueue(cl, "mail")
	idLater, err := Fail.Enqueue(m, 9, ajobs.In(time.Hour))
	require.NoError(t, err)
	var queued []string
	for i := 0; i < 3; i++ {
		id, err := Fail.Enqueue(m, 10+i)
		require.NoError(t, err)
		queued = append(queued, id)
	}
	_, err = cl.Do("XGROUP", "CREATE", "ajobs:{mail}:stream", "workers", "0", "MKSTREAM")
	require.NoError(t, err)
	_, err = cl.Do("XREADGROUP", "GROUP", "workers", "worker-b", "COUNT", 1, "STREAMS", "ajobs:{mail}:stream", ">")
	require.NoError(t, err)

	out, err = ajobsCmd(t, sock, "stats")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4, out)
	assert.Equal(t, []string{"QUEUE", "QUEUED", "RUNNING", "SCHEDULED", "DEAD", "WORKERS"}, strings.Fields(lines[0]))
	assert.Equal(t, []string{"default", "0", "0", "0", "2", "1"}, strings.Fields(lines[1]))
	assert.Equal(t, []string{"mail", "2", "1", "1", "0", "1"}, strings.Fields(lines[2]))
	assert.Equal(t, []string{"total", "2", "1", "1", "2", "2"}, strings.Fields(lines[3]))
	// Columns are aligned: every header starts where its values start.
	assert.Equal(t, strings.Index(lines[0], "DEAD"), strings.Index(lines[1], "2"), out)

	out, err = ajobsCmd(t, sock, "pending")
	require.NoError(t, err)
	lines = strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2, out)
	f := strings.Fields(lines[1])
	assert.Equal(t, []string{"mail", queued[0], "cmdtest/fail", "worker-b"}, f[:4], out)
	assert.Regexp(t, `^\d+ms$`, f[4])
	assert.Equal(t, "1", f[5])
	assert.Equal(t, []string{"-", "-", "-"}, f[6:], "no checkpoint")

	out, err = ajobsCmd(t, sock, "scheduled")
	require.NoError(t, err)
	assert.Regexp(t, `mail +`+idLater+` +cmdtest/fail +scheduled +0 +59m5\ds`, out)

	out, err = ajobsCmd(t, sock, "-queue", "default", "dead")
	require.NoError(t, err)
	assert.Regexp(t, `default +`+id1+` +cmdtest/fail +2 +\d+ms ago +- +- +- +cmdtest/fail: boom 1`, out)
	assert.Regexp(t, `default +`+id2+` +cmdtest/fail +2 +\d+ms ago +- +- +- +cmdtest/fail: boom 2`, out)

	// -n cuts the table and says how many more there are.
	out, err = ajobsCmd(t, sock, "-n", "1", "dead")
	require.NoError(t, err)
	assert.Contains(t, out, "... and 1 more")
	assert.Equal(t, 1, strings.Count(out, "boom"), out)

	out, err = ajobsCmd(t, sock, "workers")
	require.NoError(t, err)
	assert.Regexp(t, `default +worker-a +0 +`, out)
	assert.Regexp(t, `mail +worker-b +1 +`, out)

	// Retry a dead job: it is queued again, with its tries reset.
	out, err = ajobsCmd(t, sock, "retry", id1)
	require.NoError(t, err)
	assert.Equal(t, "requeued "+id1+"\n", out)
	st, err := q.Stats()
	require.NoError(t, err)
	assert.Equal(t, ajobs.QueueStats{Name: "default", Queued: 1, Dead: 1, Workers: 1}, st)
	state, err := cl.Strings("HMGET", "ajobs:{default}:job:"+id1, "state", "tries", "error")
	require.NoError(t, err)
	assert.Equal(t, []string{"queued", "0", ""}, state)
	_, err = ajobsCmd(t, sock, "retry", id1)
	assert.ErrorIs(t, err, ajobs.ErrNoJob)

	// Delete the other.
	out, err = ajobsCmd(t, sock, "delete", id2)
	require.NoError(t, err)
	assert.Equal(t, "deleted "+id2+"\n", out)
	n, err := cl.Int("EXISTS", "ajobs:{default}:job:"+id2)
	require.NoError(t, err)
	assert.Zero(t, n)
	_, err = ajobsCmd(t, sock, "delete", id2)
	assert.ErrorIs(t, err, ajobs.ErrNoJob)

	// Purge asks for -force, then empties the queue and keeps its group.
	_, err = ajobsCmd(t, sock, "purge", "mail")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "2 queued, 1 running, 1 scheduled, 0 dead); run again with -force")
	out, err = ajobsCmd(t, sock, "-force", "purge", "mail")
	require.NoError(t, err)
	assert.Equal(t, "purged mail: 4 jobs deleted\n", out)
	keys, err := cl.Strings("KEYS", "ajobs:{mail}:*")
	require.NoError(t, err)
	assert.Equal(t, []string{"ajobs:{mail}:stream"}, keys)
	st, err = m.Stats()
	require.NoError(t, err)
	assert.Equal(t, ajobs.QueueStats{Name: "mail", Workers: 1}, st)

	// Bad input is a clear error.
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "no command"},
		{[]string{"frob"}, `unknown command "frob"`},
		{[]string{"retry"}, "retry takes 1 argument(s), got 0"},
		{[]string{"-n", "0", "dead"}, "-n must be positive"},
	} {
		_, err := ajobsCmd(t, sock, c.args...)
		require.Error(t, err, c.args)
		assert.Contains(t, err.Error(), c.want)
	}
}

// napper saves a checkpoint "page n", then fails when n is 0 and sleeps
// for an hour otherwise.
//
// async
func napper(n int) (int, error) {
	if err := ajobs.SaveCheckpoint(ajobs.Checkpoint{Name: fmt.Sprintf("page %d", n), Fingerprint: "crawl/v2", Data: []byte("0123456789")}); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, errors.New("gave up")
	}
	return 0, ajobs.SleepFor(time.Hour)
}

var Napper = ajobs.Define("cmdtest/napper", napperAsync)

// napAndDie runs a worker until job dead is dead and job sleeping sleeps.
//
// async
func napAndDie(w *ajobs.Worker, q *ajobs.Queue, sleeping, dead string) error {
	run := rt.Spawn(w.RunAsync())
	_, errD := Napper.Wait(q, dead)
	for {
		ji, err := rt.Await(rt.ToThreadAsync(func() (ajobs.JobInfo, error) { return q.Job(sleeping) }))
		if err != nil {
			return err
		}
		if ji.State == "sleeping" {
			break
		}
		rt.Sleep(10 * time.Millisecond)
	}
	w.Stop(time.Second)
	if _, err := rt.Await(run); err != nil {
		return err
	}
	var je *ajobs.JobError
	if !errors.As(errD, &je) {
		return fmt.Errorf("want a JobError, got %v", errD)
	}
	return nil
}

func TestInspectCheckpoints(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), DialTimeout: time.Second, CommandTimeout: 2 * time.Second})
	t.Cleanup(func() { cl.Close() })
	sock := srv.Socket()
	q := ajobs.NewQueue(cl, "crawl")
	sleeping, err := Napper.Enqueue(q, 3)
	require.NoError(t, err)
	dead, err := Napper.Enqueue(q, 0, ajobs.Retries(0))
	require.NoError(t, err)
	w := ajobs.NewWorker(cl, ajobs.WorkerOptions{Concurrency: 2, Lease: 2 * time.Second, MoveInterval: 50 * time.Millisecond}, q)
	_, err = rt.Run(napAndDieAsync(w, q, sleeping, dead))
	require.NoError(t, err)

	out, err := ajobsCmd(t, sock, "scheduled")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2, out)
	assert.Equal(t, []string{"QUEUE", "JOB", "TYPE", "STATE", "TRIES", "DUE", "IN", "CHECKPOINT", "CP", "AGE", "FINGERPRINT"}, strings.Fields(lines[0]))
	assert.Regexp(t, `^crawl +`+sleeping+` +cmdtest/napper +sleeping +0 +59m5\ds +page 3 +\d+ms +crawl/v2$`, lines[1])

	out, err = ajobsCmd(t, sock, "dead")
	require.NoError(t, err)
	assert.Regexp(t, `crawl +`+dead+` +cmdtest/napper +1 +\d+ms ago +page 0 +\d+ms +crawl/v2 +cmdtest/napper: gave up`, out)

	out, err = ajobsCmd(t, sock, "-queue", "crawl", "job", sleeping)
	require.NoError(t, err)
	assert.Regexp(t, `(?m)^state +sleeping$`, out)
	assert.Regexp(t, `(?m)^tries +0 of 4$`, out)
	assert.Regexp(t, `(?m)^checkpoint +page 3 \(#1, 10 bytes\)$`, out)
	assert.Regexp(t, `(?m)^checkpoint age +\d+ms$`, out)
	assert.Regexp(t, `(?m)^fingerprint +crawl/v2$`, out)

	_, err = ajobsCmd(t, sock, "-queue", "crawl", "job", "nope")
	assert.ErrorIs(t, err, ajobs.ErrNoJob)
}

func TestAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		850 * time.Millisecond:                     "850ms",
		12 * time.Second:                           "12s",
		3*time.Minute + 12*time.Second:             "3m12s",
		2*time.Hour + 5*time.Minute:                "2h05m",
		3*24*time.Hour + 4*time.Hour + time.Minute: "3d04h",
	} {
		assert.Equal(t, want, age(d))
	}
}
