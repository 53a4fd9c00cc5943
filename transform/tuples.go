package transform

import (
	"fmt"
	"go/ast"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Tuple shapes: an async function with several values, as in
// func f() (a int, b string, err error), yields an rt.TupleN of them (the
// trailing error, if any, is the awaitable's error). The frame keeps the
// tuple in ag_r0, so a return stores each value in its field, and an await
// unpacks the tuple into the destinations.

// tupleResultField is where a tuple-shaped function keeps natural result i:
// field Vi of ag_r0, or ag_err for the trailing error.
func (e *emitter) tupleResultField(i int) jen.Code {
	if i < len(e.fn.Shape.Vals) {
		return jen.Id(frameVar).Dot(analyze.Prefix + "r0").Dot(fmt.Sprintf("V%d", i))
	}
	return jen.Id(frameVar).Dot(analyze.Prefix + "err")
}

// tupleUnpack assigns the outcome of a finished await of a tuple-shaped
// function to dst, one destination per natural result, all at once as Go's
// a, b, err = f() does:
//
//	{
//		ag_v, ag_e := ag_f.ag_aw0.AwaitResult()
//		a, b, err = ag_v.V0, ag_v.V1, ag_e
//	}
func (e *emitter) tupleUnpack(shape analyze.Shape, dst []ast.Expr, field *jen.Statement) jen.Code {
	tv, te := analyze.Prefix+"v", analyze.Prefix+"e"
	var rhs []jen.Code
	for i := range shape.Vals {
		rhs = append(rhs, jen.Id(tv).Dot(fmt.Sprintf("V%d", i)))
	}
	errName := "_"
	if shape.HasErr {
		errName = te
		rhs = append(rhs, jen.Id(te))
	}
	return jen.Block(
		jen.List(jen.Id(tv), jen.Id(errName)).Op(":=").Add(field.Clone()).Dot("AwaitResult").Call(),
		jen.List(e.exprs(dst)...).Op("=").List(rhs...),
	)
}
