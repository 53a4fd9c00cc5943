package analyze

import (
	"go/ast"
	"go/types"
)

// Async generators: an async function whose last parameter is
// `yield func(T) bool` or `yield func(K, V) bool` and that returns nothing.
// Its companion FAsync takes the other parameters and returns an rt.Gen[T]
// (rt.Gen2[K, V]) that async code ranges over; each call yield(v) in its
// body is an await point that hands v to the loop and suspends the
// generator until the loop asks for the next value (see rt/agen.go).

// Gen describes an async generator's yield parameter.
type Gen struct {
	Yield *types.Var
	Elems []types.Type // what yield takes: one or two types
}

// GenOf reports whether sig has an async generator's yield parameter, and
// describes it.
func GenOf(sig *types.Signature) *Gen {
	n := sig.Params().Len()
	if n == 0 || sig.Variadic() {
		return nil
	}
	p := sig.Params().At(n - 1)
	if p.Name() != "yield" {
		return nil
	}
	y, ok := p.Type().Underlying().(*types.Signature)
	if !ok || y.Variadic() || y.Params().Len() < 1 || y.Params().Len() > 2 || y.Results().Len() != 1 ||
		!types.Identical(y.Results().At(0).Type(), types.Typ[types.Bool]) {
		return nil
	}
	g := &Gen{Yield: p}
	for i := 0; i < y.Params().Len(); i++ {
		g.Elems = append(g.Elems, y.Params().At(i).Type())
	}
	return g
}

// IsGenType reports whether t is rt.Gen or rt.Gen2, which async code
// ranges over as an async generator.
func IsGenType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != RTPath {
		return false
	}
	return n.Obj().Name() == "Gen" || n.Obj().Name() == "Gen2"
}

// GenCompanion returns the companion of fn when fn is an async generator
// (FAsync without the yield parameter, returning rt.Gen or rt.Gen2), or
// nil.
func GenCompanion(fn *types.Func) *types.Func {
	sig := fn.Type().(*types.Signature)
	if fn.Pkg() == nil || GenOf(sig) == nil {
		return nil
	}
	comp := companionNamed(fn)
	if comp == nil {
		return nil
	}
	csig := comp.Type().(*types.Signature)
	if csig.Results().Len() != 1 || csig.Params().Len() != sig.Params().Len()-1 || !IsGenType(csig.Results().At(0).Type()) {
		return nil
	}
	return comp
}

// generator checks an async generator's declaration and returns its Gen,
// or nil when d is not a generator.
func (c *checker) generator(d *ast.FuncDecl, sig *types.Signature) (*Gen, bool) {
	g := GenOf(sig)
	if g == nil {
		return nil, true
	}
	if sig.Results().Len() > 0 {
		c.errorf(d.Type.Results.Pos(), "async generator %s returns %s: a generator returns nothing; yield errors as values (yield func(T, error) bool)",
			d.Name.Name, types.TypeString(sig.Results(), types.RelativeTo(c.pkg)))
		return nil, false
	}
	return g, true
}

