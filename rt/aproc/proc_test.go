//go:build linux

package aproc

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sorted feeds in to sort(1) and returns what it printed and its exit code.
//
// async
func sorted(in string) (string, error) {
	p, err := Start(exec.Command("sort"))
	if err != nil {
		return "", err
	}
	if _, err := p.Stdin.Write([]byte(in)); err != nil {
		return "", err
	}
	p.Stdin.Close()
	out, err := p.Stdout.ReadAll()
	if err != nil {
		return "", err
	}
	p.Stdout.Close()
	p.Stderr.Close()
	code, err := p.Wait()
	return fmt.Sprintf("%s|%d", out, code), err
}

// async
func exitCode(script string) (int, error) {
	p, err := Start(exec.Command("sh", "-c", script))
	if err != nil {
		return 0, err
	}
	p.Stdin.Close()
	p.Stdout.Close()
	p.Stderr.Close()
	return p.Wait()
}

// waiters starts n cat processes that wait for their input to end, awaits
// their exits in n tasks, records the goroutine count and how many tasks
// are done while all of them wait, then ends their input.
//
// async
func waiters(n int, goroutines, doneEarly *int) error {
	var procs []*Process
	var tasks []*rt.Task[int]
	for i := 0; i < n; i++ {
		p, err := Start(exec.Command("cat"))
		if err != nil {
			return err
		}
		p.Stdout.Close()
		p.Stderr.Close()
		procs = append(procs, p)
		tasks = append(tasks, rt.Spawn(p.WaitAsync()))
	}
	rt.Sleep(0) // every Wait is parked on its pidfd now
	*goroutines = runtime.NumGoroutine()
	for _, t := range tasks {
		if t.Done() {
			*doneEarly++
		}
	}
	for _, p := range procs {
		p.Stdin.Close()
	}
	for _, t := range tasks {
		if _, err := rt.Await(t); err != nil {
			return err
		}
	}
	return nil
}

// async
func cancelled(pid *int) error {
	p, err := Start(exec.Command("sleep", "10"))
	if err != nil {
		return err
	}
	*pid = p.Cmd.Process.Pid
	t := rt.Spawn(p.WaitAsync())
	rt.Sleep(20 * time.Millisecond)
	t.Cancel()
	_, err = rt.Await(t)
	return err
}

func TestPipesAndExit(t *testing.T) {
	r, err := rt.Run(sortedAsync("pear\napple\nfig\n"))
	require.NoError(t, err)
	assert.Equal(t, "apple\nfig\npear\n|0", r)

	code, err := rt.Run(exitCodeAsync("exit 3"))
	require.NoError(t, err)
	assert.Equal(t, 3, code)

	_, err = rt.Run(exitCodeAsync("kill -9 $$"))
	require.NoError(t, err)
}

// TestConcurrentAndNoGoroutines: four processes wait at once, each
// awaited by its own task, and the waits start no goroutine.
func TestConcurrentAndNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	var during, doneEarly int
	_, err := rt.Run(waitersAsync(4, &during, &doneEarly))
	require.NoError(t, err)
	assert.Zero(t, doneEarly, "no process may end before its input does")
	assert.LessOrEqual(t, during, before)
}

func TestCancelKills(t *testing.T) {
	var pid int
	_, err := rt.Run(cancelledAsync(&pid))
	assert.True(t, errors.Is(err, rt.ErrCanceled), "%v", err)
	// The process was killed and reaped: it no longer exists.
	_, statErr := os.Stat("/proc/" + strconv.Itoa(pid))
	assert.True(t, os.IsNotExist(statErr), "process %d still exists", pid)
}

func TestNoFDLeak(t *testing.T) {
	count := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		require.NoError(t, err)
		return len(ents)
	}
	before := count()
	for i := 0; i < 3; i++ {
		_, err := rt.Run(sortedAsync("b\na\n"))
		require.NoError(t, err)
		_, err = rt.Run(exitCodeAsync("exit 0"))
		require.NoError(t, err)
	}
	assert.Equal(t, before, count())
}

