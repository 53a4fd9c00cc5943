//go:build unix

package ahttp

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// AsyncReader is a request body source whose reads wait on the loop:
// *anet.Conn and a response's *Body are ones (ReadAsync is the companion
// of their async Read), so a response body or a connection can be the
// body of a request (a proxy) without holding it in memory or blocking
// the loop. The client awaits ReadAsync for a body that has it, and
// calls Read for any other io.Reader.
type AsyncReader interface {
	ReadAsync(p []byte) rt.Awaitable[int]
}

// bodyChunk is how much of a request body is read and written at a time.
const bodyChunk = 32 << 10

// chunkRoom is the room left before a chunk's data for its size line.
const chunkRoom = 16

// bodyBufs holds the buffers request bodies are streamed through.
var bodyBufs = sync.Pool{New: func() any { b := make([]byte, chunkRoom+bodyChunk+2+5); return &b }}

// headerOnly is the body given to net/http's Request.Write so that it
// writes the header block (with the Content-Length or Transfer-Encoding
// the real body needs) and stops at its first read of the body.
type headerOnly struct{ reached bool }

var errHeaderDone = fmt.Errorf("ahttp: header written")

func (h *headerOnly) Read([]byte) (int, error) { h.reached = true; return 0, errHeaderDone }
func (h *headerOnly) Close() error             { return nil }

// hasBody reports whether req carries a body to send.
func hasBody(req *http.Request) bool {
	return req.Body != nil && req.Body != http.NoBody
}

// bodyLength is the length the body of req is sent with: ContentLength
// when it is positive, -1 (chunked) when it is unknown. As with net/http,
// a ContentLength of 0 with a Body means unknown (net/http probes such a
// body; ahttp sends it chunked, which a server reads the same).
func bodyLength(req *http.Request) int64 {
	if req.ContentLength > 0 {
		return req.ContentLength
	}
	return -1
}

// encodeRequest serializes req's header block with net/http's
// Request.Write (or, for a proxy, WriteProxy: the absolute form, with the
// proxy URL's user info as Proxy-Authorization) into a buffer of wires.
// The body is not read: a request with one gets the Content-Length its
// ContentLength gives, or Transfer-Encoding: chunked when it is unknown,
// and writeBody streams the body after the header.
func encodeRequest(req *http.Request, proxy *url.URL) (*bytes.Buffer, error) {
	r := req
	var stop *headerOnly
	if hasBody(req) {
		r = new(http.Request)
		*r = *req
		stop = new(headerOnly)
		r.Body = stop
		r.GetBody = nil
		r.ContentLength = bodyLength(req)
		if r.ContentLength < 0 {
			r.TransferEncoding = []string{"chunked"} // also keeps net/http from probing the body
		}
	}
	buf := wires.Get().(*bytes.Buffer)
	buf.Reset()
	write := r.Write
	if proxy != nil {
		if proxy.User != nil && req.Header.Get("Proxy-Authorization") == "" {
			if r == req {
				r = new(http.Request)
				*r = *req
			}
			r.Header = req.Header.Clone()
			if r.Header == nil {
				r.Header = http.Header{}
			}
			r.Header.Set("Proxy-Authorization", "Basic "+basicAuth(proxy.User))
		}
		write = r.WriteProxy
	}
	// Writing into a bytes.Buffer (an io.ByteWriter), Request.Write puts
	// the header block in buf itself, unbuffered, before it reads the
	// body: stopped at that read, buf holds the whole header.
	if err := write(buf); err != nil && (stop == nil || !stop.reached) {
		putWire(buf)
		return nil, err
	}
	return buf, nil
}

// bodyReadError is an error of the request body's own reads: the request
// is abandoned (its connection closed) and never sent again.
type bodyReadError struct{ err error }

func (e bodyReadError) Error() string { return e.err.Error() }
func (e bodyReadError) Unwrap() error { return e.err }

