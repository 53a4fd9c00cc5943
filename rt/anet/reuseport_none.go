//go:build unix && !linux && !darwin && !dragonfly && !freebsd && !netbsd && !openbsd

package anet

import "errors"

// setReusePort reports that this system has no SO_REUSEPORT that anet
// knows of.
func setReusePort(fd int) error {
	return errors.New("anet: ListenConfig.ReusePort is not supported on this system")
}

// hasReusePort tells ListenGroup whether listeners can share a port.
const hasReusePort = false
