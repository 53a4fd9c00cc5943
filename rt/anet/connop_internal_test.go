//go:build unix

package anet

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestConnOpSize guards the spare operations every Conn carries (two of
// them, for a Read and a Write at once): 80 bytes each on 64-bit systems.
func TestConnOpSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("64-bit sizes")
	}
	assert.LessOrEqual(t, unsafe.Sizeof(connOp{}), uintptr(80), "connOp grew")
}
