package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Async generators (see rt/agen.go), as part of passes "flatten" and
// "emit".
//
// The generator. An async function whose last parameter is
// `yield func(T) bool` gets a frame like any async function, plus the
// field ag_gen *rt.Generator[T, struct{}] (for yield func(K, V) bool,
// *rt.Generator[K, V]); each call yield(v) is an await point of
// ag_gen.Yield(v, struct{}{}), which detaches the frame from the task and
// yields, once resumed, what the loop answered. Its companion drops the
// yield parameter and returns an rt.Gen made of both forms:
//
//	func ticksAsync(n int) rt.Gen[int] {
//		return rt.NewGen(func(yield func(int) bool) { ticks(n, yield) },
//			func(ag_g *rt.Generator[int, struct{}]) rt.Frame { return &ag_ticks{n: n, ag_gen: ag_g} })
//	}
//
// The loop. A range over an rt.Gen (rt.Gen2) in an async function is
// always flattened, await point or not, and pulls from the generator with
// awaits instead of iter.Pull:
//
//	g = rt.PullGen(x)
//	head: ok = await g.Next(); if !ok { goto end }
//	k, v = g.Values()
//	body          (break: goto end; continue: goto head)
//	goto head
//	end: await g.Close(); g = nil
//
// Every way out of the loop closes the generator as every way out of a
// range-over-func loop stops its iterator (lower_rangefunc.go shares the
// bookkeeping: the generator handle is the loop's "stop"): a jump or a
// return awaits g.Close() first, and a panic or a cancellation unwinding
// the frame awaits it before the deferred calls run:
//
//	if ag_co.Unwinding() {
//		if ag_g := ag_f.ag_t3; ag_g != nil {
//			if ag_s := ag_g.Close().AwaitStart(ag_co); ag_s != rt.Ready {
//				return ag_s   // the generator runs to its end; Resume comes back here
//			}
//			ag_f.ag_t3 = nil
//		}
//		goto ag_exit
//	}

// genMarker marks the synthetic identifier that names the generator's
// own rt.Generator (the frame field ag_gen).
const genMarker = "\x00gen"

const genField = analyze.Prefix + "gen"

// isGenRange reports whether s ranges over an async generator.
func (l *lowerer) isGenRange(s *ast.RangeStmt) bool {
	return analyze.IsGenType(l.info.TypeOf(s.X))
}

// yieldAwaitable is the awaitable of a generator's yield(args).
func (l *lowerer) yieldAwaitable(aw *analyze.Await) ast.Expr {
	c := l.rebuildCall(aw.Call)
	args := c.Args
	if len(l.fn.Gen.Elems) == 1 {
		args = append(args, &ast.CompositeLit{Type: &ast.StructType{Fields: &ast.FieldList{}}})
	}
	gen := ast.NewIdent(genField)
	l.synth[gen] = synthetic{qpath: genMarker}
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: gen, Sel: ast.NewIdent("Yield")}, Args: args, Lparen: c.Lparen}
}

// rangeGen lowers a range over an async generator (see above).
func (l *lowerer) rangeGen(s *ast.RangeStmt, label string, xt types.Type, x ast.Expr, head, post, end int) {
	named := types.Unalias(xt).(*types.Named)
	rtPkg := named.Obj().Pkg()
	targs := named.TypeArgs()
	elems := []types.Type{targs.At(0), types.NewStruct(nil, nil)}
	pull := "PullGen"
	if targs.Len() == 2 {
		elems[1] = targs.At(1)
		pull = "PullGen2"
	}
	generic := rtPkg.Scope().Lookup("Generator").Type()
	inst, err := types.Instantiate(nil, generic, elems, false)
	if err != nil {
		l.errorf(s.Pos(), "internal: instantiating rt.Generator: %v", err)
		return
	}
	g := l.temp(types.NewPointer(inst))
	l.framed[g] = true
	if l.genLoops == nil {
		l.genLoops = map[*types.Var]*ast.RangeStmt{}
	}
	l.genLoops[g] = s
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{l.refAt(g, s.X.Pos())}, Tok: token.ASSIGN, TokPos: s.For,
		Rhs: []ast.Expr{&ast.CallExpr{Fun: l.qual(analyze.RTPath, pull), Args: []ast.Expr{x}}}}, targets: l.targets})
	l.pullStops = append(l.pullStops, g)
	l.pulls = append(l.pulls, pullLoop{stmt: s, stop: g})

	l.label(head)
	boolT := types.Typ[types.Bool]
	ok := l.temp(boolT)
	l.emit(&instAwait{aw: l.genAwait(s, "next", boolT), awaitable: l.genCall(g, "Next"), dst: []ast.Expr{l.ref(ok)}, at: s.For})
	l.emit(&instIf{cond: l.ref(ok), neg: true, to: end, at: s.Pos()})
	// k, v = g.Values(), with _ for what the loop does not use.
	var lhs, vals []ast.Expr
	used := false
	for i, e := range []ast.Expr{s.Key, s.Value} {
		if isBlank(e) || i >= targs.Len() {
			lhs, vals = append(lhs, ast.NewIdent("_")), append(vals, nil)
			continue
		}
		t := l.temp(elems[i])
		lhs, vals = append(lhs, l.ref(t)), append(vals, l.ref(t))
		used = true
	}
	if used {
		l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: s.For, Rhs: []ast.Expr{l.genCall(g, "Values")}}, targets: l.targets})
	}
	l.rangeBody(s, label, end, post, vals[0], vals[1])
	l.label(post)
	l.emit(&instGoto{to: head})
	l.pulls = l.pulls[:len(l.pulls)-1]
	l.label(end)
	l.stopPull(g)
}

