//go:build unix

package ahttp_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/require"
)

// This file is the request side of the differential testing: the same
// raw request bytes go to ahttp's server and to net/http's, both serving
// diffHandler, and the responses each sent (how many, their status codes,
// and whether the server then closed the connection) are compared.

// diffHandler is the handler both servers serve: it reads the body (on
// net/http a malformed body shows up here, and is a 400 as ahttp's
// server gives it before the handler) and echoes the request.
func diffHandler(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "%s %s host=%q te=%v body=%q", r.Method, r.RequestURI, r.Host, r.TransferEncoding, b)
}

// async
func diffHandlerAhttp(w *ahttp.ResponseWriter, r *http.Request) { diffHandler(w, r) }

// exchange is what a server did with one request stream.
type exchange struct {
	Statuses []int // the final responses' status codes, in order (1xx left out); -1 for bytes that are no response
	Closed   bool  // the server closed the connection (else it waited for more)
}

func (e exchange) String() string {
	state := "kept open"
	if e.Closed {
		state = "closed"
	}
	return fmt.Sprintf("%v %s", e.Statuses, state)
}

// reqCase is a request byte stream and the rule ahttp's answer follows.
type reqCase struct {
	name    string
	req     string
	head    bool // the requests are HEADs (their responses have no body)
	verdict verdict
	why     string // for every verdict but same
}

func postReq(headers, body string) string {
	return "POST / HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n" + body
}

func chunkedReq(body string) string { return postReq("Transfer-Encoding: chunked\r\n", body) }

const get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"

