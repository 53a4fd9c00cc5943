//go:build aix

package rt

// pollEvents is the type of unix.PollFd's event masks, unsigned on AIX.
type pollEvents = uint16
