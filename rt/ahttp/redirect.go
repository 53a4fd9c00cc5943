//go:build unix

package ahttp

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// maxRedirectDrain is how much of a redirect's body Do reads so that its
// connection can be reused (as net/http: 2 KiB); a longer body closes it.
const maxRedirectDrain = 2 << 10

// Do sends req and reads the response's header, following redirects and
// using the Jar as the Client's fields say; the body is read from
// resp.Body (async Read or ReadAll). Read the body to its end, or Close
// it, so that the connection goes back to the pool (or is closed) and its
// slot of MaxConnsPerHost is free again.
//
// Redirects are followed as net/http's Client follows them: a 301, 302
// or 303 is followed with GET (HEAD stays HEAD) and no body, a 307 or 308
// with the same method and body (sent again from req.GetBody; without
// GetBody a request with a body gets the 307/308 itself); a 3xx without a
// Location is returned as it is. Each new request carries the first
// one's header, less Authorization, Www-Authenticate, Cookie, Cookie2,
// Proxy-Authorization and Proxy-Authenticate once a redirect leaves the
// first host and its subdomains, less the Content-* fields when the body
// is dropped, and a Referer naming the previous URL. CheckRedirect
// decides whether to follow (by default: up to 10 redirects, then the
// error "stopped after 10 redirects", with the last response, its body
// closed); http.ErrUseLastResponse returns the 3xx response unread.
//
// A 101 Switching Protocols response's Body reads the stream that follows
// it, to its end (read only: there is no writing to the other protocol).
//
// The request body, if any, is streamed, never held in memory: with a
// positive ContentLength it is sent with that Content-Length (and then
// read to its io.EOF: a body shorter or longer fails the request, as with
// net/http), otherwise chunked. A
// body that is an AsyncReader (a response's Body, an anet.Conn) is read
// by awaiting ReadAsync; any other io.Reader is read on the loop, which
// suits bytes.Reader, strings.Reader or a file, not a pipe (its wait
// would block the loop). An error reading the body abandons the request
// and closes its connection. A server that answers before the body is
// all sent (a 413) gets no more of it: Do returns that response, and its
// connection is closed after it. The body is closed once sent, as by
// net/http; GetBody, if set, is what a 307 or 308, or a retry on another
// connection, sends again (http.NewRequest sets it for in-memory
// bodies); without it, such a request is not sent again.
//
// Called from ordinary code (no loop), Do blocks and uses no pool.
//
// async
func (cl *Client) Do(req *http.Request) (*Response, error) {
	if req.URL == nil {
		return nil, errors.New("ahttp: request without URL")
	}
	var dl time.Time
	if cl.Timeout > 0 {
		dl = rt.Now().Add(cl.Timeout)
	}
	var via []*http.Request
	strip := false // the redirects left the first host: drop credentials
	for {
		if err := checkURL(req.URL); err != nil {
			if len(via) == 0 {
				return nil, err
			}
			return nil, &url.Error{Op: opName(via[0].Method), URL: req.URL.String(), Err: err}
		}
		proxy, err := cl.proxyFor(req)
		if err != nil {
			return nil, &url.Error{Op: opName(req.Method), URL: req.URL.String(), Err: err}
		}
		sent, gz := cl.outgoing(req)
		resp, err := cl.send(sent, proxy, dl)
		if err != nil {
			return nil, err
		}
		if cl.Jar != nil {
			if rc := resp.Cookies(); len(rc) > 0 {
				cl.Jar.SetCookies(req.URL, rc)
			}
		}
		if gz {
			cl.gunzip(resp)
		}
		first := req
		if len(via) > 0 {
			first = via[0]
		}
		method, follow, withBody := redirectPolicy(req.Method, resp.StatusCode, first)
		if !follow {
			return resp, nil
		}
		loc := resp.Header.Get("Location")
		if loc == "" {
			return resp, nil // a 3xx without Location is the answer (net/http)
		}
		u, err := req.URL.Parse(loc)
		if err != nil {
			resp.Body.Close()
			return nil, &url.Error{Op: opName(first.Method), URL: req.URL.String(),
				Err: fmt.Errorf("failed to parse Location header %q: %v", loc, err)}
		}
		host := ""
		if req.Host != "" && req.Host != req.URL.Host {
			if lu, _ := url.Parse(loc); lu != nil && !lu.IsAbs() {
				host = req.Host // a relative Location keeps the Host override
			}
		}
		next := &http.Request{
			Method:     method,
			URL:        u,
			Proto:      "HTTP/1.1",
			ProtoMajor: 1,
			ProtoMinor: 1,
			Header:     make(http.Header),
			Host:       host,
			Response:   resp.Response,
		}
		if withBody && first.GetBody != nil {
			body, err := first.GetBody()
			if err != nil {
				resp.Body.Close()
				return nil, &url.Error{Op: opName(first.Method), URL: req.URL.String(), Err: err}
			}
			next.Body = body
			next.GetBody = first.GetBody
			next.ContentLength = first.ContentLength
		}
		if !strip && first.URL.Host != u.Host && !domainOrSubdomain(u.Hostname(), first.URL.Hostname()) {
			strip = true
		}
		copyRedirectHeader(next.Header, first.Header, strip, !withBody)
		if ref := referer(req.URL, u, next.Header.Get("Referer")); ref != "" {
			next.Header.Set("Referer", ref)
		}
		via = append(via, req)
		if err := cl.checkRedirect(next, via); err != nil {
			if err == http.ErrUseLastResponse {
				return resp, nil
			}
			resp.Body.Close()
			return resp, &url.Error{Op: opName(first.Method), URL: u.String(), Err: err}
		}
		// Read a short rest so that the connection can carry the next
		// request; a long one is not worth the wait.
		if resp.ContentLength == -1 || resp.ContentLength <= maxRedirectDrain {
			buf := make([]byte, 512)
			drained := 0
			for drained <= maxRedirectDrain {
				n, err := resp.Body.Read(buf)
				drained += n
				if err != nil {
					break
				}
			}
		}
		resp.Body.Close()
		req = next
	}
}

