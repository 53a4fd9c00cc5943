// Command asyncgen turns Go functions marked //async into resumable
// coroutines for the event loop of package rt.
//
// Usage:
//
//	asyncgen [flags] [packages]
//
// With no packages it processes the package in the current directory, so a
// package needs only
//
//	//go:generate go tool asyncgen
//
// For every source file x.go that holds async functions it writes
// x_async.go (x_test.go gives x_async_test.go) with, for each async
// function F, the companion FAsync that returns its coroutine. A generated
// file whose source lost its last async function is removed. asyncgen never
// touches a file it did not write.
//
// Flags:
//
//	-check  write nothing; exit 1 and list the files that are stale or missing
//	-diff   write nothing; print what would change as a unified diff
//	-v      print each file written or removed
//
// Diagnostics are printed as file:line:col: message, sorted, all of them;
// asyncgen exits 2 when there is any error, and then writes nothing.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/asyncgen/asyncgen/transform"
	"github.com/pmezard/go-difflib/difflib"
)

func main() {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "asyncgen:", err)
		os.Exit(2)
	}
	os.Exit(run(args(), wd, os.Stdout, os.Stderr))
}

func args() []string { return os.Args[1:] }

// run is the whole command, working in directory wd.
func run(args []string, wd string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("asyncgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "report stale or missing generated files and exit 1; write nothing")
	diff := fs.Bool("diff", false, "print what would change as a unified diff; write nothing")
	verbose := fs.Bool("v", false, "print each file written or removed")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: asyncgen [-check] [-diff] [-v] [packages]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	res, err := transform.Generate(wd, fs.Args()...)
	if err != nil {
		fmt.Fprintln(stderr, "asyncgen:", err)
		return 2
	}
	for _, d := range res.Diags {
		d.Pos.Filename = relPath(wd, d.Pos.Filename)
		fmt.Fprintln(stderr, d)
	}
	if res.Diags.HasErrors() {
		return 2
	}
	switch {
	case *check:
		for _, c := range res.Changes {
			state := "stale"
			switch {
			case c.Remove:
				state = "should be removed"
			case c.Old == nil:
				state = "missing"
			}
			fmt.Fprintf(stdout, "%s: %s (run go generate)\n", relPath(wd, c.Path), state)
		}
		if len(res.Changes) > 0 {
			return 1
		}
		return 0
	case *diff:
		for _, c := range res.Changes {
			name := relPath(wd, c.Path)
			ud := difflib.UnifiedDiff{
				A: difflib.SplitLines(string(c.Old)), B: difflib.SplitLines(string(c.New)),
				FromFile: "a/" + name, ToFile: "b/" + name, Context: 3,
			}
			text, err := difflib.GetUnifiedDiffString(ud)
			if err != nil {
				fmt.Fprintln(stderr, "asyncgen:", err)
				return 2
			}
			fmt.Fprint(stdout, text)
		}
		return 0
	}
	if err := res.Write(); err != nil {
		fmt.Fprintln(stderr, "asyncgen:", err)
		return 2
	}
	if *verbose {
		for _, c := range res.Changes {
			verb := "wrote"
			if c.Remove {
				verb = "removed"
			}
			fmt.Fprintf(stderr, "asyncgen: %s %s\n", verb, relPath(wd, c.Path))
		}
		if len(res.Changes) == 0 {
			fmt.Fprintf(stderr, "asyncgen: %d file(s) up to date\n", res.Files)
		}
	}
	return 0
}

func relPath(wd, path string) string {
	if path == "" {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !filepath.IsAbs(rel) && len(rel) < len(path) {
		return rel
	}
	return path
}
