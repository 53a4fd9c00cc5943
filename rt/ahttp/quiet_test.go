//go:build unix

package ahttp_test

import (
	"bytes"
	"log"
	"net/http"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/anet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveThenClose spawns a server, as a program does, and closes it in a
// deferred call when main returns: the server task ends with
// http.ErrServerClosed, which nobody awaits.
//
// async
func serveThenClose(fail bool) error {
	ln, err := anet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &ahttp.Server{Handler: ahttp.HandlerFunc(testHandlerAsync)}
	defer srv.Close()
	rt.Spawn(srv.ServeAsync(ln), rt.Name("server"))
	if fail {
		rt.Spawn(rt.Func(func() (struct{}, error) { return struct{}{}, http.ErrBodyNotAllowed }), rt.Name("other"))
	}
	rt.Sleep(0)
	return nil
}

// TestServerClosedEndsQuietly: a clean exit does not log `task "server"
// failed and nothing awaited it: http: Server closed`; another unawaited
// failure still is.
func TestServerClosedEndsQuietly(t *testing.T) {
	var logged bytes.Buffer
	orig := log.Writer()
	log.SetOutput(&logged)
	defer log.SetOutput(orig)
	_, err := rt.Run(serveThenCloseAsync(false))
	require.NoError(t, err)
	assert.Empty(t, logged.String())

	_, err = rt.Run(serveThenCloseAsync(true))
	require.NoError(t, err)
	assert.Contains(t, logged.String(), `task "other" failed and nothing awaited it`)
	assert.NotContains(t, logged.String(), `"server"`)
}
