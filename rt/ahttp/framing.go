//go:build unix

package ahttp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/asyncgen/asyncgen/rt/anet"
	"golang.org/x/net/http/httpguts"
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
// empty line that ends them) of at most limit bytes. It frames exactly
// what net/http's parser parses: lines end at LF, a CR before it is
// dropped, so the block ends at the first line that is empty once its
// CR is dropped ("\n\n", "\r\n\r\n", or a mix). An empty first line is a
// block of its own, which the parser rejects.
//
// It returns io.EOF if the stream ended before its first byte,
// ErrHeaderTooLarge past the limit. The limit stays the connection's read
// limit.
//
// async
func readHeader(c *anet.Conn, limit int) ([]byte, error) {
	c.SetReadLimit(limit)
	block, err := c.ReadUntilFunc(headerEnd)
	if errors.Is(err, anet.ErrTooLong) || len(block) > limit {
		return nil, ErrHeaderTooLarge
	}
	return block, err
}

// A server reads a request's header block as readHeader does, but does
// not wait for the end of a block that net/http's server would already
// reject: each line is checked as it arrives (the request line as
// net/http parses it; the field lines for a colon, a valid name and a
// valid value; no CR but the one before LF anywhere), and the first bad
// one is a *badHeader. skip is how many leading CR or LF bytes to drop
// first (net/http drops up to 4 after a POST, for old clients that end a
// body with an extra CRLF). The read is the server's own await, so that a
// request costs no frame for it:
//
//	hs.start(c, limit, skip)
//	raw, err := c.ReadUntilFunc(end)
//	block, err := hs.result(raw, err)
//
// where hs is the connection's scan state and end its method value hs.end,
// made once per connection so that a request allocates neither.

// start prepares hs and c for a request's header block.
func (hs *headerScan) start(c *anet.Conn, limit, skip int) {
	c.SetReadLimit(limit)
	*hs = headerScan{skip: skip, lead: -1, limit: limit}
}

// result is the header block read, without the leading CR and LF bytes
// dropped, or why there is none: ErrHeaderTooLarge, a *badHeader, or the
// connection's error.
func (hs *headerScan) result(block []byte, err error) ([]byte, error) {
	if errors.Is(err, anet.ErrTooLong) || len(block) > hs.limit {
		return nil, ErrHeaderTooLarge
	}
	if hs.bad != "" {
		return nil, &badHeader{hs.bad}
	}
	if err != nil {
		return nil, err
	}
	return block[hs.lead:], nil
}

// badHeader is a request header block rejected before its end.
type badHeader struct{ reason string }

func (e *badHeader) Error() string { return "ahttp: " + e.reason }

// headerScan is the state of a request header's incremental check.
type headerScan struct {
	limit int // of the block's length
	skip  int
	lead  int    // leading CR and LF bytes dropped
	next  int    // where the next line to check starts
	line  int    // its index, 0 for the request line
	bad   string // why the block is rejected
}

// end is the ReadUntilFunc of a request's header block.
//
// Each byte is scanned about once, however the block trickles in: the
// search for the current line's end resumes where the last call stopped.
func (hs *headerScan) end(buf []byte, scanned int) int {
	lead := 0
	for lead < hs.skip && lead < len(buf) && (buf[lead] == '\r' || buf[lead] == '\n') {
		lead++
	}
	if lead != hs.lead {
		hs.lead, hs.next, hs.line = lead, lead, 0
		scanned = lead
	}
	for from := max(hs.next, scanned); ; {
		j := bytes.IndexByte(buf[from:], '\n')
		if j < 0 {
			break
		}
		j += from
		from = j + 1
		line := buf[hs.next:j]
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		if len(line) == 0 {
			return j + 1 // the block's end (or an empty first line, which the parser rejects)
		}
		if hs.bad = checkHeaderLine(hs.line, line); hs.bad != "" {
			return j + 1
		}
		hs.next, hs.line = j+1, hs.line+1
	}
	// A bare CR in the line not ended yet (from the byte before the new
	// ones: a CR that ended the last call's bytes is bare or not now).
	tail := max(hs.next, scanned-1)
	if i := bytes.IndexByte(buf[tail:], '\r'); i >= 0 && tail+i+1 < len(buf) {
		hs.bad = "bare CR in the header block"
		return len(buf)
	}
	return -1
}

