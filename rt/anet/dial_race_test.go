//go:build linux

package anet

import (
	"net"
	"os"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// hangingEndpoint is a loopback address whose connects hang: a listener
// with a backlog of 0 whose accept queue is full and never accepted, so
// that the kernel drops every further SYN.
func hangingEndpoint(t *testing.T) endpoint {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	require.NoError(t, err)
	t.Cleanup(func() { unix.Close(fd) })
	require.NoError(t, unix.Bind(fd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}))
	require.NoError(t, unix.Listen(fd, 0))
	sa, err := unix.Getsockname(fd)
	require.NoError(t, err)
	addr := (&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: sa.(*unix.SockaddrInet4).Port}).String()
	// Fill the queue: connect until a connect does not complete.
	for range 8 {
		c, err := net.DialTimeout("tcp", addr, 300*time.Millisecond)
		if err != nil {
			return endpointOf(t, addr)
		}
		t.Cleanup(func() { c.Close() })
	}
	t.Skip("could not make a loopback address whose connects hang")
	return endpoint{}
}

// openFDs counts the process's open file descriptors.
func openFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	require.NoError(t, err)
	return len(ents)
}

// raceOutcome is what a dialRace got: the remote address, and how many
// descriptors were open while the connection was.
type raceOutcome struct {
	Remote      string
	Before, FDs int // descriptors open before the dial (the loop's own included), and with the connection
}

// raceAddrs races eps with this delay, bounded by limit, after a
// connection to warm (which makes the loop open its poller, so that the
// count before the race is the loop's steady one).
//
// async
func raceAddrs(warm endpoint, eps []endpoint, delay, limit time.Duration) (raceOutcome, error) {
	w, err := dialOne("tcp", warm)
	if err != nil {
		return raceOutcome{}, err
	}
	w.Close()
	ents, _ := os.ReadDir("/proc/self/fd")
	before := len(ents)
	c, err := rt.Await(rt.WaitFor(dialRaceAsync("tcp", eps, delay), limit))
	if err != nil {
		return raceOutcome{}, err
	}
	defer c.Close()
	ents, _ = os.ReadDir("/proc/self/fd")
	return raceOutcome{c.RemoteAddr().String(), before, len(ents)}, nil
}

func refusedEndpoint(t *testing.T) endpoint {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	return endpointOf(t, addr)
}

// TestDialRace: the first address hangs, the second answers: the second
// attempt starts after the delay and wins, and the first's socket is
// closed by the time the dial returns (one descriptor more than before
// while the connection is open, none after).
func TestDialRace(t *testing.T) {
	good, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer good.Close()
	goodEP := endpointOf(t, good.Addr().String())
	hang := hangingEndpoint(t)

	before := openFDs(t)
	got, err := rt.Run(raceAddrsAsync(goodEP, []endpoint{hang, goodEP}, 50*time.Millisecond, 20*time.Second))
	require.NoError(t, err, "the second address was not tried while the first hung")
	assert.Equal(t, good.Addr().String(), got.Remote)
	assert.Equal(t, got.Before+1, got.FDs, "the hanging attempt's socket is still open")
	assert.Equal(t, before, openFDs(t))
}

// TestDialRaceFailureStartsNext: a refused attempt starts the next at
// once, whatever the delay (an hour here: waiting for it would fail the
// test's bound).
func TestDialRaceFailureStartsNext(t *testing.T) {
	good, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer good.Close()
	eps := []endpoint{refusedEndpoint(t), refusedEndpoint(t), endpointOf(t, good.Addr().String())}
	got, err := rt.Run(raceAddrsAsync(eps[2], eps, time.Hour, 20*time.Second))
	require.NoError(t, err)
	assert.Equal(t, good.Addr().String(), got.Remote)
}

// TestDialRaceFirstWins: the first address answers at once: the others
// are never tried (no socket for them while the connection is open).
func TestDialRaceFirstWins(t *testing.T) {
	good, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer good.Close()
	hang := hangingEndpoint(t)
	before := openFDs(t)
	got, err := rt.Run(raceAddrsAsync(endpointOf(t, good.Addr().String()), []endpoint{endpointOf(t, good.Addr().String()), hang}, time.Hour, 20*time.Second))
	require.NoError(t, err)
	assert.Equal(t, good.Addr().String(), got.Remote)
	assert.Equal(t, got.Before+1, got.FDs)
	assert.Equal(t, before, openFDs(t))
}

// TestDialRaceCancelled: a race cancelled (by WaitFor) while every
// attempt hangs leaves no socket open.
func TestDialRaceCancelled(t *testing.T) {
	good, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer good.Close()
	hang := hangingEndpoint(t)
	before := openFDs(t)
	_, err = rt.Run(raceAddrsAsync(endpointOf(t, good.Addr().String()), []endpoint{hang, hang, hang}, 20*time.Millisecond, 300*time.Millisecond))
	require.ErrorIs(t, err, rt.ErrTimeout)
	assert.Equal(t, before, openFDs(t))
}

// TestInterleave: the families alternate, the first address's first,
// each in the resolver's order.
func TestInterleave(t *testing.T) {
	eps := []endpoint{
		endpointOf(t, "[::1]:1"), endpointOf(t, "[::1]:2"), endpointOf(t, "[::1]:3"),
		endpointOf(t, "127.0.0.1:4"), endpointOf(t, "127.0.0.1:5"),
	}
	var got []string
	for _, ep := range interleave(eps) {
		got = append(got, ep.addr.String())
	}
	assert.Equal(t, []string{"[::1]:1", "127.0.0.1:4", "[::1]:2", "127.0.0.1:5", "[::1]:3"}, got)
}
