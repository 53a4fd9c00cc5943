//go:build unix

package ahttp_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// proxyOutcome is what a client got through a proxy.
type proxyOutcome struct {
	Status int
	Body   string
	TLS    bool // resp.TLS set
}

// getViaProxy fetches url with cl and reads the response.
//
// async
func getViaProxy(cl *ahttp.Client, url string) (proxyOutcome, error) {
	resp, err := cl.Get(url)
	if err != nil {
		return proxyOutcome{}, err
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	return proxyOutcome{resp.StatusCode, string(b), resp.TLS != nil}, err
}

// getAllViaProxy fetches urls in turn with cl, on one loop (one pool).
//
// async
func getAllViaProxy(cl *ahttp.Client, urls []string) ([]proxyOutcome, error) {
	var out []proxyOutcome
	for _, u := range urls {
		o, err := getViaProxy(cl, u)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// TestClientHTTPSProxyLikeNetHTTP: a proxy URL with the https scheme is
// spoken to over TLS (the proxy's certificate checked with
// TLSClientConfig), and an http URL goes to it in absolute form with the
// proxy URL's credentials, kept alive; net/http's client does the same
// through the same local TLS proxy (httptest's TLS server).
func TestClientHTTPSProxyLikeNetHTTP(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	proxy := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, fmt.Sprintf("%s %s tls=%v auth=%q", r.Method, r.RequestURI, r.TLS != nil, r.Header.Get("Proxy-Authorization")))
		mu.Unlock()
		fmt.Fprintf(w, "proxied %s", r.RequestURI)
	}))
	defer proxy.Close()
	pu, err := url.Parse(proxy.URL)
	require.NoError(t, err)
	require.Equal(t, "https", pu.Scheme)
	pu.User = url.UserPassword("user", "secret")
	targets := []string{"http://example.invalid/one", "http://example.invalid/two?q=1"}
	take := func() []string {
		mu.Lock()
		defer mu.Unlock()
		s := seen
		seen = nil
		return s
	}

	std := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu), TLSClientConfig: tlsClientConfig(proxy)}}
	defer std.CloseIdleConnections()
	var want []proxyOutcome
	for _, u := range targets {
		resp, err := std.Get(u)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want = append(want, proxyOutcome{resp.StatusCode, string(b), resp.TLS != nil})
	}
	wantSeen := take()

	cl := &ahttp.Client{Proxy: http.ProxyURL(pu), TLSClientConfig: tlsClientConfig(proxy)}
	defer cl.CloseIdleConnections()
	got, err := rt.Run(getAllViaProxyAsync(cl, targets))
	require.NoError(t, err)
	gotSeen := take()

	assert.Equal(t, want, got)
	assert.Equal(t, wantSeen, gotSeen)
	require.Len(t, gotSeen, 2)
	assert.Equal(t, `GET http://example.invalid/one tls=true auth="Basic dXNlcjpzZWNyZXQ="`, gotSeen[0])
	assert.Equal(t, 1, cl.Dials(), "one TLS connection to the proxy, kept alive")

	// The proxy's certificate is checked: without its pool, refused.
	bare := &ahttp.Client{Proxy: http.ProxyURL(pu)}
	_, err = rt.Run(getViaProxyAsync(bare, targets[0]))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate signed by unknown authority")

	// An https URL through an https proxy (TLS inside TLS) fails clearly;
	// net/http supports it, ahttp does not (yet).
	_, err = rt.Run(getViaProxyAsync(cl, "https://example.invalid/"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "through an https proxy")
	assert.Empty(t, take())
}
