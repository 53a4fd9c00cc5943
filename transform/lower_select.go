package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// Type switches and selects, as part of pass "flatten".

// typeSwitchStmt lowers a type switch: x is evaluated once into a
// temporary, the cases are tried in order (`_, ok = t.(T)`, or `t == nil`),
// and each clause binds its own v (of the clause's type when it lists one
// type, of x's type otherwise) before its body.
//
//	switch v := x.(type) { case int: A; case nil, string: B; default: C }
//
//	t = x
//	_, ok = t.(int); if ok { goto c0 }
//	if t == nil { goto c1 }
//	_, ok = t.(string); if ok { goto c1 }
//	goto c2
//	c0: v0 = t.(int); A; goto end
//	c1: v1 = t; B; goto end
//	c2: v2 = t; C
//	end:
func (l *lowerer) typeSwitchStmt(s *ast.TypeSwitchStmt, label string) {
	if s.Init != nil {
		l.stmt(s.Init, "")
	}
	var x ast.Expr
	bound := false
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		x, bound = a.Rhs[0].(*ast.TypeAssertExpr).X, true
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	}
	t := l.temp(l.info.TypeOf(x))
	xl := l.expr(x)
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{l.refAt(t, x.Pos())}, Tok: token.ASSIGN, Rhs: []ast.Expr{xl}}, targets: l.targets})
	end := l.newLabel()
	clauses := s.Body.List
	bodies := make([]int, len(clauses))
	for i := range clauses {
		bodies[i] = l.newLabel()
	}
	dflt := -1
	var ok *types.Var
	for i, c := range clauses {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			dflt = i
			continue
		}
		for _, e := range cc.List {
			if l.isNilExpr(e) {
				l.emit(&instIf{cond: &ast.BinaryExpr{X: l.ref(t), Op: token.EQL, Y: ast.NewIdent("nil")}, to: bodies[i], at: e.Pos()})
				continue
			}
			if ok == nil {
				ok = l.temp(types.Typ[types.Bool])
			}
			l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{&ast.Ident{Name: "_", NamePos: e.Pos()}, l.ref(ok)}, Tok: token.ASSIGN, TokPos: e.Pos(),
				Rhs: []ast.Expr{&ast.TypeAssertExpr{X: l.ref(t), Type: e}}}, targets: l.targets})
			l.emit(&instIf{cond: l.ref(ok), to: bodies[i], at: e.Pos()})
		}
	}
	if dflt >= 0 {
		l.emit(&instGoto{to: bodies[dflt]})
	} else {
		l.emit(&instGoto{to: end})
	}
	l.loop(label, end, -1, func() {
		for i, c := range clauses {
			cc := c.(*ast.CaseClause)
			l.label(bodies[i])
			if v, _ := l.info.Implicits[cc].(*types.Var); bound && v != nil && usesVar(l.info, cc.Body, v) {
				l.hoistVar(v)
				var val ast.Expr = l.ref(t)
				if len(cc.List) == 1 && !l.isNilExpr(cc.List[0]) {
					val = &ast.TypeAssertExpr{X: l.ref(t), Type: cc.List[0]}
				}
				l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{l.refAt(v, cc.Case)}, Tok: token.ASSIGN, Rhs: []ast.Expr{val}}, targets: l.targets})
			}
			l.stmts(cc.Body)
			l.emit(&instGoto{to: end})
		}
	})
	l.label(end)
}

func (l *lowerer) isNilExpr(e ast.Expr) bool {
	tv, ok := l.info.Types[e]
	return ok && tv.IsNil()
}

// hoistVar declares v at the top of Resume (or in the frame), afresh on
// every execution of its declaration inside a loop; its instFresh makes
// its cell when it gets one (layout).
func (l *lowerer) hoistVar(v *types.Var) {
	if !l.isHoist[v] {
		l.hoisted = append(l.hoisted, v)
		l.isHoist[v] = true
	}
	if l.loops > 0 {
		l.perIter[v] = true
	}
	l.emit(&instFresh{v: v})
}

// usesVar reports whether v is used in list.
func usesVar(info *types.Info, list []ast.Stmt, v *types.Var) bool {
	found := false
	for _, s := range list {
		ast.Inspect(s, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
			return !found
		})
	}
	return found
}

