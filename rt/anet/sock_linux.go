//go:build linux

package anet

import "golang.org/x/sys/unix"

// socket makes a non-blocking, close-on-exec socket.
func socket(family, typ int) (int, error) {
	return unix.Socket(family, typ|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
}

// accept takes a connection from listening socket fd, non-blocking and
// close-on-exec.
func accept(fd int) (int, unix.Sockaddr, error) {
	return unix.Accept4(fd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
}
