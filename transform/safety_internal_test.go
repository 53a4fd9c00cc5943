package transform

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/stretchr/testify/require"
)

// A panic in a pass is an "internal error" diagnostic at the async
// function, not a crash; nothing is generated.
func TestPanicBecomesInternalError(t *testing.T) {
	fset := token.NewFileSet()
	src := "package p\n\n//async\nfunc f() int\n"
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	require.NoError(t, err)
	decl := file.Decls[0].(*ast.FuncDecl)
	pkg := types.NewPackage("example.com/p", "p")
	sig := types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, pkg, "", types.Typ[types.Int])), false)
	fn := &analyze.Func{Decl: decl, Obj: types.NewFunc(decl.Name.Pos(), pkg, "f", sig), Sig: sig, Awaits: map[*ast.CallExpr]*analyze.Await{}}
	fn.Shape, _ = analyze.ShapeOf(sig.Results())
	// A function without a body never reaches the passes (the checks
	// reject it); here it does, and lowering dereferences the nil body.
	f := &analyze.File{Path: "p.go", Syntax: file, Pkg: pkg, Info: &types.Info{}, Funcs: []*analyze.Func{fn}}

	out, diags := fileSafely(fset, f, nil)
	require.Nil(t, out)
	require.Len(t, diags, 1)
	require.Equal(t, "p.go:4:6", diags[0].Pos.String())
	require.True(t, strings.HasPrefix(diags[0].Message, "internal error: asyncgen panicked while generating f: runtime error: invalid memory address"), diags[0].Message)
	require.Contains(t, diags[0].Message, "please report it")
	require.Regexp(t, `\(at \w+\.go:\d+\)`, diags[0].Message, "the message names the asyncgen source line that panicked")
}
