package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
)

// Pass "order": pull await points out of expressions.
//
// Go evaluates function calls, method calls, receive operations and logical
// operators in lexical left-to-right order. An await point is a call that
// may suspend, so every call that Go would evaluate before it must already
// have happened when it suspends: such calls are evaluated into temporaries
// first (the compiler's walk/order.go does the same). Calls after the last
// await point, and plain operands, stay where they are.

// order marks, in l.hoist, the calls of es (taken together, left to right)
// that Go evaluates before an await point that does not enclose them. The
// operands of an await point itself are evaluated just before it starts, so
// they stay in place unless another await point comes between.
func (l *lowerer) order(es []ast.Expr) {
	type effect struct {
		node      ast.Node
		awaitish  bool
		ancestors []ast.Node // the await-like nodes enclosing it
	}
	var effects []effect
	var stack []ast.Node
	add := func(n ast.Node, awaitish bool) {
		effects = append(effects, effect{node: n, awaitish: awaitish, ancestors: append([]ast.Node(nil), stack...)})
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch n := n.(type) {
		case nil:
			return
		case *ast.FuncLit:
			return
		case *ast.CallExpr:
			if l.isConversion(n) {
				walk(n.Args[0])
				return
			}
			if aw := l.fn.Awaits[n]; aw != nil {
				stack = append(stack, n)
				if aw.Explicit {
					walk(n.Args[0])
				} else {
					walk(n.Fun)
					for _, a := range n.Args {
						walk(a)
					}
				}
				stack = stack[:len(stack)-1]
				add(n, true)
				return
			}
			walk(n.Fun)
			for _, a := range n.Args {
				walk(a)
			}
			if !l.isPureBuiltin(n) {
				add(n, false)
			}
			return
		case *ast.UnaryExpr:
			walk(n.X)
			if n.Op == token.ARROW {
				add(n, false)
			}
			return
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				if l.hasAwait(n.Y) {
					stack = append(stack, n)
					walk(n.X)
					stack = stack[:len(stack)-1]
					add(n, true)
				} else {
					walk(n.X)
					if l.hasCall(n.Y) {
						add(n, false)
					}
				}
				return
			}
		}
		// Everything else: children in source order.
		ast.Inspect(n, func(c ast.Node) bool {
			if c == n {
				return true
			}
			if c != nil {
				walk(c)
			}
			return false
		})
	}
	for _, e := range es {
		walk(e)
	}
	for i, ef := range effects {
		if ef.awaitish {
			continue
		}
	later:
		for _, a := range effects[i+1:] {
			if !a.awaitish {
				continue
			}
			for _, anc := range ef.ancestors {
				if anc == a.node {
					continue later
				}
			}
			l.hoist[ef.node] = true
			break
		}
	}
}

func (l *lowerer) isConversion(c *ast.CallExpr) bool {
	tv, ok := l.info.Types[c.Fun]
	return ok && tv.IsType()
}

// isPureBuiltin reports whether c calls a builtin that has no effect on
// variables, so that its place in the evaluation order does not matter.
func (l *lowerer) isPureBuiltin(c *ast.CallExpr) bool {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := l.info.Uses[id].(*types.Builtin)
	if !ok {
		return false
	}
	switch b.Name() {
	case "len", "cap", "append", "make", "new", "complex", "real", "imag", "min", "max":
		return true
	}
	return false
}

func (l *lowerer) hasCall(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if !l.isConversion(n) && !l.isPureBuiltin(n) {
				found = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		}
		return !found
	})
	return found
}

// needs reports whether e has an await point or a call marked for hoisting.
func (l *lowerer) needs(e ast.Node) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if l.fn.Awaits[n] != nil {
				found = true
			}
		}
		if n != nil && l.hoist[n] {
			found = true
		}
		return !found
	})
	return found
}

func (l *lowerer) expr(e ast.Expr) ast.Expr {
	l.order([]ast.Expr{e})
	return l.rebuild(e)
}

