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
