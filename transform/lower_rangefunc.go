package transform

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Range over a function iterator, as part of pass "flatten".
//
// A push iterator calls the loop body through its yield function, and a
// yield function cannot suspend the async function around it. So a range
// over an iterator whose body holds an await point turns the iterator into
// a pull iterator with rt.Pull (rt.Pull2 for two values), which is
// iter.Pull with a yield that can panic, and loops on next():
//
//	next, stop = rt.Pull(ag_co, iter.Seq[V](x))
//	head: v, ok = next(); if !ok { goto end }
//	body          (break: goto end; continue: goto head)
//	goto head
//	end: stop(); stop = nil
//
// rt.Pull runs the iterator on a runtime coroutine: a goroutine that
// never runs in parallel with its caller, switched to directly by next and
// stop (no scheduler hop). It runs only while next or stop is being called,
// on behalf of the event loop's goroutine, so code between two await points
// stays atomic.
//
// Every way out of the loop stops the iterator, as Go's range-over-func
// does when the body returns false: break jumps to end; a continue, break
// or goto to an outer statement and a return first call stop on the loops
// they leave (a return evaluates its results before); a panic or a
// cancellation unwinding the frame calls the stop of every loop still
// running (Resume does it first, before the deferred calls, as the
// iterator's own frames unwind first in Go); under a panic, UnwindPull
// makes the iterator's yield panic with it, so the iterator unwinds. Statements in the body that
// may leave it are flattened for this, even without an await point.

type pullLoop struct {
	stmt *ast.RangeStmt
	stop *types.Var
}

func (l *lowerer) rangeFunc(s *ast.RangeStmt, label string, sig *types.Signature, x ast.Expr, head, post, end int) {
	if sig.Params().Len() != 1 {
		l.errorf(s.Pos(), "range over %s with an await point inside is not supported", l.info.TypeOf(s.X))
		return
	}
	yield, isFunc := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !isFunc || yield.Params().Len() > 2 {
		l.errorf(s.Pos(), "range over %s with an await point inside is not supported", l.info.TypeOf(s.X))
		return
	}
	n := yield.Params().Len()
	var elems []types.Type
	for i := 0; i < n; i++ {
		elems = append(elems, yield.Params().At(i).Type())
	}
	empty := types.NewStruct(nil, nil)
	pulled := elems
	if n == 0 {
		pulled = []types.Type{empty}
	}
	var nextResults []*types.Var
	for _, t := range pulled {
		nextResults = append(nextResults, types.NewVar(token.NoPos, nil, "", t))
	}
	boolT := types.Typ[types.Bool]
	nextResults = append(nextResults, types.NewVar(token.NoPos, nil, "", boolT))
	nextT := types.NewSignatureType(nil, nil, nil, types.NewTuple(), types.NewTuple(nextResults...), false)
	stopT := types.NewSignatureType(nil, nil, nil, types.NewTuple(), types.NewTuple(), false)

	var seq ast.Expr
	switch n {
	case 0:
		// func(yield func() bool) has no iter.Seq: adapt it to
		// iter.Seq[struct{}].
		//	iter.Seq[struct{}](func(ag_yield func(struct{}) bool) {
		//		f(func() bool { return ag_yield(struct{}{}) })
		//	})
		f := l.temp(l.info.TypeOf(s.X))
		l.set(f, x)
		structT := &ast.StructType{Fields: &ast.FieldList{}}
		y := ast.NewIdent(analyze.Prefix + "yield")
		yT := types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, nil, "", empty)), types.NewTuple(types.NewVar(token.NoPos, nil, "", boolT)), false)
		inner := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: l.typeExpr(boolT)}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{
				&ast.CallExpr{Fun: ast.NewIdent(y.Name), Args: []ast.Expr{&ast.CompositeLit{Type: structT}}},
			}}}},
		}
		seq = &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{y}, Type: l.typeExpr(yT)}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: l.ref(f), Args: []ast.Expr{inner}}}}},
		}
		seq = &ast.CallExpr{Fun: &ast.IndexExpr{X: l.qual("iter", "Seq"), Index: &ast.StructType{Fields: &ast.FieldList{}}}, Args: []ast.Expr{seq}}
	case 1:
		seq = &ast.CallExpr{Fun: &ast.IndexExpr{X: l.qual("iter", "Seq"), Index: l.typeExpr(elems[0])}, Args: []ast.Expr{x}}
	case 2:
		seq = &ast.CallExpr{Fun: &ast.IndexListExpr{X: l.qual("iter", "Seq2"), Indices: []ast.Expr{l.typeExpr(elems[0]), l.typeExpr(elems[1])}}, Args: []ast.Expr{x}}
	}
	if n > 0 {
		if _, plain := sig.Params().At(0).Type().(*types.Signature); !plain {
			seq = l.namedYieldSeq(s, x, yield, seq)
		}
	}
	pull := "Pull"
	if n == 2 {
		pull = "Pull2"
	}
	next, stop := l.temp(nextT), l.temp(stopT)
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{l.refAt(next, s.X.Pos()), l.ref(stop)}, Tok: token.ASSIGN, TokPos: s.For,
		Rhs: []ast.Expr{&ast.CallExpr{Fun: l.qual(analyze.RTPath, pull), Args: []ast.Expr{ast.NewIdent(coroVar), seq}}}}, targets: l.targets})
	l.framed[stop] = true
	l.pullStops = append(l.pullStops, stop)
	l.pulls = append(l.pulls, pullLoop{stmt: s, stop: stop})

	l.label(head)
	// k, v, ok = next(), with _ for what the loop does not use.
	ok := l.temp(boolT)
	var lhs, vals []ast.Expr
	for i := range pulled {
		var lv ast.Expr
		if n > 0 {
			lv = []ast.Expr{s.Key, s.Value}[i]
		}
		if isBlank(lv) {
			lhs, vals = append(lhs, ast.NewIdent("_")), append(vals, nil)
			continue
		}
		t := l.temp(pulled[i])
		lhs, vals = append(lhs, l.ref(t)), append(vals, l.ref(t))
	}
	lhs = append(lhs, l.ref(ok))
	if id, isID := lhs[0].(*ast.Ident); isID {
		id.NamePos = s.For
	}
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: s.For, Rhs: []ast.Expr{&ast.CallExpr{Fun: l.ref(next)}}}, targets: l.targets})
	l.emit(&instIf{cond: l.ref(ok), neg: true, to: end, at: s.Pos()})
	vals = append(vals, nil, nil)
	l.rangeBody(s, label, end, post, vals[0], vals[1])
	l.label(post)
	l.emit(&instGoto{to: head})
	l.pulls = l.pulls[:len(l.pulls)-1]
	l.label(end)
	l.stopPull(stop)
}

