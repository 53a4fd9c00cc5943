package transform

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// pushPlainDeferAt is pushPlainDefer for defer statement s: after a
// deferred function literal, the push maps to the defer statement's line
// again (not to the literal's last line, which would count as run).
func (e *emitter) pushPlainDeferAt(s *ast.DeferStmt, fn jen.Code, args []jen.Code) jen.Code {
	if _, lit := ast.Unparen(s.Call.Fun).(*ast.FuncLit); lit {
		return e.lineDirective(s.Pos()).Add(e.pushPlainDefer(fn, args))
	}
	return e.pushPlainDefer(fn, args)
}

// pushPlainDefer renders the push of a plain (not async) deferred call of
// fn(args...), whose function value and arguments are already evaluated:
//
//	ag_f.ag_defers.Push(func(ag_p rt.Panic) {
//		defer fn(args...)
//		ag_p.Raise()
//	})
//
// rt runs the pushed function when the frame's deferred calls run, with
// the panic the frame unwinds from, if any (the zero rt.Panic otherwise,
// whose Raise does nothing). Raised there, the panic is in flight in a
// real Go call whose deferred call is fn: Go's own rules decide what
// recover() returns in fn (the panic when fn calls it directly, nil
// anywhere else), and the pushed function returns normally when fn
// recovered it.
func (e *emitter) pushPlainDefer(fn jen.Code, args []jen.Code) jen.Code {
	p := analyze.Prefix + "p"
	return jen.Id(frameVar).Dot(analyze.Prefix + "defers").Dot("Push").Call(
		jen.Func().Params(jen.Id(p).Add(rt("Panic"))).Block(
			jen.Defer().Add(fn).Call(args...),
			jen.Id(p).Dot("Raise").Call(),
		))
}

// deferArg evaluates argument i of a deferred call at the defer statement,
// into ag_dI, and returns that declaration and the argument to pass. A
// constant or nil needs no evaluation and stays in the call (ag_dI := nil
// would not compile, and ag_dI := 1 would be an int where the parameter
// may be a float64). An operation whose type comes from the context (a
// comparison passed as a named boolean type, a shift of an untyped
// constant) is declared with the type go/types gave it there, or with the
// parameter's when that is still untyped.
func (e *emitter) deferArg(call *ast.CallExpr, i int, a ast.Expr) (decl, arg jen.Code) {
	name := fmt.Sprintf("%sd%d", analyze.Prefix, i)
	tv, ok := e.info.Types[a]
	if ok && (tv.Value != nil || tv.IsNil()) {
		return nil, e.expr(a)
	}
	switch ast.Unparen(a).(type) {
	case *ast.BinaryExpr, *ast.UnaryExpr:
		if b, isBasic := tv.Type.(*types.Basic); ok && !(isBasic && b.Info()&types.IsUntyped != 0) {
			return jen.Var().Id(name).Add(e.typeCode(tv.Type)).Op("=").Add(e.expr(a)), jen.Id(name)
		}
	}
	if b, isBasic := tv.Type.(*types.Basic); ok && isBasic && b.Info()&types.IsUntyped != 0 {
		if sig, isSig := e.info.TypeOf(call.Fun).(*types.Signature); isSig && !call.Ellipsis.IsValid() {
			var pt types.Type
			switch n := sig.Params().Len(); {
			case sig.Variadic() && i >= n-1:
				pt = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
			case i < n:
				pt = sig.Params().At(i).Type()
			}
			if pt != nil {
				return jen.Var().Id(name).Add(e.typeCode(pt)).Op("=").Add(e.expr(a)), jen.Id(name)
			}
		}
	}
	return jen.Id(name).Op(":=").Add(e.expr(a)), jen.Id(name)
}

// isRecover reports whether x is a call of the builtin recover.
func (e *emitter) isRecover(x *ast.CallExpr) bool {
	id, ok := ast.Unparen(x.Fun).(*ast.Ident)
	if !ok || len(x.Args) != 0 {
		return false
	}
	b, ok := e.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

// directRecover renders recover() called directly in the body of the async
// function (not in a function literal): ag_co.Recover(ag_f), which stops
// the panic in flight when the function runs as a deferred call of a
// panicking frame (defer f() with f async, awaited by rt.Defers), as Go's
// recover does in a deferred function, and returns nil otherwise.
func (e *emitter) directRecover() jen.Code {
	return jen.Id(coroVar).Dot("Recover").Call(jen.Id(frameVar))
}
