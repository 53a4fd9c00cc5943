package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/asyncgen/asyncgen/analyze"
)

// lowerer flattens the control flow of one async function into
// instructions (pass "flatten"), pulling await points out of expressions on
// the way (pass "order", in order.go).
type lowerer struct {
	fn   *analyze.Func
	info *types.Info
	pkg  *types.Package
	// generated reports whether a companion of this package is one that
	// asyncgen generates (declared in a generated file), so that the
	// function has a spawn helper (fusedSpawn).
	generated func(*types.Func) bool
	// embed returns the callee whose frame an await point embeds in the
	// frame (embed.go), or nil; embedded records the await points that do.
	embed    func(*analyze.Await) *embedCallee
	embedded map[*analyze.Await]*embedCallee

	code    []inst
	nlabels int
	nstates int
	targets *targets

	// vars the lowering declares at the top of Resume (or in the frame):
	// every variable declared in a flattened statement, and the temporaries.
	hoisted []*types.Var
	isHoist map[*types.Var]bool
	// synthetic identifiers: temporaries, zero values and qualified names
	// the lowering invents.
	synth map[*ast.Ident]synthetic
	// calls that must be evaluated into temporaries to keep Go's order.
	hoist map[ast.Node]bool
	// loops is the depth of flattened loops around the current statement;
	// perIter holds the variables declared inside one.
	loops   int
	perIter map[*types.Var]bool
	// deferOrig maps a deferred call rebuilt by the lowering to the user's.
	deferOrig map[*ast.CallExpr]*ast.CallExpr

	// gotos (lower_goto.go): the labels a goto targets, the instruction
	// label of each one at the flattened level, and the range-over-func
	// loops around each.
	gotoTargets map[string]bool
	flatLabels  map[string]int
	labelPulls  map[string][]*ast.RangeStmt
	// pulls are the range-over-func loops being lowered, innermost last
	// (lower_rangefunc.go); pullStops their stop functions, which Resume
	// calls when the frame unwinds.
	pulls     []pullLoop
	pullStops []*types.Var
	// genLoops are the stops that are async generator handles, by their
	// loop (lower_agen.go).
	genLoops map[*types.Var]*ast.RangeStmt
	// framed are variables that must be frame fields whatever their
	// liveness.
	framed map[*types.Var]bool
	// localTypes are the types declared at the flattened level, which
	// Resume declares first (localtypes.go).
	localTypes []*types.TypeName
	// localConsts are the constants declared at the flattened level
	// (localconsts.go).
	localConsts []*types.Const
	// selects are the selects the lowering made (lower_select.go).
	selects map[*ast.SelectStmt]bool

	errs []error
}

type synthetic struct {
	v      *types.Var     // a temporary
	zero   types.Type     // the zero value of a type
	qpath  string         // a package-qualified name: qpath.Name
	result int            // with qpath resultMarker: the index of a natural result
	dotPkg *types.Package // a name of this dot-imported package
}

func newLowerer(fn *analyze.Func, info *types.Info, pkg *types.Package) *lowerer {
	l := &lowerer{
		fn: fn, info: info, pkg: pkg,
		isHoist: map[*types.Var]bool{},
		synth:   map[*ast.Ident]synthetic{},
		hoist:   map[ast.Node]bool{},
		perIter: map[*types.Var]bool{},

		deferOrig: map[*ast.CallExpr]*ast.CallExpr{},

		flatLabels: map[string]int{},
		framed:     map[*types.Var]bool{},
		selects:    map[*ast.SelectStmt]bool{},
	}
	l.scanGotos()
	return l
}

func (l *lowerer) errorf(pos token.Pos, format string, args ...any) {
	l.errs = append(l.errs, &posError{pos: pos, msg: fmt.Sprintf(format, args...)})
}

type posError struct {
	pos token.Pos
	msg string
}

func (e *posError) Error() string { return e.msg }

func (l *lowerer) emit(i inst) { l.code = append(l.code, i) }

func (l *lowerer) newLabel() int {
	l.nlabels++
	return l.nlabels
}

func (l *lowerer) label(id int) { l.emit(&instLabel{id: id}) }

