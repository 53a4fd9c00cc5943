package transform_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"github.com/stretchr/testify/require"
)

const guardSrc = `package main

import "github.com/asyncgen/asyncgen/rt"

//async
func size(url string) (int, error) {
	rt.Sleep(0)
	return len(url), nil
}

type Box[T any] struct{ v T }

//async
func (b Box[T]) get() T {
	rt.Sleep(0)
	return b.v
}

func main() {
	n, _ := rt.Run(sizeAsync("abc"))
	v, _ := rt.Run((&Box[int]{v: n}).getAsync())
	println(v)
}
`

// A generated file refuses to compile once an async function's signature
// changed in its source, and the error points at the guard, whose comment
// says to run go generate.
func TestStaleGuard(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	for _, tc := range []struct{ name, from, to string }{
		{"result", "func size(url string) (int, error) {", "func size(url string) (int64, error) {"},
		{"generic", "type Box[T any] struct{ v T }", "type Box[T comparable] struct{ v T }"},
		{"param", "func size(url string) (int, error) {", "func size(url string, retries int) (int, error) {"},
		{"receiver", "func (b Box[T]) get() T {", "func (b *Box[T]) get() T {"},
		{"renamed", "func size(url string) (int, error) {", "func length(url string) (int, error) {"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := testmod.New(t, map[string]string{"main.go": guardSrc})
			res, err := transform.Generate(dir, "./...")
			require.NoError(t, err)
			require.False(t, res.Diags.HasErrors(), "%v", res.Diags)
			require.NoError(t, res.Write())
			out, err := testmod.Go(t, dir, "build", "./...")
			require.NoError(t, err, out)

			stale := strings.Replace(guardSrc, tc.from, tc.to, 1)
			if tc.name == "result" {
				stale = strings.Replace(stale, "return len(url), nil", "return int64(len(url)), nil", 1)
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(stale), 0o644))
			out, err = testmod.Go(t, dir, "build", "./...")
			require.Error(t, err, "a stale generated file still compiles")
			// The error is at a guard line of main_async.go.
			m := regexp.MustCompile(`main_async\.go:(\d+):\d+: (.*)`).FindStringSubmatch(out)
			require.NotNil(t, m, "no error in main_async.go:\n%s", out)
			gen, err := os.ReadFile(filepath.Join(dir, "main_async.go"))
			require.NoError(t, err)
			lines := strings.Split(string(gen), "\n")
			line, _ := strconv.Atoi(m[1])
			require.Contains(t, lines[line-1], "ag_stale_run_go_generate", "error not at a guard:\n%s", out)
			require.Contains(t, strings.Join(lines[:line], "\n"), "run go generate")
			if tc.name == "result" || tc.name == "param" {
				// A changed type names the guard in the message itself.
				require.Contains(t, m[2], "ag_stale_run_go_generate", out)
			}
		})
	}
}

const sourceCheckSrc = `package m

import "github.com/asyncgen/asyncgen/rt"

// greeting is async.
//
//async
func greeting() string {
	rt.Sleep(0)
	return "hello"
}

type S struct{}

//async
func (*S) count() int {
	rt.Sleep(0)
	return 1
}
`

const sourceCheckTest = `package m

import (
	"testing"

	"github.com/asyncgen/asyncgen/rt"
)

func TestGreeting(t *testing.T) {
	got, err := rt.Run(greetingAsync())
	if err != nil || got != "hello" {
		t.Fatalf("greeting: %q, %v", got, err)
	}
	n, _ := rt.Run((&S{}).countAsync())
	if n != 1 {
		t.Fatalf("count: %d", n)
	}
}
`

// An async function whose body changed after generation makes go test of
// its package fail at start, naming the function and its line and saying
// to run go generate, instead of testing the old generated code. A change
// that only moves the function (a comment added above it) does not, and
// a program built with go build runs as before.
func TestStaleSource(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test in a scratch module")
	}
	dir := testmod.New(t, map[string]string{"m.go": sourceCheckSrc, "m_test.go": sourceCheckTest,
		"cmd/main.go": "package main\n\nimport \"github.com/asyncgen/asyncgen/rt\"\n\n//async\nfunc hi() string { rt.Sleep(0); return \"hi\" }\n\nfunc main() { s, _ := rt.Run(hiAsync()); println(s) }\n"})
	generate := func() {
		t.Helper()
		res, err := transform.Generate(dir, "./...")
		require.NoError(t, err)
		require.False(t, res.Diags.HasErrors(), "%v", res.Diags)
		require.NoError(t, res.Write())
	}
	write := func(name, src string) {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	generate()
	out, err := testmod.Go(t, dir, "test", "-count=1", ".")
	require.NoError(t, err, out)

	// Moved, not changed: still fine.
	moved := strings.Replace(sourceCheckSrc, "// greeting is async.", "// A comment\n// that moves everything.\n\n// greeting is async.", 1)
	write("m.go", moved)
	out, err = testmod.Go(t, dir, "test", "-count=1", ".")
	require.NoError(t, err, out)

	// The body changed: go test fails before any test runs.
	changed := strings.Replace(moved, `return "hello"`, `return "hello, world"`, 1)
	changed = strings.Replace(changed, "return 1", "return 2", 1)
	write("m.go", changed)
	out, err = testmod.Go(t, dir, "test", "-count=1", ".")
	require.Error(t, err, out)
	require.Contains(t, out, "m.go:11: async function greeting changed since its generated code was written; run go generate")
	require.Contains(t, out, "m.go:19: async function (*S).count changed since its generated code was written; run go generate")
	require.NotContains(t, out, "TestGreeting", "a test ran on stale code:\n%s", out)

	// The same from the test binary of go test -c, run by hand.
	bin := filepath.Join(t.TempDir(), "m.test")
	out, err = testmod.Go(t, dir, "test", "-c", "-o", bin, ".")
	require.NoError(t, err, out)
	cmd := exec.Command(bin)
	cmd.Dir = dir
	b, err := cmd.CombinedOutput()
	require.Error(t, err, "%s", b)
	require.Contains(t, string(b), "async function greeting changed")

	// A program is not a test binary: it runs (stale, as asyncgen -check
	// would say), with nothing checked.
	write("cmd/main.go", strings.Replace("package main\n\nimport \"github.com/asyncgen/asyncgen/rt\"\n\n//async\nfunc hi() string { rt.Sleep(0); return \"hi\" }\n\nfunc main() { s, _ := rt.Run(hiAsync()); println(s) }\n", `"hi"`, `"ho"`, 1))
	out, err = testmod.Go(t, dir, "run", "./cmd")
	require.NoError(t, err, out)
	require.Equal(t, "hi", out)

	// Regenerated: the new code runs (and the test sees its new value).
	generate()
	out, err = testmod.Go(t, dir, "test", "-count=1", ".")
	require.Error(t, err, out)
	require.Contains(t, out, `greeting: "hello, world", <nil>`)
	require.NotContains(t, out, "run go generate")
}
