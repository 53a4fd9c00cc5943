// Package jobs holds ajobs.Define calls, one per kind of type the
// job-type check rejects, and types it accepts.
package jobs

import (
	"time"
	"unsafe"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ajobs"
)

func run[A, R any](A) rt.Awaitable[R] { return nil }

type onlyUnexported struct {
	n int
	s string
}

type Hidden struct {
	Secret func() `json:"-"` // ignored by encoding/json: fine
	Name   string
}

type Nested struct {
	Name string
	Done chan struct{}
}

type Custom struct{ c chan int }

func (Custom) MarshalJSON() ([]byte, error) { return []byte("{}"), nil }

type Key struct{ A, B int }

var (
	Chan     = ajobs.Define("chan", run[chan int, int])                      // want `ajobs.Define: the job's argument type chan int cannot be encoded with encoding/json: chan int is a channel`
	Func     = ajobs.Define("func", run[int, func()])                        // want `the job's result type func\(\) cannot be encoded with encoding/json: func\(\) is a function`
	Unsafe   = ajobs.Define("unsafe", run[unsafe.Pointer, int])              // want `unsafe.Pointer is an unsafe pointer`
	Complex  = ajobs.Define("complex", run[[]complex128, int])               // want `complex128 is a complex number, in \[\]complex128`
	MapKey   = ajobs.Define("mapkey", run[map[Key]string, int])              // want `the key of map\[jobs.Key\]string, jobs.Key, is neither a string, an integer nor a TextMarshaler`
	Private  = ajobs.Define("private", run[onlyUnexported, int])             // want `jobs.onlyUnexported has no exported field: it would travel as \{\} and arrive as its zero value`
	Field    = ajobs.Define("field", run[*Nested, int])                      // want `chan struct\{\} is a channel, in field Done of jobs.Nested, in \*jobs.Nested`
	Both     = ajobs.Define("both", run[chan int, chan int])                 // want `argument type chan int` `result type chan int`
	Fine     = ajobs.Define("fine", run[map[string][]int, struct{}])         // empty struct, maps of strings
	Fine2    = ajobs.Define("fine2", run[Hidden, map[int64]Custom])          // json:"-" fields, MarshalJSON
	Fine3    = ajobs.Define("fine3", run[time.Time, *time.Duration])         // TextMarshaler-free but MarshalJSON; integers
	Explicit = ajobs.Define[chan bool, int]("explicit", run[chan bool, int]) // want `chan bool is a channel`
)
