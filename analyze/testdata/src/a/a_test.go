package a

import (
	"testing"

	"github.com/asyncgen/asyncgen/rt"
)

// The package's own tests run natural forms on purpose: the plain-Go oracle.
func TestPlain(t *testing.T) {
	fetch("x")
	tick()
	rt.Sleep(0) // want `call of async function rt\.Sleep from ordinary code`
}