// exprList lowers a list of expressions evaluated together (call
// arguments, assignment sides, return results). A single multi-valued call
// expands to one temporary per value.
func (l *lowerer) exprList(es []ast.Expr) []ast.Expr {
	l.order(es)
	if len(es) == 1 {
		if multi := l.rebuildMulti(es[0]); multi != nil {
			return multi
		}
	}
	out := make([]ast.Expr, len(es))
	for i, e := range es {
		out[i] = l.rebuild(e)
	}
	return out
}

// exprListKeep orders es as a whole and lowers only the first n: the rest
// is lowered by the caller (an await point whose operands it lowers itself).
func (l *lowerer) exprListKeep(es []ast.Expr, n int) []ast.Expr {
	l.order(es)
	out := make([]ast.Expr, n)
	for i := 0; i < n; i++ {
		out[i] = l.rebuild(es[i])
	}
	return out
}

// rebuildMulti lowers e when it is a call with several results that must be
// evaluated into temporaries; otherwise it returns nil.
func (l *lowerer) rebuildMulti(e ast.Expr) []ast.Expr {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	tup, ok := l.info.TypeOf(c).(*types.Tuple)
	if !ok || tup.Len() < 2 {
		return nil
	}
	if aw := l.fn.Awaits[c]; aw != nil {
		return l.awaitInto(aw, c)
	}
	if !l.hoist[c] && !l.needs(c) {
		return nil
	}
	call := l.rebuildCall(c)
	var lhs, refs []ast.Expr
	for i := 0; i < tup.Len(); i++ {
		v := l.temp(tup.At(i).Type())
		lhs = append(lhs, l.ref(v))
		refs = append(refs, l.ref(v))
	}
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{call}}, targets: l.targets})
	return refs
}

// awaitInto emits await point aw into fresh temporaries, one per natural
// result, and returns references to them.
func (l *lowerer) awaitInto(aw *analyze.Await, c *ast.CallExpr) []ast.Expr {
	awaitable := l.awaitable(aw)
	var dst, refs []ast.Expr
	if aw.Shape.Tuple() {
		for _, t := range aw.Shape.Vals {
			v := l.temp(t)
			dst, refs = append(dst, l.ref(v)), append(refs, l.ref(v))
		}
	} else if aw.Shape.HasValue {
		v := l.temp(aw.Shape.T)
		dst, refs = append(dst, l.ref(v)), append(refs, l.ref(v))
	}
	if aw.Shape.HasErr {
		v := l.temp(types.Universe.Lookup("error").Type())
		dst, refs = append(dst, l.ref(v)), append(refs, l.ref(v))
	}
	l.emit(&instAwait{aw: aw, awaitable: awaitable, dst: dst, at: c.Pos()})
	return refs
}

// awaitable lowers the operands of an await point and returns the
// expression that makes its awaitable: the companion call for a call to an
// async function, the operand for rt.Await(x).
func (l *lowerer) awaitable(aw *analyze.Await) ast.Expr {
	if aw.Yield {
		return l.yieldAwaitable(aw)
	}
	if c := l.embedCall(aw); c != nil {
		return c // embed.go
	}
	if aw.Explicit {
		return l.rebuild(aw.Call.Args[0])
	}
	if c := l.fusedSpawn(aw); c != nil {
		return c
	}
	c := l.rebuildCall(aw.Call)
	c.Fun = l.companionFun(c.Fun, aw.Companion.Name())
	return c
}

