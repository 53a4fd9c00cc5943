//go:build unix

package rt_test

import (
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// serveUntilStopped stands for a server's main task: it works until it is
// cancelled, and its deferred calls, which may await, clean up.
//
// async
func serveUntilStopped() error {
	defer fmt.Println("closed the listeners")
	// The example stops itself; in a program, this is the user's Ctrl-C.
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	for {
		rt.Sleep(time.Second)
	}
}

// CancelOnSignal turns Ctrl-C (or SIGTERM) into a cancellation of the
// main task, as asyncio.run does.
func ExampleCancelOnSignal() {
	_, err := rt.Run(serveUntilStoppedAsync(), rt.CancelOnSignal(os.Interrupt, syscall.SIGTERM))
	fmt.Println(err)
	// Output:
	// closed the listeners
	// rt: canceled
}
