//go:build unix

package ahttp_test

import (
	"fmt"
	"net/http"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// greet is an async handler: it waits on the loop, then answers.
//
// async
func greet(w *ahttp.ResponseWriter, r *http.Request) {
	rt.Sleep(10 * time.Millisecond)
	fmt.Fprintf(w, "hello, %s", r.URL.Query().Get("name"))
}

// body fetches url with cl and returns its body.
//
// async
func body(cl *ahttp.Client, url string) (string, error) {
	resp, err := cl.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := resp.Body.ReadAll()
	return string(b), err
}

// serveAndFetch runs a server and three concurrent clients on one loop.
//
// async
func serveAndFetch() error {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(greetAsync)}
	served := rt.Spawn(srv.ServeAsync(ln))
	base := "http://" + ln.Addr().String() + "/?name="
	names := []string{"ada", "grace", "barbara"}
	jobs := make([]rt.Awaitable[string], len(names))
	for i, name := range names {
		jobs[i] = rt.Spawn(bodyAsync(ahttp.DefaultClient, base+name))
	}
	bodies, err := rt.Await(rt.Gather(jobs...))
	if err != nil {
		return err
	}
	for _, b := range bodies {
		fmt.Println(b)
	}
	ahttp.DefaultClient.CloseIdleConnections()
	srv.Close()
	_, err = rt.Await(served)
	fmt.Println(err)
	return nil
}

func Example() {
	if _, err := rt.Run(serveAndFetchAsync()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// hello, ada
	// hello, grace
	// hello, barbara
	// http: Server closed
}
