//go:build unix

package ahttp_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// followServer serves the redirect, cookie and gzip scenarios and logs
// every request it sees, so that net/http's client and ahttp's can be
// compared hop by hop.
type followServer struct {
	mu    sync.Mutex
	log   []string
	other string // the server's URL through another host name
}

func (s *followServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.log = append(s.log, fmt.Sprintf("%s %s body=%q referer=%q cookie=%q gzip=%v auth=%q",
		r.Method, r.URL.RequestURI(), body, r.Referer(), r.Header.Get("Cookie"),
		strings.Contains(r.Header.Get("Accept-Encoding"), "gzip"), r.Header.Get("Authorization")))
	s.mu.Unlock()
	switch r.URL.Path {
	case "/301", "/302", "/303", "/307", "/308":
		code := map[string]int{"/301": 301, "/302": 302, "/303": 303, "/307": 307, "/308": 308}[r.URL.Path]
		http.Redirect(w, r, "/final?from="+r.URL.Path[1:], code)
	case "/elsewhere":
		http.Redirect(w, r, s.other+"/final?from=elsewhere", http.StatusFound)
	case "/chain":
		http.Redirect(w, r, "/302", http.StatusFound)
	case "/loop":
		http.Redirect(w, r, "/loop", http.StatusFound)
	case "/nolocation":
		w.WriteHeader(http.StatusFound)
		io.WriteString(w, "no location")
	case "/setcookie":
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "abc", Path: "/"})
		http.Redirect(w, r, "/final?from=setcookie", http.StatusFound)
	case "/gzip":
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			io.WriteString(w, "plain text")
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		io.WriteString(zw, strings.Repeat("compressed text ", 1000))
		zw.Close()
	default:
		fmt.Fprintf(w, "final %s %s", r.Method, r.URL.RequestURI())
	}
}

func (s *followServer) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.log
	s.log = nil
	return out
}

type followOutcome struct {
	Status       int
	Body         string
	Encoding     string
	Uncompressed bool
	Err          string
}

// followAhttp makes req's request with an ahttp Client configured like
// the net/http one.
//
// async
func followAhttp(cl *ahttp.Client, method, url, body string, header http.Header) (followOutcome, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return followOutcome{}, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := cl.Do(req)
	if err != nil {
		return followOutcome{Err: err.Error()}, nil
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	if err != nil {
		return followOutcome{}, err
	}
	return followOutcome{resp.StatusCode, string(b), resp.Header.Get("Content-Encoding"), resp.Uncompressed, ""}, nil
}

func followStd(cl *http.Client, method, url, body string, header http.Header) (followOutcome, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return followOutcome{}, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := cl.Do(req)
	if err != nil {
		return followOutcome{Err: err.Error()}, nil
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return followOutcome{}, err
	}
	return followOutcome{resp.StatusCode, string(b), resp.Header.Get("Content-Encoding"), resp.Uncompressed, ""}, nil
}

// TestClientFollowsLikeNetHTTP sends the same requests through net/http's
// Client and ahttp's, each with a fresh cookie jar, against one server:
// the followOutcome (status, body, error) and every hop the server saw (method,
// path, body, Referer, Cookie, Accept-Encoding, Authorization) must agree.
func TestClientFollowsLikeNetHTTP(t *testing.T) {
	fs := &followServer{}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	fs.other = strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	useLast := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	cases := []struct {
		name, method, path, body string
		header                   http.Header
		check                    func(*http.Request, []*http.Request) error
		compression              bool // DisableCompression
	}{
		{name: "301 GET", method: "GET", path: "/301"},
		{name: "301 POST becomes GET", method: "POST", path: "/301", body: "data"},
		{name: "302 POST becomes GET", method: "POST", path: "/302", body: "data"},
		{name: "303 PUT becomes GET", method: "PUT", path: "/303", body: "data"},
		{name: "307 POST keeps its body", method: "POST", path: "/307", body: "data"},
		{name: "308 PUT keeps its body", method: "PUT", path: "/308", body: "data"},
		{name: "HEAD stays HEAD", method: "HEAD", path: "/302"},
		{name: "a chain", method: "GET", path: "/chain"},
		{name: "ten redirects are the limit", method: "GET", path: "/loop"},
		{name: "no Location", method: "GET", path: "/nolocation"},
		{name: "same host keeps Authorization", method: "GET", path: "/302", header: http.Header{"Authorization": {"Bearer x"}}},
		{name: "another host drops Authorization and cookies", method: "GET", path: "/elsewhere", header: http.Header{"Authorization": {"Bearer x"}, "Cookie": {"c=1"}}},
		{name: "ErrUseLastResponse", method: "GET", path: "/302", check: useLast},
		{name: "cookie jar across a redirect", method: "GET", path: "/setcookie"},
		{name: "gzip", method: "GET", path: "/gzip"},
		{name: "gzip asked for by the caller stays compressed", method: "GET", path: "/gzip", header: http.Header{"Accept-Encoding": {"gzip"}}},
		{name: "DisableCompression", method: "GET", path: "/gzip", compression: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			jar1, _ := cookiejar.New(nil)
			std := &http.Client{Jar: jar1, CheckRedirect: tc.check, Transport: &http.Transport{DisableCompression: tc.compression, Proxy: nil}}
			defer std.CloseIdleConnections()
			want, err := followStd(std, tc.method, srv.URL+tc.path, tc.body, tc.header)
			require.NoError(t, err)
			wantLog := fs.take()

			jar2, _ := cookiejar.New(nil)
			cl := &ahttp.Client{Jar: jar2, CheckRedirect: tc.check, DisableCompression: tc.compression,
				Proxy: func(*http.Request) (*url.URL, error) { return nil, nil }}
			defer cl.CloseIdleConnections()
			got, err := rt.Run(followAhttpAsync(cl, tc.method, srv.URL+tc.path, tc.body, tc.header))
			require.NoError(t, err)
			gotLog := fs.take()
			// The error texts name the client's own type path only in
			// their prefix ("Get" vs the method): compare the cause.
			if want.Err != "" || got.Err != "" {
				assert.NotEmpty(t, got.Err, "net/http failed: %s", want.Err)
				assert.NotEmpty(t, want.Err, "ahttp failed: %s", got.Err)
				assert.Equal(t, errCause(want.Err), errCause(got.Err))
				want.Err, got.Err = "", ""
			}
			assert.Equal(t, want, got)
			assert.Equal(t, wantLog, gotLog)
		})
	}
}

func errCause(s string) string {
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// TestClientProxyLikeNetHTTP: with a Proxy, the request goes to the proxy
// in absolute form with the proxy URL's credentials, as net/http sends it.
func TestClientProxyLikeNetHTTP(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, fmt.Sprintf("%s %s host=%q auth=%q", r.Method, r.RequestURI, r.Host, r.Header.Get("Proxy-Authorization")))
		mu.Unlock()
		fmt.Fprintf(w, "proxied %s", r.RequestURI)
	}))
	defer proxy.Close()
	pu, err := url.Parse(proxy.URL)
	require.NoError(t, err)
	pu.User = url.UserPassword("user", "secret")
	const target = "http://example.invalid/path?q=1"

	std := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu)}}
	defer std.CloseIdleConnections()
	want, err := followStd(std, "GET", target, "", nil)
	require.NoError(t, err)
	cl := &ahttp.Client{Proxy: http.ProxyURL(pu)}
	defer cl.CloseIdleConnections()
	got, err := rt.Run(followAhttpAsync(cl, "GET", target, "", nil))
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, "proxied "+target, got.Body)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, seen, 2)
	assert.Equal(t, seen[0], seen[1])
}
