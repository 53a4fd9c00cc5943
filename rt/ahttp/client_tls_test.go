//go:build unix

package ahttp_test

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tlsClientConfig is the configuration net/http's client of srv uses
// (it trusts srv's certificate).
func tlsClientConfig(srv *httptest.Server) *tls.Config {
	return srv.Client().Transport.(*http.Transport).TLSClientConfig
}

// TestClientResponsesLikeNetHTTPOverTLS runs the response table of
// TestClientResponsesLikeNetHTTP over TLS: the same raw bytes, served by
// a crypto/tls listener with httptest's certificate, to both clients.
func TestClientResponsesLikeNetHTTPOverTLS(t *testing.T) {
	ts := httptest.NewTLSServer(http.NotFoundHandler())
	defer ts.Close()
	cfg := tlsClientConfig(ts)
	srvCfg := &tls.Config{Certificates: ts.TLS.Certificates}
	serve := func(c rawCase) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		rawServe(t, tls.NewListener(ln, srvCfg), c)
		return "https://" + ln.Addr().String()
	}
	for _, c := range rawCases {
		if c.verdict == pending {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			std := stdOutcomesTLS(serve(c), c.head, cfg)
			ours, err := rt.Run(ahttpOutcomesAsync(serve(c), c.head, cfg))
			require.NoError(t, err)
			for i := range std {
				if d := judge(c.verdict, std[i], ours[i]); d != "" {
					t.Errorf("request %d: %s", i+1, d)
				}
			}
		})
	}
}

// httpsSeen is what an https test server saw of its requests.
type httpsSeen struct {
	mu      sync.Mutex
	sni     []string
	alpn    []string
	conns   map[string]bool
	resumed int
}

func (s *httpsSeen) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.sni = append(s.sni, r.TLS.ServerName)
		s.alpn = append(s.alpn, r.TLS.NegotiatedProtocol)
		s.conns[r.RemoteAddr] = true
		if r.TLS.DidResume {
			s.resumed++
		}
		s.mu.Unlock()
		w.Header().Set("X-Proto", r.Proto)
		fmt.Fprintf(w, "%s %s %s", r.Method, r.URL.RequestURI(), r.Header.Get("X-Test"))
	})
}

// fetchResult is one response as a client saw it.
type fetchResult struct {
	Status  int
	Proto   string
	XProto  string
	Body    string
	Version uint16
	ALPN    string
	Resumed bool
}

