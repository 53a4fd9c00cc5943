package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Converting the user's Go syntax to jennifer code. Identifiers are
// resolved through the type checker: managed variables become frame fields
// (ag.x) or Resume locals, package-qualified names go through jen.Qual so
// that jennifer writes the imports, and the lowering's synthetic
// identifiers become temporaries, zero values and qualified helpers.

func (e *emitter) exprs(list []ast.Expr) []jen.Code {
	out := make([]jen.Code, len(list))
	for i, x := range list {
		out[i] = e.expr(x)
	}
	return out
}

func (e *emitter) ident(id *ast.Ident) jen.Code {
	if s, ok := e.l.synth[id]; ok {
		switch {
		case s.v != nil:
			return e.varRef(s.v)
		case s.qpath == typeMarker:
			return e.typeCode(s.zero)
		case s.qpath == genMarker:
			return jen.Id(frameVar).Dot(genField)
		case s.qpath == resultMarker:
			return e.resultField(s.result)
		case s.dotPkg != nil:
			e.importName(s.dotPkg)
			return jen.Qual(s.dotPkg.Path(), id.Name)
		case s.qpath != "":
			return jen.Qual(s.qpath, id.Name)
		case s.zero != nil:
			return e.zeroValue(s.zero)
		}
	}
	obj := e.info.Uses[id]
	if obj == nil {
		obj = e.info.Defs[id]
	}
	if v, ok := obj.(*types.Var); ok {
		if _, managed := e.lay.where[v]; managed {
			return e.varRef(v)
		}
		if injected[v.Name()] && v.Parent() != nil && v.Parent() != e.pkg.Scope() && !v.IsField() {
			// A local named like a package the generated code refers to
			// (rt.Ready, utf8.DecodeRuneInString) would hide it.
			return jen.Id(analyze.Prefix + v.Name())
		}
	}
	if c, ok := obj.(*types.Const); ok {
		if name, ok := e.consts[c]; ok {
			return jen.Id(name) // localconsts.go
		}
		if e.outerConst(c) {
			return e.constValue(c)
		}
	}
	if tn, ok := obj.(*types.TypeName); ok {
		if c, ok := e.localTypeName(tn, nil); ok {
			return c // a local type Resume or the package declares (localtypes.go)
		}
		if _, ok := e.typeNames[tn]; ok {
			return jen.Id(e.typeNames[tn])
		}
	}
	if obj != nil && obj.Pkg() != nil && obj.Pkg() != e.pkg && obj.Parent() == obj.Pkg().Scope() {
		// reached through a dot import
		e.importName(obj.Pkg())
		return jen.Qual(obj.Pkg().Path(), id.Name)
	}
	return jen.Id(id.Name)
}

// injected are the package names generated code uses in the user's scopes.
var injected = map[string]bool{"rt": true, "utf8": true, "iter": true}

func (e *emitter) varRef(v *types.Var) jen.Code {
	st := e.lay.where[v]
	if alias, ok := e.cells[v]; ok {
		return jen.Parens(jen.Op("*").Id(alias))
	}
	if st.boxed || st.captured {
		return jen.Parens(jen.Op("*").Id(frameVar).Dot(st.name))
	}
	if st.field {
		return jen.Id(frameVar).Dot(st.name)
	}
	if st.name == "" {
		return jen.Id(v.Name())
	}
	return jen.Id(st.name)
}

// cellOf returns the pointer to the cell of x when x names a variable that
// lives in one (boxed, captured by an async closure, or aliased in a
// literal), else nil.
func (e *emitter) cellOf(x ast.Expr) jen.Code {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := e.l.objOf(id).(*types.Var)
	if !ok {
		return nil
	}
	if alias, ok := e.cells[v]; ok {
		return jen.Id(alias)
	}
	if st, ok := e.lay.where[v]; ok && (st.boxed || st.captured) {
		return jen.Id(frameVar).Dot(st.name)
	}
	return nil
}