// writeRequest writes the header block in wire on c and streams body
// after it, length bytes (-1: chunked, ended by the last chunk). The first
// piece of the body goes out with the header. It stops early, without an
// error, when the server has answered (or closed) before the body is all
// sent (a 413, say): early is then set, and the connection must not carry
// another request. Its errors say how far it got: nothingWritten,
// nothingRead (written in part), or bodyReadError. The reads of an
// AsyncReader body end at dl (unless it is zero), as the connection's
// writes do.
//
// async
func writeRequest(c *anet.Conn, wire *bytes.Buffer, body io.Reader, length int64, dl time.Time) (early bool, err error) {
	if body == nil {
		n, err := c.Write(wire.Bytes())
		return false, writeErr(n, err)
	}
	bp := bodyBufs.Get().(*[]byte)
	defer bodyBufs.Put(bp)
	buf := *bp
	sent := int64(0) // body bytes read and sent
	wroteAny := false
	for first := true; ; first = false {
		want := bodyChunk
		if length >= 0 && length-sent < int64(want) {
			want = int(length - sent)
		}
		data := buf[chunkRoom : chunkRoom+want]
		n := 0
		var rerr error
		if want > 0 {
			n, rerr = readSome(body, data, dl)
		}
		sent += int64(n)
		end := rerr == io.EOF || length >= 0 && sent == length
		if rerr != nil && rerr != io.EOF {
			return false, bodyReadError{rerr}
		}
		if end && length >= 0 && sent != length {
			return false, bodyReadError{fmt.Errorf("http: ContentLength=%d with Body length %d", length, sent)}
		}
		var out []byte
		if length < 0 {
			out = frameChunk(buf, n, end)
		} else {
			out = buf[chunkRoom : chunkRoom+n]
		}
		if first {
			wire.Write(out)
			out = wire.Bytes()
		} else if !c.IsTLS() && c.Readable() {
			// (Over TLS, bytes to read may be no answer: a session
			// ticket, a key update. There the write's error, once the
			// server closes, tells of an early answer.)
			return true, nil // the server answered (or gave up) before the end of the body
		}
		if len(out) > 0 {
			w, err := c.Write(out)
			if err != nil {
				if !wroteAny && w == 0 {
					return false, nothingWritten{err}
				}
				return false, nothingRead{err}
			}
			wroteAny = true
		}
		if end && length >= 0 && rerr != io.EOF {
			// As net/http: the rest of a body longer than its
			// ContentLength is read, and fails the request.
			extra, err := drain(body, buf[:bodyChunk], dl)
			if err != nil {
				return false, bodyReadError{err}
			}
			if extra > 0 {
				return false, bodyReadError{fmt.Errorf("http: ContentLength=%d with Body length %d", length, length+extra)}
			}
		}
		if end {
			return false, nil
		}
	}
}

// readSome reads from a request body: by awaiting ReadAsync, within dl,
// for an AsyncReader, by Read for another io.Reader.
//
// async
func readSome(body io.Reader, p []byte, dl time.Time) (int, error) {
	ar, ok := body.(AsyncReader)
	if !ok {
		return body.Read(p)
	}
	if dl.IsZero() {
		return rt.Await(ar.ReadAsync(p))
	}
	n, err := rt.Await(rt.TimeoutAt(dl, ar.ReadAsync(p)))
	if err == rt.ErrTimeout {
		return n, timeoutError("reading the request body")
	}
	return n, err
}

// drain reads body to its end through buf and says how many bytes it
// read.
//
// async
func drain(body io.Reader, buf []byte, dl time.Time) (int64, error) {
	var total int64
	for {
		n, err := readSome(body, buf, dl)
		total += int64(n)
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// frameChunk frames the n bytes of data at buf[chunkRoom:] as a chunk,
// and the last chunk after them when end is set, in place, and returns
// the framed bytes.
func frameChunk(buf []byte, n int, end bool) []byte {
	start := chunkRoom
	stop := chunkRoom
	if n > 0 {
		var size [16]byte
		line := append(strconv.AppendInt(size[:0], int64(n), 16), '\r', '\n')
		start -= len(line)
		copy(buf[start:], line)
		stop = chunkRoom + n
		buf = append(buf[:stop], '\r', '\n')
		stop += 2
	}
	if end {
		buf = append(buf[:stop], "0\r\n\r\n"...)
		stop += 5
	}
	return buf[start:stop]
}

func writeErr(n int, err error) error {
	if err == nil {
		return nil
	}
	if n == 0 {
		return nothingWritten{err}
	}
	return nothingRead{err}
}

// AsyncWriter is a destination whose writes wait on the loop, as
// *anet.Conn's: Body.WriteTo awaits WriteAsync for a writer that has it.
type AsyncWriter interface {
	WriteAsync(p []byte) rt.Awaitable[int]
}

// SetLimit sets how many bytes of the body ReadAll and WriteTo take
// before they fail with ErrBodyTooLarge, counting what they have already
// read; zero means no limit. A client's response body starts with the
// Client's MaxResponseBodyBytes.
func (b *Body) SetLimit(n int64) { b.limit = n }

// WriteTo streams the rest of the body to w, 32 KiB at a time, holding no
// more than that in memory, and returns how many bytes it wrote: the way
// to save or forward a body of any size. A w that is an AsyncWriter (an
// anet.Conn) is written by awaiting WriteAsync; any other io.Writer (a
// file, a hash, a bytes.Buffer) is written on the loop. Past the body's
// limit (SetLimit) it writes nothing more and fails with ErrBodyTooLarge,
// the connection closed, so that a body too large is never all read. A
// write error also gives the connection up. Body is so an io.WriterTo:
// io.Copy from ordinary code uses it (blocking, as Read does there).
//
// async
func (b *Body) WriteTo(w io.Writer) (int64, error) {
	bp := bodyBufs.Get().(*[]byte)
	defer bodyBufs.Put(bp)
	buf := (*bp)[:bodyChunk]
	aw, async := w.(AsyncWriter)
	var total int64
	for {
		n, err := b.Read(buf)
		if n > 0 {
			b.read += int64(n)
			if b.limit > 0 && b.read > b.limit {
				return total, b.fail(ErrBodyTooLarge)
			}
			var wn int
			var werr error
			if async {
				wn, werr = rt.Await(aw.WriteAsync(buf[:n]))
			} else {
				wn, werr = w.Write(buf[:n])
			}
			total += int64(wn)
			if werr == nil && wn < n {
				werr = io.ErrShortWrite
			}
			if werr != nil {
				b.fail(werr)
				return total, werr
			}
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

var _ io.WriterTo = (*Body)(nil)
