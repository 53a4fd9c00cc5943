// Package pn calls, from async code, plain functions that call rt's async
// functions: their natural forms do not use the loop.
package pn

import (
	"pnlib"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

var start time.Time

func units() int64 {
	return int64(rt.Now().Sub(start)) // want `call of async function rt.Now from ordinary code runs it as blocking plain Go`
}

func report() string { return time.Duration(units()).String() }

func pure(x int) int { return x * 2 }

// async
func work() (string, error) {
	rt.Sleep(0)
	n := units()  // want `units is not async but calls rt.Now \(pn.go:15:15\), so from async code rt.Now runs its natural form, which reads the wall clock, not the loop's \(virtual under rt.VirtualTime\): mark units //async so that the generator awaits it`
	s := report() // want `report is not async but calls units, which calls rt.Now \(pn.go:15:15\).*: mark report and units //async`
	var c pnlib.Clock
	c.Nap()                            // want `pnlib.Clock.Nap is not async but calls rt.Sleep \(pnlib.go:24:2\), .*: mark pnlib.Clock.Nap //async`
	n += pnlib.Double(pnlib.Elapsed()) // want `pnlib.Elapsed is not async but calls pnlib.units, which calls rt.Now \(pnlib.go:14:15\), .*: mark pnlib.Elapsed and pnlib.units //async`
	return s + time.Duration(pure(int(n))).String(), nil
}
