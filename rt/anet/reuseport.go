//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package anet

import "golang.org/x/sys/unix"

// setReusePort sets SO_REUSEPORT on the socket fd (ListenConfig.ReusePort).
func setReusePort(fd int) error {
	return unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
}

// hasReusePort tells ListenGroup whether listeners can share a port.
const hasReusePort = true
