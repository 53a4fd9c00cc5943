package b

import (
	"testing"

	"a"
)

// Another package's tests: a natural call is reported.
func TestLookup(t *testing.T) {
	a.Load("k") // want `call of async function a\.Load from ordinary code`
}