// stopPull calls a range-over-func loop's stop and forgets it.
func (l *lowerer) stopPull(stop *types.Var) {
	if l.genLoops[stop] != nil {
		l.closeGen(stop)
		return
	}
	l.emit(&instStmt{stmt: &ast.ExprStmt{X: &ast.CallExpr{Fun: l.ref(stop)}}, targets: l.targets})
	l.set(stop, ast.NewIdent("nil"))
}

// stopPulls stops the range-over-func loops being lowered beyond the first
// keep, innermost first: a jump is leaving them.
func (l *lowerer) stopPulls(keep int) {
	for i := len(l.pulls) - 1; i >= keep; i-- {
		l.stopPull(l.pulls[i].stop)
	}
}

// resultTemps evaluates a return statement's results into temporaries, so
// that they are computed before what runs between them and the return.
func (l *lowerer) resultTemps(results []ast.Expr) []ast.Expr {
	if results == nil {
		return nil
	}
	sig := l.fn.Sig.Results()
	var lhs, refs []ast.Expr
	for i := 0; i < sig.Len(); i++ {
		t := l.temp(sig.At(i).Type())
		lhs, refs = append(lhs, l.ref(t)), append(refs, l.ref(t))
	}
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: results}, targets: l.targets})
	return refs
}

// stopPulls renders what Resume does first when the frame unwinds (a panic
// or a cancellation): stop the range-over-func loops still running.
//
//	if ag_stop := ag_f.ag_t3; ag_stop != nil {
//		ag_f.ag_t3 = nil
//		ag_co.UnwindPull(ag_stop)
//	}
func (e *emitter) stopPulls() []jen.Code {
	var out []jen.Code
	for i := len(e.l.pullStops) - 1; i >= 0; i-- {
		v := e.l.pullStops[i]
		if _, ok := e.lay.where[v]; !ok {
			continue
		}
		if e.l.genLoops[v] != nil {
			out = append(out, e.closeGenOnUnwind(v))
			continue
		}
		stop := analyze.Prefix + "stop"
		out = append(out, jen.If(jen.Id(stop).Op(":=").Add(e.varRef(v)), jen.Id(stop).Op("!=").Nil()).Block(
			jen.Add(e.varRef(v)).Op("=").Nil(),
			jen.Id(coroVar).Dot("UnwindPull").Call(jen.Id(stop)),
		))
	}
	return out
}

// namedYieldSeq adapts an iterator whose yield parameter has a named type
// (type yf func(int) bool; func seq(y yf)), which converts to no iter.Seq:
// the iterator, evaluated once, is called with iter.Seq's yield, which is
// assignable to the named type.
//
//	iter.Seq[int](func(ag_yield func(int) bool) { f(ag_yield) })
func (l *lowerer) namedYieldSeq(s *ast.RangeStmt, x ast.Expr, yield *types.Signature, conv ast.Expr) ast.Expr {
	f := l.temp(l.info.TypeOf(s.X))
	l.set(f, x)
	y := ast.NewIdent(analyze.Prefix + "yield")
	plain := types.NewSignatureType(nil, nil, nil, yield.Params(), yield.Results(), false)
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{y}, Type: l.typeExpr(plain)}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: l.ref(f), Args: []ast.Expr{ast.NewIdent(y.Name)}}}}},
	}
	c := conv.(*ast.CallExpr)
	return &ast.CallExpr{Fun: c.Fun, Args: []ast.Expr{lit}}
}