// companionFun renames the function in a call's Fun to the companion.
func (l *lowerer) companionFun(fun ast.Expr, name string) ast.Expr {
	switch f := fun.(type) {
	case *ast.ParenExpr:
		return &ast.ParenExpr{X: l.companionFun(f.X, name)}
	case *ast.Ident:
		id := &ast.Ident{NamePos: f.NamePos, Name: name}
		if obj := l.info.Uses[f]; obj != nil && obj.Pkg() != nil && obj.Pkg() != l.pkg && obj.Parent() == obj.Pkg().Scope() {
			// A function of a dot-imported package (rt's Sleep after
			// import . ".../rt"): the generated file names its companion
			// through an import of its own.
			l.synth[id] = synthetic{dotPkg: obj.Pkg()}
		}
		return id
	case *ast.SelectorExpr:
		return &ast.SelectorExpr{X: f.X, Sel: &ast.Ident{NamePos: f.Sel.NamePos, Name: name}}
	case *ast.IndexExpr:
		return &ast.IndexExpr{X: l.companionFun(f.X, name), Index: f.Index}
	case *ast.IndexListExpr:
		return &ast.IndexListExpr{X: l.companionFun(f.X, name), Indices: f.Indices}
	}
	return fun
}

func (l *lowerer) rebuildCall(c *ast.CallExpr) *ast.CallExpr {
	out := *c
	out.Fun = l.rebuild(c.Fun)
	if len(c.Args) == 1 {
		if multi := l.rebuildMulti(c.Args[0]); multi != nil {
			out.Args = multi
			return &out
		}
	}
	out.Args = make([]ast.Expr, len(c.Args))
	for i, a := range c.Args {
		out.Args[i] = l.rebuild(a)
	}
	return &out
}

// rebuild returns e with its await points replaced by temporaries and its
// hoisted calls evaluated first, emitting the instructions that do so.
func (l *lowerer) rebuild(e ast.Expr) ast.Expr {
	if e == nil || !l.needs(e) {
		return e
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if aw := l.fn.Awaits[x]; aw != nil {
			refs := l.awaitInto(aw, x)
			if len(refs) == 0 {
				l.errorf(x.Pos(), "%s has no value to use in an expression", types.ExprString(x.Fun))
				return x
			}
			return refs[0]
		}
		c := l.rebuildCall(x)
		if l.hoist[x] {
			return l.hoistValue(x, c)
		}
		return c
	case *ast.BinaryExpr:
		if (x.Op == token.LAND || x.Op == token.LOR) && l.hasAwait(x.Y) {
			// t = X; if t (&&) or !t (||) { t = Y }
			t := l.temp(l.info.TypeOf(x))
			l.set(t, l.rebuild(x.X))
			skip := l.newLabel()
			l.emit(&instIf{cond: l.ref(t), neg: x.Op == token.LAND, to: skip, at: x.Y.Pos()})
			y := l.expr(x.Y)
			l.set(t, y)
			l.label(skip)
			return l.ref(t)
		}
		if l.hoist[x] {
			return l.hoistValue(x, x)
		}
		out := *x
		out.X = l.rebuild(x.X)
		out.Y = l.rebuild(x.Y)
		return &out
	case *ast.UnaryExpr:
		out := *x
		out.X = l.rebuild(x.X)
		if l.hoist[x] {
			return l.hoistValue(x, &out)
		}
		return &out
	case *ast.ParenExpr:
		return &ast.ParenExpr{X: l.rebuild(x.X)}
	case *ast.SelectorExpr:
		return &ast.SelectorExpr{X: l.rebuild(x.X), Sel: x.Sel}
	case *ast.IndexExpr:
		out := *x
		out.X = l.rebuild(x.X)
		out.Index = l.rebuild(x.Index)
		return &out
	case *ast.SliceExpr:
		out := *x
		out.X = l.rebuild(x.X)
		out.Low = l.rebuild(x.Low)
		out.High = l.rebuild(x.High)
		out.Max = l.rebuild(x.Max)
		return &out
	case *ast.StarExpr:
		return &ast.StarExpr{Star: x.Star, X: l.rebuild(x.X)}
	case *ast.KeyValueExpr:
		return &ast.KeyValueExpr{Key: l.rebuild(x.Key), Colon: x.Colon, Value: l.rebuild(x.Value)}
	case *ast.CompositeLit:
		out := *x
		out.Elts = make([]ast.Expr, len(x.Elts))
		for i, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && l.isFieldKey(x, kv) {
				out.Elts[i] = &ast.KeyValueExpr{Key: kv.Key, Colon: kv.Colon, Value: l.rebuild(kv.Value)}
				continue
			}
			out.Elts[i] = l.rebuild(el)
		}
		return &out
	case *ast.TypeAssertExpr:
		out := *x
		out.X = l.rebuild(x.X)
		return &out
	}
	l.errorf(e.Pos(), "an await point inside %T is not supported yet", e)
	return e
}