// closeGen awaits the close of a generator loop's generator and forgets it.
func (l *lowerer) closeGen(g *types.Var) {
	s := l.genLoops[g]
	l.emit(&instAwait{aw: l.genAwait(s, "close", types.NewStruct(nil, nil)), awaitable: l.genCall(g, "Close"), at: s.For})
	l.set(g, ast.NewIdent("nil"))
}

// genAwait is the await point of a generator loop's next or close, named
// for comments and task dumps after the range expression: next(x).
func (l *lowerer) genAwait(s *ast.RangeStmt, what string, t types.Type) *analyze.Await {
	call := &ast.CallExpr{Fun: &ast.Ident{Name: what, NamePos: s.For}, Args: []ast.Expr{s.X}}
	return &analyze.Await{Call: call, Shape: analyze.Shape{T: t, HasValue: true}}
}

func (l *lowerer) genCall(g *types.Var, method string) ast.Expr {
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: l.ref(g), Sel: ast.NewIdent(method)}}
}

// closeGenOnUnwind renders the unwinding prologue's close of generator
// loop g (see above).
func (e *emitter) closeGenOnUnwind(g *types.Var) jen.Code {
	gv, status := analyze.Prefix+"g", analyze.Prefix+"s"
	return jen.If(jen.Id(gv).Op(":=").Add(e.varRef(g)), jen.Id(gv).Op("!=").Nil()).Block(
		jen.If(jen.Id(status).Op(":=").Id(gv).Dot("Close").Call().Dot("AwaitStart").Call(jen.Id(coroVar)), jen.Id(status).Op("!=").Add(rt("Ready"))).Block(
			jen.Return(jen.Id(status)),
		),
		jen.Add(e.varRef(g)).Op("=").Nil(),
	)
}

// genFields are the generator's own frame fields: ag_gen.
func (e *emitter) genFields() []jen.Code {
	if e.fn.Gen == nil {
		return nil
	}
	return []jen.Code{jen.Id(genField).Op("*").Add(e.generatorType())}
}

// generatorType renders rt.Generator[K, V] for the function's generator.
func (e *emitter) generatorType() *jen.Statement {
	elems := e.fn.Gen.Elems
	args := []jen.Code{e.typeCode(elems[0]), jen.Struct()}
	if len(elems) == 2 {
		args[1] = e.typeCode(elems[1])
	}
	return rt("Generator").Types(args...)
}

// genCompanion renders an async generator's companion (see above).
func (e *emitter) genCompanion() {
	fn, sig := e.fn, e.fn.Sig
	name := fn.Obj.Name()
	elems := fn.Gen.Elems
	var params, args, inits []jen.Code
	for i := 0; i < sig.Params().Len()-1; i++ {
		p := sig.Params().At(i)
		pname := p.Name()
		if pname == "" || pname == "_" {
			pname = fmt.Sprintf("%sp%d", analyze.Prefix, i)
		} else if st, ok := e.lay.where[p]; ok {
			inits = append(inits, jen.Id(st.name).Op(":").Id(pname))
		}
		params = append(params, jen.Id(pname).Add(e.typeCode(p.Type())))
		args = append(args, jen.Id(pname))
	}
	inits = append(inits, jen.Id(genField).Op(":").Id(analyze.Prefix+"g"))
	var elemCodes []jen.Code
	for _, t := range elems {
		elemCodes = append(elemCodes, e.typeCode(t))
	}
	yieldT := jen.Func().Params(elemCodes...).Bool()
	args = append(args, jen.Id("yield"))
	gen, newGen := "Gen", "NewGen"
	if len(elems) == 2 {
		gen, newGen = "Gen2", "NewGen2"
	}
	var natural *jen.Statement
	var recvCode jen.Code
	if recv := sig.Recv(); recv != nil {
		rname := recv.Name()
		if rname == "" || rname == "_" {
			rname = analyze.Prefix + "recv"
		} else if st, ok := e.lay.where[recv]; ok && st.field {
			inits = append(inits, jen.Id(st.name).Op(":").Id(rname))
		}
		recvCode = jen.Params(jen.Id(rname).Add(e.typeCode(recv.Type())))
		natural = jen.Id(rname).Dot(name)
	} else {
		natural = jen.Id(name)
		if tps := e.typeParams(); tps.Len() > 0 {
			var targs []jen.Code
			for i := 0; i < tps.Len(); i++ {
				targs = append(targs, jen.Id(typeParamName(tps.At(i))))
			}
			natural = natural.Types(targs...)
		}
	}
	body := jen.Return(rt(newGen).Call(
		jen.Func().Params(jen.Id("yield").Add(yieldT)).Block(jen.Add(natural).Call(args...)),
		jen.Func().Params(jen.Id(analyze.Prefix+"g").Op("*").Add(e.generatorType())).Add(rt("Frame")).Block(
			jen.Return(jen.Op("&").Add(e.frameType()).Values(inits...)),
		),
	))
	e.jf.Commentf("%s%s returns the async generator %s: nothing runs until a loop ranges over it.", name, analyze.CompanionSuffix, e.qualName())
	decl := e.jf.Func()
	if recvCode != nil {
		decl = decl.Add(recvCode)
	}
	decl = decl.Id(name + analyze.CompanionSuffix)
	if sig.Recv() == nil {
		decl = decl.Types(e.typeParamDecls()...)
	}
	decl.Params(params...).Add(rt(gen).Types(elemCodes...)).Block(body)
	e.jf.Line()
}