// funcLit renders a function literal. A literal that captures variables
// with a cell per loop iteration must capture the current cell, not the
// frame field that moves on to the next one, so it is wrapped:
//
//	func(ag_cell_i *int) func() int { return func() int { return *ag_cell_i } }(ag.i)
func (e *emitter) funcLit(x *ast.FuncLit) jen.Code {
	var captured []*types.Var
	ast.Inspect(x.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := e.l.objOf(id).(*types.Var); ok && e.lay.where[v].boxed {
				if _, seen := e.cells[v]; !seen && !containsVar(captured, v) {
					captured = append(captured, v)
				}
			}
		}
		return true
	})
	e.inLit++
	e.litStack = append(e.litStack, x)
	defer func() {
		e.inLit--
		e.litStack = e.litStack[:len(e.litStack)-1]
	}()
	if len(captured) == 0 {
		return jen.Func().Add(e.funcType(x.Type)).Block(e.stmtList(x.Body.List)...)
	}
	var params, args []jen.Code
	for _, v := range captured {
		name := analyze.Prefix + "cell_" + e.lay.where[v].name
		params = append(params, jen.Id(name).Op("*").Add(e.typeCode(v.Type())))
		args = append(args, jen.Id(frameVar).Dot(e.lay.where[v].name))
		e.cells[v] = name
	}
	lit := jen.Func().Add(e.funcType(x.Type)).Block(e.stmtList(x.Body.List)...)
	for _, v := range captured {
		delete(e.cells, v)
	}
	return jen.Func().Params(params...).Add(e.expr(x.Type)).Block(jen.Return(lit)).Call(args...)
}

func containsVar(vs []*types.Var, v *types.Var) bool {
	for _, w := range vs {
		if w == v {
			return true
		}
	}
	return false
}

func (e *emitter) importName(p *types.Package) {
	if _, ok := e.imported[p.Path()]; !ok {
		e.imported[p.Path()] = e.importAlias(p.Path(), p.Name())
		if e.imported[p.Path()] == p.Name() {
			e.jf.ImportName(p.Path(), p.Name())
		} else {
			e.jf.ImportAlias(p.Path(), e.imported[p.Path()])
		}
	}
}

// operand renders x as an operand of an operator with precedence prec,
// adding parentheses that the (possibly rebuilt) tree needs.
func (e *emitter) operand(x ast.Expr, prec int, right bool) jen.Code {
	if b, ok := x.(*ast.BinaryExpr); ok {
		p := b.Op.Precedence()
		if p < prec || (right && p == prec) {
			return jen.Parens(e.expr(x))
		}
	}
	return e.expr(x)
}

func (e *emitter) expr(x ast.Expr) jen.Code {
	switch x := x.(type) {
	case nil:
		return jen.Null()
	case *ast.Ident:
		return e.ident(x)
	case *ast.BasicLit:
		return jen.Id(x.Value)
	case *ast.CompositeLit:
		var t jen.Code = jen.Null()
		if x.Type != nil {
			t = e.expr(x.Type)
		}
		return jen.Add(t).Values(e.exprs(x.Elts)...)
	case *ast.FuncLit:
		return e.funcLit(x)
	case *ast.ParenExpr:
		return jen.Parens(e.expr(x.X))
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if pn, ok := e.info.Uses[id].(*types.PkgName); ok {
				e.importName(pn.Imported())
				return jen.Qual(pn.Imported().Path(), x.Sel.Name)
			}
			if s, ok := e.l.synth[id]; ok && s.qpath != "" && s.qpath != typeMarker && s.qpath != genMarker && s.qpath != resultMarker {
				return jen.Qual(s.qpath, x.Sel.Name)
			}
		}
		return jen.Add(e.operandPostfix(x.X)).Dot(x.Sel.Name)
	case *ast.IndexExpr:
		if tv, ok := e.info.Types[x]; ok && tv.IsType() && e.managedLocalType(tv.Type) {
			return e.typeCode(tv.Type) // pair[int] of a generic local type (localtypes.go)
		}
		return jen.Add(e.operandPostfix(x.X)).Index(e.expr(x.Index))
	case *ast.IndexListExpr:
		if tv, ok := e.info.Types[x]; ok && tv.IsType() && e.managedLocalType(tv.Type) {
			return e.typeCode(tv.Type)
		}
		return jen.Add(e.operandPostfix(x.X)).Types(e.exprs(x.Indices)...)
	case *ast.SliceExpr:
		parts := []jen.Code{e.exprOrEmpty(x.Low), e.exprOrEmpty(x.High)}
		if x.Slice3 {
			parts = append(parts, e.exprOrEmpty(x.Max))
		}
		return jen.Add(e.operandPostfix(x.X)).Index(parts...)
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return jen.Add(e.operandPostfix(x.X)).Assert(jen.Type())
		}
		return jen.Add(e.operandPostfix(x.X)).Assert(e.expr(x.Type))
	case *ast.CallExpr:
		if c := e.closureOf(x); c != nil {
			return e.newClosure(c) // closure.go
		}
		if e.isRecover(x) && len(e.litStack) == 0 {
			return e.directRecover() // defers.go
		}
		args := e.exprs(x.Args)
		if x.Ellipsis.IsValid() && len(args) > 0 {
			args[len(args)-1] = jen.Add(args[len(args)-1]).Op("...")
		}
		return jen.Add(e.operandPostfix(x.Fun)).Call(args...)
	case *ast.StarExpr:
		return jen.Op("*").Add(e.operandPostfix(x.X))
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if c := e.cellOf(x.X); c != nil {
				return c // &v of a variable in a cell is the cell's pointer, not &(*cell)
			}
		}
		return jen.Op(x.Op.String()).Add(e.operandPostfix(x.X))
	case *ast.BinaryExpr:
		p := x.Op.Precedence()
		return jen.Add(e.operand(x.X, p, false)).Op(x.Op.String()).Add(e.operand(x.Y, p, true))
	case *ast.KeyValueExpr:
		return jen.Add(e.expr(x.Key)).Op(":").Add(e.expr(x.Value))
	case *ast.ArrayType:
		if x.Len == nil {
			return jen.Index().Add(e.expr(x.Elt))
		}
		return jen.Index(e.expr(x.Len)).Add(e.expr(x.Elt))
	case *ast.Ellipsis:
		return jen.Op("...").Add(e.expr(x.Elt))
	case *ast.StructType:
		var fields []jen.Code
		for _, f := range x.Fields.List {
			var c *jen.Statement
			if len(f.Names) == 0 {
				c = jen.Add(e.expr(f.Type))
			} else {
				c = jen.List(e.names(f.Names)...).Add(e.expr(f.Type))
			}
			if f.Tag != nil {
				c = c.Id(f.Tag.Value)
			}
			fields = append(fields, c)
		}
		return jen.Struct(fields...)
	case *ast.FuncType:
		return jen.Func().Add(e.funcType(x))
	case *ast.InterfaceType:
		var items []jen.Code
		for _, f := range x.Methods.List {
			if len(f.Names) == 0 {
				items = append(items, e.expr(f.Type))
				continue
			}
			ft := f.Type.(*ast.FuncType)
			items = append(items, jen.Id(f.Names[0].Name).Add(e.funcType(ft)))
		}
		return jen.Interface(items...)
	case *ast.MapType:
		return jen.Map(e.expr(x.Key)).Add(e.expr(x.Value))
	case *ast.ChanType:
		switch x.Dir {
		case ast.SEND:
			return jen.Chan().Op("<-").Add(e.expr(x.Value))
		case ast.RECV:
			return jen.Op("<-").Chan().Add(e.expr(x.Value))
		}
		return jen.Chan().Add(e.expr(x.Value))
	}
	e.errorf(x.Pos(), "internal: cannot render expression %T", x)
	return jen.Null()
}

