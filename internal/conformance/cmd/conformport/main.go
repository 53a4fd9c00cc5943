// Command conformport rewrites testdata/conformance from the Go toolchain's
// tests (see package internal/conformance). Run it from the repository
// root:
//
//	go run ./internal/conformance/cmd/conformport
package main

import (
	"fmt"
	"os"

	"github.com/asyncgen/asyncgen/internal/conformance"
)

func main() {
	dir := "testdata/conformance"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	goroot, version, err := conformance.GoEnv()
	if err == nil {
		var p *conformance.Port
		if p, err = conformance.Run(goroot, version); err == nil {
			err = conformance.Write(dir, p)
			if err == nil {
				fmt.Printf("%s: %d cases from %s, %d left out (see skipped.txt)\n", dir, len(p.Cases), version, len(p.Skipped))
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformport:", err)
		os.Exit(1)
	}
}
