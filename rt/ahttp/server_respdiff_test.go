//go:build unix

package ahttp_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/require"
)

// This file is the differential testing of responses (issue 11, item 11):
// the same handler steps run on ahttp's ResponseWriter and on net/http's,
// and what a client reads off the wire (status codes, the first response's
// body or its failure, and whether the connection carried the next
// request) is compared.

// step is one thing a handler does.
type step struct {
	op         string // "set", "add", "del", "code", "write", "flush", "panic"
	key, value string
	code       int
}

func set(k, v string) step        { return step{op: "set", key: k, value: v} }
func code(c int) step             { return step{op: "code", code: c} }
func write(s string) step         { return step{op: "write", value: s} }
func flush() step                 { return step{op: "flush"} }
func panicStep(v string) step     { return step{op: "panic", value: v} }
func writeN(n int) step           { return write(strings.Repeat("x", n)) }
func setCL(n int) step            { return set("Content-Length", strconv.Itoa(n)) }
func setTE(v string) step         { return set("Transfer-Encoding", v) }
func setConnection(v string) step { return set("Connection", v) }

// respCase is a handler and the rule ahttp's response follows.
type respCase struct {
	name    string
	steps   []step
	method  string // of the request, GET when empty
	proto   string // of the request, HTTP/1.1 when empty
	verdict verdict
	why     string
}

// panic500 is why a handler that panics before sending anything differs:
// ahttp answers 500 (a handler's failure is answered while nothing was
// sent, see Handler) where net/http closes without a response; both
// close the connection.
const panic500 = "ahttp answers 500 to a panic before anything was sent; net/http closes without a response"

var respCases = []respCase{
	{name: "body", steps: []step{write("hello")}},
	{name: "empty", steps: nil},
	{name: "status only", steps: []step{code(201)}},
	{name: "flush then body", steps: []step{write("a"), flush(), write("b")}},
	{name: "content-length 5, flush, 10 bytes", steps: []step{setCL(5), flush(), writeN(10)}},
	{name: "content-length 5, flush, 3 bytes", steps: []step{setCL(5), flush(), writeN(3)}},
	{name: "content-length 5, flush, 5 bytes", steps: []step{setCL(5), flush(), writeN(5)}},
	{name: "content-length 5, 10 bytes", steps: []step{setCL(5), writeN(10)}},
	{name: "content-length 5, 3 bytes", steps: []step{setCL(5), writeN(3)}},
	{name: "content-length 5, 5 bytes in two writes", steps: []step{setCL(5), writeN(2), writeN(3)}},
	{name: "content-length 5, 4 then 2 bytes", steps: []step{setCL(5), writeN(4), writeN(2)}},
	{name: "invalid content-length", steps: []step{set("Content-Length", "abc"), write("hello")}},
	{name: "transfer-encoding chunked", steps: []step{setTE("chunked"), write("hello")}},
	{name: "transfer-encoding chunked, flush", steps: []step{setTE("chunked"), write("he"), flush(), write("llo")}},
	{name: "transfer-encoding chunked and content-length", steps: []step{setTE("chunked"), setCL(5), write("hello")}},
	{name: "transfer-encoding identity", steps: []step{setTE("identity"), write("hello")}},
	{name: "connection close", steps: []step{setConnection("close"), write("bye")}},
	{name: "connection close after flush", steps: []step{setConnection("close"), write("b"), flush(), write("ye")}},
	{name: "103 then 200", steps: []step{set("Link", "</a.css>; rel=preload"), code(103), write("final")}},
	{name: "100 then 200", steps: []step{code(100), write("final")}},
	{name: "two 103s then 404", steps: []step{code(103), code(103), code(404), write("nope")}},
	{name: "code 42", steps: []step{code(42)},
		verdict: stricter, why: panic500},
	{name: "code 1000", steps: []step{code(1000)},
		verdict: stricter, why: panic500},
	{name: "code 999", steps: []step{code(999), write("odd")}},
	{name: "code 299", steps: []step{code(299), write("odd")}},
	{name: "204 with a body", steps: []step{code(204), write("hello")}},
	{name: "304 with a body", steps: []step{code(304), write("hello")}},
	{name: "204 with a content-length", steps: []step{setCL(5), code(204)}},
	{name: "HEAD", method: "HEAD", steps: []step{write("hello")}},
	{name: "HEAD with a content-length", method: "HEAD", steps: []step{setCL(100)}},
	{name: "HEAD, flush", method: "HEAD", steps: []step{write("he"), flush(), write("llo")}},
	{name: "HTTP/1.0 body", proto: "HTTP/1.0", steps: []step{write("hello")}},
	{name: "HTTP/1.0 flush", proto: "HTTP/1.0", steps: []step{write("he"), flush(), write("llo")}},
	{name: "HTTP/1.0 content-length, flush", proto: "HTTP/1.0", steps: []step{setCL(5), write("he"), flush(), write("llo")}},
	{name: "panic before writing", steps: []step{panicStep("boom")},
		verdict: stricter, why: panic500},
	{name: "panic after a write", steps: []step{write("half"), panicStep("boom")},
		verdict: stricter, why: panic500},
	{name: "panic after a flush", steps: []step{write("half"), flush(), panicStep("boom")}},
	{name: "abort handler", steps: []step{write("half"), panicStep("abort")}},
	{name: "big body", steps: []step{writeN(100 << 10)}},
	{name: "big body, flush", steps: []step{writeN(10 << 10), flush(), writeN(100 << 10)}},
}