// operandPostfix renders the operand of a selector, index, call or unary
// operator, parenthesized when it is a binary expression.
func (e *emitter) operandPostfix(x ast.Expr) jen.Code {
	if _, ok := x.(*ast.BinaryExpr); ok {
		return jen.Parens(e.expr(x))
	}
	return e.expr(x)
}

func (e *emitter) exprOrEmpty(x ast.Expr) jen.Code {
	if x == nil {
		return jen.Empty()
	}
	return e.expr(x)
}

func (e *emitter) names(ids []*ast.Ident) []jen.Code {
	out := make([]jen.Code, len(ids))
	for i, id := range ids {
		out[i] = e.ident(id)
	}
	return out
}

func (e *emitter) fields(fl *ast.FieldList) []jen.Code {
	if fl == nil {
		return nil
	}
	var out []jen.Code
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			out = append(out, e.expr(f.Type))
			continue
		}
		out = append(out, jen.List(e.names(f.Names)...).Add(e.expr(f.Type)))
	}
	return out
}

func (e *emitter) funcType(ft *ast.FuncType) jen.Code {
	c := jen.Params(e.fields(ft.Params)...)
	if ft.Results != nil && len(ft.Results.List) > 0 {
		if len(ft.Results.List) == 1 && len(ft.Results.List[0].Names) == 0 {
			return c.Add(e.expr(ft.Results.List[0].Type))
		}
		return c.Params(e.fields(ft.Results)...)
	}
	return c
}

// lineDirective maps the next statement to its line in the user's source.
func (e *emitter) lineDirective(pos token.Pos) *jen.Statement {
	if !pos.IsValid() {
		return jen.Null()
	}
	p := e.fset.Position(pos)
	col := p.Column
	if col <= 0 {
		// Under a //line directive without a column (as template
		// generators write them) the column is unknown: Go reports 0,
		// which a line directive may not carry. The line is what counts.
		col = 1
	}
	return jen.Comment(fmt.Sprintf("/*line %s:%d:%d*/", filepath.Base(p.Filename), p.Line, col))
}

