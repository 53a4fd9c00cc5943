package rt

import (
	"errors"
	"sync"
)

// Clean ends: errors that say a task stopped because it was asked to, as
// http.ErrServerClosed says of a server's Serve after Close. A task that
// ends with one is not a failure nobody saw: the loop does not pass it to
// its ExceptionHandler (nor log it) when the run ends, so a server task
// that main's deferred Close stops ends quietly, as asyncio's cancelled
// server task does. The task's own result is unchanged: whoever awaits it
// still gets the error itself, so `err != http.ErrServerClosed` keeps
// working.
var cleanEnds struct {
	mu   sync.RWMutex
	errs []error
}

// RegisterCleanEnd adds err to the errors that end a task cleanly (see
// IsCleanEnd); packages call it from init for their own "closed" errors
// (rt/ahttp registers http.ErrServerClosed).
func RegisterCleanEnd(err error) {
	cleanEnds.mu.Lock()
	defer cleanEnds.mu.Unlock()
	cleanEnds.errs = append(cleanEnds.errs, err)
}

// IsCleanEnd reports whether err is, or wraps, an error registered with
// RegisterCleanEnd.
func IsCleanEnd(err error) bool {
	if err == nil {
		return false
	}
	cleanEnds.mu.RLock()
	defer cleanEnds.mu.RUnlock()
	for _, e := range cleanEnds.errs {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
