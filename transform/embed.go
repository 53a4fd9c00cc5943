package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Embedded frames (doc.go, "Embedded frames"): an await of a direct call
// of an async function of the same package, g(args) or
// rt.Await(gAsync(args)), runs g's frame from a field of the caller's
// frame instead of a new heap frame, when nothing can hold g's frame once
// it has returned and the frame types do not contain each other.

// maxEmbedSize is the largest callee frame (its embedded frames included)
// that a caller embeds: a frame that embeds costs its callees' bytes for
// as long as it lives, parked or not, where a heap frame costs them only
// while the call runs.
const maxEmbedSize = 512

// embedCallee is what the plan knows of an async function as a callee.
type embedCallee struct {
	// ok: the function's frame can be embedded (embeddable).
	ok    bool
	key   string      // embedKey
	frame string      // its frame type
	name  string      // its natural name
	parts *frameParts // its frame's fields, when ok
	size  int64       // its frame's size with the frames it embeds, once sized
	sized bool
	ptrs  bool // its frame holds pointers (always, but for the smallest)
	// used: a caller embeds it, so it gets an init helper.
	used bool
	scc  int
	// callees are the functions its await points call directly.
	callees []string
}

// embedPlan is the plan of one package: its async functions by key
// (embedKey).
type embedPlan struct {
	fset    *token.FileSet
	callees map[string]*embedCallee
	// callers are the await sites of every function (closures included)
	// by the function's key, for the cycle search.
	callers map[string][]string
	// constrained are the functions declared in a file with build
	// constraints: they embed nothing, so that the functions that embed a
	// callee, and so its init helper, are the same in every build
	// configuration.
	constrained map[string]bool
	// durClaims are the old frame shapes that //durable:was copies and
	// //durable:migrate functions resume, by durClaimKey, filled as the
	// package's files are emitted (durableConflicts, durable_migrate.go).
	durClaims map[string][]durClaim
}

// embedKey names a function by the position of its declaration, the same
// in every variant of its package (a test variant type-checks it again).
func embedKey(fset *token.FileSet, obj types.Object) string {
	p := fset.Position(obj.Pos())
	return fmt.Sprintf("%s:%d", p.Filename, p.Offset)
}

// planEmbeds computes the plan of each package of files, by package path.
func planEmbeds(fset *token.FileSet, files []*analyze.File) map[string]*embedPlan {
	plans := map[string]*embedPlan{}
	for _, f := range files {
		if f.Failed || len(f.Funcs) == 0 {
			continue
		}
		p := plans[f.Pkg.Path()]
		if p == nil {
			p = &embedPlan{fset: fset, callees: map[string]*embedCallee{}, callers: map[string][]string{}, constrained: map[string]bool{}}
			plans[f.Pkg.Path()] = p
		}
		for _, fn := range f.Funcs {
			p.add(f, fn)
		}
	}
	for _, p := range plans {
		p.components()
		for caller, callees := range p.callers {
			for _, g := range callees {
				if c := p.embeds(caller, g); c != nil {
					c.used = true
				}
			}
		}
	}
	return plans
}

// add records fn: whether it can be embedded, and the functions it calls.
func (p *embedPlan) add(f *analyze.File, fn *analyze.Func) {
	var walk func(fn *analyze.Func, key string)
	walk = func(fn *analyze.Func, key string) {
		for _, aw := range fn.Awaits {
			if g := directCallee(f.Info, f.Pkg, aw); g != nil {
				p.callers[key] = append(p.callers[key], embedKey(p.fset, g))
			}
		}
		for i, c := range fn.Closures {
			walk(c, fmt.Sprintf("%s#%d", key, i))
		}
	}
	key := embedKey(p.fset, fn.Obj)
	if buildConstraint(f.Syntax, f.Path) != "" {
		p.constrained[key] = true
	}
	walk(fn, key)
	sort.Strings(p.callers[key])
	c := &embedCallee{key: key, frame: frameName(fn), name: fn.Obj.Name()}
	p.callees[key] = c
	c.parts = embeddable(p.fset, f, fn)
	c.ok = c.parts != nil
	c.ptrs = c.ok && c.parts.ptrs
}