// runSteps is the net/http side of a handler's steps.
func runSteps(w http.ResponseWriter, steps []step) {
	for _, s := range steps {
		switch s.op {
		case "set":
			w.Header().Set(s.key, s.value)
		case "code":
			w.WriteHeader(s.code)
		case "write":
			w.Write([]byte(s.value))
		case "flush":
			w.(http.Flusher).Flush()
		case "panic":
			if s.value == "abort" {
				panic(http.ErrAbortHandler)
			}
			panic(s.value)
		}
	}
}

// runStepsAhttp is the ahttp side of the same steps.
//
// async
func runStepsAhttp(w *ahttp.ResponseWriter, steps []step) error {
	for _, s := range steps {
		switch s.op {
		case "set":
			w.Header().Set(s.key, s.value)
		case "code":
			w.WriteHeader(s.code)
		case "write":
			w.Write([]byte(s.value))
		case "flush":
			if err := w.Flush(); err != nil {
				return err
			}
		case "panic":
			if s.value == "abort" {
				panic(http.ErrAbortHandler)
			}
			panic(s.value)
		}
	}
	return nil
}

func respCaseOf(r *http.Request) []step {
	if r.URL.Path == "/ok" {
		return []step{write("ok")}
	}
	i, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
	return respCases[i].steps
}

// async
func respDiffAhttp(w *ahttp.ResponseWriter, r *http.Request) error {
	return runStepsAhttp(w, respCaseOf(r))
}

// respOutcome is what a client read.
type respOutcome struct {
	Codes  []int  // every status line, 1xx included
	Body   string // the first final response's body, or "error" when it was cut short
	Next   bool   // the next request on the connection was answered "ok"
	Closed bool
}

func (o respOutcome) String() string {
	return fmt.Sprintf("codes %v body %.40q next %v closed %v", o.Codes, o.Body, o.Next, o.Closed)
}

// readRespOutcome sends the case's request and GET /ok on one connection
// to addr and reads what came back.
func readRespOutcome(t testing.TB, addr string, i int, c respCase, quiet time.Duration) respOutcome {
	method, proto := c.method, c.proto
	if method == "" {
		method = "GET"
	}
	if proto == "" {
		proto = "HTTP/1.1"
	}
	keep := ""
	if proto == "HTTP/1.0" {
		keep = "Connection: keep-alive\r\n"
	}
	req := fmt.Sprintf("%s /%d %s\r\nHost: a\r\n%s\r\nGET /ok %s\r\nHost: a\r\n%s\r\n", method, i, proto, keep, proto, keep)
	e, raw, err := sendRaw(addr, req, quiet)
	require.NoError(t, err)
	var o respOutcome
	o.Closed = e.Closed
	br := newReader(raw)
	first := true
	for {
		if _, err := br.Peek(1); err != nil {
			break
		}
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			o.Codes = append(o.Codes, -1)
			break
		}
		o.Codes = append(o.Codes, resp.StatusCode)
		if resp.StatusCode >= 100 && resp.StatusCode < 200 {
			continue
		}
		b, err := io.ReadAll(resp.Body)
		if first {
			o.Body = string(b)
			if err != nil {
				o.Body = "error"
			}
			first = false
			method = "GET"
			if err != nil {
				break
			}
			continue
		}
		o.Next = err == nil && string(b) == "ok"
		break
	}
	return o
}

// TestServerResponsesLikeNetHTTP runs the handler table: same outcome,
// or (stricter) ahttp fails the response or closes where net/http did not.
func TestServerResponsesLikeNetHTTP(t *testing.T) {
	quiet := log.New(io.Discard, "", 0)
	ours := strings.TrimPrefix(runServer(t, &ahttp.Server{Handler: ahttp.HandlerFunc(respDiffAhttpAsync), ErrorLog: quiet}), "http://")
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { runSteps(w, respCaseOf(r)) }))
	ts.Config.ErrorLog = quiet
	ts.Start()
	t.Cleanup(ts.Close)
	std := ts.Listener.Addr().String()
	// The rows wait on the servers, not the CPU: all of them at once, then
	// one subtest each for the verdict.
	broken := make([]string, len(respCases))
	var wg sync.WaitGroup
	for i, c := range respCases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			broken[i] = compareResponsesOf(t, std, ours, i, c)
		}()
	}
	wg.Wait()
	for i, c := range respCases {
		t.Run(c.name, func(t *testing.T) {
			if broken[i] != "" {
				t.Error(broken[i])
			}
		})
	}
}

// compareResponsesOf reads case i's outcome from both servers and returns
// what breaks its verdict, or "": waiting longer for a quiet server when
// the two disagree.
func compareResponsesOf(t testing.TB, std, ours string, i int, c respCase) string {
	var broken string
	for _, quiet := range quietFor {
		var so, oo respOutcome
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); so = readRespOutcome(t, std, i, c, quiet) }()
		go func() { defer wg.Done(); oo = readRespOutcome(t, ours, i, c, quiet) }()
		wg.Wait()
		if so.String() == oo.String() {
			return ""
		}
		if c.verdict == stricter && (oo.Body == "error" || oo.Closed && !oo.Next) {
			return ""
		}
		broken = fmt.Sprintf("net/http %v; ahttp %v (%s)", so, oo, c.why)
	}
	return broken
}
