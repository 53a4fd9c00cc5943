//go:build unix

package anet_test

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answerLoop accepts on ln until it is closed and answers each
// connection with "loop i", i the loop it was accepted on.
//
// async
func answerLoop(ln *anet.Listener) (int, error) {
	n := 0
	for {
		c, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
		_, err = c.Write(fmt.Appendf(nil, "loop %d\n", rt.LoopIndex()))
		c.Close()
		if err != nil {
			return n, err
		}
	}
}

// listenGroup listens for every loop, serves each listener on its loop,
// lets dial make its connections from a thread, closes the listeners and
// returns how many connections each loop accepted.
//
// async
func listenGroup(lc anet.ListenConfig, dial func(addr string) error) ([]int, error) {
	g := rt.CurrentGroup()
	lns, err := lc.ListenGroup("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	rs := make([]*rt.Remote[int], len(lns))
	for i, ln := range lns {
		if ln.Addr().String() != lns[0].Addr().String() {
			return nil, fmt.Errorf("listener %d is on %v, not %v", i, ln.Addr(), lns[0].Addr())
		}
		rs[i] = rt.Submit(g.Loop(i), answerLoopAsync(ln))
	}
	if _, err := rt.ToThread(func() (struct{}, error) { return struct{}{}, dial(lns[0].Addr().String()) }); err != nil {
		return nil, err
	}
	for i, ln := range lns {
		// Each listener is closed by a task of its own loop.
		if _, err := rt.Await[struct{}](rt.Submit(g.Loop(i), rt.Func(func() (struct{}, error) { return struct{}{}, ln.Close() }))); err != nil {
			return nil, err
		}
	}
	counts := make([]int, len(rs))
	for i, r := range rs {
		n, err := rt.Await[int](r)
		if err != nil {
			return nil, err
		}
		counts[i] = n
	}
	return counts, nil
}

func TestListenGroup(t *testing.T) {
	for _, one := range []bool{false, true} {
		t.Run(fmt.Sprintf("OneAcceptor=%v", one), func(t *testing.T) {
			seen := map[string]int{}
			dial := func(addr string) error {
				for i := 0; i < 60; i++ {
					c, err := net.Dial("tcp", addr)
					if err != nil {
						return err
					}
					line, err := bufio.NewReader(c).ReadString('\n')
					c.Close()
					if err != nil {
						return err
					}
					seen[strings.TrimSpace(line)]++
				}
				return nil
			}
			counts, err := rt.RunGroup(listenGroupAsync(anet.ListenConfig{OneAcceptor: one}, dial), rt.Loops(3))
			require.NoError(t, err)
			require.Len(t, counts, 3)
			assert.Equal(t, 60, counts[0]+counts[1]+counts[2])
			for i, n := range counts {
				assert.Equal(t, n, seen[fmt.Sprintf("loop %d", i)], "loop %d's count", i)
				if one {
					assert.Equal(t, 20, n, "round robin: %v", counts)
				} else {
					assert.NotZero(t, n, "the kernel gave loop %d nothing: %v", i, counts)
				}
			}
		})
	}
}
