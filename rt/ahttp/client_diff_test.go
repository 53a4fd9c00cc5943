//go:build unix

package ahttp_test

import (
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file is the response side of the differential testing: the same
// raw response bytes, served from a plain TCP listener, go to ahttp's
// client and to net/http's, and what each made of them is compared.

// secondResponse answers every request after the first.
const secondResponse = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond"

// outcome is what a client made of one response.
type outcome struct {
	Err     bool // the request failed (no response)
	Status  int
	Body    string // when the body was read without error
	BodyErr bool   // reading the body failed
}

func (o outcome) String() string {
	switch {
	case o.Err:
		return "error"
	case o.BodyErr:
		return fmt.Sprintf("%d, body error", o.Status)
	}
	return fmt.Sprintf("%d %q", o.Status, o.Body)
}

func (o outcome) failed() bool { return o.Err || o.BodyErr }

// verdict is the rule a row's outcomes must follow.
type verdict int

const (
	// same: ahttp's outcomes are net/http's.
	same verdict = iota
	// stricter: ahttp may fail a request net/http completes; where both
	// complete it, the status and body are the same. Never the reverse.
	stricter
	// pending: ahttp is more lenient than net/http today, in code whose
	// fix is another change's: the row must still break the "same or
	// stricter" rule, so that it is moved to its real verdict when the
	// fix lands. (No row is pending since the shared framing fixes of
	// issue 11, items 3 and 4.)
	pending
)

// rawCase is a response byte stream: the first connection's first request
// gets resp, every other request secondResponse.
type rawCase struct {
	name    string
	resp    string
	head    bool // the first request is a HEAD
	close   bool // the server closes the connection after resp
	verdict verdict
	why     string // for every verdict but same
}

func chunkedResp(body string) string {
	return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body
}

var rawCases = []rawCase{
	{name: "content-length", resp: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"},
	{name: "huge content-length", resp: "HTTP/1.1 200 OK\r\nContent-Length: 50000000000\r\n\r\nsmall", close: true},
	{name: "9e18 content-length", resp: "HTTP/1.1 200 OK\r\nContent-Length: 9000000000000000000\r\n\r\nsmall", close: true},
	{name: "content-length past int64", resp: "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nsmall", close: true},
	{name: "content-length and chunked", resp: "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"},
	{name: "chunked and content-length", resp: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 30\r\n\r\n5\r\nhello\r\n0\r\n\r\n"},
	{name: "duplicate equal content-lengths", resp: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello"},
	{name: "duplicate different content-lengths", resp: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"},
	{name: "content-length list", resp: "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello"},
	{name: "content-length with plus", resp: "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello"},
	{name: "negative content-length", resp: "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nhello", close: true},
	{name: "content-length longer than the stream", resp: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", close: true},
	{name: "chunked", resp: chunkedResp("5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer-A: x\r\n\r\n")},
	{name: "chunk size not hex", resp: chunkedResp("zz\r\nhello\r\n0\r\n\r\n")},
	{name: "chunk size past int64", resp: chunkedResp("fffffffffffffffffff\r\nhello\r\n0\r\n\r\n")},
	{name: "chunked cut short", resp: chunkedResp("5\r\nhel"), close: true},
	{name: "trailer cut short", resp: chunkedResp("5\r\nhello\r\n0\r\nX: y\r\n"), close: true},
	{name: "chunk size +5", resp: chunkedResp("+5\r\nhello\r\n0\r\n\r\n")},
	{name: "chunk size -0", resp: chunkedResp("-0\r\n\r\n")},
	{name: "bare LF after chunk size", resp: chunkedResp("5\nhello\r\n0\r\n\r\n")},
	{name: "bare LF after chunk data", resp: chunkedResp("5\r\nhello\n0\r\n\r\n")},
	{name: "CR CR LF after chunk size", resp: chunkedResp("5\r\r\nhello\r\n0\r\n\r\n")},
	{name: "malformed trailer", resp: chunkedResp("5\r\nhello\r\n0\r\nnot a field\r\n\r\n")},
	{name: "bare LF header", resp: "HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"},
	{name: "bare LF ending the header block", resp: "HTTP/1.1 200 OK\r\nContent-Length: 5\n\r\nhello"},
	{name: "empty line before the status line", resp: "\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"},
	{name: "100 continue", resp: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"},
	{name: "103 early hints", resp: "HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"},
	{name: "2 MB of 100 continue", resp: strings.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 2<<20/25) + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
		verdict: stricter, why: "the 1xx responses and the final one share the header limit, 1 MiB (net/http: 10 MiB)"},
	{name: "101 switching protocols", resp: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\nraw bytes", close: true},
	{name: "HEAD with content-length", head: true, resp: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"},
	{name: "HEAD answered with a body", head: true, resp: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"},
	{name: "204 with a body", resp: "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello"},
	{name: "204 chunked", resp: "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
	{name: "304 with a body", resp: "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\nhello"},
	{name: "no length, close-delimited", resp: "HTTP/1.1 200 OK\r\n\r\nuntil close", close: true},
	{name: "HTTP/1.0 without keep-alive", resp: "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"},
	{name: "connection close", resp: "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"},
	{name: "unsolicited response after the body", resp: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nevil!"},
	{name: "unsolicited bytes after a chunked body", resp: chunkedResp("2\r\nok\r\n0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nevil!")},
	{name: "space before colon", resp: "HTTP/1.1 200 OK\r\nTransfer-Encoding : chunked\r\nContent-Length: 2\r\n\r\nok"},
	{name: "obs-fold", resp: "HTTP/1.1 200 OK\r\nX-A: 1\r\n 2\r\nContent-Length: 2\r\n\r\nok"},
	{name: "bare CR in a value", resp: "HTTP/1.1 200 OK\r\nX-A: a\rb\r\nContent-Length: 2\r\n\r\nok"},
	{name: "NUL in a value", resp: "HTTP/1.1 200 OK\r\nX-A: a\x00b\r\nContent-Length: 2\r\n\r\nok"},
	{name: "two-digit status", resp: "HTTP/1.1 42 Odd\r\nContent-Length: 2\r\n\r\nok"},
	{name: "status 999", resp: "HTTP/1.1 999 Odd\r\nContent-Length: 2\r\n\r\nok"},
	{name: "HTTP/2.0 status line", resp: "HTTP/2.0 200 OK\r\nContent-Length: 2\r\n\r\nok"},
	{name: "not HTTP", resp: "hello\r\n\r\n"},
	{name: "nothing", resp: "", close: true},
	{name: "unsupported transfer-encoding", resp: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nok", close: true},
	{name: "chunked twice", resp: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"},
	// Item 12 on the client: chunk extensions and trailers are bounded.
	{name: "100 KB of chunk extensions", resp: chunkedResp(strings.Repeat("1;"+strings.Repeat("e", 4000)+"\r\nx\r\n", 25) + "0\r\n\r\n")},
	{name: "one 8 KB chunk extension", resp: chunkedResp("1;" + strings.Repeat("e", 8000) + "\r\nx\r\n0\r\n\r\n")},
	{name: "100 KB of trailer", resp: chunkedResp("1\r\nx\r\n0\r\n" + strings.Repeat("X-T: "+strings.Repeat("t", 100)+"\r\n", 1000) + "\r\n")},
	{name: "small extensions on big chunks", resp: chunkedResp(strings.Repeat("400;e=1\r\n"+strings.Repeat("d", 1024)+"\r\n", 40) + "0\r\n\r\n")},
	{name: "100 KB header field", resp: "HTTP/1.1 200 OK\r\nX-Big: " + strings.Repeat("b", 100<<10) + "\r\nContent-Length: 2\r\n\r\nok"},
}

// rawResponder serves c.resp on its first connection's first request and
// secondResponse to every other request. After resp it waits a little for
// the next request on the connection (unless c.close), then hangs up.
func rawResponder(t testing.TB, c rawCase) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	rawServe(t, ln, c)
	return "http://" + ln.Addr().String()
}

// rawServe serves c on ln (a TLS listener for the https variant).
func rawServe(t testing.TB, ln net.Listener, c rawCase) {
	t.Cleanup(func() { ln.Close() })
	go func() {
		for first := true; ; first = false {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func(first bool) {
				defer conn.Close()
				for i := 0; ; i++ {
					conn.SetReadDeadline(time.Now().Add(150 * time.Millisecond))
					if readRequestHead(conn) == "" {
						return
					}
					if first && i == 0 {
						io.WriteString(conn, c.resp)
						if c.close {
							return
						}
					} else {
						io.WriteString(conn, secondResponse)
					}
				}
			}(first)
		}
	}()
}

// stdOutcomes sends the case's two requests with net/http's client.
func stdOutcomes(url string, head bool) [2]outcome { return stdOutcomesTLS(url, head, nil) }

// stdOutcomesTLS is stdOutcomes with a TLS configuration for https.
func stdOutcomesTLS(url string, head bool, cfg *tls.Config) [2]outcome {
	tr := &http.Transport{TLSClientConfig: cfg}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr, Timeout: 3 * time.Second}
	var out [2]outcome
	for i := range out {
		method := "GET"
		if i == 0 && head {
			method = "HEAD"
		}
		req, _ := http.NewRequest(method, url+"/", nil)
		resp, err := cl.Do(req)
		if err != nil {
			out[i].Err = true
		} else {
			out[i].Status = resp.StatusCode
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			out[i].Body, out[i].BodyErr = string(b), err != nil
		}
		time.Sleep(20 * time.Millisecond) // as long as ahttp's client pauses
	}
	return out
}

// ahttpOutcomes sends the case's two requests with ahttp's client.
//
// async
func ahttpOutcomes(url string, head bool, cfg *tls.Config) ([2]outcome, error) {
	cl := &ahttp.Client{Timeout: 3 * time.Second, TLSClientConfig: cfg}
	defer cl.CloseIdleConnections()
	var out [2]outcome
	for i := range out {
		method := "GET"
		if i == 0 && head {
			method = "HEAD"
		}
		req, err := http.NewRequest(method, url+"/", nil)
		if err != nil {
			return out, err
		}
		resp, err := cl.Do(req)
		if err != nil {
			out[i].Err = true
		} else {
			out[i].Status = resp.StatusCode
			b, err := resp.Body.ReadAll()
			resp.Body.Close()
			out[i].Body, out[i].BodyErr = string(b), err != nil
		}
		rt.Sleep(20 * time.Millisecond)
	}
	return out, nil
}

// judge applies v to the two clients' outcomes of one request and returns
// what breaks it, or "".
func judge(v verdict, std, ours outcome) string {
	if !std.failed() && !ours.failed() || std.failed() && ours.failed() {
		// Both completed it, or both failed: everything must agree.
		if std.Err != ours.Err || std.BodyErr != ours.BodyErr ||
			!std.Err && std.Status != ours.Status || !std.failed() && std.Body != ours.Body {
			return fmt.Sprintf("net/http %v, ahttp %v", std, ours)
		}
		return ""
	}
	if ours.failed() && v == stricter {
		return ""
	}
	return fmt.Sprintf("net/http %v, ahttp %v", std, ours)
}

// compareResponses serves c to both clients and returns what breaks the
// "same or stricter" rule (stricter only where c allows it), or "".
func compareResponses(t testing.TB, c rawCase) string {
	std := stdOutcomes(rawResponder(t, c), c.head)
	ours, err := rt.Run(ahttpOutcomesAsync(rawResponder(t, c), c.head, nil))
	require.NoError(t, err)
	v := c.verdict
	if v == pending {
		v = stricter
	}
	var broken []string
	for i := range std {
		if d := judge(v, std[i], ours[i]); d != "" {
			broken = append(broken, fmt.Sprintf("request %d: %s", i+1, d))
		}
	}
	return strings.Join(broken, "; ")
}

// TestClientResponsesLikeNetHTTP runs the table.
func TestClientResponsesLikeNetHTTP(t *testing.T) {
	for _, c := range rawCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			broken := compareResponses(t, c)
			switch {
			case c.verdict == pending && broken == "":
				t.Errorf("pending row now behaves (same or stricter): give it its real verdict (%s)", c.why)
			case c.verdict == pending:
				t.Logf("PENDING (%s): %s", c.why, broken)
			case broken != "":
				t.Error(broken)
			}
		})
	}
}

// FuzzResponseFraming serves each input as the first response to both
// clients: ahttp must do as net/http does, or fail where net/http did not.
// Its seeds are the rows of rawCases that are not pending.
func FuzzResponseFraming(f *testing.F) {
	for _, c := range rawCases {
		if c.verdict != pending && len(c.resp) < 1<<20 {
			f.Add([]byte(c.resp))
		}
	}
	f.Fuzz(func(t *testing.T, resp []byte) {
		t.Parallel() // the seeds run side by side (fuzzing itself ignores it)
		if broken := compareResponses(t, rawCase{resp: string(resp), verdict: stricter}); broken != "" {
			t.Errorf("%q: %s", resp, broken)
		}
	})
}

// TestClientHugeContentLength: a declared length is not an allocation.
// The body that follows is short, and the client fails when the server
// hangs up, having allocated about what arrived.
func TestClientHugeContentLength(t *testing.T) {
	for _, cl := range []string{"50000000000", "9000000000000000000", "9223372036854775807"} {
		t.Run(cl, func(t *testing.T) {
			url := rawResponder(t, rawCase{resp: "HTTP/1.1 200 OK\r\nContent-Length: " + cl + "\r\n\r\nsmall", close: true})
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := rt.Run(getAllAsync(&ahttp.Client{}, []string{url}))
			runtime.ReadMemStats(&after)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4<<20), "allocated for a 5-byte body")
		})
	}
}

// endless streams a body of the declared length, a KiB at a time, until
// the client hangs up.
func endless(c net.Conn) {
	readRequestHead(c)
	io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n")
	kb := strings.Repeat("x", 1024)
	for {
		if _, err := io.WriteString(c, kb); err != nil {
			return
		}
	}
}

// TestClientMaxResponseBodyBytes: ReadAll stops at the client's limit, on
// a fixed-length body and a chunked one, and the connection is closed.
func TestClientMaxResponseBodyBytes(t *testing.T) {
	url, _ := rawServer(t, endless)
	got, err := rt.Run(getAllAsync(&ahttp.Client{MaxResponseBodyBytes: 100 << 10}, []string{url}))
	assert.True(t, errors.Is(err, ahttp.ErrBodyTooLarge), "%v", err)
	assert.Empty(t, got)

	body := strings.Repeat("y", 1000)
	chunked := chunkedResp(fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(body), body))
	url = rawResponder(t, rawCase{resp: chunked})
	_, err = rt.Run(getAllAsync(&ahttp.Client{MaxResponseBodyBytes: 999}, []string{url}))
	assert.True(t, errors.Is(err, ahttp.ErrBodyTooLarge), "%v", err)
	got, err = rt.Run(getAllAsync(&ahttp.Client{MaxResponseBodyBytes: 1000}, []string{rawResponder(t, rawCase{resp: chunked})}))
	require.NoError(t, err)
	assert.Equal(t, body, got[0].Body, "a body of exactly the limit is read")
}

// TestClientInformationalFlood: the 1xx responses count towards the
// header limit, so a server cannot keep the client reading them.
func TestClientInformationalFlood(t *testing.T) {
	url := rawResponder(t, rawCase{resp: strings.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 100) + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"})
	_, err := rt.Run(getAllAsync(&ahttp.Client{MaxResponseHeaderBytes: 1024}, []string{url}))
	assert.True(t, errors.Is(err, ahttp.ErrHeaderTooLarge), "%v", err)
}

// TestClientChunkOverheadBounded: item 12 on the client. A server that
// sends chunk extensions, or trailer lines, without end (for a body of a
// few bytes) gets an error from ahttp's client, as from net/http's, after
// a few KiB of them: neither reads on. The count of bytes the server got
// written before the client hung up shows how far each read.
func TestClientChunkOverheadBounded(t *testing.T) {
	ext := "1;" + strings.Repeat("e", 1000) + "\r\nx\r\n"
	trailer := "X-T: " + strings.Repeat("t", 1000) + "\r\n"
	for name, tc := range map[string]struct{ start, repeat string }{
		"extensions": {"", ext},
		"trailer":    {"1\r\nx\r\n0\r\n", trailer},
	} {
		t.Run(name, func(t *testing.T) {
			flood := func(sent *atomic.Int64) func(net.Conn) {
				return func(c net.Conn) {
					readRequestHead(c)
					io.WriteString(c, chunkedResp(tc.start))
					for sent.Load() < 64<<20 {
						n, err := io.WriteString(c, tc.repeat)
						sent.Add(int64(n))
						if err != nil {
							return
						}
					}
				}
			}
			var ours, std atomic.Int64
			url, _ := rawServer(t, flood(&ours))
			_, err := rt.Run(getAllAsync(&ahttp.Client{}, []string{url}))
			assert.Error(t, err, "ahttp")
			stdURL, _ := rawServer(t, flood(&std))
			out := stdOutcomes(stdURL, false)
			assert.True(t, out[0].failed(), "net/http: %v", out[0])
			// What a server wrote before the client closed includes the
			// socket buffers (a few MB on loopback), never the 64 MB.
			t.Logf("bytes written before the client hung up: ahttp %d, net/http %d", ours.Load(), std.Load())
			assert.Less(t, ours.Load(), int64(32<<20), "ahttp stopped reading")
		})
	}
}