// temp makes a new temporary of type t and returns an identifier for it.
func (l *lowerer) temp(t types.Type) *types.Var {
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		t = types.Default(t)
	}
	v := types.NewVar(token.NoPos, l.pkg, fmt.Sprintf("%st%d", analyze.Prefix, len(l.hoisted)), t)
	l.hoisted = append(l.hoisted, v)
	l.isHoist[v] = true
	return v
}

// ref returns a fresh identifier that refers to temporary v.
func (l *lowerer) ref(v *types.Var) *ast.Ident {
	id := ast.NewIdent(v.Name())
	l.synth[id] = synthetic{v: v}
	return id
}

// refAt is ref positioned at pos: a statement that starts with it maps to
// that line of the user's source.
func (l *lowerer) refAt(v *types.Var, pos token.Pos) *ast.Ident {
	id := l.ref(v)
	id.NamePos = pos
	return id
}

func (l *lowerer) zero(t types.Type) *ast.Ident {
	id := ast.NewIdent("zero")
	l.synth[id] = synthetic{zero: t}
	return id
}

func (l *lowerer) qual(path, name string) *ast.Ident {
	id := ast.NewIdent(name)
	l.synth[id] = synthetic{qpath: path}
	return id
}

// declare records that the variable id defines is declared by the lowering.
func (l *lowerer) declare(id *ast.Ident) {
	if id == nil || id.Name == "_" {
		return
	}
	v, ok := l.info.Defs[id].(*types.Var)
	if !ok {
		return
	}
	if !l.isHoist[v] {
		l.hoisted = append(l.hoisted, v)
		l.isHoist[v] = true
	}
	if l.loops > 0 {
		l.perIter[v] = true
	}
	// The declaration's cell, when the variable gets one (layout: a loop
	// declares it afresh, or a function literal captures it); a for
	// loop's init has made it already.
	if n := len(l.code); n > 0 {
		if f, ok := l.code[n-1].(*instFresh); ok && f.v == v {
			return
		}
	}
	l.emit(&instFresh{v: v})
}

// hasAwait reports whether n holds an await point.
func (l *lowerer) hasAwait(n ast.Node) bool {
	if n == nil {
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			// The deferred call runs at exit; only what is evaluated now
			// (its function value and arguments) can hold an await point.
			if sel, ok := n.Call.Fun.(*ast.SelectorExpr); ok && l.hasAwait(sel.X) {
				found = true
			}
			for _, a := range n.Call.Args {
				found = found || l.hasAwait(a)
			}
			return false
		case *ast.CallExpr:
			if l.fn.Awaits[n] != nil {
				found = true
			}
		case *ast.RangeStmt:
			found = l.isGenRange(n) // it awaits the generator
		}
		return !found
	})
	return found
}

func (l *lowerer) awaitCall(e ast.Expr) *analyze.Await {
	if c, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return l.fn.Awaits[c]
	}
	return nil
}

func (l *lowerer) opaque(s ast.Stmt) { l.emit(&instStmt{stmt: s, targets: l.targets}) }

func (l *lowerer) stmts(list []ast.Stmt) {
	for _, s := range list {
		l.stmt(s, "")
	}
}

