package rt_test

import (
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
)

// panicsAfterSleep panics on line 21 of this file, or, with nilMap, fails
// a map write on line 19 with a runtime error.
//
// async
func panicsAfterSleep(nilMap bool) error {
	rt.Sleep(time.Millisecond)
	m := noMap()
	if nilMap {
		m["x"] = 1 // line 19
	}
	panic("boom") // line 21
}

// TestPanicErrorNamesUserLine: PanicError.Error names the user's line
// that panicked, through the generated frame's line directives.
func TestPanicErrorNamesUserLine(t *testing.T) {
	_, err := rt.Run(panicsAfterSleepAsync(false), rt.VirtualTime())
	assert.EqualError(t, err, "rt: panic in task Task-1 at panic_site_test.go:21: boom")
	_, err = rt.Run(panicsAfterSleepAsync(true), rt.VirtualTime())
	assert.EqualError(t, err, "rt: panic in task Task-1 at panic_site_test.go:19: assignment to entry in nil map")
}

// noMap returns a nil map, out of the sight of vet's nilness check.
func noMap() map[string]int { return nil }
