//go:build unix

package anet

import "golang.org/x/sys/unix"

// Readable reports, without waiting, whether a Read would return at once:
// bytes are buffered, the kernel holds some, or the peer has closed or
// reset the connection (or it is closed). A pool asks it of an idle
// connection before reusing it, as net/http's background read of an idle
// connection finds out: an idle connection should have nothing to read.
func (c *Conn) Readable() bool {
	if c.closed || c.off < len(c.buf) || c.sec != nil && c.readableTLS() {
		return true
	}
	var b [1]byte
	for {
		_, _, err := unix.Recvfrom(c.sysfd, b[:], unix.MSG_PEEK) // the fd is non-blocking: no MSG_DONTWAIT, which AIX lacks
		switch err {
		case unix.EINTR:
			continue
		case unix.EAGAIN:
			return false
		}
		return true // a byte, the end of the stream (0 bytes) or an error
	}
}