func stdFetch(cl *http.Client, u string) (fetchResult, error) {
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("X-Test", "x")
	resp, err := cl.Do(req)
	if err != nil {
		return fetchResult{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return fetchResult{resp.StatusCode, resp.Proto, resp.Header.Get("X-Proto"), string(b),
		resp.TLS.Version, resp.TLS.NegotiatedProtocol, resp.TLS.DidResume}, err
}

// async
func ahttpFetch(cl *ahttp.Client, u string) (fetchResult, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return fetchResult{}, err
	}
	req.Header.Set("X-Test", "x")
	resp, err := cl.Do(req)
	if err != nil {
		return fetchResult{}, err
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	return fetchResult{resp.StatusCode, resp.Proto, resp.Header.Get("X-Proto"), string(b),
		resp.TLS.Version, resp.TLS.NegotiatedProtocol, resp.TLS.DidResume}, err
}

// sentALPN checks that ahttp's client agreed on http/1.1 by ALPN and
// clears it: net/http's client offers no ALPN when its TLSClientConfig
// is set without ForceAttemptHTTP2.
func sentALPN(t *testing.T, got []fetchResult) []fetchResult {
	out := append([]fetchResult(nil), got...)
	for i := range out {
		assert.Equal(t, "http/1.1", out[i].ALPN)
		out[i].ALPN = ""
	}
	return out
}

// async
func ahttpFetchAll(cl *ahttp.Client, urls []string) ([]fetchResult, error) {
	var out []fetchResult
	for _, u := range urls {
		r, err := ahttpFetch(cl, u)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// TestClientHTTPS: ahttp's client fetches from net/http's TLS test server
// (httptest.NewTLSServer, its certificate trusted through the
// configuration of the server's own client) what net/http's client
// fetches, over one kept-alive TLS connection, with ALPN http/1.1 and
// resp.TLS set.
func TestClientHTTPS(t *testing.T) {
	seen := &httpsSeen{conns: map[string]bool{}}
	ts := httptest.NewTLSServer(seen.handler())
	defer ts.Close()
	urls := []string{ts.URL + "/", ts.URL + "/a?b=c", ts.URL + "/x/y"}

	std := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsClientConfig(ts), ForceAttemptHTTP2: false}}
	var want []fetchResult
	for _, u := range urls {
		r, err := stdFetch(std, u)
		require.NoError(t, err)
		want = append(want, r)
	}
	seen.mu.Lock()
	seen.conns = map[string]bool{}
	seen.alpn = nil
	seen.mu.Unlock()

	cl := &ahttp.Client{TLSClientConfig: tlsClientConfig(ts)}
	got, err := rt.Run(ahttpFetchAllAsync(cl, urls))
	require.NoError(t, err)
	assert.Equal(t, want, sentALPN(t, got))
	assert.Equal(t, uint16(tls.VersionTLS13), got[0].Version)
	assert.Equal(t, 1, cl.Dials(), "one TLS connection, kept alive")
	seen.mu.Lock()
	assert.Len(t, seen.conns, 1)
	assert.Equal(t, []string{"http/1.1", "http/1.1", "http/1.1"}, seen.alpn)
	seen.mu.Unlock()
}

// TestClientHTTPSServerNameAndResumption: the server name sent is the
// URL's host (SNI) unless the configuration names one, and with a
// ClientSessionCache a new connection resumes the session of the last.
func TestClientHTTPSServerNameAndResumption(t *testing.T) {
	seen := &httpsSeen{conns: map[string]bool{}}
	ts := httptest.NewTLSServer(seen.handler())
	defer ts.Close()
	port := ts.Listener.Addr().(*net.TCPAddr).Port
	cfg := tlsClientConfig(ts).Clone()
	cfg.InsecureSkipVerify = true // the certificate is not for "localhost"
	cfg.ClientSessionCache = tls.NewLRUClientSessionCache(8)
	cl := &ahttp.Client{TLSClientConfig: cfg, MaxIdleConnsPerHost: -1} // a connection per request
	u := fmt.Sprintf("https://localhost:%d/", port)
	got, err := rt.Run(ahttpFetchAllAsync(cl, []string{u, u, u}))
	require.NoError(t, err)
	assert.Equal(t, []bool{false, true, true}, []bool{got[0].Resumed, got[1].Resumed, got[2].Resumed})
	assert.Equal(t, 3, cl.Dials())
	seen.mu.Lock()
	assert.Equal(t, []string{"localhost", "localhost", "localhost"}, seen.sni)
	assert.Equal(t, 2, seen.resumed)
	seen.mu.Unlock()
}

// TestClientHTTPSBadCertificate: with the default configuration (the
// system's roots) the test server's certificate is refused, as net/http's
// default client refuses it.
func TestClientHTTPSBadCertificate(t *testing.T) {
	ts := httptest.NewTLSServer(http.NotFoundHandler())
	defer ts.Close()
	_, stdErr := http.Get(ts.URL)
	require.Error(t, stdErr)
	_, err := rt.Run(ahttpFetchAllAsync(&ahttp.Client{}, []string{ts.URL}))
	require.Error(t, err)
	var uerr *url.Error
	require.ErrorAs(t, err, &uerr)
	var verr *tls.CertificateVerificationError
	require.ErrorAs(t, err, &verr, "%v", err)
	var unknown x509.UnknownAuthorityError
	assert.ErrorAs(t, err, &unknown)
	assert.Contains(t, stdErr.Error(), "certificate signed by unknown authority")
	assert.Contains(t, err.Error(), "certificate signed by unknown authority")
}

// connectProxy is an HTTP proxy that serves CONNECT only, tunnelling to
// the requested host, and counts the tunnels.
func connectProxy(t *testing.T, targets *[]string, mu *sync.Mutex) *httptest.Server {
	p := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		mu.Lock()
		*targets = append(*targets, r.Host+" "+r.Header.Get("Proxy-Authorization"))
		mu.Unlock()
		up, err := net.Dial("tcp", r.Host)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer up.Close()
		w.WriteHeader(http.StatusOK)
		c, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer c.Close()
		rw.Flush()
		go io.Copy(up, rw)
		io.Copy(c, up)
	}))
	t.Cleanup(p.Close)
	return p
}

