package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"github.com/stretchr/testify/require"
)

const demo = `package main

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// nap is async and not generated yet: vet runs all the same (and says so).
//
//async
func nap(d time.Duration) {
	time.Sleep(d)
}

func main() {
	nap(time.Millisecond)
	rt.SleepAsync(0)
	fmt.Println("done")
}
`

var wantDiags = []string{
	"main.go:14:2: time.Sleep in an async function blocks the event loop: use rt.Sleep, which suspends only this task",
	"main.go:18:2: call of async function nap from ordinary code runs it as blocking plain Go: use rt.Run(napAsync(...)) or mark the caller //async",
	"main.go:13:6: async function nap has no generated code (main_async.go is missing",
	"main.go:19:2: coroutine rt.SleepAsync(...) is never awaited, so it never runs: await it with rt.Await, start it with rt.Spawn or rt.Run, or pass it to rt.Gather",
}

// asyncvet works as go vet's tool, the way its package doc says to run it,
// and on its own.
func TestVetTool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds asyncvet and runs go vet")
	}
	bin := testmod.Executable(t, ".", ".")
	dir := testmod.New(t, map[string]string{"main.go": demo})
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	vet, err := run("go", "vet", "-vettool="+bin, "./...")
	require.Error(t, err, "go vet must fail on findings:\n%s", vet)
	for _, d := range wantDiags {
		require.Contains(t, vet, d)
	}

	alone, err := run(bin, "./...")
	require.Error(t, err, "asyncvet must fail on findings:\n%s", alone)
	for _, d := range wantDiags {
		require.Contains(t, alone, d)
	}
}

const staleSrc = `package main

import "github.com/asyncgen/asyncgen/rt"

//async
func greet() string {
	rt.Sleep(0)
	return "hello"
}

func main() {
	s, _ := rt.Run(greetAsync())
	println(s)
}
`

// An async function edited after generation is reported at its name by go
// vet -vettool=asyncvet, by go tool asyncvet (the tool directive of the
// module that uses asyncgen) and by asyncvet run alone.
func TestVetStale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds asyncvet and runs go vet")
	}
	bin := testmod.Executable(t, ".", ".")
	dir := testmod.New(t, map[string]string{
		"main.go": staleSrc,
		"go.mod":  testmod.GoMod(t) + "\ntool github.com/asyncgen/asyncgen/cmd/asyncvet\n",
	})
	res, err := transform.Generate(dir, "./...")
	require.NoError(t, err)
	require.False(t, res.Diags.HasErrors(), "%v", res.Diags)
	require.NoError(t, res.Write())
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	vet, err := run("go", "vet", "-vettool="+bin, "./...")
	require.NoError(t, err, "fresh generated code: %s", vet)

	edited := strings.Replace(staleSrc, `return "hello"`, `return "hello, world"`, 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(edited), 0o644))
	want := "main.go:6:6: async function greet changed since its generated code was written (main_async.go is stale): run go generate"
	for _, args := range [][]string{
		{"go", "vet", "-vettool=" + bin, "./..."},
		{"go", "tool", "asyncvet", "./..."},
		{bin, "./..."},
	} {
		out, err := run(args[0], args[1:]...)
		require.Error(t, err, "%v must fail on a stale function:\n%s", args, out)
		require.Contains(t, out, want, "%v", args)
	}
}

const ungeneratedSrc = `package main

import "github.com/asyncgen/asyncgen/rt"

//async
func greet() string {
	rt.Sleep(0)
	return "hello"
}

func main() {
	s, _ := rt.Run(greetAsync())
	println(s)
}
`

// A package that never ran go generate: go vet and asyncvet say so first,
// (or, for an async function that cannot be generated, why not),
// before the type checker's "undefined: greetAsync"; a package that
// type-checks without its generated file gets the same finding from the
// Analyzer.
func TestVetMissingGeneration(t *testing.T) {
	if testing.Short() {
		t.Skip("builds asyncvet and runs go vet")
	}
	bin := testmod.Executable(t, ".", ".")
	dir := testmod.New(t, map[string]string{
		"main.go":        ungeneratedSrc,
		"shape/shape.go": "package shape\n\nimport \"github.com/asyncgen/asyncgen/rt\"\n\n//async\nfunc nine() (a, b, c, d, e, f, g, h, i int) {\n\trt.Sleep(0)\n\treturn\n}\n\nvar _ = nineAsync\n",
		"lib/lib.go":     "package lib\n\nimport \"github.com/asyncgen/asyncgen/rt\"\n\n//async\nfunc Nap() { rt.Sleep(0) }\n",
	})
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	want := "main.go:6:6: async function greet has no generated code (main_async.go is missing: go generate has not run here, or it failed): add //go:generate go tool asyncgen to the package if it has none and run go generate"
	wantLib := "lib.go:6:6: async function Nap has no generated code (lib_async.go is missing"
	for _, args := range [][]string{
		{"go", "vet", "-vettool=" + bin, "./..."},
		{bin, "./..."},
	} {
		out, err := run(args[0], args[1:]...)
		require.Error(t, err, "%v must fail:\n%s", args, out)
		require.Contains(t, out, want, "%v", args)
		require.Contains(t, out, wantLib, "%v", args)
		require.Contains(t, out, "shape.go:6:6: async function nine returns more than 8 values besides a trailing error, more than the rt.TupleN its companion yields carries, so asyncgen generates no code for it and nineAsync is undefined", "%v", args)
		if i, j := strings.Index(out, want), strings.Index(out, "undefined: greetAsync"); j >= 0 {
			require.Less(t, i, j, "the root cause comes first:\n%s", out)
		}
	}
}

// Async functions in a cgo file are reported at their names by go vet and
// by asyncvet alone (which see cgo's rewrite of the file), as the
// generator reports them.
func TestVetCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds asyncvet and runs go vet")
	}
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is not enabled")
	}
	bin := testmod.Executable(t, ".", ".")
	dir := testmod.New(t, map[string]string{
		"cg/cgo.go": "package cg\n\n// static int add(int a, int b) { return a + b; }\nimport \"C\"\n\nimport \"github.com/asyncgen/asyncgen/rt\"\n\n//async\nfunc Twice(n int) int {\n\trt.Sleep(0)\n\treturn int(C.add(C.int(n), C.int(n)))\n}\n",
	})
	want := `cgo.go:9:6: async function Twice is in a file that imports "C", and asyncgen cannot generate code for a cgo file`
	for _, args := range [][]string{
		{"go", "vet", "-vettool=" + bin, "./..."},
		{bin, "./..."},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		require.Error(t, err, "%v must fail:\n%s", args, out)
		require.Contains(t, string(out), want, "%v", args)
	}
}
