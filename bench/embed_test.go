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

// BenchmarkDirectAwait: one op is one await of an async function that
// returns without suspending (leaf), in a loop of b.N awaits. embedded is
// the generated code for sum += leaf(i), whose frame lives in the
// caller's; heap awaits a coroutine value, a new heap frame each time (the
// cost of every direct await before embedding); call is the plain Go
// call, the floor.
func BenchmarkDirectAwait(b *testing.B) {
	b.Run("call", func(b *testing.B) {
		b.ReportAllocs()
		sum := 0
		for i := 0; i < b.N; i++ {
			sum += leaf(i)
		}
		sink = sum
	})
	b.Run("embedded", func(b *testing.B) {
		b.ReportAllocs()
		v, err := rt.Run(sumLeavesAsync(b.N))
		require.NoError(b, err)
		sink = v
	})
	b.Run("heap", func(b *testing.B) {
		b.ReportAllocs()
		v, err := rt.Run(sumLeavesHeapAsync(b.N))
		require.NoError(b, err)
		sink = v
	})
}

// sink keeps the benchmarks' results alive.
var sink int