// directCallee returns the natural function that await point aw calls
// directly, when it is an async function of package pkg with a generated
// companion: g(args) or x.M(args) (not through an interface, not a method
// expression), or rt.Await(gAsync(args)); nil otherwise.
func directCallee(info *types.Info, pkg *types.Package, aw *analyze.Await) *types.Func {
	if aw.Yield {
		return nil
	}
	call := aw.Call
	if aw.Explicit {
		if len(aw.Call.Args) != 1 {
			return nil
		}
		inner, ok := ast.Unparen(aw.Call.Args[0]).(*ast.CallExpr)
		if !ok {
			return nil
		}
		call = inner
	}
	if call.Ellipsis.IsValid() {
		return nil
	}
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[fun]; ok && sel.Kind() == types.MethodVal {
			if _, iface := sel.Recv().Underlying().(*types.Interface); !iface {
				id = fun.Sel
			}
		}
	}
	if id == nil {
		return nil // an instantiation (generic), a value, another package's
	}
	obj, _ := info.Uses[id].(*types.Func)
	if obj == nil || obj.Pkg() != pkg {
		return nil
	}
	natural := obj
	if aw.Explicit {
		if !strings.HasSuffix(obj.Name(), analyze.CompanionSuffix) {
			return nil
		}
		natural = nil
		name := strings.TrimSuffix(obj.Name(), analyze.CompanionSuffix)
		if recv := obj.Type().(*types.Signature).Recv(); recv != nil {
			t := recv.Type()
			if ptr, ok := t.(*types.Pointer); ok {
				t = ptr.Elem()
			}
			if named, ok := types.Unalias(t).(*types.Named); ok {
				for i := 0; i < named.NumMethods(); i++ {
					if m := named.Method(i); m.Name() == name {
						natural = m
					}
				}
			}
		} else if obj.Parent() == pkg.Scope() {
			natural, _ = pkg.Scope().Lookup(name).(*types.Func)
		}
		if natural == nil || analyze.Companion(natural) != obj {
			return nil
		}
	} else if aw.Companion == nil || analyze.Companion(natural) != aw.Companion {
		return nil
	}
	sig := natural.Type().(*types.Signature)
	if sig.Variadic() || sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
		return nil
	}
	if len(call.Args) == 1 {
		if _, multi := info.TypeOf(call.Args[0]).(*types.Tuple); multi {
			return nil // g(h()) with h multi-valued
		}
	}
	return natural
}

// embeddable returns the parts of fn's frame when it can live inside its
// callers' frames, or nil. It can when nothing may refer to the frame
// once fn has returned, so that the caller may zero the field and use it
// again: no field whose address may be held (&x, a method with a pointer
// receiver, a capture without a cell), no async closure (its frame points
// into fn's), no range over a function (its iterator's literal reads the
// frame), not a generator or a durable function, not generic, and
// declared in a file every build configuration compiles with its callers.
func embeddable(fset *token.FileSet, f *analyze.File, fn *analyze.Func) (fr *frameParts) {
	defer func() {
		if recover() != nil {
			fr = nil // the emitter reports it (safety.go): nothing embeds fn
		}
	}()
	sig := fn.Sig
	if fn.Durable || fn.Gen != nil || len(fn.Closures) > 0 || fn.Lit != nil || sig.Variadic() ||
		sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 || buildConstraint(f.Syntax, f.Path) != "" {
		return nil
	}
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		if ptr, isPtr := t.(*types.Pointer); isPtr {
			t = ptr.Elem()
		}
		if _, named := types.Unalias(t).(*types.Named); !named {
			return nil
		}
	}
	l := newLowerer(fn, f.Info, f.Pkg)
	l.stmts(fn.Decl.Body.List)
	if len(l.errs) > 0 {
		return nil
	}
	l.prune()
	if l.fallsOff() {
		l.emit(&instReturn{at: fn.Decl.Body.Rbrace})
	}
	lay := l.layout()
	if lay.held || len(l.pullStops) > 0 || len(l.framed) > 0 {
		return nil
	}
	iface := types.NewInterfaceType(nil, nil)
	fr = &frameParts{head: []types.Type{types.Typ[types.Int]}}
	for _, v := range lay.fields {
		t := v.Type()
		if lay.where[v].boxed {
			t = types.NewPointer(t)
		}
		fr.head = append(fr.head, t)
	}
	for _, in := range l.code {
		if aw, ok := in.(*instAwait); ok {
			key := ""
			if g := directCallee(f.Info, f.Pkg, aw.aw); g != nil {
				key = embedKey(fset, g)
			}
			fr.awaits = append(fr.awaits, frameAwait{key: key, t: aw.aw.Shape.T})
		}
	}
	if hasDefer(fn.Decl.Body) {
		fr.tail = append(fr.tail, types.NewStruct([]*types.Var{
			types.NewField(token.NoPos, nil, "list", types.NewSlice(iface), false),
			types.NewField(token.NoPos, nil, "pending", iface, false),
			types.NewField(token.NoPos, nil, "under", types.NewPointer(iface), false),
		}, nil))
	}
	if fn.Shape.HasValue {
		fr.tail = append(fr.tail, fn.Shape.T)
	}
	if fn.Shape.HasErr {
		fr.tail = append(fr.tail, iface)
	}
	fr.ptrs = len(fr.awaits) > 0
	for _, t := range append(fr.head, fr.tail...) {
		fr.ptrs = fr.ptrs || hasPointers(t)
	}
	return fr
}

