//go:build unix

package ahttp

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt/anet"
)

// ResponseWriter is what a handler writes its response to. It implements
// http.ResponseWriter, so fmt.Fprintf, http.Error, json.NewEncoder and
// friends work with it; those writes never wait: they are buffered, and
// the server sends the response when the handler returns, with a
// Content-Length. A handler that streams calls Flush (async), which sends
// the header and what is buffered; the rest of the body then goes out in
// chunks (or, with a Content-Length header set by the handler, as is).
//
// The framing follows net/http's: a Content-Length set by the handler is
// the body's length, and Write fails with http.ErrContentLength past it
// (a body left shorter closes the connection after the response); a
// Transfer-Encoding: chunked set by the handler is honoured; a
// Connection: close set by the handler closes the connection after the
// response; WriteHeader panics on a code outside 100-999, as net/http's
// does (the server answers 500), and a 1xx other than 101 is an
// informational response, sent before the final one (on the next Flush
// or when the handler returns; never to an HTTP/1.0 client).
//
// As with net/http, a ResponseWriter may not be used once its handler has
// returned: its header map and buffers go on to the connection's next
// response (Header then returns nil, and what is written is dropped).
type ResponseWriter struct {
	c          *anet.Conn
	sc         *serverConn // the connection's buffers and server
	req        *http.Request
	header     http.Header
	status     int
	buf        bytes.Buffer
	interim    bytes.Buffer // informational responses not sent yet
	declared   int64        // the handler's Content-Length, -1 for none
	written    int64        // body bytes the handler wrote
	sent       bool         // the header went out (Flush)
	chunked    bool
	closeAfter bool
	autoLength bool // the server sends Content-Length: declared (the handler set none)
	dropped    int  // body bytes written where no body is allowed
}

// reset forgets what the handler did, for a 500 in its place.
func (w *ResponseWriter) reset() {
	w.header = http.Header{}
	w.status = 0
	w.buf.Reset()
	w.interim.Reset()
	w.declared, w.written, w.dropped = -1, 0, 0
	w.autoLength = false
}

// Header returns the response header, to change before the header is
// sent.
func (w *ResponseWriter) Header() http.Header { return w.header }

// WriteHeader sets the status code; the first final code wins. A code
// outside 100-999 panics, as with net/http. A 1xx code other than 101
// queues an informational response with the header as it is now (RFC
// 8297's Early Hints), and a final code is still to come.
func (w *ResponseWriter) WriteHeader(code int) {
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
	if w.status != 0 {
		return
	}
	if code < 200 && code != http.StatusSwitchingProtocols {
		if w.req.ProtoAtLeast(1, 1) {
			writeStatusLine(&w.interim, code)
			w.header.WriteSubset(&w.interim, map[string]bool{"Content-Length": true, "Transfer-Encoding": true, "Trailer": true})
			w.interim.WriteString("\r\n")
		}
		return
	}
	w.status = code
	if cl := w.header.Get("Content-Length"); cl != "" {
		n, err := strconv.ParseInt(cl, 10, 64)
		if err == nil && n >= 0 {
			w.declared = n
		} else {
			w.header.Del("Content-Length") // net/http drops it too (and logs)
		}
	}
}

// Write appends p to the body. It never waits. It fails with
// http.ErrBodyNotAllowed for a status that has no body (1xx, 204, 304),
// and with http.ErrContentLength when p would take the body past the
// Content-Length the handler set (nothing of p is kept then). A response
// to HEAD drops what is written and tells its length.
func (w *ResponseWriter) Write(p []byte) (int, error) {
	keep, err := w.admit(len(p))
	if err != nil {
		return 0, err
	}
	if keep {
		w.buf.Write(p)
	}
	return len(p), nil
}

// admit accounts for n bytes of body that Write or WriteString was given:
// it writes the header first if need be, and reports whether the bytes
// are to be buffered (not for a response to HEAD, which only tells the
// length it would have had) or why they may not be written.
func (w *ResponseWriter) admit(n int) (keep bool, err error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.req.Method == http.MethodHead {
		w.dropped += n
		return false, nil
	}
	if !bodyAllowedForStatus(w.status) {
		return false, http.ErrBodyNotAllowed
	}
	w.written += int64(n)
	if w.declared >= 0 && w.written > w.declared {
		return false, http.ErrContentLength
	}
	return true, nil
}

// WriteString is Write for a string (io.WriteString uses it), without
// converting s to a new byte slice.
func (w *ResponseWriter) WriteString(s string) (int, error) {
	keep, err := w.admit(len(s))
	if err != nil {
		return 0, err
	}
	if keep {
		w.buf.WriteString(s)
	}
	return len(s), nil
}

func bodyAllowedForStatus(code int) bool {
	return (code < 100 || code >= 200) && code != http.StatusNoContent && code != http.StatusNotModified
}

func (w *ResponseWriter) bodyAllowed() bool {
	return w.req.Method != http.MethodHead && bodyAllowedForStatus(w.status)
}

// Flush sends the informational responses queued, the header if it has
// not gone out yet, and the buffered body. After a 1xx and before a final
// status or any body, it sends only the informational responses. Without a Content-Length
// header set by the handler, the body is then sent in chunks (to an
// HTTP/1.0 client: until the connection closes).
//
// async
func (w *ResponseWriter) Flush() error {
	out := w.sc.outBuffer()
	if !w.sent && w.status == 0 && w.interim.Len() > 0 {
		// Informational responses only: the final status is still to
		// come (a 103 Early Hints sent before slow work).
		_, err := w.c.Write(w.interim.Bytes())
		w.interim.Reset()
		return err
	}
	if !w.sent {
		if w.status == 0 {
			w.WriteHeader(http.StatusOK)
		}
		w.frame(-1, true)
		w.writeHeader(out)
	}
	w.writeBuffered(out)
	_, err := w.c.Write(out.Bytes())
	return err
}

