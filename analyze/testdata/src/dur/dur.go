// Package dur has durable functions whose frames hold what a checkpoint
// cannot: the analyzer reports each such variable where asyncgen does,
// with asyncgen's own check of the frame (transform, which the test
// links in as asyncvet does). A variable that no await point holds is no
// frame field, whatever its type.
package dur

import (
	"strconv"

	"github.com/asyncgen/asyncgen/rt/durable"
)

// async durable
func held(n int) error {
	ch := make(chan int, 1) // want `durable function held: variable ch is a channel \(chan int\): a checkpoint cannot hold it`
	if err := durable.Checkpoint("a"); err != nil {
		return err
	}
	if len(ch) > n {
		return nil
	}
	return durable.Checkpoint("b")
}

// async durable
func heldInterface(n int) error {
	var v any = n // want `durable function heldInterface: variable v is an interface \(any\), whose dynamic type a snapshot cannot restore`
	if err := durable.Checkpoint("a"); err != nil {
		return err
	}
	_ = v
	return nil
}

// async durable
func notHeld(n int) error {
	f := strconv.Itoa // a func value, used before the checkpoint only
	s := f(n)
	if err := durable.Checkpoint("a"); err != nil {
		return err
	}
	if s == "" {
		return nil
	}
	return durable.Checkpoint("b")
}
