//go:build unix

package anet

import (
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endpointOf is the endpoint of a loopback TCP address.
func endpointOf(t *testing.T, addr string) endpoint {
	ta, err := net.ResolveTCPAddr("tcp", addr)
	require.NoError(t, err)
	ep, err := tcpEndpoint("tcp", ta)
	require.NoError(t, err)
	return ep
}

// dialAddrs is what Dial does with a name's addresses: the remote
// address of the connection it got, or the error.
//
// async
func dialAddrs(eps []endpoint) (string, error) {
	c, err := dialAny("tcp", eps)
	if err != nil {
		return "", err
	}
	defer c.Close()
	if la, ok := c.LocalAddr().(*net.TCPAddr); !ok || la.Port == 0 || !la.IP.IsLoopback() {
		return "", fmt.Errorf("local address %v", c.LocalAddr())
	}
	return c.RemoteAddr().String(), nil
}

// TestDialTriesEachAddress: when a name's first address refuses, Dial
// connects to the next; when all refuse, it reports the first's error.
func TestDialTriesEachAddress(t *testing.T) {
	good, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer good.Close()
	var refused []endpoint
	for range 2 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		refused = append(refused, endpointOf(t, ln.Addr().String()))
		ln.Close()
	}
	goodEP := endpointOf(t, good.Addr().String())

	got, err := rt.Run(dialAddrsAsync([]endpoint{refused[0], refused[1], goodEP}))
	require.NoError(t, err)
	assert.Equal(t, good.Addr().String(), got)

	_, err = rt.Run(dialAddrsAsync(refused))
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	var oe *net.OpError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, refused[0].addr.String(), oe.Addr.String(), "the first address's error")
}
