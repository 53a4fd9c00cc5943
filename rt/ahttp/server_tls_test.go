//go:build unix

package ahttp_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tlsHandler answers with what it saw of the request's TLS.
//
// async
func tlsHandler(w *ahttp.ResponseWriter, r *http.Request) {
	if r.TLS == nil {
		http.Error(w, "no TLS state", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%s %s %s %s", r.URL.Path, tls.VersionName(r.TLS.Version), r.TLS.NegotiatedProtocol, r.TLS.ServerName)
}

// httptestTLS returns the certificate of net/http's test TLS server and
// the client configuration that trusts it.
func httptestTLS(t *testing.T) (tls.Certificate, *tls.Config) {
	ts := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(ts.Close)
	return ts.TLS.Certificates[0], tlsClientConfig(ts)
}

// closeCountingClient is a net/http client that counts the connections
// it dials and those it has closed.
func closeCountingClient() (cl *http.Client, dials, closes *atomic.Int32) {
	dials, closes = new(atomic.Int32), new(atomic.Int32)
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		dials.Add(1)
		return &closeCounted{Conn: c, closes: closes}, nil
	}}
	return &http.Client{Transport: tr}, dials, closes
}

type closeCounted struct {
	net.Conn
	once   sync.Once
	closes *atomic.Int32
}

func (c *closeCounted) Close() error {
	c.once.Do(func() { c.closes.Add(1) })
	return c.Conn.Close()
}

// TestServerTLSServesNetHTTPClient: a TLSConfig makes the server speak
// https to net/http's client: many requests, sequential and concurrent,
// over kept-alive connections, in TLS 1.2 and 1.3, each request with its
// TLS state.
func TestServerTLSServesNetHTTPClient(t *testing.T) {
	cert, cliCfg := httptestTLS(t)
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		t.Run(tls.VersionName(v), func(t *testing.T) {
			srv := &ahttp.Server{
				Handler:   ahttp.HandlerFunc(tlsHandlerAsync),
				TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, MaxVersion: v},
			}
			base := "https" + strings.TrimPrefix(runServer(t, srv), "http")
			cfg := cliCfg.Clone()
			cfg.ServerName = "example.com"
			cl, dials, closes := closeCountingClient()
			tr := cl.Transport.(*http.Transport)
			tr.TLSClientConfig = cfg
			tr.ForceAttemptHTTP2 = true // offers h2 and http/1.1: the server picks http/1.1
			// Room for every connection it may dial (see below).
			tr.MaxIdleConnsPerHost = 256
			defer cl.CloseIdleConnections()
			for i := range 100 {
				resp, err := cl.Get(fmt.Sprintf("%s/seq/%d", base, i))
				require.NoError(t, err)
				assert.Equal(t, fmt.Sprintf("/seq/%d %s http/1.1 example.com", i, tls.VersionName(v)), readBody(t, resp))
				assert.Equal(t, "HTTP/1.1", resp.Proto)
				assert.Equal(t, v, resp.TLS.Version)
			}
			assert.Equal(t, int32(1), dials.Load(), "one connection, kept alive")
			var wg sync.WaitGroup
			for i := range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := range 10 {
						resp, err := cl.Get(fmt.Sprintf("%s/par/%d/%d", base, i, j))
						if assert.NoError(t, err) {
							assert.False(t, resp.Close, "the response keeps the connection")
							assert.Equal(t, fmt.Sprintf("/par/%d/%d %s http/1.1 example.com", i, j, tls.VersionName(v)), readBody(t, resp))
						}
					}
				}()
			}
			wg.Wait()
			// How many connections net/http's client dials here depends on
			// the load, not on the server: a request that finds no idle
			// connection dials one, and takes whichever comes first, that
			// dial or a connection another request gives back; the dial,
			// when it ends, goes idle. When handshakes are slow next to
			// requests (a loaded machine, TLS 1.2's two round trips),
			// nearly every request dials: over 100 connections for these
			// 200 requests, with net/http's server as with this one. With
			// idle room for all of them (at most 201 dials: one per
			// request), the client closes none of its own accord, so a
			// connection closed by now was ended by the server.
			t.Logf("%d connections dialled", dials.Load())
			assert.Zero(t, closes.Load(), "connections are kept alive")
		})
	}
}

