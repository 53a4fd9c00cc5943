package rt

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// From plain Go, Await of a Func calls the function directly: no loop, and
// a panic propagates as from any call.
func TestFuncAwaitFromPlainGoCallsIt(t *testing.T) {
	calls := 0
	aw := Func(func() (int, error) { calls++; return 7, errors.New("e") })
	v, err := Await(aw)
	assert.Equal(t, 7, v)
	assert.EqualError(t, err, "e")
	assert.Equal(t, 1, calls)
	assert.PanicsWithValue(t, "boom", func() {
		_, _ = Await(Func(func() (int, error) { panic("boom") }))
	})
}

// On a loop (rt.Run, or a Func value that asyncgen did not lower) the
// function runs when the awaitable is started; gathered, each runs in its
// own task.
func TestFuncOnALoop(t *testing.T) {
	var order []int
	mk := func(i int) Awaitable[int] {
		return Func(func() (int, error) { order = append(order, i); return i * i, nil })
	}
	vs, err := Run(Gather(mk(1), mk(2), mk(3)))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 4, 9}, vs)
	assert.Equal(t, []int{1, 2, 3}, order)

	_, err = Run(Func(func() (int, error) { panic("inside") }))
	var pe *PanicError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "inside", pe.Value)
}
