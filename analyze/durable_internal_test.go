package analyze

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDurableMarker: "//async durable" in both spellings marks a function
// async and durable; other words after async mark nothing.
func TestDurableMarker(t *testing.T) {
	for _, tc := range []struct {
		doc            string
		async, durable bool
	}{
		{"//async durable\n", true, true},
		{"// async durable\n", true, true},
		{"// F does it.\n//\n// async durable\n//go:noinline\n", true, true},
		{"// async\n", true, false},
		{"// async  durable\n", true, true},
		{"// async durable please\n", false, false},
		{"// async durably\n", false, false},
		{"// asyncdurable\n", false, false},
		{"// durable\n", false, false},
	} {
		src := "package p\n\n" + tc.doc + "func F() {}\n"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
		require.NoError(t, err)
		fd := f.Decls[0].(*ast.FuncDecl)
		require.Equal(t, tc.async, IsAsyncDecl(fd), "doc %q", tc.doc)
		require.Equal(t, tc.durable, IsDurableDecl(fd), "doc %q", tc.doc)
	}
}
