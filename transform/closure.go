package transform

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Async closures.
//
// A function literal passed to rt.Func inside an async function is an async
// closure: it may hold await points, so it cannot stay a Go function
// literal. It is lowered like an async function into a frame type of its
// own, ag_F_func1 for the first closure in F (nested ones add _func1, ...),
// declared at package level with F's type parameters. Its frame holds a
// pointer to every variable it captures from the enclosing functions, so
// that the closure and the function share the variable, as Go closures do:
// a frame field of the enclosing frame, the current cell of a variable
// that has one per loop iteration (so each iteration's closure sees its own
// variable), or a Resume local (which Go then moves to the heap). Inside
// the closure a captured variable x reads (*ag_f.x).
//
//	n := 0
//	aw := rt.Func(func() (int, error) { tick(); n++; return n, nil })
//
//	ag_f.n = 0
//	ag_f.aw = rt.Awaitable[int](&ag_F_func1{n: &ag_f.n})
//
// The conversion keeps rt.Func's result type. Nothing runs until the
// awaitable is awaited (its frame is pushed on the awaiting task, no new
// task), spawned or gathered, as for a companion's coroutine.

// closureFrameName is the frame type of an async closure: its parent's frame
// name with _funcN appended, N counting the closures in the parent's body
// from 1. No two closures get the same name; an async function or method of
// the package whose frame would have that name moves the closure to
// ag_0..., which no function's or method's frame name starts with.
func closureFrameName(fn *analyze.Func) string {
	n := 0
	for i, c := range fn.Parent.Closures {
		if c == fn {
			n = i + 1
		}
	}
	base := strings.TrimPrefix(frameName(fn.Parent), analyze.Prefix)
	name := fmt.Sprintf("%s_func%d", base, n)
	top := fn.Top()
	if frameNameTaken(top.Obj.Pkg(), name, nil, "") {
		return analyze.Prefix + "0" + name
	}
	return analyze.Prefix + name
}

// closureOf returns the async closure that call, rt.Func(literal), makes
// in the function being rendered.
func (e *emitter) closureOf(call *ast.CallExpr) *analyze.Func {
	lit, ok := analyze.IsRTFuncLit(e.info, call)
	if !ok {
		return nil
	}
	for _, c := range e.fn.Closures {
		if c.Lit == lit {
			return c
		}
	}
	return nil
}

// newClosure renders rt.Func(literal): a new frame of the closure, given
// the variables it captures, as an rt.Awaitable[T].
//
//	rt.Awaitable[T](&ag_F_func1{x: &ag_f.x, y: ag_f.y})
func (e *emitter) newClosure(c *analyze.Func) jen.Code {
	frame := jen.Id(closureFrameName(c))
	if tps := e.typeParams(); tps.Len() > 0 {
		args := make([]jen.Code, tps.Len())
		for i := 0; i < tps.Len(); i++ {
			args[i] = jen.Id(typeParamName(tps.At(i)))
		}
		frame = frame.Types(args...)
	}
	inits := make([]jen.Code, len(c.Captures))
	names := captureNames(c)
	for i, v := range c.Captures {
		inits[i] = jen.Id(names[v]).Op(":").Add(e.varAddr(v))
	}
	return rt("Awaitable").Types(e.typeCode(c.Shape.T)).Call(jen.Op("&").Add(frame).Values(inits...))
}

// varAddr renders the address of variable v where it lives now.
func (e *emitter) varAddr(v *types.Var) jen.Code {
	if alias, ok := e.cells[v]; ok {
		return jen.Id(alias) // the cell a wrapped literal captured
	}
	if st, ok := e.lay.where[v]; ok {
		switch {
		case st.captured, st.boxed:
			return jen.Id(frameVar).Dot(st.name) // already a pointer
		case st.field:
			return jen.Op("&").Id(frameVar).Dot(st.name)
		}
		return jen.Op("&").Id(st.name)
	}
	// A variable declared inside an ordinary statement or literal keeps
	// its Go name (see ident).
	name := v.Name()
	if injected[name] {
		name = analyze.Prefix + name
	}
	return jen.Op("&").Id(name)
}

// captureNames names a closure's capture fields after the variables (they
// are all visible at the literal, so their names differ); the closure's
// own fields are named around them (layout.name).
func captureNames(c *analyze.Func) map[*types.Var]string {
	names := map[*types.Var]string{}
	for _, v := range c.Captures {
		name := v.Name()
		if reservedFields[name] {
			name = analyze.Prefix + name
		}
		names[v] = name
	}
	return names
}