func (e *emitter) stmtList(list []ast.Stmt) []jen.Code {
	var out []jen.Code
	for _, s := range list {
		out = append(out, e.stmt(s)...)
	}
	return out
}

func (e *emitter) block(b *ast.BlockStmt) jen.Code {
	return jen.Block(e.stmtList(b.List)...)
}

// stmt renders one statement (possibly as several: a return becomes
// the assignment of the results and `return rt.Ready`).
func (e *emitter) stmt(s ast.Stmt) []jen.Code {
	line := e.lineDirective(s.Pos())
	one := func(c jen.Code) []jen.Code { return []jen.Code{line.Add(c)} }
	switch s := s.(type) {
	case nil, *ast.EmptyStmt:
		return nil
	case *ast.DeclStmt:
		gd := s.Decl.(*ast.GenDecl)
		var specs []jen.Code
		for _, sp := range gd.Specs {
			switch sp := sp.(type) {
			case *ast.ValueSpec:
				c := jen.List(e.names(sp.Names)...)
				if sp.Type != nil {
					c = c.Add(e.expr(sp.Type))
				}
				if len(sp.Values) > 0 {
					c = c.Op("=").List(e.exprs(sp.Values)...)
				}
				specs = append(specs, c)
			case *ast.TypeSpec:
				if tn, ok := e.info.Defs[sp.Name].(*types.TypeName); ok {
					if _, moved := e.pkgTypes[tn]; moved {
						if sp.TypeParams != nil {
							e.errorf(sp.Pos(), "generic type %s is declared in a block of %s without await points, and generated code outside the function needs it: declare %s at the top level of the function or at package level", tn.Name(), e.fn.Top().Decl.Name.Name, tn.Name())
						}
						t, _ := e.localTypeName(tn, nil)
						specs = append(specs, jen.Id(sp.Name.Name).Op("=").Add(t)) // localtypes.go
						break
					}
				}
				specs = append(specs, jen.Id(sp.Name.Name).Types(e.fieldTypeParams(sp.TypeParams)...).Add(e.expr(sp.Type)))
			}
		}
		kw := map[token.Token]*jen.Statement{token.VAR: jen.Var(), token.CONST: jen.Const(), token.TYPE: jen.Type()}[gd.Tok]
		if len(specs) == 1 {
			return one(kw.Add(specs[0]))
		}
		return one(kw.Defs(specs...))
	case *ast.LabeledStmt:
		return append([]jen.Code{jen.Id(s.Label.Name).Op(":")}, e.stmt(s.Stmt)...)
	case *ast.ExprStmt:
		return one(e.expr(s.X))
	case *ast.SendStmt:
		return one(jen.Add(e.expr(s.Chan)).Op("<-").Add(e.expr(s.Value)))
	case *ast.IncDecStmt:
		return one(jen.Add(e.expr(s.X)).Op(s.Tok.String()))
	case *ast.AssignStmt:
		return one(jen.List(e.exprs(s.Lhs)...).Op(s.Tok.String()).List(e.exprs(s.Rhs)...))
	case *ast.GoStmt:
		return one(jen.Go().Add(e.expr(s.Call)))
	case *ast.DeferStmt:
		if e.inLit > 0 {
			return one(jen.Defer().Add(e.expr(s.Call)))
		}
		return one(e.deferStmt(s))
	case *ast.ReturnStmt:
		if e.inLit > 0 {
			return one(jen.Return(e.exprs(s.Results)...))
		}
		out := e.frameReturn(s.Results)
		out[0] = line.Add(out[0])
		return out
	case *ast.BranchStmt:
		if to, ok := e.exits[s]; ok && e.inLit == 0 {
			if vs := e.exitClears[to]; len(vs) > 0 {
				return one(jen.Block(append(e.clearFields(vs), jen.Goto().Id(labelName(to)))...))
			}
			return one(jen.Goto().Id(labelName(to)))
		}
		var c *jen.Statement
		switch s.Tok {
		case token.BREAK:
			c = jen.Break()
		case token.CONTINUE:
			c = jen.Continue()
		case token.GOTO:
			c = jen.Goto()
		case token.FALLTHROUGH:
			c = jen.Fallthrough()
		}
		if s.Label != nil {
			c = c.Id(s.Label.Name)
		}
		return one(c)
	case *ast.BlockStmt:
		return one(e.block(s))
	case *ast.IfStmt:
		return one(e.ifStmt(s))
	case *ast.SwitchStmt:
		return one(jen.Switch(e.header(s.Init, s.Tag)...).Block(e.clauses(s.Body)...))
	case *ast.TypeSwitchStmt:
		var assign jen.Code
		switch a := s.Assign.(type) {
		case *ast.AssignStmt:
			assign = jen.List(e.exprs(a.Lhs)...).Op(a.Tok.String()).Add(e.expr(a.Rhs[0]))
		case *ast.ExprStmt:
			assign = e.expr(a.X)
		}
		var items []jen.Code
		if s.Init != nil {
			items = append(items, e.simple(s.Init))
		}
		items = append(items, assign)
		return one(jen.Switch(items...).Block(e.clauses(s.Body)...))
	case *ast.SelectStmt:
		var cases []jen.Code
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			body := e.stmtList(cc.Body)
			if cc.Comm == nil {
				cases = append(cases, jen.Default().Block(body...))
			} else {
				cases = append(cases, jen.Case(e.simple(cc.Comm)).Block(body...))
			}
		}
		return one(jen.Select().Block(cases...))
	case *ast.ForStmt:
		var hdr []jen.Code
		switch {
		case s.Init == nil && s.Post == nil && s.Cond == nil:
		case s.Init == nil && s.Post == nil:
			hdr = []jen.Code{e.expr(s.Cond)}
		default:
			hdr = []jen.Code{e.simpleOrEmpty(s.Init), e.exprOrEmpty(s.Cond), e.simpleOrEmpty(s.Post)}
		}
		return one(jen.For(hdr...).Add(e.block(s.Body)))
	case *ast.RangeStmt:
		var hdr *jen.Statement
		if s.Key == nil {
			hdr = jen.Range().Add(e.expr(s.X))
		} else {
			lhs := []jen.Code{e.expr(s.Key)}
			if s.Value != nil {
				lhs = append(lhs, e.expr(s.Value))
			}
			hdr = jen.List(lhs...).Op(s.Tok.String()).Range().Add(e.expr(s.X))
		}
		return one(jen.For(hdr).Add(e.block(s.Body)))
	}
	e.errorf(s.Pos(), "internal: cannot render statement %T", s)
	return nil
}