// TestServerTLSIdleTimeoutEndsConn: an https connection idle past
// IdleTimeout is ended by the server, and net/http's client then closes
// it (what TestServerTLSServesNetHTTPClient counts).
func TestServerTLSIdleTimeoutEndsConn(t *testing.T) {
	cert, cliCfg := httptestTLS(t)
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(tlsHandlerAsync), IdleTimeout: time.Millisecond,
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}}
	base := "https" + strings.TrimPrefix(runServer(t, srv), "http")
	cl, dials, closes := closeCountingClient()
	cl.Transport.(*http.Transport).TLSClientConfig = cliCfg
	defer cl.CloseIdleConnections()
	resp, err := cl.Get(base + "/idle")
	require.NoError(t, err)
	assert.Equal(t, "/idle TLS 1.3  ", readBody(t, resp), "no ALPN offered")
	for deadline := time.Now().Add(30 * time.Second); closes.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	assert.Equal(t, int32(1), dials.Load())
	assert.Equal(t, int32(1), closes.Load(), "closed once the server ended it")
}

// writeCertFiles writes a self-signed certificate for 127.0.0.1 and its
// key as PEM files and returns their paths and a pool that trusts it.
func writeCertFiles(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7),
		Subject:      pkix.Name{CommonName: "ahttp test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	kder, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	require.NoError(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600))
	c, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(c)
	return certFile, keyFile, pool
}

// TestServerListenAndServeTLS: ListenAndServeTLS reads the certificate
// files; a plain-http request fails the handshake, gets net/http's 400
// and is logged as net/http logs it.
func TestServerListenAndServeTLS(t *testing.T) {
	certFile, keyFile, pool := writeCertFiles(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0") // find a free port
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	var logged bytes.Buffer
	var logMu sync.Mutex
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(tlsHandlerAsync), ErrorLog: log.New(lockedWriter{&logMu, &logged}, "", 0)}
	lp := rt.NewLoop()
	done := make(chan error, 1)
	go func() {
		_, err := rt.RunOn(lp, srv.ListenAndServeTLSAsync(addr, certFile, keyFile))
		done <- err
	}()
	defer func() {
		lp.CallSoonThreadSafe(func() { srv.Close() })
		assert.ErrorIs(t, <-done, http.ErrServerClosed)
		lp.Close()
	}()
	cl := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	defer cl.CloseIdleConnections()
	var resp *http.Response
	for deadline := time.Now().Add(30 * time.Second); ; { // until it listens
		if resp, err = cl.Get("https://" + addr + "/files"); err == nil || time.Now().After(deadline) {
			break
		}
		select {
		case err := <-done: // the port was taken meanwhile, say
			t.Fatalf("ListenAndServeTLS ended: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	require.NoError(t, err)
	assert.Equal(t, "/files TLS 1.3  ", readBody(t, resp), "no ALPN offered, none agreed")

	resp, err = http.Get("http://" + addr + "/plain")
	require.NoError(t, err)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "Client sent an HTTP request to an HTTPS server.\n", readBody(t, resp))
	// The server logs the failed handshake once it has answered it.
	wantLog := "http: TLS handshake error from 127.0.0.1:"
	logText := func() string {
		logMu.Lock()
		defer logMu.Unlock()
		return logged.String()
	}
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(logText(), wantLog) && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	assert.Contains(t, logText(), wantLog)
	assert.Contains(t, logText(), ": client sent an HTTP request to an HTTPS server")
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

// TestServerTLSNoGoroutinePerConn: 200 kept-alive https connections, each
// having carried a request, cost the server no goroutine. The clients are
// crypto/tls connections driven from the test goroutine, which need none
// of their own after their handshake.
func TestServerTLSNoGoroutinePerConn(t *testing.T) {
	cert, cliCfg := httptestTLS(t)
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(tlsHandlerAsync), TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}}
	base := runServer(t, srv)
	addr := strings.TrimPrefix(base, "http://")
	time.Sleep(20 * time.Millisecond)
	before := runtime.NumGoroutine()
	var conns []*tls.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range 200 {
		c, err := tls.Dial("tcp", addr, cliCfg)
		require.NoError(t, err)
		conns = append(conns, c)
		fmt.Fprintf(c, "GET /idle/%d HTTP/1.1\r\nHost: x\r\n\r\n", i)
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		require.Equal(t, fmt.Sprintf("/idle/%d TLS 1.3  ", i), string(body))
	}
	var after int
	// The handshakes' goroutines end just after them (later on a loaded
	// machine): a goroutine per connection would stay.
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		if after = runtime.NumGoroutine(); after <= before {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("goroutines: %d before, %d with 200 idle https connections", before, after)
	assert.LessOrEqual(t, after, before, "no goroutine per connection")
}

// async
func tlsLoopFetch(cl *ahttp.Client, base string, n int) ([]string, error) {
	var out []string
	for i := range n {
		resp, err := cl.Get(fmt.Sprintf("%s/loop/%d", base, i))
		if err != nil {
			return out, err
		}
		b, err := resp.Body.ReadAll()
		resp.Body.Close()
		if err != nil {
			return out, err
		}
		out = append(out, string(b))
	}
	return out, nil
}

// TestServerTLSWithAhttpClient: ahttp's https client and server, on two
// loops, over one kept-alive connection.
func TestServerTLSWithAhttpClient(t *testing.T) {
	cert, cliCfg := httptestTLS(t)
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(tlsHandlerAsync), TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}}
	base := "https" + strings.TrimPrefix(runServer(t, srv), "http")
	cl := &ahttp.Client{TLSClientConfig: cliCfg}
	got, err := rt.Run(tlsLoopFetchAsync(cl, base, 50))
	require.NoError(t, err)
	require.Len(t, got, 50)
	assert.Equal(t, "/loop/49 TLS 1.3 http/1.1 ", got[49])
	assert.Equal(t, 1, cl.Dials())
}

