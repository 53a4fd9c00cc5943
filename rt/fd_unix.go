//go:build unix

package rt

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

func closeSysfd(fd int) error { return unix.Close(fd) }

// waitBlocking is an FD wait from ordinary code: poll(2) on the calling
// goroutine, the deadline on the wall clock.
func waitBlocking(fd int, write bool, deadline time.Time) error {
	ev := pollEvents(unix.POLLIN)
	if write {
		ev = unix.POLLOUT
	}
	for {
		ms := -1
		if !deadline.IsZero() {
			d := time.Until(deadline)
			if d <= 0 {
				return os.ErrDeadlineExceeded
			}
			ms = int(min((d+time.Millisecond-1)/time.Millisecond, 1<<31-1))
		}
		pfd := []unix.PollFd{{Fd: int32(fd), Events: ev}}
		n, err := unix.Poll(pfd, ms)
		if err == unix.EINTR || err == nil && n == 0 {
			continue // interrupted or timed out: look at the deadline again
		}
		return err
	}
}
