//go:build unix

package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// barrierServer answers the requests of a round of n only once all n are
// in flight at the same time, so a client that does not really fetch them
// concurrently gets a 503 (after a generous wait) and fails the test.
type barrierServer struct {
	mu       sync.Mutex
	cond     *sync.Cond
	round    int // n of the current round
	arrived  int
	answered int
}

func newBarrierServer() *barrierServer {
	s := &barrierServer{}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *barrierServer) expect(n int) {
	s.mu.Lock()
	s.round, s.arrived = n, 0
	s.mu.Unlock()
}

func (s *barrierServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.arrived++
	s.cond.Broadcast()
	expired := false
	timer := time.AfterFunc(20*time.Second, func() {
		s.mu.Lock()
		expired = true
		s.cond.Broadcast()
		s.mu.Unlock()
	})
	for s.arrived < s.round && !expired {
		s.cond.Wait()
	}
	timer.Stop()
	ok := s.arrived >= s.round
	s.answered++
	s.mu.Unlock()
	if !ok {
		http.Error(w, "not all requests in flight at once", http.StatusServiceUnavailable)
		return
	}
	io.WriteString(w, "sample data\n")
}

// TestFetchTable runs the program against a server for which each round's
// fetches must all be in flight at once: both columns really are
// concurrent, every fetch gets its 200, and the table has a row per count.
func TestFetchTable(t *testing.T) {
	srv := newBarrierServer()
	hs := httptest.NewServer(srv)
	defer hs.Close()
	var out bytes.Buffer
	ns := []int{1, 10, 50, 100}
	require.NoError(t, run(&out, hs.URL, ns, 2, srv.expect))
	assert.Equal(t, 3*(1+10+50+100), srv.answered)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 1+len(ns))
	assert.Equal(t, "Frequency  Goroutines    Asyncgen     2 loops", lines[0])
	for i, n := range ns {
		assert.Regexp(t, fmt.Sprintf(`^\s+%d\s+\d+\.\d{3}s\s+\d+\.\d{3}s\s+\d+\.\d{3}s$`, n), lines[i+1])
	}
}

// TestNon200Fails: a fetch that does not answer 200 OK stops the program
// with an error that names the status.
func TestNon200Fails(t *testing.T) {
	hs := httptest.NewServer(http.NotFoundHandler())
	defer hs.Close()
	err := run(io.Discard, hs.URL, []int{3}, 2, nil)
	assert.ErrorContains(t, err, "404 Not Found")
}