// checkURL reports a URL the client cannot send to.
func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("ahttp: unsupported protocol scheme %q (only http and https)", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("ahttp: no Host in request URL")
	}
	return nil
}

// outgoing is req as it goes out: with the Jar's cookies and, unless the
// caller chose an encoding, Accept-Encoding: gzip (gz reports that it was
// added, so the response is for the client to decode). req itself is not
// changed: a header to add makes a copy.
func (cl *Client) outgoing(req *http.Request) (sent *http.Request, gz bool) {
	var cookies []*http.Cookie
	if cl.Jar != nil {
		cookies = cl.Jar.Cookies(req.URL)
	}
	gz = !cl.DisableCompression && req.Method != http.MethodHead &&
		req.Header.Get("Accept-Encoding") == "" && req.Header.Get("Range") == ""
	if len(cookies) == 0 && !gz {
		return req, false
	}
	r := new(http.Request)
	*r = *req
	r.Header = req.Header.Clone()
	if r.Header == nil {
		r.Header = make(http.Header)
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	if gz {
		r.Header.Set("Accept-Encoding", "gzip")
	}
	return r, gz
}

// proxyFor is the proxy req goes through, or nil.
func (cl *Client) proxyFor(req *http.Request) (*url.URL, error) {
	proxy := cl.Proxy
	if proxy == nil {
		proxy = http.ProxyFromEnvironment
	}
	u, err := proxy(req)
	if err != nil || u == nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("ahttp: unsupported proxy scheme %q (only http and https)", u.Scheme)
	}
	return u, nil
}

func (cl *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if cl.CheckRedirect != nil {
		return cl.CheckRedirect(req, via)
	}
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	return nil
}

// redirectPolicy says whether a response with this status is followed,
// with which method, and whether the body is sent again (net/http's
// rules).
func redirectPolicy(method string, status int, first *http.Request) (next string, follow, withBody bool) {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther:
		if method != http.MethodGet && method != http.MethodHead {
			method = http.MethodGet
		}
		return method, true, false
	case http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		hasBody := first.Body != nil && first.Body != http.NoBody || first.ContentLength > 0
		if first.GetBody == nil && hasBody {
			return method, false, false // the body cannot be sent again: the 307 is the answer
		}
		return method, true, true
	}
	return method, false, false
}

// copyRedirectHeader copies the first request's header to a redirect's,
// without the credentials (strip) and the payload's fields (noBody).
func copyRedirectHeader(dst, src http.Header, strip, noBody bool) {
	for k, vv := range src {
		switch k {
		case "Authorization", "Www-Authenticate", "Cookie", "Cookie2", "Proxy-Authorization", "Proxy-Authenticate":
			if strip {
				continue
			}
		case "Content-Encoding", "Content-Language", "Content-Location", "Content-Type":
			if noBody {
				continue
			}
		}
		dst[k] = append([]string(nil), vv...)
	}
}

// domainOrSubdomain reports whether sub is parent or a subdomain of it.
func domainOrSubdomain(sub, parent string) bool {
	sub, parent = strings.ToLower(sub), strings.ToLower(parent)
	if sub == parent {
		return true
	}
	if strings.ContainsAny(sub, ":%") { // an IPv6 literal has no subdomains
		return false
	}
	return strings.HasSuffix(sub, "."+parent)
}

// referer is the Referer of a request redirected from last to next: the
// caller's own, or last without its user info; none from https to http.
func referer(last, next *url.URL, explicit string) string {
	if last.Scheme == "https" && next.Scheme == "http" {
		return ""
	}
	if explicit != "" {
		return explicit
	}
	u := *last
	u.User = nil
	return u.String()
}
