//go:build unix

package anet_test

import (
	"bytes"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tlsServer is a crypto/tls server on a plain goroutine (the oracle):
// each connection is handshaken and given to handle.
func tlsServer(t *testing.T, cfg *tls.Config, handle func(*tls.Conn)) string {
	t.Helper()
	return stdServer(t, func(c net.Conn) {
		tc := tls.Server(c, cfg)
		defer tc.Close()
		if err := tc.Handshake(); err != nil {
			return
		}
		handle(tc)
	})
}

func tlsEcho(tc *tls.Conn) { io.Copy(tc, tc) }

// tlsResult is what a client on the loop saw of its connection.
type tlsResult struct {
	echo  string
	state tls.ConnectionState
}

// async
func tlsEchoClient(addr string, cfg *tls.Config, msg string) (tlsResult, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return tlsResult{}, err
	}
	defer c.Close()
	c = anet.TLSClient(c, cfg)
	if err := c.Handshake(); err != nil {
		return tlsResult{}, err
	}
	if _, err := c.Write([]byte(msg + "\n")); err != nil {
		return tlsResult{}, err
	}
	line, err := c.ReadUntil('\n')
	if err != nil {
		return tlsResult{}, err
	}
	return tlsResult{echo: string(line), state: c.ConnectionState()}, nil
}

// TestTLSClientVersionsSNIALPN: a client on the loop talks to crypto/tls's
// server in TLS 1.2 and 1.3, verifying its certificate against a custom
// pool, with the server name it sent (SNI) and the protocol the two agreed
// on (ALPN) as crypto/tls's server saw them.
func TestTLSClientVersionsSNIALPN(t *testing.T) {
	pki := newPKI(t)
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		t.Run(tls.VersionName(v), func(t *testing.T) {
			var mu sync.Mutex
			var sni string
			srv := &tls.Config{
				Certificates: []tls.Certificate{pki.server},
				MinVersion:   v, MaxVersion: v,
				NextProtos: []string{"h2", "http/1.1"},
				GetConfigForClient: func(h *tls.ClientHelloInfo) (*tls.Config, error) {
					mu.Lock()
					sni = h.ServerName
					mu.Unlock()
					return nil, nil
				},
			}
			addr := tlsServer(t, srv, tlsEcho)
			cli := &tls.Config{RootCAs: pki.pool, ServerName: "example.test", NextProtos: []string{"http/1.1"}}
			res, err := rt.Run(tlsEchoClientAsync(addr, cli, "hello over tls"))
			require.NoError(t, err)
			assert.Equal(t, "hello over tls\n", res.echo)
			assert.Equal(t, v, res.state.Version)
			assert.True(t, res.state.HandshakeComplete)
			assert.Equal(t, "http/1.1", res.state.NegotiatedProtocol)
			assert.Equal(t, "example.test", res.state.ServerName)
			require.Len(t, res.state.PeerCertificates, 1)
			assert.Equal(t, "example.test", res.state.PeerCertificates[0].Subject.CommonName)
			mu.Lock()
			assert.Equal(t, "example.test", sni, "the server saw the client's SNI")
			mu.Unlock()
		})
	}
}

// TestTLSClientRejectsBadCert: a certificate that the pool did not sign,
// and one for another name, fail the handshake with crypto/x509's errors.
func TestTLSClientRejectsBadCert(t *testing.T) {
	pki := newPKI(t)
	addr := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.other}}, tlsEcho)
	_, err := rt.Run(tlsEchoClientAsync(addr, &tls.Config{RootCAs: pki.pool, ServerName: "example.test"}, "x"))
	var verr *tls.CertificateVerificationError
	require.ErrorAs(t, err, &verr)
	var unknown x509.UnknownAuthorityError
	assert.ErrorAs(t, err, &unknown)
	assert.Contains(t, err.Error(), "certificate signed by unknown authority")

	addr = tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.server}}, tlsEcho)
	_, err = rt.Run(tlsEchoClientAsync(addr, &tls.Config{RootCAs: pki.pool, ServerName: "other.test"}, "x"))
	var herr x509.HostnameError
	assert.ErrorAs(t, err, &herr)
}

