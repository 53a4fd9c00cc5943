package analyze_test

import (
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/stretchr/testify/require"
)

const cacheMain = `package main

import (
	"fmt"

	"github.com/asyncgen/asyncgen/rt"
)

//async
func nap() int {
	rt.Sleep(0)
	return 1
}

func main() { fmt.Println(rt.Run(napAsync())) }
`

func importedRT(t *testing.T, prog *analyze.Program) *types.Package {
	t.Helper()
	require.Len(t, prog.Files, 1)
	for _, imp := range prog.Files[0].Pkg.Imports() {
		if imp.Path() == analyze.RTPath {
			return imp
		}
	}
	t.Fatal("the package does not import rt")
	return nil
}

// Two loads in one process type-check rt, a dependency of both, once:
// the second gets the same types.Package.
func TestLoadReusesDependencies(t *testing.T) {
	t.Setenv("GOWORK", "off")
	var rts []*types.Package
	for range 2 {
		dir := testmod.New(t, map[string]string{"main.go": cacheMain})
		prog, err := analyze.Load(dir)
		require.NoError(t, err)
		require.Empty(t, prog.Diags)
		rts = append(rts, importedRT(t, prog))
	}
	require.Same(t, rts[0], rts[1], "rt was type-checked again")
}

// A cached dependency is keyed by its files' content: after an edit, the
// next load sees the new declarations, and the old ones are gone.
func TestLoadSeesEditedDependency(t *testing.T) {
	t.Setenv("GOWORK", "off")
	dir := testmod.New(t, map[string]string{
		"go.mod":     strings.Replace(testmod.GoMod(t), "require ", "require example.com/dep v0.0.0\n\nrequire ", 1) + "replace example.com/dep => ./dep\n",
		"dep/go.mod": "module example.com/dep\n\ngo 1.22\n",
		"dep/dep.go": "package dep\n\nfunc A() int { return 1 }\n",
		"main.go": `package main

import (
	"example.com/dep"
	"github.com/asyncgen/asyncgen/rt"
)

//async
func use() int {
	rt.Sleep(0)
	return dep.A()
}

func main() { rt.Run(useAsync()) }
`,
	})
	prog, err := analyze.Load(dir)
	require.NoError(t, err)
	require.Empty(t, prog.Diags)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "dep", "dep.go"), []byte("package dep\n\nfunc B() int { return 2 }\n"), 0o644))
	prog, err = analyze.Load(dir)
	require.NoError(t, err)
	require.Len(t, prog.Diags, 1, "the edit of dep.go was not seen: %v", prog.Diags)
	require.Contains(t, prog.Diags[0].Message, "undefined: dep.A")

	main, err := os.ReadFile(filepath.Join(dir, "main.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(strings.Replace(string(main), "dep.A()", "dep.B()", 1)), 0o644))
	prog, err = analyze.Load(dir)
	require.NoError(t, err)
	require.Empty(t, prog.Diags)
}

// Positions inside a cached dependency resolve through Program.Fset, as
// go/types names them in messages.
func TestLoadPositionsInDependencies(t *testing.T) {
	t.Setenv("GOWORK", "off")
	for range 2 { // the first load fills the cache, the second uses it
		dir := testmod.New(t, map[string]string{"main.go": strings.Replace(cacheMain, "rt.Sleep(0)", "rt.Sleep(0)\n\t_ = rt.NewFuture()", 1)})
		prog, err := analyze.Load(dir)
		require.NoError(t, err)
		require.Len(t, prog.Diags, 1)
		require.Regexp(t, `cannot infer T \(declared at `+regexp.QuoteMeta(filepath.Join(testmod.Root(t), "rt"))+`/\w+\.go:\d+:\d+\)`, prog.Diags[0].Message)
	}
}