// checkHeaderLine checks line n (without its line end) of a request's
// header block, and returns why it is bad, or "". It checks bytes as
// httpguts checks strings, without a conversion per line.
func checkHeaderLine(n int, line []byte) string {
	if bytes.IndexByte(line, '\r') >= 0 {
		return "bare CR in the header block"
	}
	if n == 0 {
		return checkRequestLine(line)
	}
	if line[0] == ' ' || line[0] == '\t' {
		if n == 1 {
			return "malformed header line" // obs-fold with nothing to fold into
		}
		if !validFieldValue(line) {
			return "invalid header value"
		}
		return ""
	}
	i := bytes.IndexByte(line, ':')
	switch {
	case i < 0:
		return "malformed header line"
	case !validFieldName(line[:i]):
		return "invalid header name"
	case !validFieldValue(line[i+1:]):
		return "invalid header value"
	}
	return ""
}

// validFieldName is httpguts.ValidHeaderFieldName for bytes: a token.
func validFieldName(name []byte) bool {
	if len(name) == 0 {
		return false
	}
	for _, c := range name {
		if !httpguts.IsTokenRune(rune(c)) {
			return false
		}
	}
	return true
}

// validFieldValue is httpguts.ValidHeaderFieldValue for bytes: no
// control byte but HTAB.
func validFieldValue(v []byte) bool {
	for _, c := range v {
		if c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// checkRequestLine checks a request line as http.ReadRequest parses it:
// method, target and version separated by single spaces, a token for
// the method, HTTP/x.y, a target that url.ParseRequestURI takes (an
// authority for CONNECT).
func checkRequestLine(line []byte) string {
	method, rest, ok1 := bytes.Cut(line, []byte(" "))
	target, proto, ok2 := bytes.Cut(rest, []byte(" "))
	switch {
	case !ok1 || !ok2:
		return "malformed HTTP request"
	case !validFieldName(method):
		return "invalid method"
	case string(proto) != "HTTP/1.1" && string(proto) != "HTTP/1.0" && (len(proto) != 8 || !bytes.HasPrefix(proto, []byte("HTTP/")) ||
		proto[5] < '0' || proto[5] > '9' || proto[6] != '.' || proto[7] < '0' || proto[7] > '9'):
		return "malformed HTTP version"
	}
	if plainPath(target) {
		return "" // what url.ParseRequestURI takes, with no URL made
	}
	t := string(target)
	if string(method) == http.MethodConnect && !strings.HasPrefix(t, "/") {
		t = "http://" + t
	}
	if _, err := url.ParseRequestURI(t); err != nil {
		return "malformed request target"
	}
	return ""
}

// plainPath reports whether target is an origin-form path (and query)
// of unreserved, sub-delim, ':', '@' and '/' bytes and well-formed
// %-escapes only, which url.ParseRequestURI always takes: it then finds
// no scheme (the first byte is '/'), no authority (a request's "//" is a
// path), no control byte and no bad escape.
func plainPath(target []byte) bool {
	if len(target) == 0 || target[0] != '/' {
		return false
	}
	for i := 0; i < len(target); i++ {
		switch c := target[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '%':
			if i+2 >= len(target) || !isHex(target[i+1]) || !isHex(target[i+2]) {
				return false
			}
			i += 2
		case strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0:
		default:
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// headerEnd returns the length of the header block at the start of buf,
// or -1 when it does not end within buf; scanned bytes of buf were seen
// by an earlier call.
func headerEnd(buf []byte, scanned int) int {
	switch {
	case len(buf) >= 1 && buf[0] == '\n':
		return 1
	case len(buf) >= 2 && buf[0] == '\r' && buf[1] == '\n':
		return 2
	}
	// The end is a LF followed by an empty line: "\n\n" or "\n\r\n".
	for i := max(0, scanned-2); ; {
		j := bytes.IndexByte(buf[i:], '\n')
		if j < 0 {
			return -1
		}
		j += i
		if j+1 < len(buf) && buf[j+1] == '\n' {
			return j + 2
		}
		if j+2 < len(buf) && buf[j+1] == '\r' && buf[j+2] == '\n' {
			return j + 3
		}
		i = j + 1
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
	excess  int64            // chunked: overhead beyond what the data allows
	gz      *gunzipper       // the client decodes the gzip coding it asked for
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

// Read reads up to len(p) bytes of the body, and io.EOF at its end: the
// way to stream a body of any size (ReadAll's limit does not apply). A
// body the client asked gzip for and that came gzipped is decoded as it
// is read.
//
// async
func (b *Body) Read(p []byte) (int, error) {
	if b.gz != nil {
		return b.readGunzip(p)
	}
	return b.readRaw(p)
}

// readRaw reads the body as it is framed on the wire.
//
// async
func (b *Body) readRaw(p []byte) (int, error) {
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

// Limits of the chunked coding's overhead, as net/http's (CVE-2023-39326):
// a size line (extensions included) of at most maxChunkLine bytes; at
// most maxChunkExcess bytes of size lines and extensions beyond 16 bytes
// per chunk and twice the data; a trailer of at most maxTrailerBytes.
const (
	maxChunkLine    = 4096
	maxChunkExcess  = 16 << 10
	maxTrailerBytes = 4096
)

// nextChunk reads the CRLF that ends the previous chunk's data and the
// size line of the next; a last chunk (size 0) ends the body after its
// trailer, which is checked and dropped. Every line must end in CRLF
// (RFC 9112 allows no bare LF in the chunked coding) and hold no other
// CR; the size is hex digits only.
//
// async
func (b *Body) nextChunk() error {
	if b.started {
		crlf, err := b.c.ReadExactly(2)
		if err != nil {
			return unexpected(err)
		}
		if string(crlf) != "\r\n" {
			return fmt.Errorf("%w: chunk data not followed by CRLF", errBadChunk)
		}
	}
	b.started = true
	line, err := b.chunkLine(maxChunkLine)
	if err != nil {
		return err
	}
	size, err := chunkSize(line)
	if err != nil {
		return err
	}
	// Extensions are allowed, but not to dwarf the data they come with.
	b.excess = max(0, b.excess+int64(len(line))-16-2*size)
	if b.excess > maxChunkExcess {
		return fmt.Errorf("%w: too much chunk overhead for the data", errBadChunk)
	}
	if size > 0 {
		b.left = size
		return nil
	}
	for left := maxTrailerBytes; ; {
		t, err := b.chunkLine(left)
		if err != nil {
			return err
		}
		if len(t) == 2 {
			break
		}
		left -= len(t)
		if err := checkTrailerField(t[:len(t)-2]); err != nil {
			return err
		}
	}
	b.finish(true)
	return nil
}

// chunkLine reads a line of the chunked coding, of at most limit bytes,
// which must end in CRLF and hold no other CR.
//
// async
func (b *Body) chunkLine(limit int) ([]byte, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("%w: trailer too large", errBadChunk)
	}
	b.c.SetReadLimit(limit)
	line, err := b.c.ReadUntil('\n')
	if errors.Is(err, anet.ErrTooLong) || len(line) > limit {
		return nil, fmt.Errorf("%w: line too long", errBadChunk)
	}
	if err != nil {
		return nil, unexpected(err)
	}
	if i := bytes.IndexByte(line, '\r'); i != len(line)-2 {
		return nil, fmt.Errorf("%w: line %q does not end in CRLF", errBadChunk, line)
	}
	return line, nil
}

// chunkSize parses a chunk size line (CRLF included): hex digits, then
// maybe extensions after a semicolon, then maybe spaces and tabs. The
// extensions, which ahttp ignores as net/http does, may hold no control
// byte but HTAB.
func chunkSize(line []byte) (int64, error) {
	line = line[:len(line)-2]
	for _, c := range line {
		if c < ' ' && c != '\t' || c == 0x7f {
			return 0, fmt.Errorf("%w: control byte in size line %q", errBadChunk, line)
		}
	}
	line = bytes.TrimRight(line, " \t")
	if i := bytes.IndexByte(line, ';'); i >= 0 {
		line = line[:i]
	}
	if len(line) == 0 || len(line) > 15 {
		return 0, fmt.Errorf("%w: size %q", errBadChunk, line)
	}
	var n int64
	for _, c := range line {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, fmt.Errorf("%w: size %q", errBadChunk, line)
		}
		n = n<<4 | int64(c)
	}
	return n, nil
}

// checkTrailerField checks a trailer line (without its CRLF): a field
// name, a colon, a value, all as httpguts (net/http's checks) wants them;
// no obs-fold.
func checkTrailerField(line []byte) error {
	name, value, ok := bytes.Cut(line, []byte(":"))
	if !ok || !validFieldName(name) || !validFieldValue(value) {
		return fmt.Errorf("%w: trailer line %q", errBadChunk, line)
	}
	return nil
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
