//go:build unix

package ahttp

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRetryableLikeNetHTTP: issue 11's item 6 rule, row by row as
// net/http's persistConn.shouldRetryRequest decides it for a request that
// failed on a reused connection: nothing written, the request is sent
// again if its body can be (none, or GetBody); nothing read, only an
// idempotent one; anything read, never. TestClientRetriesOnlyIdempotent
// sends the "nothing read" rows over a real connection.
func TestRetryableLikeNetHTTP(t *testing.T) {
	cause := errors.New("connection reset")
	written := nothingWritten{cause}
	read := nothingRead{cause}
	mid := io.ErrUnexpectedEOF // part of the response came
	body := func() io.ReadCloser { return io.NopCloser(strings.NewReader("payload")) }
	for _, c := range []struct {
		name    string
		method  string
		body    bool // the request has a body
		getBody bool // and a GetBody
		key     bool // an Idempotency-Key header
		err     error
		want    bool
	}{
		{"POST nothing written, no body", "POST", false, false, false, written, true},
		{"POST nothing written, GetBody", "POST", true, true, false, written, true},
		{"POST nothing written, body without GetBody", "POST", true, false, false, written, false},
		{"POST nothing read", "POST", true, true, false, read, false},
		{"POST nothing read, no body", "POST", false, false, false, read, false},
		{"POST with a key, nothing read", "POST", true, true, true, read, true},
		{"PUT nothing read", "PUT", true, true, false, read, false},
		{"DELETE nothing read", "DELETE", false, false, false, read, false},
		{"GET nothing read", "GET", false, false, false, read, true},
		{"HEAD nothing read", "HEAD", false, false, false, read, true},
		{"OPTIONS nothing read", "OPTIONS", false, false, false, read, true},
		{"TRACE nothing read", "TRACE", false, false, false, read, true},
		{"GET with a body and no GetBody, nothing read", "GET", true, false, false, read, false},
		{"GET part of the response read", "GET", false, false, false, mid, false},
		{"GET nothing written", "GET", false, false, false, written, true},
	} {
		req, _ := http.NewRequest(c.method, "http://a/", nil)
		if c.body {
			req.Body = body()
			if c.getBody {
				req.GetBody = func() (io.ReadCloser, error) { return body(), nil }
			}
		}
		if c.key {
			req.Header.Set("Idempotency-Key", "k1")
		}
		assert.Equal(t, c.want, retryable(req, c.err), c.name)
	}
}
