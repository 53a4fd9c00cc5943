//go:build unix

package ahttp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/asyncgen/asyncgen/rt/anet"
)

// This file holds the framing that must be incremental: reading a header
// block off a connection, and the bodies (fixed length, chunked, or up to
// the end of the stream) a message carries. The header grammar itself is
// net/http's (ReadRequest, ReadResponse over the bytes read here).

// Errors of framing.
var (
	// ErrHeaderTooLarge is returned when a header block exceeds its
	// limit (a server answers 431).
	ErrHeaderTooLarge = errors.New("ahttp: header block too large")
	// ErrBodyTooLarge is returned when a body exceeds its limit (a
	// server answers 413).
	ErrBodyTooLarge = errors.New("ahttp: body too large")
	// errBadChunk is a malformed chunk size line.
	errBadChunk = errors.New("ahttp: malformed chunked encoding")
)

// readHeader reads a header block (the start line, the fields and the
// empty line that ends them, lines ending in CRLF) of at most limit
// bytes. It returns io.EOF if the stream ended before its first byte,
// ErrHeaderTooLarge past the limit. The limit stays the connection's read
// limit (which also bounds chunk size lines).
//
// async
func readHeader(c *anet.Conn, limit int) ([]byte, error) {
	c.SetReadLimit(limit)
	for {
		block, err := c.ReadUntilString("\r\n\r\n")
		if errors.Is(err, anet.ErrTooLong) {
			return nil, ErrHeaderTooLarge
		}
		if err != nil {
			return nil, err
		}
		if len(block) > limit {
			return nil, ErrHeaderTooLarge
		}
		// RFC 9112 2.2: empty lines before a request line are ignored.
		for len(block) >= 2 && block[0] == '\r' && block[1] == '\n' {
			block = block[2:]
		}
		if len(block) > 2 {
			return block, nil
		}
	}
}

// parseRequest parses a request's header block with http.ReadRequest;
// its Body is for the caller to set.
func parseRequest(block []byte) (*http.Request, error) {
	hr := getHeaderReader(block)
	defer hr.release()
	return http.ReadRequest(&hr.br)
}

// parseResponse parses a response's header block with http.ReadResponse;
// its Body is for the caller to set.
func parseResponse(block []byte, req *http.Request) (*http.Response, error) {
	hr := getHeaderReader(block)
	defer hr.release()
	return http.ReadResponse(&hr.br, req)
}

// headerReader is a bufio.Reader over a header block, from a pool: the
// message that net/http parses from it keeps no reference to it once its
// Body is replaced.
type headerReader struct {
	br bufio.Reader
	r  bytes.Reader
}

var headerReaders = sync.Pool{New: func() any {
	return &headerReader{br: *bufio.NewReaderSize(nil, 4096)}
}}

func getHeaderReader(block []byte) *headerReader {
	hr := headerReaders.Get().(*headerReader)
	hr.r.Reset(block)
	hr.br.Reset(&hr.r)
	return hr
}

func (hr *headerReader) release() {
	hr.r.Reset(nil)
	hr.br.Reset(nil)
	headerReaders.Put(hr)
}

// bodyMode says how a body is delimited.
type bodyMode uint8

const (
	bodyFixed   bodyMode = iota // Content-Length bytes
	bodyChunked                 // chunked transfer coding
	bodyToEOF                   // until the peer closes
)

// Body is a message body read incrementally from its connection: a
// client's response body, or a request body on the server. Read and
// ReadAll are async; Close never waits.
//
// A client's response body hands its connection back to the client's
// pool as soon as it has been read to its end, so reading it all is
// enough for the connection to be reused; Close before the end closes the
// connection instead (draining an unknown rest would be a wait Close
// cannot do).
//
// Body implements io.ReadCloser: called from ordinary code, Read blocks
// the calling goroutine (see rt/anet), which suits a body handed to
// ordinary code after the loop is done with it.
type Body struct {
	c       *anet.Conn
	mode    bodyMode
	left    int64 // bytes left: of the body (fixed) or of the current chunk
	started bool  // chunked: the first size line was read
	done    bool  // the end of the body was read
	closed  bool
	err     error // a sticky framing or connection error
	limit   int64 // ReadAll's limit, 0 for none
	read    int64
	release func(reuse bool) // called once, when the body ends or closes
}

func newBody(c *anet.Conn, mode bodyMode, length int64, release func(bool)) *Body {
	b := &Body{c: c, mode: mode, release: release}
	if mode == bodyFixed {
		b.left = length
	}
	if mode == bodyFixed && length == 0 {
		b.finish(true)
	}
	return b
}