var reqCases = []reqCase{
	{name: "get", req: get},
	{name: "post", req: postReq("Content-Length: 5\r\n", "hello")},
	{name: "head", req: "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n", head: true},

	// Item 1: a declared length is not an allocation.
	{name: "huge content-length", req: postReq("Content-Length: 50000000000\r\n", "small"),
		verdict: stricter, why: "413 at once (MaxBodyBytes); net/http waits for the body"},
	{name: "content-length past int64", req: postReq("Content-Length: 99999999999999999999\r\n", "small")},

	// Item 2: field names and values as net/http's server checks them.
	{name: "TE.CL with space before colon", req: "POST /front HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding : chunked\r\n\r\n26\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n\r\n0\r\n\r\n"},
	{name: "space before colon", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A : 1\r\n\r\n"},
	{name: "space in a name", req: "GET / HTTP/1.1\r\nHost: a\r\nX A: 1\r\n\r\n"},
	{name: "separator in a name", req: "GET / HTTP/1.1\r\nHost: a\r\nX@A: 1\r\n\r\n"},
	{name: "empty name", req: "GET / HTTP/1.1\r\nHost: a\r\n: 1\r\n\r\n"},
	{name: "NUL in a value", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\x00b\r\n\r\n"},
	{name: "bare CR in a value", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\rb\r\n\r\n"},
	{name: "DEL in a value", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\x7fb\r\n\r\n"},
	{name: "CTL in a value", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\x01b\r\n\r\n"},
	{name: "tab in a value", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\tb\r\n\r\n"},
	{name: "UTF-8 in a value", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A: é\r\n\r\n"},
	{name: "NUL in the target", req: "GET /\x00 HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "space in the target", req: "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n"},

	// Item 3: the chunked coding, strictly.
	{name: "chunked", req: chunkedReq("5;ext=1\r\nhello\r\n7;a=\"q\"\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n")},
	{name: "chunk size uppercase hex", req: chunkedReq("A\r\n0123456789\r\n0\r\n\r\n")},
	{name: "chunk size with trailing space", req: chunkedReq("5 \r\nhello\r\n0\r\n\r\n")},
	{name: "chunk size with leading space", req: chunkedReq(" 5\r\nhello\r\n0\r\n\r\n")},
	{name: "chunk size with leading zeros", req: chunkedReq("0005\r\nhello\r\n0\r\n\r\n")},
	{name: "bare LF after chunk size", req: chunkedReq("5\nhello\r\n0\r\n\r\n")},
	{name: "bare LF after chunk data", req: chunkedReq("5\r\nhello\n0\r\n\r\n")},
	{name: "bare LF after last chunk", req: chunkedReq("5\r\nhello\r\n0\n\r\n")},
	{name: "CR CR LF after chunk size", req: chunkedReq("5\r\r\nhello\r\n0\r\n\r\n")},
	{name: "chunk size +5", req: chunkedReq("+5\r\nhello\r\n0\r\n\r\n")},
	{name: "chunk size -0", req: chunkedReq("-0\r\n\r\n")},
	{name: "chunk size 0x5", req: chunkedReq("0x5\r\nhello\r\n0\r\n\r\n")},
	{name: "chunk size too long", req: chunkedReq("00000000000000005\r\nhello\r\n0\r\n\r\n")},
	{name: "bare CR in an extension", req: chunkedReq("5;a\rb\r\nhello\r\n0\r\n\r\n")},
	{name: "chunk data longer than its size", req: chunkedReq("5\r\nhello!\r\n0\r\n\r\n")},
	{name: "malformed trailer", req: chunkedReq("5\r\nhello\r\n0\r\nnot a field\r\n\r\n")},
	{name: "trailer with space before colon", req: chunkedReq("5\r\nhello\r\n0\r\nX-T : 1\r\n\r\n"),
		verdict: stricter, why: "ahttp checks trailer names as header names; net/http's parser takes this one"},
	{name: "trailer with bare LF", req: chunkedReq("5\r\nhello\r\n0\r\nX-T: 1\n\r\n"),
		verdict: stricter, why: "the chunked coding's lines end in CRLF, trailer lines too"},
	{name: "chunked cut short", req: chunkedReq("5\r\nhel")},

	// Item 4: a header block ends where the parser says.
	{name: "bare LF request", req: "GET /first HTTP/1.1\nHost: a\n\n"},
	{name: "bare LF pipelined", req: "GET /first HTTP/1.1\nHost: a\n\nGET /second HTTP/1.1\nHost: a\n\n"},
	{name: "bare LF ending the block", req: "GET / HTTP/1.1\r\nHost: a\r\n\nGET /second HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "CR CR LF ending the block", req: "GET / HTTP/1.1\r\nHost: a\r\n\r\r\n"},
	{name: "bare CR, the block not ended", req: "GET / HTTP/1.1\r\nHost: a\rb\r\n",
		verdict: stricter, why: "ahttp answers 400 at the bare CR; net/http waits for the end of the block"},
	{name: "empty line before the request line", req: "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "CRLF after a POST body", req: postReq("Content-Length: 5\r\n", "hello\r\n") + get},

	// Item 12: bounded chunk overhead.
	{name: "100 KB of chunk extensions", req: chunkedReq(strings.Repeat("1;"+strings.Repeat("e", 4000)+"\r\nx\r\n", 25) + "0\r\n\r\n")},
	{name: "one 8 KB chunk extension", req: chunkedReq("1;" + strings.Repeat("e", 8000) + "\r\nx\r\n0\r\n\r\n")},
	{name: "100 KB of trailer", req: chunkedReq("1\r\nx\r\n0\r\n" + strings.Repeat("X-T: "+strings.Repeat("t", 100)+"\r\n", 1000) + "\r\n")},
	{name: "small extensions on big chunks", req: chunkedReq(strings.Repeat("400;e=1\r\n"+strings.Repeat("d", 1024)+"\r\n", 40) + "0\r\n\r\n")},

	// Item 13: Host.
	{name: "no Host in HTTP/1.1", req: "GET / HTTP/1.1\r\n\r\n"},
	{name: "no Host in HTTP/1.0", req: "GET / HTTP/1.0\r\n\r\n"},
	{name: "empty Host", req: "GET / HTTP/1.1\r\nHost:\r\n\r\n"},
	{name: "malformed Host", req: "GET / HTTP/1.1\r\nHost: a b/c\r\n\r\n"},
	{name: "two Host fields", req: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"},
	{name: "two Host fields, two spellings", req: "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n"},
	{name: "Host with port", req: "GET / HTTP/1.1\r\nHost: a:8080\r\n\r\n"},
	{name: "absolute-form", req: "GET http://b/x HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "absolute-form without Host", req: "GET http://b/x HTTP/1.1\r\n\r\n"},
	{name: "absolute-form with a malformed Host", req: "GET http://b/x HTTP/1.1\r\nHost: a b\r\n\r\n"},

	// Item 14 and the request line.
	{name: "unsupported transfer-encoding", req: postReq("Transfer-Encoding: gzip\r\n", "")},
	{name: "identity transfer-encoding", req: postReq("Transfer-Encoding: identity\r\nContent-Length: 2\r\n", "ok")},
	{name: "chunked twice", req: postReq("Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n")},
	{name: "two transfer-encoding fields", req: postReq("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n")},
	{name: "Chunked in capitals", req: postReq("Transfer-Encoding: Chunked\r\n", "2\r\nok\r\n0\r\n\r\n")},
	{name: "HTTP/2.0 request line", req: "GET / HTTP/2.0\r\nHost: a\r\n\r\n"},
	{name: "HTTP/2 preface", req: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
		verdict: stricter, why: "net/http hands the HTTP/2 preface to the handler (for h2c upgrades); ahttp answers 505"},
	{name: "HTTP/1.2", req: "GET / HTTP/1.2\r\nHost: a\r\n\r\n"},
	{name: "HTTP/0.9", req: "GET /\r\n\r\n"},
	{name: "lower-case version", req: "GET / http/1.1\r\nHost: a\r\n\r\n"},
	{name: "two spaces in the request line", req: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "invalid method", req: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "not HTTP", req: "hello\r\n\r\n"},
	{name: "unknown Expect", req: "GET / HTTP/1.1\r\nHost: a\r\nExpect: foo\r\n\r\n"},
	{name: "Expect 100-continue", req: postReq("Expect: 100-continue\r\nContent-Length: 5\r\n", "hello")},
	{name: "Expect 100-Continue", req: postReq("Expect: 100-Continue\r\nContent-Length: 5\r\n", "hello")},
	{name: "Expect 100-continue without a body", req: "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n"},
	{name: "Expect 100-continue in HTTP/1.0", req: "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok"},
	{name: "header too large", req: "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + strings.Repeat("b", 2<<20) + "\r\n\r\n"},

	// The smuggling corpus.
	{name: "CL.TE", req: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n",
		verdict: stricter, why: "net/http lets chunked win and keeps the connection; ahttp answers 400 to both together and closes (RFC 9112 6.3 allows either, a front end may frame by the length)"},
	{name: "TE.CL", req: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n",
		verdict: stricter, why: "as CL.TE"},
	{name: "TE obs-folded", req: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"},
	{name: "TE with a tab", req: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\tchunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"},
	{name: "TE xchunked", req: postReq("Transfer-Encoding: xchunked\r\n", "2\r\nok\r\n0\r\n\r\n")},
	{name: "TE chunked in HTTP/1.0", req: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
		verdict: stricter, why: "net/http ignores Transfer-Encoding in HTTP/1.0 and parses the chunks as the next request; ahttp answers 400 (RFC 9112 6.1: faulty framing)"},
	{name: "duplicate equal content-lengths", req: postReq("Content-Length: 5\r\nContent-Length: 5\r\n", "hello")},
	{name: "duplicate different content-lengths", req: postReq("Content-Length: 5\r\nContent-Length: 6\r\n", "hello!")},
	{name: "content-length list", req: postReq("Content-Length: 5, 5\r\n", "hello")},
	{name: "content-length with plus", req: postReq("Content-Length: +5\r\n", "hello")},
	{name: "negative content-length", req: postReq("Content-Length: -1\r\n", "hello")},
	{name: "content-length hex", req: postReq("Content-Length: 0x5\r\n", "hello")},
	{name: "content-length with spaces", req: postReq("Content-Length:  5 \r\n", "hello")},
	{name: "content-length obs-folded", req: postReq("Content-Length:\r\n 5\r\n", "hello")},
	{name: "obs-fold", req: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n"},
	{name: "obs-fold on the first field", req: "GET / HTTP/1.1\r\n Host: a\r\n\r\n"},
	{name: "GET with a body", req: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello" + get},
	{name: "pipelined", req: get + "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n" + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "pipelined POST and GET", req: postReq("Content-Length: 5\r\n", "hello") + get},
	{name: "pipelined chunked POST and GET", req: chunkedReq("5\r\nhello\r\n0\r\n\r\n") + get},
	{name: "pipelined after Connection: close", req: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n" + get},
	{name: "pipelined after a bad request", req: "GET / HTTP/1.1\r\n\r\n" + get},
	{name: "HTTP/1.0", req: "GET / HTTP/1.0\r\nHost: a\r\n\r\n"},
	{name: "HTTP/1.0 keep-alive", req: "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + "GET / HTTP/1.0\r\n\r\n"},
	{name: "HTTP/1.0 POST", req: "POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nok"},
	{name: "CONNECT", req: "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n"},
	{name: "CONNECT without Host", req: "CONNECT a:443 HTTP/1.1\r\n\r\n"},
	{name: "OPTIONS *", req: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"},
	{name: "incomplete header", req: "GET / HTTP/1.1\r\nHost: a\r\n"},
	{name: "incomplete body", req: postReq("Content-Length: 10\r\n", "abc")},
	{name: "nothing", req: ""},
}

// diffServers starts an ahttp server and a net/http server, both serving
// diffHandler, and returns their addresses.
func diffServers(t testing.TB) (ours, std string) {
	quiet := log.New(io.Discard, "", 0)
	ours = strings.TrimPrefix(runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(diffHandlerAhttpAsync), ErrorLog: quiet}), "http://")
	ts := httptest.NewUnstartedServer(http.HandlerFunc(diffHandler))
	ts.Config.ErrorLog = quiet
	ts.Start()
	t.Cleanup(ts.Close)
	return ours, ts.Listener.Addr().String()
}

// quietFor is how long a server that sends nothing more is taken to wait
// for the next request.
const quietFor = 150 * time.Millisecond

// send writes req on a new connection to addr and returns what the server
// answered.
func send(addr, req string, head bool) (exchange, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return exchange{}, err
	}
	defer c.Close()
	go io.WriteString(c, req)
	var got bytes.Buffer
	buf := make([]byte, 32<<10)
	var e exchange
	for {
		c.SetReadDeadline(time.Now().Add(quietFor))
		n, err := c.Read(buf)
		got.Write(buf[:n])
		if err != nil {
			var ne net.Error
			e.Closed = !(errors.As(err, &ne) && ne.Timeout())
			break
		}
	}
	br := bufio.NewReader(&got)
	method := http.MethodGet
	if head {
		method = http.MethodHead
	}
	for {
		if _, err := br.Peek(1); err != nil {
			break
		}
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			e.Statuses = append(e.Statuses, -1)
			break
		}
		_, err = io.Copy(io.Discard, resp.Body)
		if resp.StatusCode >= 100 && resp.StatusCode < 200 {
			continue
		}
		e.Statuses = append(e.Statuses, resp.StatusCode)
		if err != nil {
			break // a body cut short: nothing after it is a response
		}
	}
	return e, nil
}

// judgeRequests applies v to the two servers' exchanges and returns what
// breaks it, or "". same: the same status codes and close decision.
// stricter: ahttp answers as net/http does up to a request it rejects
// (a 4xx or 5xx where net/http answered otherwise, or answered nothing
// yet), after which it closes; it may close where net/http keeps the
// connection, never the reverse.
func judgeRequests(v verdict, std, ours exchange) string {
	broken := fmt.Sprintf("net/http %v, ahttp %v", std, ours)
	if v == same {
		if fmt.Sprint(std) != fmt.Sprint(ours) {
			return broken
		}
		return ""
	}
	for i, code := range ours.Statuses {
		if i < len(std.Statuses) && code == std.Statuses[i] {
			continue
		}
		last := i == len(ours.Statuses)-1
		if code >= 400 && last && ours.Closed {
			return ""
		}
		return broken
	}
	if len(ours.Statuses) < len(std.Statuses) && !ours.Closed || std.Closed && !ours.Closed {
		return broken
	}
	return ""
}

// compareRequests sends c to both servers and returns what breaks its
// verdict, or "".
func compareRequests(t testing.TB, ours, std string, c reqCase) string {
	var wg sync.WaitGroup
	var got [2]exchange
	var errs [2]error
	for i, addr := range []string{std, ours} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = send(addr, c.req, c.head)
		}()
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs[:]...))
	t.Logf("net/http %v, ahttp %v", got[0], got[1])
	return judgeRequests(c.verdict, got[0], got[1])
}

// TestServerRequestsLikeNetHTTP runs the table.
func TestServerRequestsLikeNetHTTP(t *testing.T) {
	ours, std := diffServers(t)
	for _, c := range reqCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if broken := compareRequests(t, ours, std, c); broken != "" {
				t.Errorf("%s (%s)", broken, c.why)
			}
		})
	}
}

// FuzzRequestFraming sends each input to both servers: ahttp must answer
// as net/http does, or be stricter (see judgeRequests). Its seeds are the
// rows of reqCases.
func FuzzRequestFraming(f *testing.F) {
	for _, c := range reqCases {
		if !c.head && len(c.req) < 64<<10 {
			f.Add([]byte(c.req))
		}
	}
	ours, std := diffServers(f)
	f.Fuzz(func(t *testing.T, req []byte) {
		t.Parallel() // the seeds run side by side (fuzzing itself ignores it)
		if broken := compareRequests(t, ours, std, reqCase{req: string(req), verdict: stricter}); broken != "" {
			t.Errorf("%q: %s", req, broken)
		}
	})
}
