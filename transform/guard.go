package transform

import (
	"fmt"

	"go/types"
	"path/filepath"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// The staleness guard (stringer's trick): the generated file states the
// signature of every async function it was generated from, in a form that
// stops compiling when the source's signature is no longer that:
//
//	// Stale-output guard: a build error here means an async function's
//	// signature changed after this file was generated; run go generate.
//	func _() {
//		type ag_stale_run_go_generate func(string) (int, error)
//		var _ ag_stale_run_go_generate = size
//	}
//
// A function value is assignable to the local named type only when its type
// is identical to the type's underlying func type (parameter names aside),
// so any change to the parameters, results, receiver or type parameters
// fails right here, with a message that names the guard:
//
//	x_async.go:7:35: cannot use size (value of type func(url string) (int, string))
//	as ag_stale_run_go_generate value in variable declaration
//
// A removed or renamed function gives "undefined: size" on the same line.
// Generic functions and methods of generic types get a generic guard,
// func _[T any]() { ...; var _ ag_stale_run_go_generate = (*Box[T]).get }.
// The guards come first in the file, before any /*line*/ comment, so the
// error points into the generated file, at the comment that says what to do.
// Only signatures are guarded: a changed body with the same signature still
// compiles against the stale file (asyncgen -check catches that in CI). So
// does a method whose pointer receiver became a value receiver: (*T).M is
// still a valid method expression of the same type, and Go has no
// expression that compiles only when M is not in T's method set.

const guardType = analyze.Prefix + "stale_run_go_generate"

// guards writes the staleness guard of each async function, and the
// source check that go test runs (sourceCheck).
func (e *emitter) guards(fns []*analyze.Func) {
	defer e.sourceCheck(fns)
	first := true
	for _, fn := range fns {
		name := fn.Obj.Name()
		if name == "_" || (name == "init" && fn.Sig.Recv() == nil) {
			continue // neither can be referred to
		}
		if first {
			e.jf.Comment("Stale-output guard: a build error in a func _ below means an async function's")
			e.jf.Comment("signature changed after this file was generated; run go generate.")
			first = false
		}
		e.guard(fn)
		e.jf.Line()
	}
}

func (e *emitter) guard(fn *analyze.Func) {
	sig := fn.Sig
	tps := sig.TypeParams()
	if sig.Recv() != nil {
		tps = sig.RecvTypeParams()
	}
	var decls, args []jen.Code
	for i := 0; i < tps.Len(); i++ {
		tp := tps.At(i)
		decls = append(decls, jen.Id(typeParamName(tp)).Add(e.constraintCode(tp)))
		args = append(args, jen.Id(typeParamName(tp)))
	}

	// The natural function's type, the receiver first for a method (the
	// type of its method expression), parameters unnamed.
	var params []*types.Var
	var value jen.Code
	if recv := sig.Recv(); recv != nil {
		params = append(params, types.NewParam(recv.Pos(), recv.Pkg(), "", recv.Type()))
		t := recv.Type()
		ptr := false
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), true
		}
		named, _ := types.Unalias(t).(*types.Named)
		if named == nil {
			return
		}
		base := jen.Id(named.Obj().Name())
		if len(args) > 0 {
			base = base.Types(args...)
		}
		if ptr {
			base = jen.Op("*").Add(base)
		}
		value = jen.Parens(base).Dot(fn.Obj.Name())
	} else {
		v := jen.Id(fn.Obj.Name())
		if len(args) > 0 {
			v = v.Types(args...)
		}
		value = v
	}
	unnamed := func(t *types.Tuple) []*types.Var {
		var out []*types.Var
		for i := 0; i < t.Len(); i++ {
			out = append(out, types.NewParam(t.At(i).Pos(), t.At(i).Pkg(), "", t.At(i).Type()))
		}
		return out
	}
	params = append(params, unnamed(sig.Params())...)
	ft := types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(unnamed(sig.Results())...), sig.Variadic())

	e.jf.Func().Id("_").Types(decls...).Params().Block(
		jen.Type().Id(guardType).Add(e.typeCode(ft)),
		jen.Var().Id("_").Id(guardType).Op("=").Add(value),
	)
}

// sourceCheck writes the init function that catches a changed body, which
// the signature guards cannot (stale code that compiles):
//
//	// Source check: a test binary panics here when an async function below
//	// changed in main.go after this file was generated; run go generate.
//	func init() {
//		rt.CheckSource("main.go", []rt.SourceFunc{
//			{Name: "size", Line: 6, Off: 57, Head: "func size(url string) (int, error) {", Len: 88, Hash: 0x...},
//		})
//	}
//
// rt.CheckSource does nothing outside a test binary. In one (go test) it
// reads the source file next to this file's compile-time path, finds each
// function by its first line (it may have moved) and compares the hash of
// its bytes, then panics with "main.go:6: async function size changed since
// its generated code was written; run go generate" for each one that
// changed. The init comes before any /*line*/ comment, so that the
// compile-time path is the generated file's own. Only the function's own
// text counts, from func to its closing brace: an edit elsewhere in the file
// (which may move its lines, and does make the file stale for asyncgen
// -check) is not reported.
func (e *emitter) sourceCheck(fns []*analyze.Func) {
	f := e.file
	if f.Src == nil {
		return
	}
	var entries []jen.Code
	for _, fn := range fns {
		if fn.Parent != nil || fn.Decl == nil {
			continue
		}
		start, end := e.fset.Position(fn.Decl.Pos()), e.fset.Position(fn.Decl.End())
		if start.Offset < 0 || end.Offset > len(f.Src) || start.Offset >= end.Offset {
			continue
		}
		text := f.Src[start.Offset:end.Offset]
		head, _, _ := strings.Cut(string(text), "\n")
		head = strings.TrimSuffix(head, "\r")
		h, n := analyze.SourceHash(text)
		entries = append(entries, jen.Values(
			jen.Id("Name").Op(":").Lit(analyze.SourceName(fn.Decl)),
			jen.Id("Line").Op(":").Lit(e.fset.PositionFor(fn.Decl.Pos(), false).Line),
			jen.Id("Off").Op(":").Lit(start.Offset),
			jen.Id("Head").Op(":").Lit(head),
			jen.Id("Len").Op(":").Lit(n),
			jen.Id("Hash").Op(":").Op(fmt.Sprintf("%#016x", h)),
		))
	}
	if len(entries) == 0 {
		return
	}
	src := filepath.Base(f.Path)
	e.jf.Comment("Source check: a test binary panics here when an async function below changed in")
	e.jf.Comment(src + " after this file was generated; run go generate.")
	e.jf.Func().Id("init").Params().Block(
		rt("CheckSource").Call(jen.Lit(src), jen.Index().Add(rt("SourceFunc")).ValuesFunc(func(g *jen.Group) {
			for _, en := range entries {
				g.Line().Add(en)
			}
			g.Line()
		})),
	)
	e.jf.Line()
}