// async
func serveGroupTLS(lc anet.ListenConfig, cfg *tls.Config, tell func(string), stop *rt.Mailbox[struct{}]) error {
	lns, err := lc.ListenGroup("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(whichLoopAsync), TLSConfig: cfg}
	t := rt.Spawn(srv.ServeGroupAsync(lns, time.Second))
	tell(lns[0].Addr().String())
	if _, err := stop.Recv(); err != nil {
		return err
	}
	t.Cancel()
	_, err = rt.Await[struct{}](t)
	if !errors.Is(err, rt.ErrCanceled) {
		return fmt.Errorf("ServeGroup ended with %v, not ErrCanceled", err)
	}
	return nil
}

// TestServeGroupTLS: ServeGroup with a TLSConfig serves https on every
// loop of the group, to net/http's client.
func TestServeGroupTLS(t *testing.T) {
	cert, cliCfg := httptestTLS(t)
	for _, one := range []bool{false, true} {
		t.Run(fmt.Sprintf("OneAcceptor=%v", one), func(t *testing.T) {
			addrs := make(chan string, 1)
			stop := rt.NewMailbox[struct{}]()
			done := make(chan error, 1)
			go func() {
				_, err := rt.RunGroup(serveGroupTLSAsync(anet.ListenConfig{OneAcceptor: one},
					&tls.Config{Certificates: []tls.Certificate{cert}}, func(a string) { addrs <- a }, stop), rt.Loops(2))
				done <- err
			}()
			base := "https://" + <-addrs
			count := map[string]int{}
			for range 20 {
				tr := &http.Transport{TLSClientConfig: cliCfg, DisableKeepAlives: true}
				resp, err := (&http.Client{Transport: tr}).Get(base + "/")
				require.NoError(t, err)
				count[readBody(t, resp)]++
				assert.NotNil(t, resp.TLS)
			}
			require.NoError(t, stop.Send(struct{}{}))
			require.NoError(t, <-done)
			assert.Equal(t, 20, count["loop 0"]+count["loop 1"], "%v", count)
			if one {
				assert.Equal(t, map[string]int{"loop 0": 10, "loop 1": 10}, count, "round robin")
			}
		})
	}
}

// plainToTLS sends a plain-http request to addr and returns all it gets
// back.
func plainToTLS(t *testing.T, addr string) string {
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	b, _ := io.ReadAll(c)
	return string(b)
}

// TestServerTLSPlainRequest: a plain-http request to the https server is
// answered as net/http's https server answers it.
func TestServerTLSPlainRequest(t *testing.T) {
	ts := httptest.NewUnstartedServer(http.NotFoundHandler())
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.StartTLS()
	defer ts.Close()
	want := plainToTLS(t, ts.Listener.Addr().String())
	require.Contains(t, want, "Client sent an HTTP request to an HTTPS server")

	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(tlsHandlerAsync), ErrorLog: log.New(io.Discard, "", 0),
		TLSConfig: &tls.Config{Certificates: ts.TLS.Certificates}}
	base := runServer(t, srv)
	assert.Equal(t, want, plainToTLS(t, strings.TrimPrefix(base, "http://")))
}
