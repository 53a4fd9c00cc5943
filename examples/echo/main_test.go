//go:build unix

package main

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets the test binary be the demo's child process: run with
// -hold ADDR -idle N, it holds the idle connections.
func TestMain(m *testing.M) {
	if len(os.Args) == 5 && os.Args[1] == "-hold" && os.Args[3] == "-idle" {
		n, _ := strconv.Atoi(os.Args[4])
		if _, err := rt.Run(holdAsync(os.Args[2], n)); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestDemo holds 10,000 idle connections (their other ends in a child
// process) and checks that echoing works beside them, that they cost no
// goroutine, and that each holds little heap on the server's side.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 10,000 connections")
	}
	var buf bytes.Buffer
	out = &buf
	perConn, err := rt.Run(demoAsync(10000, []string{"hello", "asyncgen"}))
	require.NoError(t, err)
	// Tasks: the main one, the accept loop, a handler per connection (the
	// talker's included).
	assert.Equal(t, "echo: hello\necho: asyncgen\nidle connections: 10000\ntasks: 10003\nextra goroutines: 0\n", buf.String())
	t.Logf("heap per idle connection: %d bytes", perConn)
	assert.Less(t, perConn, 2048, "heap per idle connection, server side")
}

// TestGroup runs the server on every loop of 2- and 3-loop groups with
// clients spread over the loops: every client's line comes back, every
// connection was accepted by some loop, and closing down leaves no task.
func TestGroup(t *testing.T) {
	for _, loops := range []int{1, 2, 3} {
		var buf bytes.Buffer
		out = &buf
		per, err := rt.RunGroup(groupDemoAsync(60), rt.Loops(loops))
		require.NoError(t, err)
		assert.Equal(t, strconv.Itoa(60)+" clients echoed on "+strconv.Itoa(loops)+" loops\n", buf.String())
		require.Len(t, per, loops)
		sum := 0
		for _, n := range per {
			sum += n
		}
		assert.Equal(t, 60, sum, "connections accepted over the loops: %v", per)
		t.Logf("%d loops: connections per loop %v", loops, per)
	}
}
