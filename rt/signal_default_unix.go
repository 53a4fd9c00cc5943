//go:build unix

package rt

import (
	"os"
	"syscall"
)

var defaultCancelSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}
