//go:build unix

package rt_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// signalChildCleanup is the main task's deferred cleanup in the child: it
// awaits, so a cleanup that takes loop time is shown to run; in mode
// "hang" it never ends.
//
// async
func signalChildCleanup(mode string) {
	fmt.Println("cleanup starts, cancelling:", rt.CurrentTask().Cancelling())
	if mode == "hang" {
		rt.Sleep(time.Hour)
	}
	rt.Sleep(10 * time.Millisecond)
	fmt.Println("cleanup done")
}

// signalChildMain says it is ready and waits for an hour.
//
// async
func signalChildMain(mode string) (int, error) {
	defer signalChildCleanup(mode)
	fmt.Println("ready")
	rt.Sleep(time.Hour)
	return 1, nil
}

// TestCancelOnSignalChild is the re-executed child of TestCancelOnSignal.
func TestCancelOnSignalChild(t *testing.T) {
	mode := os.Getenv("RT_SIGNAL_CHILD")
	if mode == "" {
		t.Skip("run by TestCancelOnSignal")
	}
	v, err := rt.Run(signalChildMainAsync(mode), rt.CancelOnSignal())
	fmt.Printf("Run returned %d, %v\n", v, err)
	os.Exit(0)
}

// startSignalChild re-executes the test binary as the child in mode and
// returns it once it printed "ready", with the rest of its output to come.
func startSignalChild(t *testing.T, mode string) (*exec.Cmd, *bufio.Scanner) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCancelOnSignalChild$", "-test.v=false")
	cmd.Env = append(os.Environ(), "RT_SIGNAL_CHILD="+mode)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	sc := bufio.NewScanner(out)
	require.True(t, sc.Scan(), "child printed nothing")
	require.Equal(t, "ready", sc.Text())
	return cmd, sc
}

func restOf(sc *bufio.Scanner) string {
	var b strings.Builder
	for sc.Scan() {
		b.WriteString(sc.Text())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestCancelOnSignal: SIGINT and SIGTERM cancel the main task of Run; its
// deferred cleanup runs (awaiting), and Run returns ErrCanceled.
func TestCancelOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd, sc := startSignalChild(t, "clean")
			require.NoError(t, cmd.Process.Signal(sig))
			rest := restOf(sc)
			require.NoError(t, cmd.Wait())
			require.Equal(t, "cleanup starts, cancelling: true\ncleanup done\nRun returned 0, rt: canceled\n", rest)
		})
	}
}

// TestCancelOnSignalTwice: a second signal, while the cleanup hangs, ends
// the program as Go's default handling does.
func TestCancelOnSignalTwice(t *testing.T) {
	cmd, sc := startSignalChild(t, "hang")
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	require.True(t, sc.Scan())
	require.Equal(t, "cleanup starts, cancelling: true", sc.Text())
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	rest := restOf(sc)
	err := cmd.Wait()
	require.Empty(t, rest)
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	ws := ee.Sys().(syscall.WaitStatus)
	require.True(t, ws.Signaled(), "child should die of the signal: %v", err)
	require.Equal(t, syscall.SIGINT, ws.Signal())
}
