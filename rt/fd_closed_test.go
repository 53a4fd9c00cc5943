//go:build unix

package rt

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// TestFDRefusesUseAfterClose is the general fix of issue 11's item 8: once
// an FD is closed the kernel may give its number to the next file opened
// (a temporary file here), and nothing done through the FD reaches that
// file: its waits fail with ErrClosed, a second Close too, and Sysfd is
// -1, so a system call made with it fails with EBADF.
func TestFDRefusesUseAfterClose(t *testing.T) {
	warm, err := os.CreateTemp(t.TempDir(), "warm") // whatever the runtime opens on first use is open now
	require.NoError(t, err)
	warm.Close()

	var p [2]int
	require.NoError(t, unix.Pipe(p[:])) // Pipe2 is not on every Unix
	defer unix.Close(p[0])
	require.NoError(t, unix.SetNonblock(p[1], true))
	unix.CloseOnExec(p[0])
	unix.CloseOnExec(p[1])
	f := NewFD(p[1]) // the write end
	num := f.Sysfd()
	_, err = Run(f.WaitWriteAsync(time.Time{})) // registered with a loop's poller, as in use
	require.NoError(t, err)
	require.NoError(t, f.Close())

	victim, err := os.CreateTemp(t.TempDir(), "victim")
	require.NoError(t, err)
	defer victim.Close()
	require.Equal(t, uintptr(num), victim.Fd(), "the temporary file got the closed FD's number")

	assert.True(t, f.Closed())
	assert.Equal(t, -1, f.Sysfd())
	assert.ErrorIs(t, f.Close(), ErrClosed)
	assert.ErrorIs(t, f.WaitRead(time.Time{}), ErrClosed)
	assert.ErrorIs(t, f.WaitWrite(time.Time{}), ErrClosed)
	_, err = Run(f.WaitReadAsync(time.Time{}))
	assert.ErrorIs(t, err, ErrClosed)
	_, err = Run(f.WaitWriteAsync(time.Time{}))
	assert.ErrorIs(t, err, ErrClosed)
	_, err = unix.Write(f.Sysfd(), []byte("into the wrong file"))
	assert.ErrorIs(t, err, unix.EBADF)

	st, err := victim.Stat()
	require.NoError(t, err)
	assert.Zero(t, st.Size(), "nothing was written into the temporary file")
}