// genUse checks one node of an async function's body for the generator
// rules: it reports a call of an async generator (which must be ranged
// over through its companion) and uses of a generator's own yield other
// than a direct call in its body. It returns the await point a yield call
// is, or nil.
func (c *checker) genUse(fn *Func, n ast.Node, parent ast.Node, inLit bool) *Await {
	switch n := n.(type) {
	case *ast.CallExpr:
		if callee := CalledFunc(c.info, n); callee != nil && GenCompanion(callee) != nil {
			c.errorf(n.Pos(), "%s is an async generator: range over %s(...) instead of calling it", callee.Name(), callee.Name()+CompanionSuffix)
			return nil
		}
		if top := fn.Top(); top != fn && top.Gen != nil && c.isYield(top, n.Fun) {
			c.errorf(n.Pos(), "yield of async generator %s inside an async closure: the closure cannot suspend the generator; call yield in the generator's body", top.Obj.Name())
			return nil
		}
		if fn.Gen == nil || !c.isYield(fn, n.Fun) {
			return nil
		}
		switch {
		case inLit:
			c.errorf(n.Pos(), "yield of async generator %s inside a function literal: a function literal cannot suspend the generator; call yield in the generator's body", fn.Obj.Name())
		case isDeferOrGo(parent, n):
			c.errorf(n.Pos(), "yield of async generator %s in a defer or go statement: call yield in the generator's body", fn.Obj.Name())
		default:
			return &Await{Call: n, Yield: true, Shape: Shape{T: types.Typ[types.Bool], HasValue: true}}
		}
	case *ast.RangeStmt:
		if inLit && IsGenType(c.info.TypeOf(n.X)) {
			c.errorf(n.Pos(), "range over an async generator inside a function literal: a function literal cannot suspend its async function; move the loop out of the literal")
		}
	case *ast.ParenExpr:
		// (yield) is checked here, at its outermost parentheses: a call
		// (yield)(v) is fine, anything else uses yield as a value.
		if id, ok := ast.Unparen(n).(*ast.Ident); ok && fn.Gen != nil && c.info.Uses[id] == fn.Gen.Yield {
			if _, inner := parent.(*ast.ParenExpr); inner {
				return nil
			}
			if call, ok := parent.(*ast.CallExpr); ok && call.Fun == ast.Expr(n) {
				return nil
			}
			c.errorf(n.Pos(), "yield of async generator %s used as a value: the generator's yield can only be called, in its body", fn.Obj.Name())
		}
	case *ast.Ident:
		if fn.Gen != nil && c.info.Uses[n] == fn.Gen.Yield {
			if _, ok := parent.(*ast.ParenExpr); ok {
				return nil // checked at the parentheses
			}
			if call, ok := parent.(*ast.CallExpr); ok && ast.Unparen(call.Fun) == n {
				return nil // a call, checked above
			}
			c.errorf(n.Pos(), "yield of async generator %s used as a value: the generator's yield can only be called, in its body", fn.Obj.Name())
		}
	}
	return nil
}

func (c *checker) isYield(fn *Func, fun ast.Expr) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	return ok && c.info.Uses[id] == fn.Gen.Yield
}

func isDeferOrGo(parent ast.Node, call *ast.CallExpr) bool {
	switch p := parent.(type) {
	case *ast.DeferStmt:
		return p.Call == call
	case *ast.GoStmt:
		return p.Call == call
	}
	return false
}

// syntacticGen recognizes an async generator's signature without type
// information, for the companion stubs: it returns the parameters without
// yield and the types yield takes.
func syntacticGen(ft *ast.FuncType) (params *ast.FieldList, elems []ast.Expr, ok bool) {
	if ft.Params == nil || len(ft.Params.List) == 0 || ft.Results != nil && len(ft.Results.List) > 0 {
		return nil, nil, false
	}
	last := ft.Params.List[len(ft.Params.List)-1]
	if len(last.Names) == 0 || last.Names[len(last.Names)-1].Name != "yield" {
		return nil, nil, false
	}
	y, isFunc := last.Type.(*ast.FuncType)
	if !isFunc || y.Results == nil || len(y.Results.List) != 1 || len(y.Results.List[0].Names) > 1 {
		return nil, nil, false
	}
	if id, isID := y.Results.List[0].Type.(*ast.Ident); !isID || id.Name != "bool" {
		return nil, nil, false
	}
	for _, f := range y.Params.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		for i := 0; i < n; i++ {
			elems = append(elems, f.Type)
		}
	}
	if len(elems) < 1 || len(elems) > 2 {
		return nil, nil, false
	}
	params = &ast.FieldList{List: append([]*ast.Field(nil), ft.Params.List[:len(ft.Params.List)-1]...)}
	if len(last.Names) > 1 {
		params.List = append(params.List, &ast.Field{Names: last.Names[:len(last.Names)-1], Type: last.Type})
	}
	return params, elems, true
}