// selectStmt lowers a select whose case bodies hold await points. The
// communication stays a Go select; its operands are evaluated first, in
// source order (Go evaluates them all on entering the select), and each
// case only records that it fired and what it received. The bodies run
// after it, flattened:
//
//	select {
//	case v, ok := <-c: A
//	case d <- x: B
//	default: C
//	}
//
//	t0, t1 = c, d          (when an await point comes between)
//	select {
//	case r, rok = <-t0: n = 1
//	case t1 <- x: n = 2
//	default: n = 3
//	}
//	if n == 1 { goto c0 }; if n == 2 { goto c1 }; goto c2
//	c0: v, ok = r, rok; A; goto end
//	c1: B; goto end
//	c2: C
//	end:
func (l *lowerer) selectStmt(s *ast.SelectStmt, label string) {
	clauses := s.Body.List
	// The operands Go evaluates on entering the select, in source order.
	var operands []ast.Expr
	for _, c := range clauses {
		switch comm := c.(*ast.CommClause).Comm.(type) {
		case *ast.SendStmt:
			operands = append(operands, comm.Chan, comm.Value)
		case *ast.ExprStmt:
			operands = append(operands, ast.Unparen(comm.X).(*ast.UnaryExpr).X)
		case *ast.AssignStmt:
			operands = append(operands, ast.Unparen(comm.Rhs[0]).(*ast.UnaryExpr).X)
		}
	}
	lowered := operands
	if l.hasAwait(&ast.BlockStmt{List: commStmts(clauses)}) {
		lowered = l.exprList(operands)
	}
	var n *types.Var // the case that fired, when there is a choice
	if len(clauses) > 1 {
		n = l.temp(types.Typ[types.Int])
	}
	received := make([][]ast.Expr, len(clauses)) // per clause: the temporaries, nil for _
	sel := &ast.SelectStmt{Select: s.Select, Body: &ast.BlockStmt{}}
	k := 0
	for i, c := range clauses {
		cc := c.(*ast.CommClause)
		var comm ast.Stmt
		switch cm := cc.Comm.(type) {
		case *ast.SendStmt:
			comm = &ast.SendStmt{Chan: lowered[k], Arrow: cm.Arrow, Value: lowered[k+1]}
			k += 2
		case *ast.ExprStmt:
			comm = &ast.ExprStmt{X: &ast.UnaryExpr{Op: token.ARROW, X: lowered[k]}}
			k++
		case *ast.AssignStmt:
			recv := &ast.UnaryExpr{Op: token.ARROW, X: lowered[k]}
			k++
			elem := l.info.TypeOf(ast.Unparen(cm.Rhs[0]).(*ast.UnaryExpr).X).Underlying().(*types.Chan).Elem()
			var lhs []ast.Expr
			named := false
			for j, e := range cm.Lhs {
				if isBlank(e) {
					lhs = append(lhs, ast.NewIdent("_"))
					received[i] = append(received[i], nil)
					continue
				}
				t := types.Type(types.Typ[types.Bool])
				if j == 0 {
					t = elem
				}
				v := l.temp(t)
				lhs = append(lhs, l.ref(v))
				received[i] = append(received[i], l.ref(v))
				named = true
			}
			if named {
				comm = &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{recv}}
			} else {
				comm = &ast.ExprStmt{X: recv}
			}
		}
		var body []ast.Stmt
		if n != nil {
			body = []ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{l.ref(n)}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(strconv.Itoa(i + 1))}}}
		}
		sel.Body.List = append(sel.Body.List, &ast.CommClause{Comm: comm, Body: body})
	}
	l.selects[sel] = true
	l.emit(&instStmt{stmt: sel, targets: l.targets})

	end := l.newLabel()
	bodies := make([]int, len(clauses))
	for i := range clauses {
		bodies[i] = l.newLabel()
	}
	for i := range clauses {
		if i == len(clauses)-1 {
			l.emit(&instGoto{to: bodies[i]})
			break
		}
		l.emit(&instIf{cond: &ast.BinaryExpr{X: l.ref(n), Op: token.EQL, Y: intLit(strconv.Itoa(i + 1))}, to: bodies[i], at: clauses[i].Pos()})
	}
	l.loop(label, end, -1, func() {
		for i, c := range clauses {
			cc := c.(*ast.CommClause)
			l.label(bodies[i])
			if as, ok := cc.Comm.(*ast.AssignStmt); ok {
				var lhs, rhs []ast.Expr
				for j, e := range as.Lhs {
					if received[i][j] != nil {
						lhs, rhs = append(lhs, e), append(rhs, received[i][j])
					}
				}
				if len(lhs) > 0 {
					l.assign(&ast.AssignStmt{Lhs: lhs, Tok: as.Tok, TokPos: as.TokPos, Rhs: rhs})
				}
			}
			l.stmts(cc.Body)
			l.emit(&instGoto{to: end})
		}
	})
	l.label(end)
}

func commStmts(clauses []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	for _, c := range clauses {
		if comm := c.(*ast.CommClause).Comm; comm != nil {
			out = append(out, comm)
		}
	}
	return out
}

// isLoweredSelect reports whether sel is a select that selectStmt made.
func (l *lowerer) isLoweredSelect(sel *ast.SelectStmt) bool { return l.selects[sel] }