func (e *emitter) ifStmt(s *ast.IfStmt) *jen.Statement {
	c := jen.If(e.header(s.Init, s.Cond)...).Add(e.block(s.Body))
	switch el := s.Else.(type) {
	case *ast.IfStmt:
		c = c.Else().Add(e.ifStmt(el))
	case *ast.BlockStmt:
		c = c.Else().Add(e.block(el))
	}
	return c
}

func (e *emitter) header(init ast.Stmt, x ast.Expr) []jen.Code {
	var items []jen.Code
	if init != nil {
		items = append(items, e.simple(init))
		if x == nil {
			items = append(items, jen.Empty())
		}
	}
	if x != nil {
		items = append(items, e.expr(x))
	}
	return items
}

func (e *emitter) clauses(body *ast.BlockStmt) []jen.Code {
	var out []jen.Code
	for _, c := range body.List {
		cc := c.(*ast.CaseClause)
		stmts := e.stmtList(cc.Body)
		if cc.List == nil {
			out = append(out, jen.Default().Block(stmts...))
		} else {
			out = append(out, jen.Case(e.exprs(cc.List)...).Block(stmts...))
		}
	}
	return out
}

// simple renders a simple statement used in a header (no line directive).
func (e *emitter) simple(s ast.Stmt) jen.Code {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return e.expr(s.X)
	case *ast.SendStmt:
		return jen.Add(e.expr(s.Chan)).Op("<-").Add(e.expr(s.Value))
	case *ast.IncDecStmt:
		return jen.Add(e.expr(s.X)).Op(s.Tok.String())
	case *ast.AssignStmt:
		return jen.List(e.exprs(s.Lhs)...).Op(s.Tok.String()).List(e.exprs(s.Rhs)...)
	}
	e.errorf(s.Pos(), "internal: cannot render %T in a header", s)
	return jen.Null()
}

func (e *emitter) simpleOrEmpty(s ast.Stmt) jen.Code {
	if s == nil {
		return jen.Empty()
	}
	return e.simple(s)
}

// fieldTypeParams renders the type parameter list of a type declaration as
// written ([X any, Y comparable]), nil when it has none.
func (e *emitter) fieldTypeParams(fl *ast.FieldList) []jen.Code {
	if fl == nil {
		return nil
	}
	var out []jen.Code
	for _, f := range fl.List {
		for _, n := range f.Names {
			out = append(out, jen.Id(n.Name).Add(e.expr(f.Type)))
		}
	}
	return out
}