// isFieldKey reports whether kv is a struct literal's field: value pair.
func (l *lowerer) isFieldKey(lit *ast.CompositeLit, kv *ast.KeyValueExpr) bool {
	t := l.info.TypeOf(lit)
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

func (l *lowerer) hoistValue(orig ast.Expr, e ast.Expr) ast.Expr {
	t := l.temp(l.info.TypeOf(orig))
	l.set(t, e)
	return l.ref(t)
}

// fusedSpawn returns the spawn helper call that replaces the await point
// rt.Spawn(fAsync(args), opts...) (or rt.Spawn(x.MAsync(args), opts...))
// when fAsync is the generated companion of a function (a method) of this
// package that has one (emitter.spawnHelper): ag_0spawn_f(args, opts...)
// (x.ag_0spawn_M(args, opts...)) allocates the task and the frame together. It
// returns nil for any other await point. The arguments are evaluated in the
// same order as before: f's, then the options.
func (l *lowerer) fusedSpawn(aw *analyze.Await) ast.Expr {
	comp := aw.Companion
	if aw.Yield || comp == nil || comp.Pkg() == nil || comp.Pkg().Path() != analyze.RTPath || comp.Name() != "SpawnAsync" || len(aw.Call.Args) == 0 {
		return nil
	}
	inner, ok := ast.Unparen(aw.Call.Args[0]).(*ast.CallExpr)
	if !ok || inner.Ellipsis.IsValid() || l.hoist[inner] {
		return nil
	}
	if len(inner.Args) == 1 {
		if _, multi := l.info.TypeOf(inner.Args[0]).(*types.Tuple); multi {
			return nil
		}
	}
	var id *ast.Ident
	method := false
	switch f := ast.Unparen(inner.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.IndexExpr:
		id, _ = ast.Unparen(f.X).(*ast.Ident)
	case *ast.IndexListExpr:
		id, _ = ast.Unparen(f.X).(*ast.Ident)
	case *ast.SelectorExpr:
		// x.MAsync(args): a method of this package's type, called on a
		// value (not a method expression T.MAsync, not an interface's).
		if sel, ok := l.info.Selections[f]; ok && sel.Kind() == types.MethodVal {
			if _, iface := sel.Recv().Underlying().(*types.Interface); !iface {
				id, method = f.Sel, true
			}
		}
	}
	if id == nil {
		return nil
	}
	obj, _ := l.info.Uses[id].(*types.Func)
	if obj != nil {
		obj = obj.Origin()
	}
	if obj == nil || obj.Pkg() != l.pkg || !strings.HasSuffix(obj.Name(), analyze.CompanionSuffix) || l.generated == nil || !l.generated(obj) {
		return nil
	}
	name := strings.TrimSuffix(obj.Name(), analyze.CompanionSuffix)
	var natural *types.Func
	if method {
		recv := obj.Type().(*types.Signature).Recv()
		if recv == nil {
			return nil
		}
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return nil
		}
		for i := 0; i < named.NumMethods(); i++ {
			if m := named.Method(i); m.Name() == name {
				natural = m
			}
		}
	} else if obj.Parent() == l.pkg.Scope() {
		natural, _ = l.pkg.Scope().Lookup(name).(*types.Func)
	}
	if natural == nil || natural.Type().(*types.Signature).Variadic() || analyze.Companion(natural) != obj {
		return nil
	}
	c := l.rebuildCall(inner)
	c.Fun = l.companionFun(c.Fun, spawnHelperName(name))
	for _, o := range aw.Call.Args[1:] {
		c.Args = append(c.Args, l.rebuild(o))
	}
	c.Ellipsis = aw.Call.Ellipsis
	return c
}