// TestClientHTTPSThroughProxy: an https URL goes through the proxy's
// CONNECT tunnel, with the proxy URL's credentials, and the tunnel is
// kept alive for the next request; net/http's client does the same
// through the same proxy.
func TestClientHTTPSThroughProxy(t *testing.T) {
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "through "+r.URL.Path)
	}))
	defer ts.Close()
	var mu sync.Mutex
	var targets []string
	proxy := connectProxy(t, &targets, &mu)
	pu, _ := url.Parse(proxy.URL)
	pu.User = url.UserPassword("u", "p")
	urls := []string{ts.URL + "/one", ts.URL + "/two"}

	std := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsClientConfig(ts), Proxy: http.ProxyURL(pu)}}
	var want []fetchResult
	for _, u := range urls {
		r, err := stdFetch(std, u)
		require.NoError(t, err)
		want = append(want, r)
	}
	mu.Lock()
	stdTargets := targets
	targets = nil
	mu.Unlock()

	cl := &ahttp.Client{TLSClientConfig: tlsClientConfig(ts), Proxy: http.ProxyURL(pu)}
	got, err := rt.Run(ahttpFetchAllAsync(cl, urls))
	require.NoError(t, err)
	assert.Equal(t, want, sentALPN(t, got))
	assert.Equal(t, "through /two", got[1].Body)
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, stdTargets, targets, "the same CONNECTs as net/http's")
	require.Len(t, targets, 1, "one tunnel, kept alive")
	assert.True(t, strings.HasPrefix(targets[0], ts.Listener.Addr().String()+" Basic "))
}

// TestClientTLSHandshakeTimeout: a server that accepts and never answers
// fails the request after TLSHandshakeTimeout, with an error that wraps
// os.ErrDeadlineExceeded, in a *url.Error.
func TestClientTLSHandshakeTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	hold := make(chan struct{})
	defer close(hold)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { <-hold; c.Close() }()
		}
	}()
	cl := &ahttp.Client{TLSHandshakeTimeout: 100 * time.Millisecond}
	start := time.Now()
	_, err = rt.Run(ahttpFetchAllAsync(cl, []string{"https://" + ln.Addr().String() + "/"}))
	assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
	var uerr *url.Error
	assert.ErrorAs(t, err, &uerr)
	assert.GreaterOrEqual(t, time.Since(start), 100*time.Millisecond)
}

// async
func fetchTwiceApart(cl *ahttp.Client, u string, pause time.Duration) ([]fetchResult, error) {
	a, err := ahttpFetch(cl, u)
	if err != nil {
		return nil, err
	}
	rt.Sleep(pause)
	b, err := ahttpFetch(cl, u)
	return []fetchResult{a, b}, err
}

// TestClientHTTPSServerClosesIdle: a TLS connection the server closed
// while it was idle in the pool (net/http's IdleTimeout: close_notify,
// then the socket) is not reused: the next request dials again and
// succeeds.
func TestClientHTTPSServerClosesIdle(t *testing.T) {
	seen := &httpsSeen{conns: map[string]bool{}}
	ts := httptest.NewUnstartedServer(seen.handler())
	ts.Config.IdleTimeout = 50 * time.Millisecond
	ts.StartTLS()
	defer ts.Close()
	cl := &ahttp.Client{TLSClientConfig: tlsClientConfig(ts)}
	got, err := rt.Run(fetchTwiceApartAsync(cl, ts.URL+"/", 200*time.Millisecond))
	require.NoError(t, err)
	assert.Equal(t, "GET / x", got[1].Body)
	assert.Equal(t, 2, cl.Dials())
}
