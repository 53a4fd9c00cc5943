//go:build unix

package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets the test binary be the program: with GROUPSERVER_MAIN=1
// it runs main.
func TestMain(m *testing.M) {
	if os.Getenv("GROUPSERVER_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSelftest serves on 1, 2 and 3 loops, queries the server with
// net/http and stops it.
func TestSelftest(t *testing.T) {
	for _, loops := range []int{1, 2, 3} {
		var buf bytes.Buffer
		out = &buf
		_, err := rt.RunGroup(selftestAsync(150), rt.Loops(loops))
		out = os.Stdout
		require.NoError(t, err)
		want := "serving on " + string(rune('0'+loops)) + " loops\n" +
			"counts: k0=30 k1=30 k2=30 k3=30 k4=30\n" +
			"each key counted on one loop: true\n" +
			"loops that served requests: " + string(rune('0'+loops)) + "\n" +
			"server stopped: rt: canceled\n"
		assert.Equal(t, want, buf.String(), "%d loops", loops)
	}
}

// TestInterrupt runs the program as a process, queries it, and stops it
// with SIGINT (Ctrl-C): it shuts down cleanly and exits 0.
func TestInterrupt(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-addr", "127.0.0.1:0", "-loops", "2")
	cmd.Env = append(os.Environ(), "GROUPSERVER_MAIN=1")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stderr).ReadString('\n')
	require.NoError(t, err)
	i := strings.Index(line, "serving on ")
	require.GreaterOrEqual(t, i, 0, line)
	base := strings.TrimSpace(line[i+len("serving on "):])

	resp, err := http.Get(base + "/count?key=alice")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Regexp(t, `^key=alice count=1 owner=\d served-by=\d\n$`, string(body))

	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		assert.NoError(t, err, "exit status after Ctrl-C")
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop on SIGINT")
	}
}
