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
// sends what is buffered and switches to chunked encoding. ReadTimeout,
// WriteTimeout and IdleTimeout are deadlines on the connection.
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
// is read with Body.Read or Body.ReadAll (async). A body read to its end
// gives its connection back to the pool of its host, which keeps up to
// MaxIdleConnsPerHost idle connections per host and loop. Client.Timeout
// bounds a whole exchange, body included; rt.WaitFor bounds one call, and
// cancelling it closes the connection.
//
// # Limits
//
// Only plain http (no TLS, no HTTP/2), no proxies, no redirects followed,
// no compression negotiated. Request bodies are held in memory on both
// sides. The package builds on Unix systems only, as rt/anet does.
package ahttp