// frameParts are the fields of a frame that can be embedded, for its size
// (emitter.function lays them out in this order).
type frameParts struct {
	head   []types.Type // the state, the variables' fields
	awaits []frameAwait // one per await point
	tail   []types.Type // the deferred calls, the results
	ptrs   bool         // the frame holds pointers
}

// frameAwait is an await point of an embeddable frame: its callee's key
// (embedKey) when it calls an async function of the package directly,
// and the type it awaits.
type frameAwait struct {
	key string
	t   types.Type
}

// components numbers the strongly connected components of the call graph
// (Tarjan's algorithm, in key order for determinism): a callee in the
// caller's component is never embedded, since its frame type would
// contain the caller's.
func (p *embedPlan) components() {
	keys := make([]string, 0, len(p.callers))
	for k := range p.callers {
		keys = append(keys, k)
	}
	for k := range p.callees {
		if _, ok := p.callers[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	// A closure's key extends its function's: its await sites are its
	// function's for the search (its frame is never embedded, but it
	// embeds callees, and a callee that calls the function back is in a
	// cycle with it all the same).
	succ := map[string][]string{}
	for _, k := range keys {
		top, _, _ := strings.Cut(k, "#")
		succ[top] = append(succ[top], p.callers[k]...)
	}
	index, low := map[string]int{}, map[string]int{}
	onStack := map[string]bool{}
	scc := map[string]int{}
	var stack []string
	next, ncomp := 0, 0
	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range succ[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			ncomp++
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				scc[w] = ncomp
				if w == v {
					break
				}
			}
		}
	}
	for _, k := range keys {
		top, _, _ := strings.Cut(k, "#")
		if _, seen := index[top]; !seen {
			visit(top)
		}
	}
	for k, c := range p.callees {
		c.scc = scc[k]
		c.callees = succ[k]
	}
}

// embeds returns the callee to embed for a call from the function
// callerKey (closures included) to callee, or nil.
func (p *embedPlan) embeds(callerKey, calleeKey string) *embedCallee {
	if p == nil {
		return nil
	}
	g := p.callees[calleeKey]
	if g == nil || !g.ok {
		return nil
	}
	top, _, _ := strings.Cut(callerKey, "#")
	if f := p.callees[top]; f == nil || f.scc == g.scc || p.constrained[top] {
		return nil
	}
	if p.sizeOf(calleeKey) > maxEmbedSize {
		return nil
	}
	return g
}

// sizeOf is the size of a callee's frame with the frames it embeds, laid
// out as emitter.function lays them out: one awaitable field per awaited
// type of the await points that do not embed, one field per embedded
// callee (sequential await sites share it).
func (p *embedPlan) sizeOf(key string) int64 {
	g := p.callees[key]
	if g.sized {
		return g.size
	}
	g.sized = true // (no cycle reaches here: embeds checks components)
	ts := append([]types.Type{}, g.parts.head...)
	iface := types.NewInterfaceType(nil, nil)
	seen := map[string]bool{}
	var subs []types.Type
	for _, aw := range g.parts.awaits {
		if aw.key != "" && p.embeds(key, aw.key) != nil {
			if !seen["embed "+aw.key] {
				seen["embed "+aw.key] = true
				subs = append(subs, embeddedType(p.sizeOf(aw.key)))
			}
			continue
		}
		if t := types.TypeString(aw.t, nil); !seen[t] {
			seen[t] = true
			ts = append(ts, iface)
		}
	}
	ts = append(append(ts, subs...), g.parts.tail...)
	vars := make([]*types.Var, len(ts))
	for i, t := range ts {
		vars[i] = types.NewField(token.NoPos, nil, fmt.Sprintf("f%d", i), t, false)
	}
	g.size = types.SizesFor("gc", "amd64").Sizeof(types.NewStruct(vars, nil))
	return g.size
}

