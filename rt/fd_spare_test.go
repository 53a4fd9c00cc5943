//go:build unix

package rt

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// TestSpareReadWait: the usual read wait (made, awaited, its result read)
// reuses the FD's spare op and allocates nothing; a second wait made while
// the first is outstanding gets an op of its own, and once the first's
// result is read the spare is free again.
func TestSpareReadWait(t *testing.T) {
	var p [2]int
	require.NoError(t, unix.Pipe(p[:]))
	defer unix.Close(p[1])
	f := NewFD(p[0])
	defer f.Close()

	a := f.WaitReadAsync(time.Time{}).(*ioOp)
	b := f.WaitReadAsync(time.Time{}).(*ioOp)
	require.Same(t, &f.spareRead, a, "the first wait is the spare")
	require.NotSame(t, a, b, "the spare is busy: the second wait has its own op")
	a.AwaitResult()
	require.Same(t, &f.spareRead, f.WaitReadAsync(time.Time{}).(*ioOp), "free again after AwaitResult")
	f.spareRead.AwaitResult()

	allocs := testing.AllocsPerRun(100, func() {
		f.WaitReadAsync(time.Time{}).AwaitResult()
	})
	require.Zero(t, allocs)
	// Writes have no spare.
	require.NotSame(t, f.WaitWriteAsync(time.Time{}), f.WaitWriteAsync(time.Time{}))
}
