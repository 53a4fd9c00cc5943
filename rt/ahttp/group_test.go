//go:build unix

package ahttp_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowArrived receives when a /slow request reaches whichLoop.
var slowArrived = make(chan struct{}, 1)

func noteSlow() {
	select {
	case slowArrived <- struct{}{}:
	default:
	}
}

// groupDrain is how long ServeGroup lets requests in flight finish: far
// longer than a drain takes even on a loaded machine, so a drain that
// waited for it shows.
const groupDrain = 20 * time.Second

// whichLoop answers with the index of the loop that serves the request;
// /slow notes its arrival and waits 300ms first.
//
// async
func whichLoop(w *ahttp.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/slow" {
		noteSlow()
		rt.Sleep(300 * time.Millisecond)
	}
	fmt.Fprintf(w, "loop %d", rt.LoopIndex())
}

// serveGroupUntil serves on every loop until stop receives, then cancels
// the server (a graceful shutdown) and reports how ServeGroup ended.
//
// async
func serveGroupUntil(lc anet.ListenConfig, tell func(string), stop *rt.Mailbox[struct{}]) error {
	lns, err := lc.ListenGroup("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(whichLoopAsync)}
	t := rt.Spawn(srv.ServeGroupAsync(lns, groupDrain))
	tell(lns[0].Addr().String())
	if _, err := stop.Recv(); err != nil {
		return err
	}
	t.Cancel()
	_, err = rt.Await[struct{}](t)
	if !errors.Is(err, rt.ErrCanceled) {
		return fmt.Errorf("ServeGroup ended with %v, not ErrCanceled", err)
	}
	return nil
}

// fetchOwnConn fetches url on a connection of its own, asking to keep it alive
// or not; it reports whether the response closes the connection.
func fetchOwnConn(url string, keepAlive bool) (int, string, bool, error) {
	tr := &http.Transport{DisableKeepAlives: !keepAlive}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(url)
	if err != nil {
		return 0, "", false, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Close, err
}

// TestServeGroup serves HTTP on both loops of a group, with a listener per
// loop (SO_REUSEPORT) or one acceptor handing connections round robin;
// stopping it lets a request in flight finish and refuses new ones.
func TestServeGroup(t *testing.T) {
	for _, one := range []bool{false, true} {
		t.Run(fmt.Sprintf("OneAcceptor=%v", one), func(t *testing.T) {
			addrs := make(chan string, 1)
			stop := rt.NewMailbox[struct{}]()
			done := make(chan error, 1)
			go func() {
				_, err := rt.RunGroup(serveGroupUntilAsync(anet.ListenConfig{OneAcceptor: one}, func(a string) { addrs <- a }, stop), rt.Loops(2))
				done <- err
			}()
			base := "http://" + <-addrs
			count := map[string]int{}
			for i := 0; i < 40; i++ {
				code, body, _, err := fetchOwnConn(base+"/", false)
				require.NoError(t, err)
				require.Equal(t, 200, code)
				count[body]++
			}
			if one {
				assert.Equal(t, map[string]int{"loop 0": 20, "loop 1": 20}, count, "round robin")
			} else {
				assert.Equal(t, 40, count["loop 0"]+count["loop 1"])
				assert.NotZero(t, count["loop 0"], "%v", count)
				assert.NotZero(t, count["loop 1"], "%v", count)
			}

			var wg sync.WaitGroup
			var slowCode int
			var slowBody string
			var slowClose bool
			var slowErr error
			select { // from an earlier run
			case <-slowArrived:
			default:
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				slowCode, slowBody, slowClose, slowErr = fetchOwnConn(base+"/slow", true)
			}()
			select { // the slow request is in flight
			case <-slowArrived:
			case <-time.After(30 * time.Second):
				t.Fatal("the slow request did not reach the handler")
			}
			start := time.Now()
			require.NoError(t, stop.Send(struct{}{}))
			wg.Wait()
			require.NoError(t, <-done)
			require.NoError(t, slowErr, "the request in flight was cut")
			assert.Equal(t, 200, slowCode)
			assert.True(t, strings.HasPrefix(slowBody, "loop "), slowBody)
			assert.True(t, slowClose, "the response in flight during shutdown closes its connection")
			assert.Less(t, time.Since(start), groupDrain, "drained without waiting for the deadline")
			_, _, _, err := fetchOwnConn(base+"/", false)
			assert.Error(t, err, "the server still answers after shutdown")
		})
	}
}

// listenServeUntil is ListenAndServeGroup on addr until stop receives.
//
// async
func listenServeUntil(addr string, stop *rt.Mailbox[struct{}]) error {
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(whichLoopAsync)}
	t := rt.Spawn(srv.ListenAndServeGroupAsync(addr, time.Second))
	if _, err := stop.Recv(); err != nil {
		return err
	}
	t.Cancel()
	if _, err := rt.Await[struct{}](t); !errors.Is(err, rt.ErrCanceled) {
		return fmt.Errorf("ListenAndServeGroup ended with %v, not ErrCanceled", err)
	}
	return nil
}

// TestListenAndServeGroup serves on every loop of a 2-loop group in one
// call: every request is answered by one of the two loops, and
// cancelling the call stops the server.
func TestListenAndServeGroup(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	stop := rt.NewMailbox[struct{}]()
	done := make(chan error, 1)
	go func() {
		_, err := rt.RunGroup(listenServeUntilAsync(addr, stop), rt.Loops(2))
		done <- err
	}()
	var code int
	var body string
	for i := 0; i < 100; i++ { // until it listens
		if code, body, _, err = fetchOwnConn("http://"+addr+"/", false); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	require.NoError(t, err)
	count := map[string]int{body: 1}
	for i := 1; i < 30; i++ {
		code, body, _, err = fetchOwnConn("http://"+addr+"/", false)
		require.NoError(t, err)
		require.Equal(t, 200, code)
		count[body]++
	}
	assert.Equal(t, 30, count["loop 0"]+count["loop 1"], "%v", count)
	require.NoError(t, stop.Send(struct{}{}))
	require.NoError(t, <-done)
	_, _, _, err = fetchOwnConn("http://"+addr+"/", false)
	assert.Error(t, err, "the server still answers after it was stopped")
}
