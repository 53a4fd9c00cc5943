//go:build unix && !aix

package rt

// pollEvents is the type of unix.PollFd's event masks.
type pollEvents = int16
