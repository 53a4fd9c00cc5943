package rt_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// protocolNames are rt's names for generated code (and hand-written
// awaitables), not for users: the package doc's "For generated code"
// section lists them, and each one's doc comment starts with
// protocolMarker. Methods are Type.Method.
var protocolNames = []string{
	"AnyAwaitable", "CheckSource", "Coro.Push", "Coro.Recover", "Coro.UnwindPull", "Coro.Unwinding",
	"Defers", "Defers.Push", "Defers.PushAsync", "Defers.PushAwait", "Defers.Run",
	"Frame", "Future.AwaitResult", "Future.AwaitStart",
	"Generator", "Generator.Close", "Generator.Next", "Generator.Values", "Generator.Yield",
	"Locator", "NewGen", "NewGen2", "Panic", "Panic.Raise", "Pull", "Pull2", "PullGen", "PullGen2",
	"Remote.AwaitResult", "Remote.AwaitStart", "SourceFunc", "SpawnFrame", "Status",
	"Task.AwaitResult", "Task.AwaitStart",
}

const protocolMarker = "For generated code:"

// userNamesGeneratedCodeUses are user API that generated code names too.
var userNamesGeneratedCodeUses = []string{"Awaitable", "Coro", "Gen", "Gen2", "Task", "TaskOption"}

// rtSurface parses rt's non-test files and returns every exported name
// (Type.Method for methods) with its doc comment, and the package doc.
func rtSurface(t *testing.T) (map[string]string, string) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.ParseComments)
	require.NoError(t, err)
	files := []*ast.File{}
	for _, f := range pkgs["rt"].Files {
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/asyncgen/asyncgen/rt")
	require.NoError(t, err)
	names := map[string]string{}
	for _, f := range p.Funcs {
		names[f.Name] = f.Doc
	}
	for _, v := range append(p.Vars, p.Consts...) {
		for _, n := range v.Names {
			names[n] = v.Doc
		}
	}
	for _, ty := range p.Types {
		names[ty.Name] = ty.Doc
		for _, f := range ty.Funcs {
			names[f.Name] = f.Doc
		}
		for _, m := range ty.Methods {
			names[ty.Name+"."+m.Name] = m.Doc
		}
		for _, v := range append(ty.Vars, ty.Consts...) {
			for _, n := range v.Names {
				names[n] = v.Doc
			}
		}
	}
	return names, p.Doc
}

// TestSurfaceProtocolMarked: the names for generated code, and only they,
// carry the marker, and the package doc's section names each of them.
func TestSurfaceProtocolMarked(t *testing.T) {
	names, pkgDoc := rtSurface(t)
	var marked []string
	for n, d := range names {
		if strings.HasPrefix(d, protocolMarker) {
			marked = append(marked, n)
		}
	}
	slices.Sort(marked)
	top := 0
	for n := range names {
		if !strings.Contains(n, ".") {
			top++
		}
	}
	t.Logf("rt exports %d names (%d top-level, the rest methods); %d are for generated code", len(names), top, len(marked))
	assert.Equal(t, protocolNames, marked, "names whose doc starts with %q", protocolMarker)
	_, section, ok := strings.Cut(pkgDoc, "# For generated code")
	require.True(t, ok)
	section, _, _ = strings.Cut(section, "\n# ")
	for _, n := range protocolNames {
		if _, m, ok := strings.Cut(n, "."); ok && (m == "AwaitStart" || m == "AwaitResult" || strings.HasPrefix(n, "Defers.") || strings.HasPrefix(n, "Generator.") || n == "Panic.Raise") {
			continue // named as a group
		}
		assert.Contains(t, strings.Join(strings.Fields(section), " "), n, "the package doc's section names it")
	}
}

// TestSurfaceUserAPIListed: every top-level user name (not protocol, not
// an XAsync companion) appears in the package doc, so the topic list is
// where a reader finds the API.
func TestSurfaceUserAPIListed(t *testing.T) {
	names, pkgDoc := rtSurface(t)
	words := map[string]bool{}
	for _, w := range regexp.MustCompile(`[A-Za-z0-9]+`).FindAllString(pkgDoc, -1) {
		words[w] = true
	}
	var missing []string
	for n := range names {
		if strings.Contains(n, ".") || slices.Contains(protocolNames, n) || strings.HasSuffix(n, "Async") && names[strings.TrimSuffix(n, "Async")] != "" {
			continue
		}
		if m := regexp.MustCompile(`^(New|)([A-Z][A-Za-z]*?)([0-9]*)$`).FindStringSubmatch(n); m != nil &&
			(m[1] == "New" && words[m[2]] || m[3] != "" && words[m[2]+"2"]) {
			continue // a constructor of a listed type; one of a numbered series listed by its first
		}
		if !words[n] {
			missing = append(missing, n)
		}
	}
	slices.Sort(missing)
	assert.Empty(t, missing, "user names the package doc does not mention")
}

// TestSurfaceGeneratorNames: every rt name the generator emits is a
// protocol name or one of the few user names generated code uses, so a
// new protocol name cannot appear unmarked.
func TestSurfaceGeneratorNames(t *testing.T) {
	srcs, err := filepath.Glob("../transform/*.go")
	require.NoError(t, err)
	emitted := map[string]bool{}
	call := regexp.MustCompile(`\brt\("([A-Z][A-Za-z0-9]*)"\)`)
	str := regexp.MustCompile(`"((?:Pull|PullGen|NewGen|Gen)2?)"`)
	for _, p := range srcs {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			emitted[m[1]] = true
		}
		for _, m := range str.FindAllStringSubmatch(string(b), -1) {
			emitted[m[1]] = true
		}
	}
	require.Contains(t, emitted, "SpawnFrame", "the scan finds the generator's names")
	require.Contains(t, emitted, "NewGen")
	names, _ := rtSurface(t)
	for n := range emitted {
		if n == "Ready" || n == "Suspended" || n == "Pushed" {
			continue // Status's constants
		}
		assert.Contains(t, names, n, "rt exports %s", n)
		assert.True(t, slices.Contains(protocolNames, n) || slices.Contains(userNamesGeneratedCodeUses, n),
			"the generator emits rt.%s: mark it %q (and list it in protocolNames) or add it to userNamesGeneratedCodeUses", n, protocolMarker)
	}
}