// finish marks the body ended and hands the connection back.
func (b *Body) finish(reuse bool) {
	b.done = true
	if b.release != nil {
		r := b.release
		b.release = nil
		r(reuse)
	}
}

// fail records err and gives up the connection.
func (b *Body) fail(err error) error {
	if b.err == nil {
		b.err = err
	}
	if b.release != nil {
		r := b.release
		b.release = nil
		r(false)
	}
	return b.err
}

// Close stops reading: a body read to its end has already given its
// connection back; otherwise the connection is closed. Close never waits.
func (b *Body) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	if !b.done {
		b.fail(errors.New("ahttp: read on closed body"))
	}
	return nil
}

// Read reads up to len(p) bytes of the body, and io.EOF at its end.
//
// async
func (b *Body) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.done {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	switch b.mode {
	case bodyToEOF:
		n, err := b.c.Read(p)
		if err == io.EOF {
			b.finish(false)
			return n, io.EOF
		}
		if err != nil {
			return n, b.fail(err)
		}
		return n, nil
	case bodyChunked:
		if b.left == 0 {
			if err := b.nextChunk(); err != nil {
				return 0, b.fail(err)
			}
			if b.done {
				return 0, io.EOF
			}
		}
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.c.Read(p)
	b.left -= int64(n)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF // the peer closed mid-body
	}
	if err != nil {
		return n, b.fail(err)
	}
	if b.left == 0 && b.mode == bodyFixed {
		b.finish(true)
	}
	return n, nil
}

// nextChunk reads the end of the previous chunk and the size line of the
// next; a last chunk (size 0) ends the body after its trailer, which is
// read and dropped.
//
// async
func (b *Body) nextChunk() error {
	if b.started {
		crlf, err := b.c.ReadUntil('\n')
		if err != nil {
			return unexpected(err)
		}
		if len(bytes.TrimRight(crlf, "\r\n")) != 0 {
			return errBadChunk
		}
	}
	b.started = true
	line, err := b.c.ReadUntil('\n')
	if err != nil {
		return unexpected(err)
	}
	size, err := chunkSize(line)
	if err != nil {
		return err
	}
	if size > 0 {
		b.left = size
		return nil
	}
	for {
		t, err := b.c.ReadUntil('\n')
		if err != nil {
			return unexpected(err)
		}
		if len(bytes.TrimRight(t, "\r\n")) == 0 {
			break
		}
	}
	b.finish(true)
	return nil
}

// chunkSize parses a chunk size line: hex digits, maybe extensions after
// a semicolon, CRLF.
func chunkSize(line []byte) (int64, error) {
	line = bytes.TrimRight(line, "\r\n")
	if i := bytes.IndexByte(line, ';'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimRight(line, " \t")
	n, err := strconv.ParseInt(string(line), 16, 64)
	if err != nil || n < 0 || len(line) == 0 {
		return 0, fmt.Errorf("%w: size line %q", errBadChunk, line)
	}
	return n, nil
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// readAllPrealloc is the most ReadAll allocates before bytes arrive.
const readAllPrealloc = 64 << 10

// ReadAll reads the rest of the body. Past the body's limit (a server's
// MaxBodyBytes) it fails with ErrBodyTooLarge.
//
// async
func (b *Body) ReadAll() ([]byte, error) {
	var out []byte
	if b.mode == bodyFixed && b.left > 0 && (b.limit == 0 || b.left <= b.limit-b.read) {
		// The declared length is the peer's word: allocate at most
		// readAllPrealloc up front, so memory grows with what arrives.
		out = make([]byte, 0, min(b.left, readAllPrealloc))
	}
	for {
		if len(out) == cap(out) {
			out = append(out, 0)[:len(out)]
		}
		n, err := b.Read(out[len(out):cap(out)])
		out = out[:len(out)+n]
		b.read += int64(n)
		if b.limit > 0 && b.read > b.limit {
			return out, b.fail(ErrBodyTooLarge)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

// bodyFraming says how the body of a message with this header is
// delimited: from its Transfer-Encoding (parsed by net/http into
// transferEncoding) and its content length.
func bodyFraming(transferEncoding []string, contentLength int64) (bodyMode, int64) {
	if len(transferEncoding) > 0 && transferEncoding[len(transferEncoding)-1] == "chunked" {
		return bodyChunked, -1
	}
	if contentLength >= 0 {
		return bodyFixed, contentLength
	}
	return bodyToEOF, -1
}

var _ io.ReadCloser = (*Body)(nil)
