// Package ahttp is HTTP/1.1 on rt's loop: a server that serves each
// connection on a task and a client with a keep-alive pool, both on
// rt/anet streams, so a waiting request costs a parked frame, never a
// goroutine.
//
// It reuses net/http's types and parsers: requests are *http.Request,
// headers http.Header, header blocks are parsed by http.ReadRequest and
// http.ReadResponse and requests written by Request.Write. What ahttp
// adds is the framing that must be incremental on a non-blocking
// connection: reading a header block up to its empty line (within a
// limit), and fixed-length, chunked and read-to-end bodies (Body). Chunks
// are written with httputil's chunked writer; they are read by Body's own
// incremental parser, since httputil's reader would block the loop on a
// chunk that has not fully arrived.
//
// # Server
//
// A Handler is a type with an async ServeHTTP method (asyncgen generates
// the ServeHTTPAsync the interface asks for), or HandlerFunc(fAsync) for
// an async function f:
//
//	// async
//	func hello(w *ahttp.ResponseWriter, r *http.Request) {
//		rt.Sleep(50 * time.Millisecond) // waits without a goroutine
//		fmt.Fprintf(w, "hello, %s\n", r.URL.Path)
//	}
//
//	// async
//	func serve() error {
//		srv := &ahttp.Server{Handler: ahttp.HandlerFunc(helloAsync)}
//		return srv.ListenAndServe("127.0.0.1:8080")
//	}
//
// Server.Serve accepts on an anet.Listener and spawns one task per
// connection, which reads requests one after another (keep-alive), each
// with its body read into memory (up to MaxBodyBytes, else 413) and its
// header within MaxHeaderBytes (else 431), then awaits the handler. The
// ResponseWriter implements http.ResponseWriter: writes are buffered and
// sent with a Content-Length when the handler returns; Flush (async)
// sends what is buffered and switches to chunked encoding (or, with a
// Content-Length set by the handler, sends the body as is). ReadTimeout,
// WriteTimeout and IdleTimeout are deadlines on the connection.
//
// A connection's task keeps what a kept-alive request would allocate
// again: its output and body buffers, the response header map (so a
// ResponseWriter, as net/http's, may not be used once its handler has
// returned), the peer's address; the Date field is formatted once a
// second and written, with the server's own Content-Length, after the
// handler's fields, as net/http does. A kept-alive GET allocates about
// 19 objects on the server, most of them net/http's parser's and the
// frames of the async calls (TestServerAllocsPerKeepAliveRequest).
//
// # Client
//
//	// async
//	func fetch(url string) ([]byte, error) {
//		resp, err := ahttp.Get(url)
//		if err != nil {
//			return nil, err
//		}
//		defer resp.Body.Close()
//		return resp.Body.ReadAll()
//	}
//
// Client.Do writes the request and reads the response's header; the body
// is read with Body.Read, Body.ReadAll or Body.WriteTo (async; WriteTo
// streams it to an io.Writer through 32 KiB, within the body's limit:
// SetLimit or MaxResponseBodyBytes). A request body is streamed, never
// held in memory: with a ContentLength, with that Content-Length,
// otherwise chunked; an AsyncReader (a response's Body, an anet.Conn) is
// awaited, any other io.Reader read on the loop (see Client.Do). A
// server that answers early (a 413) stops the upload. A request with
// "Expect: 100-continue" sends its header alone and its body once the
// server says 100 Continue (or ExpectContinueTimeout passes), and not at
// all when a final status comes first, as net/http's Transport does
// (TestClientExpectContinueLikeNetHTTP). A body read to its end
// gives its connection back to the pool of its host, which keeps up to
// MaxIdleConnsPerHost idle connections per host and loop. Client.Timeout
// bounds a whole exchange, body included; rt.WaitFor bounds one call, and
// cancelling it closes the connection.
//
// # TLS
//
// The client fetches https URLs and the server serves https, with
// crypto/tls on the loop (rt/anet's TLSClient and TLSServer): records
// are read and written on the poller, so a TLS connection costs no
// goroutine once its handshake is done; the handshake runs on a
// goroutine that ends with it (see rt/anet's TLS section for why and
// what it costs).
//
//	cl := &ahttp.Client{TLSClientConfig: &tls.Config{RootCAs: pool}} // nil: the system's roots
//	resp, err := cl.Get("https://example.com/")                      // resp.TLS is set
//
//	srv := &ahttp.Server{Handler: h, TLSConfig: &tls.Config{Certificates: certs}}
//	err := srv.Serve(ln) // or srv.ListenAndServeTLS(addr, "cert.pem", "key.pem")
//
// The client sends the URL's host as the server name (SNI) and offers
// ALPN "http/1.1", unless TLSClientConfig says otherwise; TLS connections
// are pooled per host like plain ones, and TLSClientConfig's
// ClientSessionCache resumes sessions. Through a proxy an https URL goes
// through a CONNECT tunnel. TLSHandshakeTimeout bounds the handshake
// (10 s by default, as net/http's DefaultTransport). The server sets each
// request's TLS, negotiates "http/1.1" by ALPN, bounds the handshake by
// ReadTimeout (10 s when it is zero), logs a failed handshake as
// net/http does and answers a plain-http request with net/http's 400
// ("Client sent an HTTP request to an HTTPS server."); ServeGroup serves https on every loop when TLSConfig is
// set.
//
// # Strictness
//
// A server more lenient than the front end before it is a smuggling bug,
// so ahttp's server is as strict as net/http's, or stricter; a
// differential table and a fuzz target (server_diff_test.go) hold it to
// that, request stream by request stream. It:
//
//   - ends a header block where net/http's parser ends it: lines end at
//     LF with an optional CR before it, so bare-LF requests are served and
//     pipelined ones are all answered; empty lines before a request line
//     are dropped only after a POST (up to 4 bytes, as net/http); each
//     line is checked as it arrives, so that a block net/http would
//     already reject (a malformed request line, a field line without a
//     colon, a bad name or value, a CR not followed by LF) is a 400 at
//     once, not a wait for its end;
//   - checks every field name and value, and the Host, as net/http's
//     server does (golang.org/x/net/http/httpguts): a name with a space
//     before its colon is a 400, not a field ignored; HTTP/1.1 without a
//     Host, a malformed Host and two Hosts are 400s;
//   - reads the chunked coding strictly (RFC 9112 7.1): every line ends in
//     CRLF and holds no other CR, sizes are hex digits only (no sign, no
//     0x, at most 16), chunk data is followed by CRLF, trailer lines are
//     header fields; a size line is at most 4 KiB, the extensions at most
//     16 KiB beyond what the data allows and the trailer at most 4 KiB
//     (net/http's bounds, CVE-2023-39326);
//   - rejects, where net/http accepts, a request with both
//     Transfer-Encoding and Content-Length, and Transfer-Encoding in
//     HTTP/1.0 (RFC 9112 6.1 and 6.3), and the HTTP/2 preface (505);
//   - answers as net/http does: 400 with its reason in the body ("400 Bad
//     Request: missing required Host header"), 501 for a transfer coding
//     other than chunked, 505 for a version other than 1.x, 417 for an
//     Expect other than 100-continue, 431 and 413 past the limits; and
//     closes the connection after any of them;
//   - allocates a body as it arrives (at most 64 KiB ahead), never the
//     length a peer declares.
//
// Responses are framed as net/http frames them: a handler's
// Content-Length is the body's length (Write fails with
// http.ErrContentLength past it, and a shorter body closes the
// connection), its Transfer-Encoding: chunked and Connection: close are
// honoured, a 1xx is sent before the final response, and WriteHeader
// panics on a code outside 100-999. A handler's panic is logged with its
// stack; running out of descriptors in Accept is logged and retried.
//
// The client reads responses with the same framing (client_diff_test.go
// holds it to net/http's client, response stream by response stream): a
// declared Content-Length is never allocated, MaxResponseBodyBytes bounds
// a body, and 1xx responses count towards the header limit. A connection
// with bytes left after its response, or readable while idle, is closed,
// never pooled, so a server cannot slip a response to the next request. A
// request that failed on a reused connection is sent again only when
// net/http would: nothing of it was written, or it is idempotent (GET,
// HEAD, OPTIONS, TRACE, or an Idempotency-Key) and nothing of the
// response came; a POST that may have reached the server is never sent
// twice. A pooled connection belongs to the loop that dialled it, and
// MaxConnsPerHost and MaxIdleConnsPerHost bound each host's connections
// per loop.
//
// # Limits
//
// HTTP/1.1 only (no HTTP/2, over TLS either: ALPN never offers h2). An
// http URL goes to a proxy in absolute form, an https URL through a
// CONNECT tunnel; a proxy is spoken to in plain http, or over TLS when its
// URL's scheme is https, for http URLs only (an https URL through an https
// proxy, TLS inside TLS, fails: TestClientHTTPSProxyLikeNetHTTP). The
// client follows redirects,
// decompresses gzip and keeps cookies in a Jar as net/http's Client does
// (TestClientFollowsLikeNetHTTP compares the two hop by hop). The
// client streams request bodies, and a response body with Body.Read or
// Body.WriteTo (the limit counts decoded bytes); a host name's addresses
// are raced (rt/anet's Dial). The server holds a request body in memory
// (up to MaxBodyBytes). The package builds on Unix systems only, as
// rt/anet does.
package ahttp