// async
func tlsServeOne(ln *anet.Listener, cfg *tls.Config) (tlsResult, error) {
	c, err := ln.Accept()
	if err != nil {
		return tlsResult{}, err
	}
	defer c.Close()
	c = anet.TLSServer(c, cfg)
	line, err := c.ReadUntil('\n') // the first read runs the handshake
	if err != nil {
		return tlsResult{}, err
	}
	if _, err := c.Write(line); err != nil {
		return tlsResult{}, err
	}
	return tlsResult{echo: string(line), state: c.ConnectionState()}, nil
}

// tlsListen listens on the loopback for tlsServeOne.
func tlsListen(t *testing.T) (*anet.Listener, string) {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	return ln, ln.Addr().String()
}

// TestTLSServerClientCert: a server on the loop, asking for a client
// certificate verified against the pool, serves crypto/tls's client, in
// TLS 1.2 and 1.3; a client without a certificate is refused.
func TestTLSServerClientCert(t *testing.T) {
	pki := newPKI(t)
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		t.Run(tls.VersionName(v), func(t *testing.T) {
			srv := &tls.Config{
				Certificates: []tls.Certificate{pki.server},
				ClientAuth:   tls.RequireAndVerifyClientCert,
				ClientCAs:    pki.pool,
				MinVersion:   v, MaxVersion: v,
				NextProtos: []string{"http/1.1"},
			}
			ln, addr := tlsListen(t)
			done := make(chan struct{})
			var res tlsResult
			var serr error
			go func() {
				defer close(done)
				res, serr = rt.Run(tlsServeOneAsync(ln, srv))
			}()
			tc, err := tls.Dial("tcp", addr, &tls.Config{
				RootCAs: pki.pool, ServerName: "example.test",
				Certificates: []tls.Certificate{pki.client}, NextProtos: []string{"http/1.1"},
			})
			require.NoError(t, err)
			defer tc.Close()
			fmt.Fprintf(tc, "from crypto/tls\n")
			got := make([]byte, len("from crypto/tls\n"))
			_, err = io.ReadFull(tc, got)
			require.NoError(t, err)
			assert.Equal(t, "from crypto/tls\n", string(got))
			<-done
			require.NoError(t, serr)
			assert.Equal(t, v, res.state.Version)
			assert.Equal(t, "http/1.1", res.state.NegotiatedProtocol)
			require.Len(t, res.state.PeerCertificates, 1)
			assert.Equal(t, "anet client", res.state.PeerCertificates[0].Subject.CommonName)
		})
	}

	// Without a client certificate.
	srv := &tls.Config{Certificates: []tls.Certificate{pki.server}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pki.pool}
	ln, addr := tlsListen(t)
	done := make(chan error, 1)
	go func() {
		_, err := rt.Run(tlsServeOneAsync(ln, srv))
		done <- err
	}()
	tc, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pki.pool, ServerName: "example.test"})
	if err == nil {
		_, err = tc.Read(make([]byte, 1)) // TLS 1.3: the refusal comes after the client's handshake
		tc.Close()
	}
	assert.Error(t, err)
	serr := <-done
	require.Error(t, serr)
	assert.Contains(t, serr.Error(), "certificate")
}

// async
func tlsResumeTwice(addr string, cfg *tls.Config) ([2]bool, error) {
	var did [2]bool
	for i := range 2 {
		res, err := tlsEchoClient(addr, cfg, "again")
		if err != nil {
			return did, err
		}
		did[i] = res.state.DidResume
	}
	return did, nil
}

// TestTLSSessionResumption: with a ClientSessionCache, a second connection
// resumes the first one's session (TLS 1.2 session tickets, TLS 1.3
// tickets sent after the handshake and read by the client's Read).
func TestTLSSessionResumption(t *testing.T) {
	pki := newPKI(t)
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		t.Run(tls.VersionName(v), func(t *testing.T) {
			addr := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.server}, MinVersion: v, MaxVersion: v}, tlsEcho)
			cli := &tls.Config{RootCAs: pki.pool, ServerName: "example.test", ClientSessionCache: tls.NewLRUClientSessionCache(4)}
			did, err := rt.Run(tlsResumeTwiceAsync(addr, cli))
			require.NoError(t, err)
			assert.Equal(t, [2]bool{false, true}, did)
		})
	}
}

