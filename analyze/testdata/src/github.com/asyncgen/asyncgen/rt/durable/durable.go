// Package durable is a stand-in for rt/durable in the analyzer's tests:
// the checkpoint, with the real one's signatures.
package durable

import "github.com/asyncgen/asyncgen/rt"

func Checkpoint(name string) error                       { return nil }
func CheckpointAsync(name string) rt.Awaitable[struct{}] { return nil }
