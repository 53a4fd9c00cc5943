//go:build unix

package main

import (
	"bytes"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDemo holds 2,000 idle connections (4,000 sockets, both ends on the
// same loop) and checks that echoing works beside them and that they cost
// no goroutine.
func TestDemo(t *testing.T) {
	var buf bytes.Buffer
	out = &buf
	_, err := rt.Run(demoAsync(2000, []string{"hello", "asyncgen"}))
	require.NoError(t, err)
	// Tasks: the main one, the accept loop, a handler per connection.
	assert.Equal(t, "echo: hello\necho: asyncgen\nidle connections: 2000\ntasks: 2003\nextra goroutines: 0\n", buf.String())
}