// async
func tlsBigExchange(addr string, cfg *tls.Config, data []byte) ([32]byte, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return [32]byte{}, err
	}
	defer c.Close()
	c = anet.TLSClient(c, cfg)
	writer := rt.Spawn(tlsWriteAllAsync(c, data))
	h := sha256.New()
	buf := make([]byte, 32<<10)
	got := 0
	for got < len(data) {
		n, err := c.Read(buf)
		if err != nil {
			return [32]byte{}, err
		}
		h.Write(buf[:n])
		got += n
	}
	if _, err := rt.Await(writer); err != nil {
		return [32]byte{}, err
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, nil
}

// async
func tlsWriteAll(c *anet.Conn, data []byte) error {
	for len(data) > 0 { // uneven writes, so records and writes do not line up
		n := min(len(data), 100_000+rand.IntN(200_000))
		if _, err := c.Write(data[:n]); err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// TestTLSLargeTransferBothWays: 24 MiB written by the loop and echoed by
// crypto/tls's server come back intact, the loop's reader and writer
// running at once on the one connection (each side's back-pressure holds
// the other). Both versions.
func TestTLSLargeTransferBothWays(t *testing.T) {
	pki := newPKI(t)
	data := make([]byte, 24<<20)
	for i := range data {
		data[i] = byte(i*7 + i>>12)
	}
	want := sha256.Sum256(data)
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		t.Run(tls.VersionName(v), func(t *testing.T) {
			addr := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.server}, MinVersion: v, MaxVersion: v}, tlsEcho)
			got, err := rt.Run(tlsBigExchangeAsync(addr, &tls.Config{RootCAs: pki.pool, ServerName: "example.test"}, data))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// cutConn is the raw side of a crypto/tls server that, once armed, sends
// only the first half of the next write and then closes the connection:
// the peer sees the stream end inside a record.
type cutConn struct {
	net.Conn
	mu  sync.Mutex
	cut bool
	// pause, if set, is slept between the two halves of each write
	// (instead of cutting).
	pause time.Duration
}

func (c *cutConn) Write(b []byte) (int, error) {
	c.mu.Lock()
	cut, pause := c.cut, c.pause
	c.mu.Unlock()
	switch {
	case cut:
		c.Conn.Write(b[:len(b)/2])
		c.Conn.Close()
		return len(b), nil
	case pause > 0:
		n, err := c.Conn.Write(b[:len(b)/2])
		if err != nil {
			return n, err
		}
		time.Sleep(pause)
		m, err := c.Conn.Write(b[len(b)/2:])
		return n + m, err
	}
	return c.Conn.Write(b)
}

// async
func tlsReadAll(addr string, cfg *tls.Config) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	c = anet.TLSClient(c, cfg)
	var out bytes.Buffer
	buf := make([]byte, 1024)
	for {
		n, err := c.Read(buf)
		out.Write(buf[:n])
		if err != nil {
			return out.String(), err
		}
	}
}

// TestTLSPeerCloses: a peer that closes inside a record is
// io.ErrUnexpectedEOF; one that sends close_notify is io.EOF after the
// data; one that closes the socket at a record boundary without
// close_notify is io.EOF too (crypto/tls accepts it, as web servers do
// it).
func TestTLSPeerCloses(t *testing.T) {
	pki := newPKI(t)
	cli := &tls.Config{RootCAs: pki.pool, ServerName: "example.test"}
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		srv := &tls.Config{Certificates: []tls.Certificate{pki.server}, MinVersion: v, MaxVersion: v, SessionTicketsDisabled: true}
		t.Run(tls.VersionName(v)+"/mid-record", func(t *testing.T) {
			addr := stdServer(t, func(c net.Conn) {
				cc := &cutConn{Conn: c}
				tc := tls.Server(cc, srv)
				if tc.Handshake() != nil {
					return
				}
				tc.Write([]byte("whole record"))
				cc.mu.Lock()
				cc.cut = true
				cc.mu.Unlock()
				tc.Write([]byte("this record is cut in half"))
			})
			got, err := rt.Run(tlsReadAllAsync(addr, cli))
			assert.Equal(t, "whole record", got)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
		})
		t.Run(tls.VersionName(v)+"/close_notify", func(t *testing.T) {
			addr := tlsServer(t, srv, func(tc *tls.Conn) { tc.Write([]byte("bye")) }) // tlsServer closes: close_notify
			got, err := rt.Run(tlsReadAllAsync(addr, cli))
			assert.Equal(t, "bye", got)
			assert.Equal(t, io.EOF, err)
		})
		t.Run(tls.VersionName(v)+"/no-close_notify", func(t *testing.T) {
			addr := stdServer(t, func(c net.Conn) {
				tc := tls.Server(c, srv)
				if tc.Handshake() == nil {
					tc.Write([]byte("abrupt"))
				}
				c.Close()
			})
			got, err := rt.Run(tlsReadAllAsync(addr, cli))
			assert.Equal(t, "abrupt", got)
			assert.Equal(t, io.EOF, err)
		})
	}
}

