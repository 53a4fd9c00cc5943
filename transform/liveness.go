package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"math/bits"

	"github.com/asyncgen/asyncgen/analyze"
)

// Pass "layout": decide where each variable lives.
//
// A variable the lowering manages (a parameter, a named result, a variable
// declared in flattened code, a temporary) lives in the frame when its value
// must survive a suspension: it is live after an await point, or its
// address is taken, or a function literal captures it. Every other managed
// variable is a plain local of Resume. Liveness is the usual backward
// dataflow over the instruction graph.

type storage struct {
	field bool
	name  string
	// boxed: the variable is declared inside a loop and captured or
	// addressed, so each declaration gets its own heap cell; the frame
	// holds a pointer to the current one.
	boxed bool
	// captured: an async closure's variable of an enclosing function; the
	// frame holds a pointer to it (closure.go).
	captured bool
}

type layout struct {
	vars   []*types.Var // managed variables, in a stable order
	index  map[*types.Var]int
	where  map[*types.Var]storage
	fields []*types.Var // frame fields in order
	boxed  []*types.Var // fields that point to a per-declaration cell
	locals []*types.Var // Resume locals in order
	// unread are the Resume locals no instruction reads (their reads were
	// in code pruned as unreachable): Go would call them unused.
	unread []*types.Var
}

type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)   { b[i/64] |= 1 << (i % 64) }
func (b bitset) has(i int) bool {
	return b[i/64]&(1<<(i%64)) != 0
}
func (b bitset) or(c bitset) (changed bool) {
	for i := range b {
		n := b[i] | c[i]
		if n != b[i] {
			b[i], changed = n, true
		}
	}
	return changed
}
func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// objOf resolves an identifier, including the lowering's synthetic ones.
func (l *lowerer) objOf(id *ast.Ident) types.Object {
	if s, ok := l.synth[id]; ok {
		if s.v != nil {
			return s.v
		}
		return nil
	}
	if o := l.info.Uses[id]; o != nil {
		return o
	}
	return l.info.Defs[id]
}

// managedVars lists the receiver, parameters, named results and hoisted
// variables of the function.
func (l *lowerer) managedVars() (params, results []*types.Var) {
	sig := l.fn.Sig
	if r := sig.Recv(); r != nil {
		params = append(params, r)
	}
	for i := 0; i < sig.Params().Len(); i++ {
		params = append(params, sig.Params().At(i))
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if v := sig.Results().At(i); v.Name() != "" && v.Name() != "_" {
			results = append(results, v)
		}
	}
	return params, results
}

