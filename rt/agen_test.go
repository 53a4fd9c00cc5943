package rt_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// stubborn ignores a false yield and yields again.
//
// async
func stubborn(yield func(int) bool) {
	yield(1)
	yield(2)
}

// async
func breaksStubborn() error {
	for range stubbornAsync() {
		break
	}
	return nil
}

// TestGenYieldAfterFalse: a generator that yields again after its loop
// was left panics with Go's runtime error, as the same loop in plain Go.
func TestGenYieldAfterFalse(t *testing.T) {
	_, err := rt.Run(breaksStubbornAsync(), rt.VirtualTime())
	var pe *rt.PanicError
	require.True(t, errors.As(err, &pe), "got %v", err)
	plain := catch(func() { _ = breaksStubborn() })
	require.NotNil(t, plain)
	require.Equal(t, plain, pe.Value)
	require.Contains(t, fmt.Sprint(pe.Value), "range function continued iteration after function for loop body returned false")
}

// catch runs f and returns what it panicked with.
func catch(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// guarded tries to recover whatever panics through it, and logs whether
// its task is being cancelled.
//
// async
func guardedGen(log *[]string, yield func(int) bool) {
	me := rt.CurrentTask()
	defer func() {
		*log = append(*log, fmt.Sprintf("generator recovered %v, cancelling %v", recover(), me.Cancelling()))
	}()
	for i := 0; ; i++ {
		if !yield(i) {
			*log = append(*log, "yield returned false")
			return
		}
	}
}

// async
func panicsInBody(log *[]string) (err error) {
	defer func() {
		*log = append(*log, fmt.Sprintf("consumer recovered %v", recover()))
	}()
	for v := range guardedGenAsync(log) {
		if v == 1 {
			panic("body")
		}
	}
	return nil
}

// TestGenRecoversConsumerPanicAsGo: a panic in the loop body unwinds the
// generator from its yield (the code after yield does not run); the
// generator's deferred recover stops it, as an iterator's does in Go, and
// the generator returning then is Go's runtime error, which the consumer
// recovers.
func TestGenRecoversConsumerPanicAsGo(t *testing.T) {
	var log []string
	_, err := rt.Run(panicsInBodyAsync(&log), rt.VirtualTime())
	require.NoError(t, err)
	// The same in plain Go, with a push iterator.
	goErr := catch(func() {
		for range func(yield func() bool) {
			defer func() { recover() }()
			yield()
		} {
			panic("body")
		}
	})
	require.NotNil(t, goErr)
	require.Equal(t, []string{"generator recovered body, cancelling false", fmt.Sprint("consumer recovered ", goErr)}, log)
}

// async
func sleepsInBody(log *[]string) error {
	for range guardedGenAsync(log) {
		rt.Sleep(time.Hour)
	}
	return nil
}

// async
func cancelsConsumer(log *[]string) error {
	t := rt.Spawn(sleepsInBodyAsync(log))
	rt.Sleep(time.Second)
	t.Cancel()
	_, err := rt.Await(t)
	*log = append(*log, fmt.Sprint("consumer: ", err))
	return nil
}

// TestGenClosedByCancel: cancelling the consumer while the generator is
// suspended at its yield unwinds the generator, which sees Cancelling.
func TestGenClosedByCancel(t *testing.T) {
	var log []string
	_, err := rt.Run(cancelsConsumerAsync(&log), rt.VirtualTime())
	require.NoError(t, err)
	require.Equal(t, []string{"generator recovered <nil>, cancelling true", "consumer: rt: canceled"}, log)
}

// async
func breaksGuarded(log *[]string) error {
	for v := range guardedGenAsync(log) {
		if v == 2 {
			break
		}
	}
	return nil
}

// TestGenBreak: a break resumes the generator's yield with false.
func TestGenBreak(t *testing.T) {
	var log []string
	_, err := rt.Run(breaksGuardedAsync(&log), rt.VirtualTime())
	require.NoError(t, err)
	require.Equal(t, []string{"yield returned false", "generator recovered <nil>, cancelling false"}, log)
}

// TestGenNotFromCompanion: ranging in async code over an rt.Gen that no
// generator's companion made fails with a message, not a hang.
func TestGenNotFromCompanion(t *testing.T) {
	_, err := rt.Run(rangesForeignAsync(), rt.VirtualTime())
	var pe *rt.PanicError
	require.True(t, errors.As(err, &pe), "got %v", err)
	require.Contains(t, fmt.Sprint(pe.Value), "no async generator's companion made")
}

// async
func rangesForeign() error {
	g := rt.Gen[int](func(yield func(int) bool) {
		if yield != nil {
			yield(1)
		}
	})
	for range g {
	}
	return nil
}