// async
func tlsCancelledReads(addr string, cfg *tls.Config) ([]string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c = anet.TLSClient(c, cfg)
	if err := c.Handshake(); err != nil {
		return nil, err
	}
	var log []string
	buf := make([]byte, 64)
	// The server writes each record in two halves 300 ms apart: cancel
	// the read while half a record has arrived.
	if _, err := c.Write([]byte("go\n")); err != nil {
		return nil, err
	}
	if _, err := rt.Await(rt.WaitFor(c.ReadAsync(buf), 150*time.Millisecond)); err != rt.ErrTimeout {
		return nil, fmt.Errorf("WaitFor(Read): %v, want ErrTimeout", err)
	}
	log = append(log, "cancelled")
	c.SetReadDeadline(rt.Now().Add(50 * time.Millisecond))
	if _, err := c.Read(buf); !errors.Is(err, os.ErrDeadlineExceeded) {
		return nil, fmt.Errorf("Read past deadline: %v, want ErrDeadlineExceeded", err)
	}
	log = append(log, "deadline")
	c.SetReadDeadline(time.Time{})
	line, err := c.ReadUntil('\n')
	if err != nil {
		return nil, err
	}
	log = append(log, string(line))
	if _, err := c.Write([]byte("again\n")); err != nil { // the connection is still good both ways
		return nil, err
	}
	line, err = c.ReadUntil('\n')
	if err != nil {
		return nil, err
	}
	return append(log, string(line)), nil
}

// TestTLSCancelMidRead: a read cancelled (rt.WaitFor) or timed out (a read
// deadline) while half a record has arrived loses nothing: the next read
// returns the whole record and the stream goes on.
func TestTLSCancelMidRead(t *testing.T) {
	pki := newPKI(t)
	srv := &tls.Config{Certificates: []tls.Certificate{pki.server}, SessionTicketsDisabled: true}
	addr := stdServer(t, func(c net.Conn) {
		cc := &cutConn{Conn: c}
		tc := tls.Server(cc, srv)
		if tc.Handshake() != nil {
			return
		}
		cc.mu.Lock()
		cc.pause = 300 * time.Millisecond
		cc.mu.Unlock()
		buf := make([]byte, 64)
		for range 2 {
			n, err := tc.Read(buf)
			if err != nil {
				return
			}
			tc.Write([]byte("echo " + string(buf[:n])))
		}
	})
	got, err := rt.Run(tlsCancelledReadsAsync(addr, &tls.Config{RootCAs: pki.pool, ServerName: "example.test"}))
	require.NoError(t, err)
	assert.Equal(t, []string{"cancelled", "deadline", "echo go\n", "echo again\n"}, got)
}

// async
func tlsSilentPeer(addr string) (time.Duration, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	c = anet.TLSClient(c, &tls.Config{ServerName: "example.test"})
	c.SetHandshakeTimeout(200 * time.Millisecond)
	start := rt.Now()
	err = c.Handshake()
	took := rt.Now().Sub(start)
	if err2 := c.Handshake(); err2 != err {
		return took, fmt.Errorf("second Handshake: %v, want the first one's %v", err2, err)
	}
	return took, err
}

