// Package pnlib has plain functions that call rt's async functions, which
// package pn calls from async code.
package pnlib

import (
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

var start time.Time

func units() int64 {
	return int64(rt.Now().Sub(start)) // want `call of async function rt.Now from ordinary code`
}

// Elapsed reads rt.Now through units.
func Elapsed() int64 { return units() } // want Elapsed:"calls rt.Now at pnlib.go:14:15"

type Clock struct{}

// Nap calls rt.Sleep.
func (Clock) Nap() { // want Nap:"calls rt.Sleep at pnlib.go:24:2"
	rt.Sleep(time.Millisecond) // want `call of async function rt.Sleep from ordinary code`
}

// Double calls nothing of rt.
func Double(x int64) int64 { return 2 * x }
