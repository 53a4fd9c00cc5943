package bench

import (
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// TestDirectAwaitAllocs: a direct await of an async function of the same
// package runs the callee's frame from a field of the caller's frame
// (transform/doc.go, "Embedded frames"), so chain(n) allocates the same
// whatever n: its n awaits of mid, and mid's of leaf, allocate nothing. A
// recursive function cannot embed itself (its frame would contain itself):
// deep(depth) allocates a frame per level, which shows the measure can
// see an allocation per await.
func TestDirectAwaitAllocs(t *testing.T) {
	allocs := func(f func() rt.Awaitable[int]) float64 {
		return testing.AllocsPerRun(20, func() {
			_, err := rt.Run(f())
			require.NoError(t, err)
		})
	}
	const n = 1000
	one := allocs(func() rt.Awaitable[int] { return chainAsync(1) })
	many := allocs(func() rt.Awaitable[int] { return chainAsync(1 + n) })
	perAwait := (many - one) / (2 * n) // two direct awaits per iteration
	t.Logf("chain: %.0f allocs for 1 iteration, %.0f for %d: %.4f per direct await", one, many, 1+n, perAwait)
	require.Less(t, perAwait, 0.01, "a direct await allocates")

	shallow := allocs(func() rt.Awaitable[int] { return deepAsync(1, 1) })
	deeper := allocs(func() rt.Awaitable[int] { return deepAsync(1+n, 1) })
	perLevel := (deeper - shallow) / n
	t.Logf("deep (recursive, not embedded): %.3f allocs per level", perLevel)
	require.GreaterOrEqual(t, perLevel, 1.0)
}