// TestTLSHandshakeTimeout: a peer that accepts and never answers fails the
// handshake after the handshake timeout, with an error that wraps
// os.ErrDeadlineExceeded, and the handshake's goroutine ends.
func TestTLSHandshakeTimeout(t *testing.T) {
	hold := make(chan struct{})
	defer close(hold)
	addr := stdServer(t, func(c net.Conn) { <-hold })
	before := runtime.NumGoroutine()
	took, err := rt.Run(tlsSilentPeerAsync(addr))
	assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
	assert.GreaterOrEqual(t, took, 200*time.Millisecond)
	n := 0
	for range 500 { // testify's Eventually runs its condition on a goroutine of its own
		if n = runtime.NumGoroutine(); n <= before+1 { // +1: the silent peer's handler
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, n, before+1, "the handshake goroutine ended")
}

// async
func tlsIdleConns(n int, cfg, scfg *tls.Config, counts *[3]int) error {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	addr := ln.Addr().String()
	counts[0] = runtime.NumGoroutine()
	srv := rt.Spawn(tlsAcceptIdleAsync(ln, n, scfg))
	clients := make([]*anet.Conn, 0, n)
	defer func() {
		for _, c := range clients {
			c.Close()
		}
	}()
	for range n {
		c, err := anet.Dial("tcp", addr)
		if err != nil {
			return err
		}
		clients = append(clients, c)
		c = anet.TLSClient(c, cfg)
		if err := c.Handshake(); err != nil {
			return err
		}
	}
	servers, err := rt.Await(srv)
	if err != nil {
		return err
	}
	defer func() {
		for _, c := range servers {
			c.Close()
		}
	}()
	for i, c := range clients { // every connection works, both ways
		if _, err := c.Write([]byte("ping\n")); err != nil {
			return err
		}
		line, err := servers[i].ReadUntil('\n')
		if err != nil || string(line) != "ping\n" {
			return fmt.Errorf("conn %d: %q, %v", i, line, err)
		}
	}
	rt.Sleep(50 * time.Millisecond) // let the handshake goroutines exit
	counts[1] = runtime.NumGoroutine()
	counts[2] = len(servers) + len(clients)
	return nil
}

// async
func tlsAcceptIdle(ln *anet.Listener, n int, cfg *tls.Config) ([]*anet.Conn, error) {
	var out []*anet.Conn
	for range n {
		c, err := ln.Accept()
		if err != nil {
			return out, err
		}
		out = append(out, anet.TLSServer(c, cfg))
		if err := c.Handshake(); err != nil {
			return out, err
		}
	}
	return out, nil
}

// TestTLSNoGoroutinePerConn: 200 TLS connections, both ends on one loop,
// handshaken and idle, cost no goroutine: the count after equals the count
// before (the handshakes' goroutines have ended).
func TestTLSNoGoroutinePerConn(t *testing.T) {
	pki := newPKI(t)
	var counts [3]int
	_, err := rt.Run(tlsIdleConnsAsync(200,
		&tls.Config{RootCAs: pki.pool, ServerName: "example.test"},
		&tls.Config{Certificates: []tls.Certificate{pki.server}}, &counts))
	require.NoError(t, err)
	t.Logf("goroutines: %d before, %d with %d idle TLS connections", counts[0], counts[1], counts[2])
	assert.Equal(t, 400, counts[2])
	assert.LessOrEqual(t, counts[1], counts[0]+2, "no goroutine per connection")
}

// async
func tlsHandshakes(addr string, cfg *tls.Config, n int) error {
	for range n {
		c, err := anet.Dial("tcp", addr)
		if err != nil {
			return err
		}
		c = anet.TLSClient(c, cfg)
		err = c.Handshake()
		c.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkTLSHandshake compares a full handshake (TLS 1.3, ECDSA P-256,
// no resumption) made on the loop, crypto/tls's handshake running on a
// goroutine of its own while the loop moves the records, with the same
// handshake made by crypto/tls on a net.Conn, against crypto/tls's
// server.
func BenchmarkTLSHandshake(b *testing.B) {
	pki := newPKI(b)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{pki.server}, SessionTicketsDisabled: true})
	require.NoError(b, err)
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				c.(*tls.Conn).Handshake()
				c.Close()
			}()
		}
	}()
	addr := ln.Addr().String()
	cfg := &tls.Config{RootCAs: pki.pool, ServerName: "example.test"}
	b.Run("anet", func(b *testing.B) {
		_, err := rt.Run(tlsHandshakesAsync(addr, cfg, b.N))
		require.NoError(b, err)
	})
	b.Run("crypto-tls", func(b *testing.B) {
		for range b.N {
			c, err := tls.Dial("tcp", addr, cfg)
			require.NoError(b, err)
			c.Close()
		}
	})
}

