//go:build unix

package ahttp_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
)

// getStatus fetches url and reports its status and body.
//
// async
func getStatus(url string) (string, error) {
	resp, err := ahttp.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := resp.Body.ReadAll()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %q", resp.Status, body), nil
}

func ExampleGet() {
	// A net/http server on loopback, fetched from the loop.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "from net/http")
	}))
	defer srv.Close()
	got, err := rt.Run(getStatusAsync(srv.URL))
	fmt.Println(got, err)
	// Output: 200 OK "from net/http" <nil>
}
