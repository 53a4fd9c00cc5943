package transform

import (
	"go/types"

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

// guards writes the staleness guard of each async function.
func (e *emitter) guards(fns []*analyze.Func) {
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
		decls = append(decls, jen.Id(tp.Obj().Name()).Add(e.typeCode(tp.Constraint())))
		args = append(args, jen.Id(tp.Obj().Name()))
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
