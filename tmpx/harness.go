// Command conformance runs one case of asyncgen's conformance suite: test
// functions of the Go toolchain's own test suite, ported by
// internal/conformance (each *_case.go file names its origin) and made
// async. transform/conformance_test.go generates this package, builds it
// once and runs every case twice:
//
//	conformance plain NAME   calls the case's natural function (the oracle)
//	conformance async NAME   runs its companion under rt.Run
//
// Each run prints what the case prints (print, println and fmt go to the
// same pipe) and then one line with the outcome: "-- ok", or "-- panic"
// with the escaping panic's type and message, or "-- error" with the error
// rt.Run returned for another reason. The two runs must agree byte for
// byte.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

// conformCase is one entry of the table in cases.go.
type conformCase struct {
	name  string
	plain func(t *conformT)
	async func(t *conformT) rt.Awaitable[struct{}]
}

// conformT stands for *testing.T in the ported rangefunc tests: what the
// test would report is printed, so both runs must report the same.
type conformT struct{ failed bool }

func (t *conformT) Helper() {}

func (t *conformT) Logf(format string, args ...any) {
	fmt.Printf("LOG: "+strings.TrimSuffix(format, "\n")+"\n", args...)
}

func (t *conformT) Errorf(format string, args ...any) {
	t.failed = true
	fmt.Printf("ERROR: "+strings.TrimSuffix(format, "\n")+"\n", args...)
}

func (t *conformT) Error(args ...any) {
	t.failed = true
	fmt.Print("ERROR: " + fmt.Sprintln(args...))
}

func (t *conformT) Fatalf(format string, args ...any) {
	t.Errorf(format, args...)
	panic("conformance: t.Fatalf")
}

// conformAwait returns c after one loop turn: the porter wraps if and for
// conditions in it, to put an await point inside them.
//
// async
func conformAwait[T any](c T) T {
	rt.Sleep(0)
	return c
}

func describe(v any) string {
	if err, ok := v.(error); ok {
		return fmt.Sprintf("%T: %s", v, err.Error())
	}
	return fmt.Sprintf("%T: %v", v, v)
}

func main() {
	if len(os.Args) != 3 || (os.Args[1] != "plain" && os.Args[1] != "async") {
		fmt.Fprintln(os.Stderr, "usage: conformance plain|async NAME")
		os.Exit(2)
	}
	var c *conformCase
	for i := range conformCases {
		if conformCases[i].name == os.Args[2] {
			c = &conformCases[i]
		}
	}
	if c == nil {
		fmt.Fprintln(os.Stderr, "conformance: no case", os.Args[2])
		os.Exit(2)
	}
	t := &conformT{}
	outcome := "-- ok"
	if os.Args[1] == "plain" {
		func() {
			defer func() {
				if r := recover(); r != nil {
					outcome = "-- panic " + describe(r)
				}
			}()
			c.plain(t)
		}()
	} else {
		_, err := rt.Run(c.async(t))
		var pe *rt.PanicError
		switch {
		case errors.As(err, &pe):
			outcome = "-- panic " + describe(pe.Value)
		case err != nil:
			outcome = "-- error " + err.Error()
		}
	}
	if t.failed {
		outcome += " (the test reported errors)"
	}
	fmt.Println(outcome)
}
