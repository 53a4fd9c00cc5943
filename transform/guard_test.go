package transform_test

import (
	"os"
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
