//go:build unix

package ahttp

import (
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"strings"
)

// gzipAhead is how many compressed bytes a gzip body holds before each
// step of the decoder (or fewer at the end of the body). The decoder
// reads its input as a blocking io.Reader would be read, so it is only
// called when what it can ask for has arrived: one call of
// compress/flate's Read decodes at most one block header and one 32 KiB
// window, which takes at most 32 KiB of 15-bit codes (60 KiB) and a
// header of under 1 KiB. A stream that needs more in one step (a gzip
// header with a name or comment past this size) fails with
// errGzipStarved rather than blocking the loop.
const gzipAhead = 64 << 10

var errGzipStarved = errors.New("ahttp: gzip stream needs more than 64 KiB of input in one step (a very long gzip header?)")

// gunzipper decodes a gzip body on the loop: Body.Read fills in with the
// compressed bytes, and the decoder reads them back from there.
type gunzipper struct {
	in  []byte // compressed bytes not decoded yet are in[off:]
	off int
	eof bool // the compressed body ended
	zr  *gzip.Reader
	err error
}

// Read and ReadByte give the decoder what has arrived; with nothing left
// they report io.EOF at the body's end and errGzipStarved before it.
func (g *gunzipper) Read(p []byte) (int, error) {
	if g.off == len(g.in) {
		if g.eof {
			return 0, io.EOF
		}
		return 0, errGzipStarved
	}
	n := copy(p, g.in[g.off:])
	g.off += n
	return n, nil
}

func (g *gunzipper) ReadByte() (byte, error) {
	if g.off == len(g.in) {
		if g.eof {
			return 0, io.EOF
		}
		return 0, errGzipStarved
	}
	g.off++
	return g.in[g.off-1], nil
}

// gunzip makes resp's body decode the gzip coding the client asked for,
// as net/http's Transport does: without Content-Encoding and
// Content-Length, ContentLength -1 and Uncompressed set.
func (cl *Client) gunzip(resp *Response) {
	if !strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") || resp.ContentLength == 0 ||
		resp.Body.done && resp.Body.mode == bodyFixed || resp.StatusCode == http.StatusSwitchingProtocols {
		return
	}
	resp.Body.gz = &gunzipper{}
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	resp.Uncompressed = true
}

// readGunzip reads decoded bytes of a gzip body: it reads the compressed
// body ahead (gzipAhead) and then lets the decoder run on what arrived.
//
// async
func (b *Body) readGunzip(p []byte) (int, error) {
	g := b.gz
	if g.err != nil {
		return 0, g.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	for {
		for !g.eof && len(g.in)-g.off < gzipAhead {
			if g.off > 0 && g.off == len(g.in) {
				g.in, g.off = g.in[:0], 0
			} else if g.off > len(g.in)/2 {
				g.in = g.in[:copy(g.in, g.in[g.off:])]
				g.off = 0
			}
			if cap(g.in)-len(g.in) < 4096 {
				want := gzipAhead + 16<<10
				if b.mode == bodyFixed && b.left+int64(len(g.in)) < int64(want) {
					want = int(b.left) + len(g.in) + 1
				}
				grown := make([]byte, len(g.in), max(want, 2*cap(g.in)))
				copy(grown, g.in)
				g.in = grown
			}
			n, err := b.readRaw(g.in[len(g.in):cap(g.in)])
			g.in = g.in[:len(g.in)+n]
			if err == io.EOF {
				g.eof = true
			} else if err != nil {
				g.err = err
				return 0, err
			}
		}
		if g.zr == nil {
			zr, err := gzip.NewReader(g)
			if err != nil {
				g.err = err
				return 0, b.failGunzip(err)
			}
			g.zr = zr
		}
		n, err := g.zr.Read(p)
		if err == io.EOF && !g.eof {
			err = errGzipStarved // cannot happen: EOF comes only from the end of input
		}
		if err != nil && err != io.EOF {
			g.err = err
			return n, b.failGunzip(err)
		}
		if n > 0 || err == io.EOF {
			if err == io.EOF {
				g.err = io.EOF
				g.in = nil
			}
			return n, err
		}
	}
}

// failGunzip gives up the connection of a body that did not decode
// (unless the body had already ended) and returns err.
func (b *Body) failGunzip(err error) error {
	if b.release != nil {
		r := b.release
		b.release = nil
		r(false)
	}
	return err
}