// stmt lowers one statement at the flattened level. label is the user's
// label on it, if any.
func (l *lowerer) stmt(s ast.Stmt, label string) {
	switch s := s.(type) {
	case *ast.EmptyStmt:
	case *ast.DeclStmt:
		l.declStmt(s)
	case *ast.AssignStmt:
		l.assign(s)
	case *ast.ExprStmt:
		if aw := l.awaitCall(s.X); aw != nil {
			l.order([]ast.Expr{s.X})
			l.emit(&instAwait{aw: aw, awaitable: l.awaitable(aw), at: s.Pos()})
			return
		}
		if l.hasAwait(s) {
			x := l.expr(s.X)
			l.emit(&instStmt{stmt: &ast.ExprStmt{X: x}, targets: l.targets})
			return
		}
		l.opaque(s)
	case *ast.ReturnStmt:
		results := s.Results
		if l.hasAwait(s) {
			results = l.exprList(s.Results)
		}
		if len(l.pulls) > 0 && results != nil {
			l.returnFromPulls(s, results) // lower_results.go
			return
		}
		if len(l.pulls) > 0 {
			l.stopPulls(0)
		}
		l.emit(&instReturn{results: results, at: s.Pos()})
	case *ast.BranchStmt:
		l.branch(s)
	case *ast.LabeledStmt:
		if l.gotoTargets[s.Label.Name] {
			l.gotoLabel(s)
			return
		}
		if !l.flat(s.Stmt) {
			l.opaque(s)
			return
		}
		l.stmt(s.Stmt, s.Label.Name)
	case *ast.BlockStmt:
		if !l.flat(s) {
			l.opaque(s)
			return
		}
		l.stmts(s.List)
	case *ast.IfStmt:
		if !l.flat(s) {
			l.opaque(s)
			return
		}
		l.ifStmt(s)
	case *ast.ForStmt:
		if !l.flat(s) {
			l.opaque(s)
			return
		}
		l.forStmt(s, label)
	case *ast.RangeStmt:
		if !l.flat(s) {
			l.opaque(s)
			return
		}
		l.rangeStmt(s, label)
	case *ast.SwitchStmt:
		if !l.flat(s) {
			l.opaque(s)
			return
		}
		l.switchStmt(s, label)
	case *ast.TypeSwitchStmt:
		if !l.flat(s) {
			l.opaque(s)
			return
		}
		l.typeSwitchStmt(s, label)
	case *ast.SelectStmt:
		if !l.flat(s) {
			l.opaque(s)
			return
		}
		l.selectStmt(s, label)
	case *ast.IncDecStmt:
		if l.hasAwait(s) {
			l.emit(&instStmt{stmt: &ast.IncDecStmt{X: l.expr(s.X), Tok: s.Tok, TokPos: s.TokPos}, targets: l.targets})
			return
		}
		l.opaque(s)
	case *ast.SendStmt:
		if l.hasAwait(s) {
			es := l.exprList([]ast.Expr{s.Chan, s.Value})
			l.emit(&instStmt{stmt: &ast.SendStmt{Chan: es[0], Arrow: s.Arrow, Value: es[1]}, targets: l.targets})
			return
		}
		l.opaque(s)
	case *ast.DeferStmt:
		if l.hasAwait(s) {
			call := *s.Call
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && l.hasAwait(sel.X) {
				es := l.exprList(append([]ast.Expr{sel.X}, call.Args...))
				call.Fun = &ast.SelectorExpr{X: es[0], Sel: sel.Sel}
				call.Args = es[1:]
			} else {
				call.Args = l.exprList(call.Args)
			}
			l.deferOrig[&call] = s.Call
			l.emit(&instStmt{stmt: &ast.DeferStmt{Defer: s.Defer, Call: &call}, targets: l.targets})
			return
		}
		l.opaque(s)
	case *ast.GoStmt:
		if l.hasAwait(s) {
			es := l.exprList(append([]ast.Expr{s.Call.Fun}, s.Call.Args...))
			call := *s.Call
			call.Fun, call.Args = es[0], es[1:]
			l.emit(&instStmt{stmt: &ast.GoStmt{Go: s.Go, Call: &call}, targets: l.targets})
			return
		}
		l.opaque(s)
	default:
		if l.hasAwait(s) {
			l.errorf(s.Pos(), "an await point inside %T is not supported yet", s)
			return
		}
		l.opaque(s)
	}
}

func (l *lowerer) branch(s *ast.BranchStmt) {
	name := ""
	if s.Label != nil {
		name = s.Label.Name
	}
	switch s.Tok {
	case token.BREAK, token.CONTINUE:
		if to, pulls, ok := l.targets.resolve(name, s.Tok == token.CONTINUE); ok {
			l.stopPulls(pulls)
			l.emit(&instGoto{to: to})
			return
		}
	case token.GOTO:
		l.gotoStmt(s)
		return
	case token.FALLTHROUGH:
		l.errorf(s.Pos(), "fallthrough is misplaced")
		return
	}
	l.opaque(s)
}

