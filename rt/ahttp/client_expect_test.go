//go:build unix

package ahttp_test

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// expectServer is net/http's server with a handler that reads the body
// (its first read makes the server send 100 Continue) and one that
// answers 401 without reading it.
func expectServer(log *expectLog, overTLS bool) *httptest.Server {
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/reject" {
			log.add(fmt.Sprintf("%s expect=%q: rejected unread", r.URL.Path, r.Header.Get("Expect")))
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		b, err := io.ReadAll(r.Body)
		log.add(fmt.Sprintf("%s expect=%q: read %d err=%v", r.URL.Path, r.Header.Get("Expect"), len(b), err))
		fmt.Fprintf(w, "got %d", len(b))
	}))
	if overTLS {
		ts.StartTLS()
	} else {
		ts.Start()
	}
	return ts
}

type expectLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *expectLog) add(s string) { l.mu.Lock(); l.lines = append(l.lines, s); l.mu.Unlock() }

func (l *expectLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.lines
	l.lines = nil
	return s
}

// rawExpectServer speaks HTTP/1.1 by hand: with send100 it checks that no
// body byte arrives before it sends 100 Continue (waiting a moment for a
// stray one), sends it and reads the body; without, it never sends 100
// and waits for the body, which a client sends once its
// ExpectContinueTimeout has passed.
func rawExpectServer(t *testing.T, send100 bool, log *expectLog, tlsCfg *tls.Config) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	scheme := "http://"
	if tlsCfg != nil {
		ln = tls.NewListener(ln, tlsCfg)
		scheme = "https://"
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				req, err := http.ReadRequest(br)
				if err != nil {
					return
				}
				if send100 {
					early := br.Buffered() > 0
					if !early {
						c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
						_, err := br.Peek(1)
						early = err == nil
						c.SetReadDeadline(time.Time{})
					}
					log.add(fmt.Sprintf("body before 100: %v", early))
					io.WriteString(c, "HTTP/1.1 100 Continue\r\n\r\n")
				}
				b, err := io.ReadAll(req.Body)
				log.add(fmt.Sprintf("raw expect=%q: read %d err=%v", req.Header.Get("Expect"), len(b), err))
				msg := fmt.Sprintf("raw got %d", len(b))
				fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(msg), msg)
			}()
		}
	}()
	return scheme + ln.Addr().String()
}

// expectOutcome is what a client got, and how much of the body it read
// from the request's Body.
type expectOutcome struct {
	Status   int
	Body     string
	Err      string
	BodyRead int64
}

// doExpectAhttp sends req with cl and reads the response.
//
// async
func doExpectAhttp(cl *ahttp.Client, req *http.Request, src *countingReader) (expectOutcome, error) {
	resp, err := cl.Do(req)
	if err != nil {
		return expectOutcome{Err: err.Error(), BodyRead: src.n.Load()}, nil
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	if err != nil {
		return expectOutcome{}, err
	}
	return expectOutcome{resp.StatusCode, string(b), "", src.n.Load()}, nil
}

// TestClientExpectContinueLikeNetHTTP sends each request with
// "Expect: 100-continue" from net/http's client (a Transport with the same
// ExpectContinueTimeout) and from ahttp's; per row the verdict is: same
// status, body and body bytes read from the request, and the server sees
// the same. net/http's server sends 100 when the handler reads the body
// and a final 401 without it; the raw servers check the order on the
// wire (no body before 100) and the timeout (no 100 at all).
func TestClientExpectContinueLikeNetHTTP(t *testing.T) {
	for _, overTLS := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "tls"}[overTLS], func(t *testing.T) {
			testExpectContinue(t, overTLS)
		})
	}
}

func testExpectContinue(t *testing.T, overTLS bool) {
	log := &expectLog{}
	std := expectServer(log, overTLS)
	defer std.Close()
	var clientTLS, serverTLS *tls.Config
	if overTLS {
		clientTLS, serverTLS = tlsClientConfig(std), std.TLS
	}
	payload := strings.Repeat("x", 100_000)
	cases := []struct {
		name    string
		url     string
		timeout time.Duration
		want    []string // what the server saw, for both clients
	}{
		{"100 then body", std.URL + "/echo", 10 * time.Second,
			[]string{`/echo expect="100-continue": read 100000 err=<nil>`}},
		{"final status, body not sent", std.URL + "/reject", 10 * time.Second,
			[]string{`/reject expect="100-continue": rejected unread`}},
		{"raw: no body before 100", rawExpectServer(t, true, log, serverTLS), 10 * time.Second,
			[]string{"body before 100: false", `raw expect="100-continue": read 100000 err=<nil>`}},
		{"raw: no 100, body after the timeout", rawExpectServer(t, false, log, serverTLS), 20 * time.Millisecond,
			[]string{`raw expect="100-continue": read 100000 err=<nil>`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mk := func() (*http.Request, *countingReader) {
				src := &countingReader{r: strings.NewReader(payload)}
				req, err := http.NewRequest("POST", tc.url, src)
				require.NoError(t, err)
				req.ContentLength = int64(len(payload))
				req.Header.Set("Expect", "100-continue")
				return req, src
			}
			tr := &http.Transport{ExpectContinueTimeout: tc.timeout, TLSClientConfig: clientTLS}
			defer tr.CloseIdleConnections()
			req, src := mk()
			var want expectOutcome
			if resp, err := (&http.Client{Transport: tr}).Do(req); err != nil {
				want = expectOutcome{Err: err.Error(), BodyRead: src.n.Load()}
			} else {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				want = expectOutcome{resp.StatusCode, string(b), "", src.n.Load()}
			}
			wantLog := log.take()

			cl := &ahttp.Client{ExpectContinueTimeout: tc.timeout, TLSClientConfig: clientTLS}
			req, src = mk()
			got, err := rt.Run(doExpectAhttpAsync(cl, req, src))
			require.NoError(t, err)
			gotLog := log.take()

			assert.Equal(t, want, got)
			assert.Equal(t, tc.want, wantLog, "net/http's client")
			assert.Equal(t, tc.want, gotLog, "ahttp's client")
		})
	}
}
