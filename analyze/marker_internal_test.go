package analyze

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMarkerBesideDirectives checks the marker rule against doc comments as
// gofmt leaves them: directives after the marker (with or without the bare
// "//" gofmt inserts) keep the function async; text after it does not.
func TestMarkerBesideDirectives(t *testing.T) {
	for _, tc := range []struct {
		doc   string
		async bool
	}{
		{"//async\n", true},
		{"// async\n", true},
		{"// F does it.\n//\n// async\n", true},
		{"// async\n//\n//go:noinline\n", true},
		{"//async\n//go:noinline\n//go:nosplit\n", true},
		{"//go:noinline\n//async\n", true},
		{"// async\n//line f.tmpl:3\n", true},
		{"// async\n//export F\n", true},
		{"// async\n// F does it.\n", false},
		{"// async\n// go:noinline\n", false}, // not a directive: it has a space
		{"// asynchronous\n", false},
		{"//go:noinline\n", false},
		{"", false},
	} {
		src := "package p\n\n" + tc.doc + "func F() {}\n"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
		require.NoError(t, err)
		fd := f.Decls[0].(*ast.FuncDecl)
		require.Equal(t, tc.async, IsAsyncDecl(fd), "doc %q", tc.doc)
		if tc.async {
			require.Empty(t, strayMarkers(token.NewFileSet(), f), "doc %q", tc.doc)
		}
	}
}