func (l *lowerer) declStmt(s *ast.DeclStmt) {
	gd, ok := s.Decl.(*ast.GenDecl)
	if ok && gd.Tok == token.TYPE {
		l.localTypeDecl(gd)
		return
	}
	if ok && gd.Tok == token.CONST {
		l.localConstDecl(gd)
	}
	if !ok || gd.Tok != token.VAR {
		l.opaque(s)
		return
	}
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		for _, n := range vs.Names {
			l.declare(n)
		}
		lhs := make([]ast.Expr, len(vs.Names))
		for i, n := range vs.Names {
			lhs[i] = n
		}
		if len(vs.Values) == 0 {
			for _, n := range vs.Names {
				if n.Name == "_" {
					continue
				}
				v := l.info.Defs[n].(*types.Var)
				l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{n}, Tok: token.ASSIGN, TokPos: n.Pos(), Rhs: []ast.Expr{l.zero(v.Type())}}, targets: l.targets})
			}
			continue
		}
		if aw := l.awaitCall(vs.Values[0]); aw != nil && len(vs.Values) == 1 {
			l.order(vs.Values)
			l.emit(&instAwait{aw: aw, awaitable: l.awaitable(aw), dst: lhs, at: vs.Pos()})
			continue
		}
		rhs := vs.Values
		if l.hasAwait(vs) {
			rhs = l.exprList(vs.Values)
		}
		// A typed declaration converts its values; keep that explicit.
		if vs.Type != nil {
			for i := range rhs {
				if len(rhs) == len(lhs) {
					rhs[i] = &ast.CallExpr{Fun: &ast.ParenExpr{X: vs.Type}, Args: []ast.Expr{rhs[i]}}
				}
			}
		}
		l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: vs.Pos(), Rhs: rhs}, targets: l.targets})
	}
}

func (l *lowerer) assign(s *ast.AssignStmt) {
	tok := s.Tok
	if tok == token.DEFINE {
		for _, e := range s.Lhs {
			if id, ok := e.(*ast.Ident); ok {
				l.declare(id)
			}
		}
		tok = token.ASSIGN
	}
	if !l.hasAwait(s) {
		l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: s.Lhs, Tok: tok, TokPos: s.TokPos, Rhs: s.Rhs}, targets: l.targets})
		return
	}
	if aw := l.awaitCall(s.Rhs[0]); aw != nil && len(s.Rhs) == 1 && tok == token.ASSIGN && len(s.Lhs) == aw.Shape.NumResults() && len(s.Lhs) > 0 {
		all := append(append([]ast.Expr(nil), s.Lhs...), s.Rhs[0])
		out := l.exprListKeep(all, len(s.Lhs))
		l.emit(&instAwait{aw: aw, awaitable: l.awaitable(aw), dst: out[:len(s.Lhs)], at: s.Pos()})
		return
	}
	all := append(append([]ast.Expr(nil), s.Lhs...), s.Rhs...)
	out := l.exprList(all)
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: out[:len(s.Lhs)], Tok: tok, TokPos: s.TokPos, Rhs: out[len(s.Lhs):]}, targets: l.targets})
}

func (l *lowerer) ifStmt(s *ast.IfStmt) {
	if s.Init != nil {
		l.stmt(s.Init, "")
	}
	cond := l.expr(s.Cond)
	elseL := l.newLabel()
	l.emit(&instIf{cond: cond, neg: true, to: elseL, at: s.Pos()})
	l.stmts(s.Body.List)
	if s.Else == nil {
		l.label(elseL)
		return
	}
	end := l.newLabel()
	l.emit(&instGoto{to: end})
	l.label(elseL)
	l.stmt(s.Else, "")
	l.label(end)
}

func (l *lowerer) loop(label string, brk, cont int, body func()) {
	l.targets = &targets{parent: l.targets, label: label, brk: brk, cont: cont, pulls: len(l.pulls)}
	body()
	l.targets = l.targets.parent
}

// rangeBody lowers a range loop's body with its iteration variables, which
// Go declares afresh in every iteration.
func (l *lowerer) rangeBody(s *ast.RangeStmt, label string, end, post int, key, value ast.Expr) {
	if s.Tok == token.DEFINE {
		for _, e := range []ast.Expr{s.Key, s.Value} {
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := l.info.Defs[id].(*types.Var); ok {
					l.perIter[v] = true
					l.emit(&instFresh{v: v})
				}
			}
		}
	}
	// One assignment for both, as Go's range assigns them: the index
	// expressions on the left (for i, x[i] = range ...) are evaluated
	// before either is assigned. Except over a function: Go's
	// range-over-func assigns them one after the other
	// (cmd/compile/internal/rangefunc, bodyFunc), so x[i] sees the new i.
	_, overFunc := l.info.TypeOf(s.X).Underlying().(*types.Signature)
	var lhs, rhs []ast.Expr
	for _, p := range [][2]ast.Expr{{s.Key, key}, {s.Value, value}} {
		if isBlank(p[0]) {
			continue
		}
		if overFunc && len(lhs) > 0 {
			l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: s.Pos(), Rhs: rhs}, targets: l.targets})
			lhs, rhs = nil, nil
		}
		lhs, rhs = append(lhs, p[0]), append(rhs, p[1])
	}
	if len(lhs) > 0 {
		l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: s.Pos(), Rhs: rhs}, targets: l.targets})
	}
	l.loops++
	l.loop(label, end, post, func() { l.stmts(s.Body.List) })
	l.loops--
}

