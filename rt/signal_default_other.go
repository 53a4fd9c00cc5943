//go:build !unix

package rt

import "os"

var defaultCancelSignals = []os.Signal{os.Interrupt}