// frame decides how the body is delimited, once, when the header goes
// out: length is the whole body's length when the handler has returned
// (-1 while it runs), keep whether the connection may be kept.
func (w *ResponseWriter) frame(length int64, keep bool) {
	h := w.header
	te := strings.ToLower(h.Get("Transfer-Encoding"))
	if w.declared >= 0 && te != "" && te != "identity" {
		w.declared = -1 // as net/http: Transfer-Encoding wins over a handler's Content-Length
		h.Del("Content-Length")
	}
	if _, ok := h["Content-Type"]; !ok && te == "" && w.buf.Len() > 0 && bodyAllowedForStatus(w.status) {
		h.Set("Content-Type", http.DetectContentType(w.buf.Bytes())) // as net/http: sniffed unless the handler set a coding
	}
	if h.Get("Connection") == "close" {
		w.closeAfter = true
	}
	if !keep {
		w.closeAfter = true
	}
	switch {
	case !bodyAllowedForStatus(w.status):
		h.Del("Transfer-Encoding")
		h.Del("Content-Length")
	case w.req.Method == http.MethodHead:
		h.Del("Transfer-Encoding")
		if w.declared < 0 && w.dropped > 0 {
			h.Set("Content-Length", strconv.Itoa(w.dropped))
		}
	case w.declared >= 0:
		h.Del("Transfer-Encoding")
	case length >= 0 && te == "":
		w.declared = length
		w.autoLength = true // written after the header's fields, as net/http does
	case w.req.ProtoAtLeast(1, 1) && te != "identity":
		w.chunked = true
		if te == "" || te == "chunked" {
			h.Set("Transfer-Encoding", "chunked")
		} else {
			h.Add("Transfer-Encoding", "chunked") // the handler's coding, then chunked
		}
	default:
		// HTTP/1.0, or identity: the end of the stream ends the body.
		h.Del("Transfer-Encoding")
		w.closeAfter = true
	}
	if w.closeAfter {
		h.Set("Connection", "close")
	} else if !w.req.ProtoAtLeast(1, 1) {
		h.Set("Connection", "keep-alive") // an HTTP/1.0 client that asked for it
	}
	w.sent = true
}

// writeBuffered moves the buffered body to out, as a chunk if chunked.
func (w *ResponseWriter) writeBuffered(out *bytes.Buffer) {
	if w.buf.Len() == 0 {
		return
	}
	if w.chunked {
		httputil.NewChunkedWriter(out).Write(w.buf.Bytes())
	} else {
		out.Write(w.buf.Bytes())
	}
	w.buf.Reset()
}

func writeStatusLine(out *bytes.Buffer, code int) {
	out.WriteString("HTTP/1.1 ")
	out.Write(strconv.AppendInt(out.AvailableBuffer(), int64(code), 10))
	out.WriteByte(' ')
	text := http.StatusText(code)
	if text == "" {
		text = "status code " + strconv.Itoa(code) // as net/http
	}
	out.WriteString(text)
	out.WriteString("\r\n")
}

// writeHeader writes the queued informational responses, the status line
// and the header block.
func (w *ResponseWriter) writeHeader(out *bytes.Buffer) {
	out.Write(w.interim.Bytes())
	w.interim.Reset()
	h := w.header
	writeStatusLine(out, w.status)
	h.Write(out)
	// The fields the server adds (the handler set none of them) follow
	// the handler's, as with net/http, and cost no map entry.
	if _, ok := h["Date"]; !ok {
		out.WriteString("Date: ")
		out.Write(w.sc.srv.date())
		out.WriteString("\r\n")
	}
	if w.autoLength {
		out.WriteString("Content-Length: ")
		out.Write(strconv.AppendInt(out.AvailableBuffer(), w.declared, 10))
		out.WriteString("\r\n")
	}
	out.WriteString("\r\n")
}

// date returns the Date header's value for now (http.TimeFormat),
// formatted once a second; the server's loop alone calls it (each copy of
// a group's server has its own).
func (s *Server) date() []byte {
	now := time.Now()
	if sec := now.Unix(); sec != s.dateSec || s.dateText == nil {
		s.dateSec = sec
		s.dateText = now.UTC().AppendFormat(s.dateText[:0], http.TimeFormat)
	}
	return s.dateText
}

// finish puts together what is left of the response once the handler
// returned, for the server to write (its own await, so that a response
// costs no frame for it): the connection's output buffer, empty when
// there is nothing left. A body shorter than the handler's Content-Length
// closes the connection (w.closeAfter), as with net/http.
func (w *ResponseWriter) finish(keep bool) *bytes.Buffer {
	out := w.sc.outBuffer()
	if !w.sent {
		if w.status == 0 {
			w.WriteHeader(http.StatusOK)
		}
		w.frame(int64(w.buf.Len()), keep)
		w.writeHeader(out)
	}
	w.writeBuffered(out)
	if w.chunked {
		httputil.NewChunkedWriter(out).Close() // the last chunk
		out.WriteString("\r\n")                // and no trailer
	}
	if w.bodyAllowed() && w.declared >= 0 && w.written != w.declared {
		w.closeAfter = true // the peer waits for bytes that will never come
	}
	if !keep {
		w.closeAfter = true
	}
	return out
}