// init
// head: if !cond goto end
//
//	body          (break: goto end, continue: goto post)
//
// post: post
//
//	goto head
//
// end:
func (l *lowerer) forStmt(s *ast.ForStmt, label string) {
	// The variables the init statement declares: each iteration has its own.
	var iterVars []*types.Var
	if as, ok := s.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
		for _, e := range as.Lhs {
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := l.info.Defs[id].(*types.Var); ok {
					iterVars = append(iterVars, v)
					l.perIter[v] = true
					l.emit(&instFresh{v: v})
				}
			}
		}
	}
	if s.Init != nil {
		l.stmt(s.Init, "")
	}
	head, post, end := l.newLabel(), l.newLabel(), l.newLabel()
	l.label(head)
	if s.Cond != nil {
		cond := l.expr(s.Cond)
		l.emit(&instIf{cond: cond, neg: true, to: end, at: s.Cond.Pos()})
	}
	l.loops++
	l.loop(label, end, post, func() { l.stmts(s.Body.List) })
	l.loops--
	l.label(post)
	for _, v := range iterVars {
		l.emit(&instFresh{v: v, copy: true})
	}
	if s.Post != nil {
		l.stmt(s.Post, "")
	}
	l.emit(&instGoto{to: head})
	l.label(end)
}

func (l *lowerer) set(v *types.Var, rhs ast.Expr) {
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{l.ref(v)}, Tok: token.ASSIGN, Rhs: []ast.Expr{rhs}}, targets: l.targets})
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return e == nil || ok && id.Name == "_"
}

func intLit(s string) *ast.BasicLit { return &ast.BasicLit{Kind: token.INT, Value: s} }

func (l *lowerer) call(fun string, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{Fun: ast.NewIdent(fun), Args: args}
}