// TestTLSFromOrdinaryCode: called outside a loop, the natural forms block
// the calling goroutine (in poll(2)), the handshake included, as a plain
// Conn's do.
func TestTLSFromOrdinaryCode(t *testing.T) {
	pki := newPKI(t)
	addr := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.server}}, tlsEcho)
	res, err := tlsEchoClient(addr, &tls.Config{RootCAs: pki.pool, ServerName: "example.test"}, "plain Go")
	require.NoError(t, err)
	assert.Equal(t, "plain Go\n", res.echo)
	assert.Equal(t, uint16(tls.VersionTLS13), res.state.Version)
}

// async
func tlsHalfClose(addr string, cfg *tls.Config) (string, error) {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	c = anet.TLSClient(c, cfg)
	if _, err := c.Write([]byte("half")); err != nil {
		return "", err
	}
	if err := c.CloseWrite(); err != nil {
		return "", err
	}
	var out []byte
	buf := make([]byte, 64)
	for {
		n, err := c.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return string(out), nil
		}
		if err != nil {
			return string(out), err
		}
	}
}

// TestTLSCloseWrite: CloseWrite sends close_notify: crypto/tls's server
// reads the data then end of stream, and can still answer.
func TestTLSCloseWrite(t *testing.T) {
	pki := newPKI(t)
	addr := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.server}}, func(tc *tls.Conn) {
		b, err := io.ReadAll(tc)
		fmt.Fprintf(tc, "got %q, %v", b, err)
	})
	got, err := rt.Run(tlsHalfCloseAsync(addr, &tls.Config{RootCAs: pki.pool, ServerName: "example.test"}))
	require.NoError(t, err)
	assert.Equal(t, `got "half", <nil>`, got)
}

// async
func tlsCancelHandshake(addr string, counts *[2]int) error {
	c, err := anet.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	c = anet.TLSClient(c, &tls.Config{ServerName: "example.test"})
	if _, err := rt.Await(rt.WaitFor(c.HandshakeAsync(), 100*time.Millisecond)); err != rt.ErrTimeout {
		return fmt.Errorf("WaitFor(Handshake): %v, want ErrTimeout", err)
	}
	// The connection is still open: the goroutine must end anyway.
	for range 100 {
		rt.Sleep(10 * time.Millisecond)
		if counts[1] = runtime.NumGoroutine(); counts[1] <= counts[0] {
			break
		}
	}
	if err := c.Handshake(); err == nil {
		return errors.New("an abandoned handshake succeeded")
	}
	return nil
}

// TestTLSCancelHandshake: a handshake whose task is cancelled frees its
// goroutine at once, though the connection stays open and the handshake
// timeout is far; the connection can then only be closed.
func TestTLSCancelHandshake(t *testing.T) {
	hold := make(chan struct{})
	defer close(hold)
	addr := stdServer(t, func(c net.Conn) { <-hold })
	var counts [2]int
	counts[0] = runtime.NumGoroutine() + 1 + helperGoroutines // +1: the silent peer's handler; the loop's poller may add its helper
	_, err := rt.Run(tlsCancelHandshakeAsync(addr, &counts))
	require.NoError(t, err)
	assert.LessOrEqual(t, counts[1], counts[0], "the handshake's goroutine ended")
}
