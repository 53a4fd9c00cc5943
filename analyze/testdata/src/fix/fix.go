package fix

import (
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// step is async.
//
// async
func step() {}

// run does one step.
func run() {
	step() // want `call of async function step from ordinary code`
}

func lookup() (int, error) {
	step() // want `call of async function step from ordinary code`
	return 0, nil
}

func init() {
	step() // want `call of async function step from ordinary code`
}

// fetch makes the usual mistakes of async code.
//
// async
func fetch() {
	time.Sleep(time.Millisecond) // want `time\.Sleep in an async function blocks the event loop`
	stepAsync()                  // want `coroutine stepAsync\(\.\.\.\) is never awaited`
	go step()                    // want `go statement launches async function step`
	_ = stepAsync()              // want `coroutine stepAsync\(\.\.\.\) is never awaited`
}

// wait awaits in ordinary code.
func wait() error {
	_, err := rt.Await(stepAsync()) // want `rt\.Await outside an async function`
	return err
}