// rangeStmt lowers a range loop over an integer, slice, array, pointer to
// array, string or map into an index loop over a copy of the range
// expression. A map is ranged over a snapshot of its keys; a key deleted
// before its turn is skipped, as Go's range does.
func (l *lowerer) rangeStmt(s *ast.RangeStmt, label string) {
	if s.Tok == token.DEFINE {
		for _, e := range []ast.Expr{s.Key, s.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				if v, ok := l.info.Defs[id].(*types.Var); ok && !l.isHoist[v] {
					l.hoisted = append(l.hoisted, v)
					l.isHoist[v] = true
				}
			}
		}
	}
	xt := l.info.TypeOf(s.X)
	x := l.expr(s.X)
	intT := types.Typ[types.Int]
	head, post, end := l.newLabel(), l.newLabel(), l.newLabel()
	under := coreType(xt)
	if p, ok := under.(*types.Pointer); ok {
		under = p.Elem().Underlying()
	}
	switch u := under.(type) {
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			xs, i, r, w := l.temp(xt), l.temp(intT), l.temp(types.Typ[types.Rune]), l.temp(intT)
			l.set(xs, x)
			l.set(i, intLit("0"))
			l.label(head)
			l.emit(&instIf{cond: &ast.BinaryExpr{X: l.ref(i), Op: token.LSS, Y: l.call("len", l.ref(xs))}, neg: true, to: end, at: s.Pos()})
			var rl ast.Expr = ast.NewIdent("_")
			if !isBlank(s.Value) {
				rl = l.ref(r)
			}
			var rest ast.Expr = &ast.SliceExpr{X: l.ref(xs), Low: l.ref(i)}
			if !types.Identical(types.Default(xt), types.Typ[types.String]) {
				rest = l.call("string", rest) // a defined string type or a type parameter
			}
			l.emit(&instStmt{stmt: &ast.AssignStmt{
				Lhs: []ast.Expr{rl, l.ref(w)}, Tok: token.ASSIGN,
				Rhs: []ast.Expr{&ast.CallExpr{Fun: l.qual("unicode/utf8", "DecodeRuneInString"), Args: []ast.Expr{rest}}},
			}, targets: l.targets})
			l.rangeBody(s, label, end, post, l.ref(i), l.ref(r))
			l.label(post)
			l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{l.ref(i)}, Tok: token.ADD_ASSIGN, Rhs: []ast.Expr{l.ref(w)}}, targets: l.targets})
		} else {
			// range over an integer
			it := xt
			if u.Info()&types.IsUntyped != 0 {
				it = intT
			}
			n, i := l.temp(it), l.temp(it)
			l.set(n, x)
			l.set(i, intLit("0"))
			l.label(head)
			l.emit(&instIf{cond: &ast.BinaryExpr{X: l.ref(i), Op: token.LSS, Y: l.ref(n)}, neg: true, to: end, at: s.Pos()})
			l.rangeBody(s, label, end, post, l.ref(i), nil)
			l.label(post)
			l.emit(&instStmt{stmt: &ast.IncDecStmt{X: l.ref(i), Tok: token.INC}, targets: l.targets})
		}
	case *types.Slice, *types.Array:
		xs, i := l.temp(xt), l.temp(intT)
		l.set(xs, x)
		l.set(i, intLit("0"))
		l.label(head)
		l.emit(&instIf{cond: &ast.BinaryExpr{X: l.ref(i), Op: token.LSS, Y: l.call("len", l.ref(xs))}, neg: true, to: end, at: s.Pos()})
		l.rangeBody(s, label, end, post, l.ref(i), &ast.IndexExpr{X: l.ref(xs), Index: l.ref(i)})
		l.label(post)
		l.emit(&instStmt{stmt: &ast.IncDecStmt{X: l.ref(i), Tok: token.INC}, targets: l.targets})
	case *types.Map:
		m := l.temp(xt)
		keys := l.temp(types.NewSlice(u.Key()))
		i, k, v, ok := l.temp(intT), l.temp(u.Key()), l.temp(u.Elem()), l.temp(types.Typ[types.Bool])
		l.set(m, x)
		l.set(keys, &ast.CallExpr{Fun: ast.NewIdent("make"), Args: []ast.Expr{l.typeExpr(keys.Type()), intLit("0"), l.call("len", l.ref(m))}})
		key := ast.NewIdent(analyze.Prefix + "k")
		l.emit(&instStmt{stmt: &ast.RangeStmt{Key: key, Tok: token.DEFINE, X: l.ref(m), Body: &ast.BlockStmt{List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{l.ref(keys)}, Tok: token.ASSIGN, Rhs: []ast.Expr{l.call("append", l.ref(keys), key)}},
		}}}, targets: l.targets})
		l.set(i, intLit("0"))
		l.label(head)
		l.emit(&instIf{cond: &ast.BinaryExpr{X: l.ref(i), Op: token.LSS, Y: l.call("len", l.ref(keys))}, neg: true, to: end, at: s.Pos()})
		l.set(k, &ast.IndexExpr{X: l.ref(keys), Index: l.ref(i)})
		var vl ast.Expr = ast.NewIdent("_")
		if !isBlank(s.Value) {
			vl = l.ref(v)
		}
		l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{vl, l.ref(ok)}, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.IndexExpr{X: l.ref(m), Index: l.ref(k)}}}, targets: l.targets})
		l.emit(&instIf{cond: l.ref(ok), neg: true, to: post})
		l.rangeBody(s, label, end, post, l.ref(k), l.ref(v))
		l.label(post)
		l.emit(&instStmt{stmt: &ast.IncDecStmt{X: l.ref(i), Tok: token.INC}, targets: l.targets})
	case *types.Chan:
		// A receive loop: v, ok = <-c; if !ok { break }. The receive
		// blocks the loop as it does in Go (the analyzer warns).
		c, ok := l.temp(xt), l.temp(types.Typ[types.Bool])
		l.set(c, x)
		l.label(head)
		var vl ast.Expr = ast.NewIdent("_")
		var v *types.Var
		if !isBlank(s.Key) {
			v = l.temp(u.Elem())
			vl = l.ref(v)
		}
		if id, isID := vl.(*ast.Ident); isID {
			id.NamePos = s.For
		}
		l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: []ast.Expr{vl, l.ref(ok)}, Tok: token.ASSIGN, TokPos: s.For,
			Rhs: []ast.Expr{&ast.UnaryExpr{Op: token.ARROW, X: l.ref(c)}}}, targets: l.targets})
		l.emit(&instIf{cond: l.ref(ok), neg: true, to: end, at: s.Pos()})
		var key ast.Expr
		if v != nil {
			key = l.ref(v)
		}
		l.rangeBody(s, label, end, post, key, nil)
		l.label(post)
	case *types.Signature:
		if l.isGenRange(s) {
			l.rangeGen(s, label, xt, x, head, post, end)
			return
		}
		l.rangeFunc(s, label, u, x, head, post, end)
		return
	default:
		l.errorf(s.Pos(), "range over %s with an await point inside is not supported yet", xt)
		return
	}
	l.emit(&instGoto{to: head})
	l.label(end)
}

