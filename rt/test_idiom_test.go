package rt_test

import (
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hourBody is the documented idiom for an async test body: a named
// //async function taking the *testing.T.
//
// async
func hourBody(t *testing.T) error {
	start := rt.Now()
	rt.Sleep(time.Hour)
	assert.Equal(t, time.Hour, rt.Now().Sub(start))
	return nil
}

// TestAsyncTestIdiom: the idiom runs on the virtual clock (an hour of
// virtual time, no real hour), while an inline rt.Func in a test function
// is plain Go that sleeps in real time and reads the wall clock (the
// trap the package doc's Tests section describes).
func TestAsyncTestIdiom(t *testing.T) {
	began := time.Now()
	_, err := rt.Run(hourBodyAsync(t), rt.VirtualTime())
	require.NoError(t, err)
	assert.Less(t, time.Since(began), time.Minute)

	var inside time.Time
	began = time.Now()
	_, err = rt.Run(rt.Func(func() (struct{}, error) {
		rt.Sleep(30 * time.Millisecond) // plain Go here: a real sleep
		inside = rt.Now()
		return struct{}{}, nil
	}), rt.VirtualTime())
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(began), 30*time.Millisecond)
	assert.True(t, inside.After(began), "the wall clock, not the virtual one (2000-01-01)")
}
