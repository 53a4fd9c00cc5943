package rt_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The spawns below go through the generator's spawn helpers (ag_0spawn_F,
// rt.SpawnFrame): the task and the coroutine's frame in one allocation.

// async
func twice[T int | float64](x T) T {
	rt.Sleep(0)
	return 2 * x
}

type counter struct{ n int }

// async
func (c *counter) add(k int) int {
	rt.Sleep(0)
	c.n += k
	return c.n
}

// async
func (c counter) peek() int {
	rt.Sleep(0)
	return c.n
}

// async
func spawnShapes() (string, error) {
	a := rt.Spawn(twiceAsync(21))
	b := rt.Spawn(twiceAsync[float64](1.25), rt.Name("float"))
	c := &counter{n: 1}
	d := rt.Spawn(c.addAsync(2))
	e := rt.Spawn(c.peekAsync()) // the receiver is copied now: 1
	x, _ := rt.Await(a)
	y, _ := rt.Await(b)
	z, _ := rt.Await(d)
	w, _ := rt.Await(e)
	return fmt.Sprintf("%v %v %v %v %v %v", x, y, b.Name(), z, w, c.n), nil
}

// TestSpawnFrameShapes: a generic function (its type argument inferred or
// given), a pointer-receiver method and a value-receiver method, spawned
// with and without options, behave as with separate frames.
func TestSpawnFrameShapes(t *testing.T) {
	got, err := rt.Run(spawnShapesAsync())
	require.NoError(t, err)
	assert.Equal(t, "42 2.5 float 3 1 3", got)
}

var order []string

func note(s string, v int) int {
	order = append(order, s)
	return v
}

func noteName(s string) rt.TaskOption {
	order = append(order, s)
	return rt.Name(s)
}

// async
func spawnOrder() (int, error) {
	t := rt.Spawn(twiceAsync(note("arg", 5)), noteName("opt"))
	order = append(order, "spawned")
	v, err := rt.Await(t)
	order = append(order, t.Name())
	return v, err
}

// TestSpawnFrameOrder: the arguments are evaluated before the options, the
// task is created (not run) by the spawn, and the options apply.
func TestSpawnFrameOrder(t *testing.T) {
	order = nil
	v, err := rt.Run(spawnOrderAsync())
	require.NoError(t, err)
	assert.Equal(t, 10, v)
	assert.Equal(t, []string{"arg", "opt", "spawned", "opt"}, order)
}

// async
func spawnMallocs(n int) (uint64, error) {
	var m runtime.MemStats
	for i := 0; i < 100; i++ { // warm up: the ready queue's ring grows
		rt.Await(rt.Spawn(twiceAsync(i)))
	}
	runtime.ReadMemStats(&m)
	before := m.Mallocs
	for i := 0; i < n; i++ {
		rt.Await(rt.Spawn(twiceAsync(i)))
	}
	runtime.ReadMemStats(&m)
	return m.Mallocs - before, nil
}

// TestSpawnOneAllocation: spawning a generated coroutine and awaiting it
// allocates one object (the task with the frame), not two.
func TestSpawnOneAllocation(t *testing.T) {
	const n = 1000
	mallocs, err := rt.Run(spawnMallocsAsync(n))
	require.NoError(t, err)
	assert.InDelta(t, 1.0, float64(mallocs)/n, 0.05, "mallocs per spawn (%d for %d)", mallocs, n)
}