// typeExpr returns an expression that names type t (emitted through the
// type printer).
func (l *lowerer) typeExpr(t types.Type) ast.Expr {
	id := ast.NewIdent("type")
	l.synth[id] = synthetic{zero: t, qpath: typeMarker}
	return id
}

const typeMarker = "\x00type"

// switchStmt lowers an expression switch: the tag is evaluated once, the
// cases are tried in order (each case's expressions left to right, evaluated
// only when reached), and each clause body ends with a jump to the end or,
// for fallthrough, to the next body.
func (l *lowerer) switchStmt(s *ast.SwitchStmt, label string) {
	if s.Init != nil {
		l.stmt(s.Init, "")
	}
	var tag *types.Var
	if s.Tag != nil {
		x := l.expr(s.Tag)
		tag = l.temp(l.info.TypeOf(s.Tag))
		l.set(tag, x)
	}
	end := l.newLabel()
	clauses := s.Body.List
	bodies := make([]int, len(clauses))
	for i := range clauses {
		bodies[i] = l.newLabel()
	}
	dflt := -1
	for i, c := range clauses {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			dflt = i
			continue
		}
		for _, e := range cc.List {
			x := l.expr(e)
			cond := x
			if tag != nil {
				cond = &ast.BinaryExpr{X: l.ref(tag), Op: token.EQL, Y: x}
			} else if _, iface := l.info.TypeOf(e).Underlying().(*types.Interface); iface {
				// switch { case i: } with i an interface compares i == true,
				// as Go's missing tag is the bool true.
				cond = &ast.BinaryExpr{X: x, Op: token.EQL, Y: ast.NewIdent("true")}
			}
			l.emit(&instIf{cond: cond, to: bodies[i], at: e.Pos()})
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
			body := cc.Body
			fall := false
			if n := len(body); n > 0 {
				if b, ok := body[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
					fall, body = true, body[:n-1]
				}
			}
			l.stmts(body)
			if fall && i+1 < len(clauses) {
				l.emit(&instGoto{to: bodies[i+1]})
			} else {
				l.emit(&instGoto{to: end})
			}
		}
	})
	l.label(end)
}

// coreType is the underlying type of t, or for a type parameter the one
// underlying type all the types of its constraint share (its core type, which
// is what range uses), or nil when they do not share one.
func coreType(t types.Type) types.Type {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	var core types.Type
	ok = true
	var walk func(types.Type)
	walk = func(c types.Type) {
		switch c := c.Underlying().(type) {
		case *types.Interface:
			for i := 0; i < c.NumEmbeddeds(); i++ {
				walk(c.EmbeddedType(i))
			}
		case *types.Union:
			for i := 0; i < c.Len(); i++ {
				addCore(&core, &ok, c.Term(i).Type().Underlying())
			}
		default:
			addCore(&core, &ok, c)
		}
	}
	walk(tp.Constraint())
	if !ok {
		return nil
	}
	return core
}

func addCore(core *types.Type, ok *bool, u types.Type) {
	if *core == nil {
		*core = u
	} else if !types.Identical(*core, u) {
		*ok = false
	}
}