// embeddedType stands for an embedded frame of size bytes in a size
// computation: frames are word-aligned (their state is an int).
func embeddedType(size int64) types.Type {
	return types.NewArray(types.Typ[types.Uint64], (size+7)/8)
}

// initHelperName is the name of the helper that starts an embedded frame
// of the async function name.
func initHelperName(name string) string { return analyze.Prefix + "0init_" + name }

// initHelper renders ag_0init_F (or the method ag_0init_M), what an
// embedded await of F calls to set the caller's field to F's new frame:
//
//	func ag_0init_F(ag_p *ag_F, a int) { *ag_p = ag_F{a: a} }
//
// A call of it evaluates the arguments as the companion's call would.
func (e *emitter) initHelper(recv *jen.Statement, params, inits []jen.Code) {
	ps := append([]jen.Code{jen.Id(analyze.Prefix + "p").Op("*").Add(e.frameType())}, params...)
	e.jf.Commentf("%s starts a frame of %s in a field of its caller's frame: the generated form of an await of %s(...) that embeds it.", initHelperName(e.fn.Obj.Name()), e.qualName(), e.fn.Obj.Name())
	decl := e.jf.Func()
	if recv != nil {
		decl = decl.Add(recv)
	}
	decl.Id(initHelperName(e.fn.Obj.Name())).Params(ps...).Block(
		jen.Op("*").Id(analyze.Prefix + "p").Op("=").Add(e.frameType()).Values(inits...),
	)
}

// embedField returns the frame field that embeds a frame of callee g; one
// per callee, since only one await is pending at a time.
func (e *emitter) embedField(g *embedCallee) string {
	if name, ok := e.embFields[g.frame]; ok {
		return name
	}
	name := fmt.Sprintf("%ssub%d", analyze.Prefix, len(e.embFields))
	e.embFields[g.frame] = name
	e.embOrder = append(e.embOrder, jen.Id(name).Id(g.frame))
	e.embSizes = append(e.embSizes, e.plan.sizeOf(g.key))
	return name
}

// embedInit renders the start of an await point whose callee is embedded
// in field (the rest is emitter.await's):
//
//	ag_0init_g(&ag_f.ag_sub0, args)
//	ag_f.ag_state = N
//	if ag_s := ag_f.ag_sub0.AwaitStart(ag_co); ag_s != rt.Ready { return ag_s }
//	ag_resumeN:
//	x, err = ag_f.ag_sub0.AwaitResult()
//	ag_f.ag_sub0 = ag_g{}
func (e *emitter) embedInit(in *instAwait, field string) jen.Code {
	c := in.awaitable.(*ast.CallExpr)
	args := []jen.Code{jen.Op("&").Id(frameVar).Dot(field)}
	for _, a := range c.Args {
		args = append(args, e.expr(a))
	}
	return jen.Add(e.expr(c.Fun)).Call(args...)
}

// embedCall returns the awaitable of await point aw when its callee's
// frame is embedded: the call of the callee's init helper with the
// arguments of the call (without the field, which the emitter adds), or
// nil.
func (l *lowerer) embedCall(aw *analyze.Await) ast.Expr {
	if l.embed == nil || l.fn.Top().Durable {
		return nil
	}
	g := l.embed(aw)
	if g == nil {
		return nil
	}
	call := aw.Call
	if aw.Explicit {
		call = ast.Unparen(aw.Call.Args[0]).(*ast.CallExpr)
		if l.hoist[call] {
			return nil
		}
	}
	c := l.rebuildCall(call)
	c.Fun = l.companionFun(c.Fun, initHelperName(g.name))
	if l.embedded == nil {
		l.embedded = map[*analyze.Await]*embedCallee{}
	}
	l.embedded[aw] = g
	return c
}

// initHelperWanted reports whether the function being emitted gets an
// init helper: whether a caller embeds its frame (the same callers in
// every build configuration, since only functions in files without build
// constraints embed).
func (e *emitter) initHelperWanted() bool {
	if e.plan == nil || e.fn.Lit != nil {
		return false
	}
	g := e.plan.callees[embedKey(e.fset, e.fn.Obj)]
	return g != nil && g.used
}
