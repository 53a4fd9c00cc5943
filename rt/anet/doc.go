// Package anet is rt's network streams: TCP and Unix stream sockets whose
// reads, writes, dials and accepts wait on the loop's poller instead of
// blocking a goroutine (asyncio's streams, made for Go).
//
// The package is named anet ("async net"), not net, so that it can be
// imported beside the standard net package, whose address types and
// errors it uses, without renaming either.
//
//	//async
//	func echo(c *anet.Conn) error {
//		defer c.Close()
//		for {
//			line, err := c.ReadUntil('\n')
//			if err != nil {
//				return err
//			}
//			if _, err := c.Write(line); err != nil {
//				return err
//			}
//		}
//	}
//
// # Async methods
//
// A function or method M is async when its package declares MAsync with
// the same parameters, returning an rt.Awaitable: Dial, Listen,
// Listener.Accept, Conn.Read, Conn.Write, Conn.ReadFull, Conn.ReadUntil
// and Conn.ReadExactly are. Inside an //async function asyncgen awaits the
// companion; the calling task parks on the poller while the socket is not
// ready, and other tasks run. Called from ordinary code the natural form
// blocks the calling goroutine in poll(2) instead: it works, but costs a
// goroutine like net.Conn does. Close, CloseWrite, the deadline setters
// and the address getters never wait.
//
// Conn.ReadAsync and Conn.WriteAsync are written by hand (connop.go): each
// Conn carries a spare read and a spare write operation, so a Read or a
// Write allocates nothing, completes without suspending when the data (or
// room in the kernel's send buffer) is there, and becomes a frame of the
// task only while it waits on the poller. A second Read started while the
// spare is in use gets an operation of its own. Conn.ReadFullAsync
// (io.ReadFull's loop, reading ahead as ReadUntil does) shares the spare
// read.
//
// A read of a TCP socket that returns fewer bytes than it asked for took
// all the kernel had, so the next Read, ReadFull or buffering read
// (ReadUntil, ReadExactly) waits on the poller at once instead of first
// making a read that would fail with EAGAIN: a server that read a whole
// request and wrote its answer makes one system call fewer per request
// (rt.FD.SetDrained says when the poller allows it).
//
// # Sockets
//
// Sockets are made with golang.org/x/sys/unix in non-blocking mode (the
// standard net package's file descriptors are private to the Go runtime's
// own poller, which parks goroutines). TCP sockets get TCP_NODELAY, as
// in net; listeners get SO_REUSEADDR. Host names are resolved on rt's
// thread pool (rt.ToThread) with the standard resolver; addresses that
// are IP literals need no thread. Dial races a name's addresses (Happy
// Eyeballs, RFC 8305, lightly, as net.Dialer does): the families
// interleaved, the next attempt started every FallbackDelay (300 ms) or
// as soon as the last one fails, the first to connect kept and the
// others cancelled, their sockets closed before Dial returns.
// The package builds on Unix systems only.
//
// # Pollers
//
// On Linux the loop's poller is epoll, and a task waiting on a socket
// costs no goroutine. On the other Unix systems (macOS, the BSDs) it is
// rt's portable poller (rt/poll_other.go): one helper goroutine per loop,
// from the loop's first socket wait until the loop is closed, waits in
// poll(2) on every socket a task waits on, and hands readiness to the
// loop; still no goroutine per socket or per waiting task. There sockets
// that become ready together may wake their tasks over a few loop turns
// rather than one, and each wait costs a write to the helper's pipe.
// Build with -tags asyncgen_pollfallback to use the portable poller on
// Linux; the ordinary go test on Linux runs it too: TestPollFallback runs
// the tests of rt and of this package that exercise the poller again in
// a go test subprocess with that tag.
//
// # Deadlines, timeouts and cancellation
//
// SetDeadline, SetReadDeadline and SetWriteDeadline work as in net, on the
// loop's clock (rt.Now, so virtual under rt.VirtualTime): a wait past its
// deadline fails with an error that wraps os.ErrDeadlineExceeded and whose
// Timeout method reports true. rt.WaitFor bounds one call instead.
//
// Cancelling a task blocked in a Read, Write, Accept or Dial (Task.Cancel,
// rt.WaitFor's timeout, a failing task group) takes it off the poller and
// unwinds it with rt.ErrCanceled. The connection stays open and usable:
//
//   - a cancelled Read consumed nothing (a cancelled ReadFull loses
//     what it had read);
//   - a cancelled ReadUntil or ReadExactly keeps what it had read in the
//     connection's buffer, so the next read returns it: no byte is lost;
//   - a cancelled Write returns nothing, but may have handed a prefix of
//     its bytes to the kernel, which the peer will receive: Conn.LastWritten
//     says how long that prefix is (a write deadline instead makes Write
//     return the count with its error, as in net). The stream is intact,
//     but the peer may see a partial message, so close the connection
//     unless the protocol can resume from that offset;
//   - a cancelled Dial closes its socket.
//
// # Ownership
//
// A Conn or Listener belongs to the loop of the first task that waits on
// it: use and close it from that loop's tasks. One task at a time may
// read and one may write; a second concurrent reader (or writer) fails
// with rt.ErrBusy.
//
// # TLS
//
// TLSClient and TLSServer make a Conn speak TLS with crypto/tls (every
// version, cipher suite, SNI, ALPN, verification, client certificate and
// session resumption crypto/tls has, configured by a *tls.Config as
// usual); Read, Write and the ReadUntil family then carry plaintext, with
// the same deadlines, cancellation and back-pressure as a plain Conn, and
// Close sends close_notify (as the socket takes it at once: Close never
// waits) and CloseWrite sends it alone. ConnectionState reports the
// handshake's outcome. The handshake's errors are crypto/tls's own (a
// *tls.CertificateVerificationError for a certificate the configuration
// does not trust, a tls.AlertError from the peer, ...), those of the
// socket are wrapped in *net.OpError as a plain Conn's are.
//
//	c, err := anet.Dial("tcp", "example.com:443")
//	...
//	c = anet.TLSClient(c, &tls.Config{ServerName: "example.com", NextProtos: []string{"http/1.1"}})
//	if err := c.Handshake(); err != nil { // or let the first Read or Write run it
//		...
//	}
//
// Records are read and written on the loop: crypto/tls runs over an
// in-memory net.Conn whose Read returns the ciphertext the loop has read
// from the socket, or, when it has none, a temporary net.Error, which
// crypto/tls does not keep as the connection's error; the loop then waits
// for the socket, reads, and calls tls.Conn.Read again. Its Write always
// takes everything (crypto/tls keeps write errors), into a buffer the
// loop sends before Write returns, at most 64 KiB of plaintext at a time
// (back-pressure). A cancelled Read consumes nothing; a cancelled Write
// leaves its encrypted part queued, sent before the next Write.
//
// The handshake is the one part of crypto/tls that cannot stop half way
// and resume, so it runs on a goroutine of its own while the loop moves
// its records (each time it needs the peer's bytes, a task on the loop
// sends what it wrote and reads more); the goroutine ends with the
// handshake. At most MaxHandshakes (256) run at once per loop, the rest
// wait their turn on the loop; a handshake is bounded by
// SetHandshakeTimeout (DefaultHandshakeTimeout, 10 s) and the read
// deadline, so a silent peer cannot hold a goroutine for long, and
// cancelling it frees the goroutine at once. rt's thread pool
// (rt.ToThread) is not used, because its max(4, GOMAXPROCS+4) goroutines
// would be held for the round trips of a handshake, not just its
// computation, capping a loop at a few handshakes per round trip. There
// is no goroutine-free way with crypto/tls: its QUIC interface
// (tls.QUICConn) is event-driven, but speaks only TLS 1.3 and leaves the
// record layer to the caller. Measured by BenchmarkTLSHandshake (TLS 1.3,
// ECDSA P-256, loopback, against crypto/tls's server, 2 cores shared with
// other work), a full handshake costs about 1.5 times crypto/tls's on a
// net.Conn: 1.4-1.7 ms against 1.0-1.15 ms at load 4.6, 2.6-3.9 ms
// against 1.8-2.3 ms at load 9; the difference is the hand-overs between
// the goroutine and the loop (a task submitted to the loop each time the
// handshake needs the peer's bytes, and the result sent back). Once it is done no goroutine is left: 400
// handshaken idle connections cost none (TestTLSNoGoroutinePerConn).
//
// # More than one core
//
// A loop is one goroutine, so one loop uses one core. A server that needs
// more runs one loop per core, each on its own goroutine, each with its
// own listener on the same address, made with ListenConfig{ReusePort:
// true}; the kernel spreads the connections among them:
//
//	for range runtime.NumCPU() {
//		go rt.Run(shardAsync(addr)) // shard: ListenConfig{ReusePort: true}.Listen, then accept and serve
//	}
//
// Loops share nothing but what the program shares between goroutines.
package anet