// TestUseAfterCloseTouchesNoReusedFD is the review's sequence: after
// Stdin.Close the kernel gives the pipe's number to the next file opened,
// a temporary file here; a Write on the closed pipe must fail with
// os.ErrClosed and leave that file alone. Read and Close after Close fail
// the same way.
func TestUseAfterCloseTouchesNoReusedFD(t *testing.T) {
	warm, err := os.CreateTemp(t.TempDir(), "warm") // whatever the runtime opens on first use is open now
	require.NoError(t, err)
	warm.Close()

	p, err := Start(exec.Command("cat"))
	require.NoError(t, err)
	num := p.Stdin.fd.Sysfd()
	require.NoError(t, p.Stdin.Close())
	f, err := os.CreateTemp(t.TempDir(), "victim")
	require.NoError(t, err)
	defer f.Close()
	require.Equal(t, uintptr(num), f.Fd(), "the temporary file got the closed pipe's number")

	n, err := p.Stdin.Write([]byte("into the wrong file\n"))
	assert.Zero(t, n)
	assert.ErrorIs(t, err, os.ErrClosed)
	assert.EqualError(t, err, "write stdin: file already closed")
	assert.ErrorIs(t, p.Stdin.Close(), os.ErrClosed)
	// Write through rt.FD's number too: a closed FD has none.
	assert.Equal(t, -1, p.Stdin.fd.Sysfd())

	out, err := p.Stdout.ReadAll() // cat saw the end of its input
	require.NoError(t, err)
	assert.Empty(t, out)
	require.NoError(t, p.Stdout.Close())
	n, err = p.Stdout.Read(make([]byte, 8))
	assert.Zero(t, n)
	assert.ErrorIs(t, err, os.ErrClosed)
	_, err = p.Stdout.ReadAll()
	assert.ErrorIs(t, err, os.ErrClosed)

	code, err := p.Wait() // from ordinary code: blocks in poll(2)
	require.NoError(t, err)
	assert.Zero(t, code)
	st, err := f.Stat()
	require.NoError(t, err)
	assert.Zero(t, st.Size(), "nothing was written into the temporary file")
}

// docPattern is the package documentation's example, as written there:
// the pipes are not closed by the caller.
//
// async
func docPattern() (string, error) {
	p, err := Start(exec.Command("sort"))
	if err != nil {
		return "", err
	}
	p.Stdin.Write([]byte("b\na\n"))
	p.Stdin.Close()
	out, err := p.Stdout.ReadAll()
	if err != nil {
		return "", err
	}
	code, err := p.Wait()
	if err != nil {
		return "", err
	}
	if !p.Stdout.fd.Closed() || !p.Stderr.fd.Closed() {
		return "", errors.New("Wait left a pipe open")
	}
	return fmt.Sprintf("%s|%d", out, code), nil
}

func openFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	require.NoError(t, err)
	return len(ents)
}

// docPatternRuns runs docPattern n times and records the open descriptors
// after the first run and after the last.
//
// async
func docPatternRuns(n int, count func() int, first, last *int) error {
	for i := 0; i < n; i++ {
		out, err := docPattern()
		if err != nil {
			return err
		}
		if out != "a\nb\n|0" {
			return fmt.Errorf("run %d: %q", i, out)
		}
		if i == 0 {
			*first = count()
		}
	}
	*last = count()
	return nil
}

// TestWaitClosesPipes: 200 runs of the package documentation's pattern,
// which never closes Stdout and Stderr, keep the process's descriptor
// count flat: Wait closes the pipes it created, as os/exec does.
func TestWaitClosesPipes(t *testing.T) {
	count := func() int { return openFDs(t) }
	before := count()
	var first, last int
	_, err := rt.Run(docPatternRunsAsync(200, count, &first, &last))
	require.NoError(t, err)
	assert.Equal(t, first, last, "descriptors leaked over 200 processes")
	assert.Equal(t, before, count())
}

// readUntilWait reads Stdout in one task while it calls Wait, which closes
// the pipe when the process exits: the reader wakes with os.ErrClosed, as
// a read of exec.Cmd.StdoutPipe does after Wait.
//
// async
func readUntilWait(rerr *error) error {
	p, err := Start(exec.Command("sh", "-c", "sleep 1 & exit 0")) // the child's child keeps stdout open
	if err != nil {
		return err
	}
	reader := rt.Spawn(p.Stdout.ReadAllAsync())
	rt.Sleep(0)
	if _, err := p.Wait(); err != nil {
		return err
	}
	_, *rerr = rt.Await(reader)
	return nil
}

func TestWaitClosesPipeUnderReader(t *testing.T) {
	var rerr error
	_, err := rt.Run(readUntilWaitAsync(&rerr))
	require.NoError(t, err)
	assert.ErrorIs(t, rerr, os.ErrClosed)
}