func (l *lowerer) layout() *layout {
	params, results := l.managedVars()
	lay := &layout{index: map[*types.Var]int{}, where: map[*types.Var]storage{}}
	add := func(v *types.Var) {
		if _, ok := lay.index[v]; !ok && v.Name() != "_" && v.Name() != "" {
			lay.index[v] = len(lay.vars)
			lay.vars = append(lay.vars, v)
		}
	}
	for _, v := range params {
		if l.fn.Gen != nil && v == l.fn.Gen.Yield {
			continue // its calls await ag_gen.Yield instead (lower_agen.go)
		}
		add(v)
	}
	referenced := map[*types.Var]bool{}
	bare := false
	for _, in := range l.code {
		var nodes []ast.Node
		switch in := in.(type) {
		case *instStmt:
			nodes = append(nodes, in.stmt)
			ast.Inspect(in.stmt, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false
				}
				if r, ok := n.(*ast.ReturnStmt); ok && r.Results == nil {
					bare = true
				}
				return true
			})
		case *instIf:
			nodes = append(nodes, in.cond)
		case *instAwait:
			nodes = append(nodes, in.awaitable)
			nodes = append(nodes, exprNodes(in.dst)...)
		case *instReturn:
			nodes = append(nodes, exprNodes(in.results)...)
			bare = bare || in.results == nil
		}
		for _, n := range nodes {
			ast.Inspect(n, func(x ast.Node) bool {
				if id, ok := x.(*ast.Ident); ok {
					if v, ok := l.objOf(id).(*types.Var); ok {
						referenced[v] = true
					}
				}
				return true
			})
		}
	}
	for _, v := range results {
		// A named result the body never names and no bare return reads
		// needs no variable (Go would not let a local go unused).
		if referenced[v] || bare {
			add(v)
		}
	}
	for _, v := range l.hoisted {
		if referenced[v] {
			add(v)
		}
	}
	n := len(lay.vars)

	uses := func(nodes ...ast.Node) bitset {
		b := newBitset(n)
		for _, node := range nodes {
			if node == nil {
				continue
			}
			ast.Inspect(node, func(x ast.Node) bool {
				if id, ok := x.(*ast.Ident); ok {
					if v, ok := l.objOf(id).(*types.Var); ok {
						if i, ok := lay.index[v]; ok {
							b.set(i)
						}
					}
				}
				return true
			})
		}
		return b
	}
	namedResults := newBitset(n)
	for _, v := range results {
		namedResults.set(lay.index[v])
	}
	// Per instruction: uses, defs, successors.
	labelAt := map[int]int{}
	for i, in := range l.code {
		if lb, ok := in.(*instLabel); ok {
			labelAt[lb.id] = i
		}
	}
	m := len(l.code)
	use := make([]bitset, m)
	def := make([]bitset, m)
	succ := make([][]int, m)
	pinned := newBitset(n)
	identDefs := func(lhs []ast.Expr, d, u bitset) {
		for _, e := range lhs {
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := l.objOf(id).(*types.Var); ok {
					if i, ok := lay.index[v]; ok {
						d.set(i)
					}
				}
				continue
			}
			u.or(uses(e))
		}
	}
	for i, in := range l.code {
		use[i], def[i] = newBitset(n), newBitset(n)
		next := []int{}
		if i+1 < m {
			next = append(next, i+1)
		}
		switch in := in.(type) {
		case *instLabel, *instFresh:
			succ[i] = next
		case *instGoto:
			succ[i] = []int{labelAt[in.to]}
		case *instIf:
			use[i] = uses(in.cond)
			succ[i] = append(next, labelAt[in.to])
		case *instReturn:
			use[i] = uses(exprNodes(in.results)...)
			if in.results == nil {
				use[i].or(namedResults)
			}
		case *instAwait:
			use[i] = uses(in.awaitable)
			identDefs(in.dst, def[i], use[i])
			succ[i] = next
		case *instStmt:
			if as, ok := in.stmt.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
				use[i] = uses(exprNodes(as.Rhs)...)
				identDefs(as.Lhs, def[i], use[i])
			} else if sel, ok := in.stmt.(*ast.SelectStmt); ok && l.isLoweredSelect(sel) {
				// A lowered select (lower_select.go) assigns the case
				// number and the received values: they are not read.
				for _, c := range sel.Body.List {
					cc := c.(*ast.CommClause)
					if as, ok := cc.Comm.(*ast.AssignStmt); ok {
						use[i].or(uses(exprNodes(as.Rhs)...))
						identDefs(as.Lhs, def[i], use[i])
					} else if cc.Comm != nil {
						use[i].or(uses(cc.Comm))
					}
					if len(cc.Body) > 0 {
						identDefs(cc.Body[0].(*ast.AssignStmt).Lhs, def[i], use[i])
					}
				}
			} else {
				use[i] = uses(in.stmt)
			}
			if in.returns && hasBareReturn(in.stmt) {
				// A bare return reads the named results; a return with
				// results stores those in the frame's fields.
				use[i].or(namedResults)
			}
			if !in.terminal {
				succ[i] = next
			}
			for _, to := range in.exits {
				succ[i] = append(succ[i], labelAt[to])
			}
		}
		l.pins(in, lay, pinned)
	}
	// Backward dataflow to a fixed point.
	liveIn := make([]bitset, m)
	liveOut := make([]bitset, m)
	for i := range liveIn {
		liveIn[i], liveOut[i] = newBitset(n), newBitset(n)
	}
	for changed := true; changed; {
		changed = false
		for i := m - 1; i >= 0; i-- {
			for _, s := range succ[i] {
				if liveOut[i].or(liveIn[s]) {
					changed = true
				}
			}
			in := newBitset(n)
			for w := range in {
				in[w] = use[i][w] | (liveOut[i][w] &^ def[i][w])
			}
			if liveIn[i].or(in) {
				changed = true
			}
		}
	}
	framed := newBitset(n)
	framed.or(pinned)
	for v := range l.framed {
		if i, ok := lay.index[v]; ok {
			framed.set(i)
		}
	}
	if hasDefer(l.fn.Decl.Body) {
		// Deferred calls run after a return, possibly after awaiting: the
		// named results they may read or change live in the frame.
		framed.or(namedResults)
	}
	for _, v := range params {
		if i, ok := lay.index[v]; ok {
			framed.set(i)
		}
	}
	for i, in := range l.code {
		if aw, ok := in.(*instAwait); ok {
			across := newBitset(n)
			for w := range across {
				across[w] = liveOut[i][w] &^ def[i][w]
			}
			// Operands of a destination like a[i] are read after the resume.
			for _, e := range aw.dst {
				if _, ok := e.(*ast.Ident); !ok {
					across.or(uses(e))
				}
			}
			framed.or(across)
		}
	}
	read := newBitset(n)
	for i := range use {
		read.or(use[i])
	}
	for i, v := range lay.vars {
		if !framed.has(i) && !read.has(i) {
			lay.unread = append(lay.unread, v)
		}
		if pinned.has(i) && l.perIter[v] {
			lay.boxed = append(lay.boxed, v)
		}
		if framed.has(i) {
			lay.fields = append(lay.fields, v)
		} else {
			lay.locals = append(lay.locals, v)
		}
	}
	l.name(lay)
	return lay
}

