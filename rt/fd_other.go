//go:build !unix

package rt

import (
	"errors"
	"time"
)

// On systems that are not Unix there are no FDs to wait on: rt/anet does
// not build there, and FD waits fail.

type pollData struct{}

type poller struct{}

func (*poller) wakeLoop() {}

var errNoPoller = errors.New("rt: file descriptor waits are not supported on this system")

func closeSysfd(int) error                    { return errNoPoller }
func waitBlocking(int, bool, time.Time) error { return errNoPoller }
func (l *loop) attachFD(*FD) error            { return errNoPoller }
func (l *loop) detachFD(*FD)                  {}
func (l *loop) armFD(*FD, bool)               {}
func (l *loop) disarmFD(*FD, bool)            {}
func (l *loop) block(d int64) bool            { return l.chanBlock(d) }
func (l *loop) pollIO()                       {}
func (l *loop) closePoller()                  {}
