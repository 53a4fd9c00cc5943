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
// dataflow over the instruction graph; it also says where each frame field
// dies, and clearDead zeroes it there (doc.go, "Dead variables").

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
	// clears are the frame fields to zero where their variable's liveness
	// ends (see clearDead).
	clears clears
	// across lists, for each await, the variables live across it (read
	// after the resume), in vars order: what a durable snapshot taken
	// there must hold (durable.go).
	across map[*instAwait][]*types.Var
	// held: a field's address may be held (&x, a method with a pointer
	// receiver, a capture without a cell), so something may refer to the
	// frame after it returned (embed.go).
	held bool
}

// clears says which frame fields the emitter zeroes on which edge of the
// instruction graph, so that a dead variable keeps nothing reachable.
type clears struct {
	after   map[inst][]*types.Var              // falling through to the next instruction
	jump    map[*instIf][]*types.Var           // taking an instIf's jump
	suspend map[*instAwait][]*types.Var        // before an await suspends
	exit    map[*instStmt]map[int][]*types.Var // leaving a statement for a label, by label id
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
	pinned, litCaptured, fresh := newBitset(n), newBitset(n), newBitset(n)
	for _, in := range l.code {
		l.pins(in, lay, pinned, litCaptured)
		if f, ok := in.(*instFresh); ok {
			if i, ok := lay.index[f.v]; ok {
				fresh.set(i)
			}
		}
	}
	isParam := newBitset(n)
	for _, v := range params {
		if i, ok := lay.index[v]; ok {
			isParam.set(i)
		}
	}
	// celled: the variables that live in a cell of their own, the frame
	// holding a pointer to the current one. Those a loop (or a goto)
	// declares afresh and something can hold on to (as Go gives each
	// declaration its own variable), and those a function literal
	// captures and that have a declaration to make the cell at: the
	// literal captures the cell, not the frame, so the frame can let go
	// of it where the variable is dead in the function (clearDead) while
	// the literal still shares it.
	celled := newBitset(n)
	for i, v := range lay.vars {
		if pinned.has(i) && l.perIter[v] ||
			litCaptured.has(i) && fresh.has(i) && !namedResults.has(i) && !isParam.has(i) && !l.framed[v] {
			celled.set(i)
		}
	}
	identDefs := func(lhs []ast.Expr, d, u bitset) {
		for _, e := range lhs {
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := l.objOf(id).(*types.Var); ok {
					if i, ok := lay.index[v]; ok {
						if celled.has(i) {
							u.set(i) // a write through the frame's pointer to the cell
						} else {
							d.set(i)
						}
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
		case *instLabel:
			succ[i] = next
		case *instFresh:
			// A new cell replaces the frame's pointer; a copy reads the
			// old one first.
			if j, ok := lay.index[in.v]; ok && celled.has(j) {
				def[i].set(j)
				if in.copy {
					use[i].set(j)
				}
			}
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
	acrossAt := map[int]bitset{}
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
			// A cell the result is written to is needed after the resume
			// too (its pointer is read then).
			for _, e := range aw.dst {
				if id, ok := e.(*ast.Ident); ok {
					if v, ok := l.objOf(id).(*types.Var); ok {
						if j, ok := lay.index[v]; ok && celled.has(j) {
							across.set(j)
						}
					}
				}
			}
			acrossAt[i] = across
			for j, v := range lay.vars {
				if across.has(j) {
					if lay.across == nil {
						lay.across = map[*instAwait][]*types.Var{}
					}
					lay.across[aw] = append(lay.across[aw], v)
				}
			}
		}
	}
	read := newBitset(n)
	for i := range use {
		read.or(use[i])
	}
	for i, v := range lay.vars {
		if framed.has(i) && pinned.has(i) && !celled.has(i) {
			lay.held = true
		}
		if !framed.has(i) && !read.has(i) {
			lay.unread = append(lay.unread, v)
		}
		if celled.has(i) {
			lay.boxed = append(lay.boxed, v)
		}
		if framed.has(i) {
			lay.fields = append(lay.fields, v)
		} else {
			lay.locals = append(lay.locals, v)
		}
	}
	// The frame fields that may be zeroed where they are dead: not a named
	// result (the exit and the deferred calls read those), not a field
	// that code outside the instruction graph reads (a loop's stop, a
	// generator's handle: the unwinding prologue), not one whose address
	// may be held (&x, a method with a pointer receiver, a capture without
	// a cell: the field is the variable), and only when its type holds
	// pointers (zeroing an int frees nothing).
	clearable := newBitset(n)
	for i, v := range lay.vars {
		if framed.has(i) && !namedResults.has(i) && !l.framed[v] &&
			(celled.has(i) || !pinned.has(i) && hasPointers(v.Type())) {
			clearable.set(i)
		}
	}
	lay.clears = clearDead(l.code, lay, clearable, liveIn, def, labelAt, acrossAt)
	l.name(lay)
	return lay
}

// clearDead finds where each clearable frame field stops being live: on
// every edge of the instruction graph from an instruction where the
// variable is live or assigned to one where it is dead, the field is
// zeroed (a cell's pointer set to nil: a function literal that shares the
// variable holds the cell itself). Before an await suspends, the fields
// that only its awaitable read are zeroed. A field is never zeroed where
// the variable is live, so a loop whose variable is live around the back
// edge zeroes nothing, and code where nothing dies zeroes nothing; where
// a variable is dead on every path, its field is zero, as Go's liveness
// lets the collector free what only a dead variable holds.
func clearDead(code []inst, lay *layout, clearable bitset, liveIn, def []bitset, labelAt map[int]int, acrossAt map[int]bitset) clears {
	n := len(lay.vars)
	out := clears{
		after:   map[inst][]*types.Var{},
		jump:    map[*instIf][]*types.Var{},
		suspend: map[*instAwait][]*types.Var{},
		exit:    map[*instStmt]map[int][]*types.Var{},
	}
	// returnsAt: the instruction at s returns, after labels and jumps only.
	// The frame is done there, so zeroing its fields on the way frees
	// nothing worth a store on every call.
	returnsAt := func(s int) bool {
		for k := 0; k < len(code) && s < len(code); k++ {
			switch in := code[s].(type) {
			case *instReturn:
				return true
			case *instLabel:
				s++
			case *instGoto:
				s = labelAt[in.to]
			default:
				return false
			}
		}
		return false
	}
	var dyingIn func(held, liveThere bitset) []*types.Var
	dying := func(held bitset, s int) []*types.Var {
		if returnsAt(s) {
			return nil
		}
		return dyingIn(held, liveIn[s])
	}
	dyingIn = func(held, liveThere bitset) []*types.Var {
		var vs []*types.Var
		for i := 0; i < n; i++ {
			if held.has(i) && clearable.has(i) && !liveThere.has(i) {
				vs = append(vs, lay.vars[i])
			}
		}
		return vs
	}
	for i, in := range code {
		held := newBitset(n)
		held.or(liveIn[i])
		held.or(def[i])
		if aw, ok := in.(*instAwait); ok {
			across := acrossAt[i]
			if vs := dyingIn(liveIn[i], across); len(vs) > 0 {
				out.suspend[aw] = vs
			}
			held = newBitset(n)
			held.or(across)
			held.or(def[i])
		}
		fall := func() {
			if i+1 < len(code) {
				if vs := dying(held, i+1); len(vs) > 0 {
					out.after[in] = vs
				}
			}
		}
		switch in := in.(type) {
		case *instIf:
			fall()
			if vs := dying(held, labelAt[in.to]); len(vs) > 0 {
				out.jump[in] = vs
			}
		case *instStmt:
			if !in.terminal {
				fall()
			}
			for _, to := range in.exits {
				if vs := dying(held, labelAt[to]); len(vs) > 0 {
					if out.exit[in] == nil {
						out.exit[in] = map[int][]*types.Var{}
					}
					out.exit[in][to] = vs
				}
			}
		case *instAwait, *instFresh, *instLabel:
			fall()
		}
	}
	return out
}

// hasPointers reports whether a value of type t may hold a pointer (a type
// parameter may).
func hasPointers(t types.Type) bool {
	return hasPointersSeen(t, map[types.Type]bool{})
}

func hasPointersSeen(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0 || u.Kind() == types.UnsafePointer
	case *types.Array:
		return u.Len() > 0 && hasPointersSeen(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if hasPointersSeen(u.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	}
	return true
}

func exprNodes(es []ast.Expr) []ast.Node {
	out := make([]ast.Node, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// pins marks variables whose address is taken or that a function literal
// captures: they must keep one home across suspensions. captured gets
// those a function literal names.
func (l *lowerer) pins(in inst, lay *layout, pinned, captured bitset) {
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
	capture := func(id *ast.Ident) {
		pin(id)
		if v, ok := l.objOf(id).(*types.Var); ok {
			if i, ok := lay.index[v]; ok {
				captured.set(i)
			}
		}
	}
	if aw, ok := in.(*instAwait); ok && !aw.aw.Explicit && aw.aw.Callee != nil {
		// An async method with a pointer receiver awaited on a variable
		// (v.M()): its companion, v.MAsync(), takes v's address, which
		// the new frame keeps.
		if sel, lowered := selectorOf(aw.aw.Call.Fun), selectorOf(awaitedFun(aw.awaitable)); sel != nil && lowered != nil {
			if s, ok := l.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				if sig, ok := s.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
					if _, ptrRecv := sig.Recv().Type().(*types.Pointer); ptrRecv {
						if _, isPtr := s.Recv().Underlying().(*types.Pointer); !isPtr {
							pin(lowered.X)
						}
					}
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
						capture(id)
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

// selectorOf returns the selector of a call's function (x.M, x.M[T]), or
// nil.
func selectorOf(fun ast.Expr) *ast.SelectorExpr {
	for {
		switch f := fun.(type) {
		case *ast.ParenExpr:
			fun = f.X
		case *ast.IndexExpr:
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		case *ast.SelectorExpr:
			return f
		default:
			return nil
		}
	}
}

// awaitedFun is the function of a lowered awaitable's call, or nil.
func awaitedFun(x ast.Expr) ast.Expr {
	if c, ok := ast.Unparen(x).(*ast.CallExpr); ok {
		return c.Fun
	}
	return nil
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