func exprNodes(es []ast.Expr) []ast.Node {
	out := make([]ast.Node, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// pins marks variables whose address is taken or that a function literal
// captures: they must keep one home across suspensions.
func (l *lowerer) pins(in inst, lay *layout, pinned bitset) {
	var nodes []ast.Node
	switch in := in.(type) {
	case *instStmt:
		nodes = append(nodes, in.stmt)
	case *instIf:
		nodes = append(nodes, in.cond)
	case *instAwait:
		nodes = append(nodes, in.awaitable)
		nodes = append(nodes, exprNodes(in.dst)...)
	case *instReturn:
		nodes = append(nodes, exprNodes(in.results)...)
	}
	pin := func(e ast.Expr) {
		if id := rootIdent(e); id != nil {
			if v, ok := l.objOf(id).(*types.Var); ok {
				if i, ok := lay.index[v]; ok {
					pinned.set(i)
				}
			}
		}
	}
	for _, node := range nodes {
		ast.Inspect(node, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				ast.Inspect(x.Body, func(y ast.Node) bool {
					if id, ok := y.(*ast.Ident); ok {
						pin(id)
					}
					return true
				})
				return false
			case *ast.UnaryExpr:
				if x.Op == token.AND {
					pin(x.X)
				}
			case *ast.SliceExpr:
				if t := l.info.TypeOf(x.X); t != nil {
					if _, ok := t.Underlying().(*types.Array); ok {
						pin(x.X)
					}
				}
			case *ast.SelectorExpr:
				if sel, ok := l.info.Selections[x]; ok && sel.Kind() == types.MethodVal {
					if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
						if _, ptrRecv := sig.Recv().Type().(*types.Pointer); ptrRecv {
							if _, isPtr := sel.Recv().Underlying().(*types.Pointer); !isPtr {
								pin(x.X)
							}
						}
					}
				}
			}
			return true
		})
	}
}

// rootIdent returns the variable at the root of an addressable expression
// (x, x.f, x[i] on an array, (x)), or nil.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
}

var reservedFields = map[string]bool{"Resume": true, "AwaitStart": true, "AwaitResult": true}

// name gives each managed variable its name in the generated code. Frame
// fields keep the user's names unless two collide; Resume locals keep them
// unless that would shadow or be shadowed by another name the body uses.
func (l *lowerer) name(lay *layout) {
	usedNames := map[string][]types.Object{}
	ast.Inspect(l.fn.Decl, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if o := l.objOf(id); o != nil {
				usedNames[id.Name] = append(usedNames[id.Name], o)
			}
		}
		return true
	})
	taken := map[string]bool{}
	for v, name := range captureNames(l.fn) {
		taken[name] = true
		lay.where[v] = storage{field: true, captured: true, name: name}
	}
	unique := func(base string) string {
		for k := 1; ; k++ {
			name := fmt.Sprintf("%s%s%d", analyze.Prefix, base, k)
			if !taken[name] {
				return name
			}
		}
	}
	for _, v := range lay.fields {
		name := v.Name()
		if taken[name] || reservedFields[name] {
			name = unique(name)
		}
		taken[name] = true
		lay.where[v] = storage{field: true, name: name}
	}
	for _, v := range lay.boxed {
		st := lay.where[v]
		st.boxed = true
		lay.where[v] = st
	}
	taken = map[string]bool{}
	for _, v := range lay.locals {
		name := v.Name()
		clash := taken[name] || injected[name]
		for _, o := range usedNames[name] {
			if o != v {
				clash = true
			}
		}
		if clash {
			name = unique(name)
		}
		taken[name] = true
		lay.where[v] = storage{name: name}
	}
}

// hasBareReturn reports whether n holds a return statement without results
// (not one in a function literal).
func hasBareReturn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = found || len(n.Results) == 0
		}
		return !found
	})
	return found
}
