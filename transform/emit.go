package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Pass "emit": write the frame struct, its methods and the companion with
// jennifer.

const (
	frameVar = "ag_f"  // the receiver of the frame's methods
	coroVar  = "ag_co" // the task running the frame
)

type emitter struct {
	fset     *token.FileSet
	file     *analyze.File
	pkg      *types.Package
	info     *types.Info
	jf       *jen.File
	imported map[string]string
	errs     []error
	// frameErrs are the durable frame fields a checkpoint cannot hold,
	// also in errs (durableReject), for asyncvet (durableFrames).
	frameErrs []*posError

	// per function
	fn         *analyze.Func
	l          *lowerer
	lay        *layout
	frame      string
	awFields   map[string]string // awaitable fields by their type
	awOrder    []jen.Code
	inLit      int
	exits      map[*ast.BranchStmt]int
	exitClears map[int][]*types.Var       // the fields zeroed on leaving the statement for a label (clearDead)
	cells      map[*types.Var]string      // boxed variables a literal captured, by alias
	defers     bool                       // the function has defer statements
	litStack   []*ast.FuncLit             // the function literals being rendered
	typeNames  map[*types.TypeName]string // local types Resume declares (localtypes.go)
	consts     map[*types.Const]string    // flattened local constants renamed (localconsts.go)
	pkgTypes   map[*types.TypeName]string // local types moved to package level, for a function and its closures
	inResume   bool                       // rendering Resume, which can name them
	wheres     map[int]string             // source line of each suspension state
	dur        *durableFile               // durable.go: the file's durable codec helpers
	plan       *embedPlan                 // embed.go: the package's embedded frames
	embFields  map[string]string          // embedded frame fields by their frame type
	embOrder   []jen.Code
	embSizes   []int64
}

func (e *emitter) errorf(pos token.Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, err := range e.errs {
		if pe, ok := err.(*posError); ok && pe.pos == pos && pe.msg == msg {
			return // once is enough
		}
	}
	e.errs = append(e.errs, &posError{pos: pos, msg: msg})
}

func labelName(id int) string { return fmt.Sprintf("%sL%d", analyze.Prefix, id) }

func resumeLabel(state int) string { return fmt.Sprintf("%sresume%d", analyze.Prefix, state) }

func rt(name string) *jen.Statement { return jen.Qual(analyze.RTPath, name) }

// frameName is the frame type of an async function: ag_F, or for a method M
// of T ag_T_M (see methodFrameName for when that would clash).
func frameName(fn *analyze.Func) string {
	if fn.Parent != nil {
		return closureFrameName(fn)
	}
	if recv := fn.Sig.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return methodFrameName(n.Obj(), fn.Obj.Name())
		}
	}
	return analyze.Prefix + fn.Obj.Name()
}

// typeParams returns the frame's type parameters: the function's, or for a
// method the receiver type's.
func (e *emitter) typeParams() *types.TypeParamList {
	sig := e.fn.Top().Sig // an async closure's frame takes its function's
	if sig.Recv() != nil {
		return sig.RecvTypeParams()
	}
	return sig.TypeParams()
}

func (e *emitter) typeParamDecls() []jen.Code {
	tps := e.typeParams()
	var out []jen.Code
	for i := 0; i < tps.Len(); i++ {
		tp := tps.At(i)
		out = append(out, jen.Id(typeParamName(tp)).Add(e.constraintCode(tp)))
	}
	return out
}

// frameType is the frame type instantiated with its own parameters.
func (e *emitter) frameType() *jen.Statement {
	c := jen.Id(e.frame)
	tps := e.typeParams()
	if tps.Len() > 0 {
		args := make([]jen.Code, tps.Len())
		for i := 0; i < tps.Len(); i++ {
			args[i] = jen.Id(typeParamName(tps.At(i)))
		}
		c = c.Types(args...)
	}
	return c
}

// awaitField returns the frame field that holds an awaitable of type T; one
// per distinct T, since only one await is pending at a time.
func (e *emitter) awaitField(t types.Type) string {
	key := types.TypeString(t, nil)
	if name, ok := e.awFields[key]; ok {
		return name
	}
	name := fmt.Sprintf("%saw%d", analyze.Prefix, len(e.awFields))
	e.awFields[key] = name
	inResume := e.inResume
	e.inResume = false // a frame field: no local types
	e.awOrder = append(e.awOrder, jen.Id(name).Add(rt("Awaitable")).Types(e.typeCode(t)))
	e.inResume = inResume
	return name
}

func (e *emitter) function(fn *analyze.Func) {
	l := newLowerer(fn, e.info, e.pkg)
	l.generated = func(obj *types.Func) bool {
		f := e.fset.Position(obj.Pos()).Filename
		return strings.HasSuffix(f, "_async.go") || strings.HasSuffix(f, "_async_test.go")
	}
	if e.plan != nil {
		callerKey := embedKey(e.fset, fn.Top().Obj)
		l.embed = func(aw *analyze.Await) *embedCallee {
			g := directCallee(e.info, e.pkg, aw)
			if g == nil {
				return nil
			}
			return e.plan.embeds(callerKey, embedKey(e.fset, g))
		}
	}
	l.stmts(fn.Decl.Body.List)
	if len(l.errs) > 0 {
		e.errs = append(e.errs, l.errs...)
		return
	}
	l.prune()
	if l.fallsOff() {
		l.emit(&instReturn{at: fn.Decl.Body.Rbrace})
	}
	e.fn, e.l, e.lay = fn, l, l.layout()
	e.typeNames = l.localTypeNames()
	e.consts = l.localConstNames()
	e.defers = hasDefer(fn.Decl.Body)
	e.frame = frameName(fn)
	e.awFields = map[string]string{}
	e.wheres = map[int]string{}
	e.awOrder = nil
	e.embFields, e.embOrder, e.embSizes = map[string]string{}, nil, nil
	if fn.Parent == nil {
		e.pkgTypes = map[*types.TypeName]string{}
	}
	e.hoistLocalTypes()

	resume := e.resume()
	shape := fn.Shape
	T := e.typeCode(shape.T)

	// The frame struct.
	var fields []jen.Code
	fields = append(fields, jen.Id(analyze.Prefix+"state").Int())
	for _, v := range fn.Captures {
		fields = append(fields, jen.Id(e.lay.where[v].name).Op("*").Add(e.typeCode(v.Type())))
	}
	for _, v := range e.lay.fields {
		st := e.lay.where[v]
		if st.boxed {
			fields = append(fields, jen.Id(st.name).Op("*").Add(e.typeCode(v.Type())))
			continue
		}
		fields = append(fields, jen.Id(st.name).Add(e.typeCode(v.Type())))
	}
	fields = append(fields, e.awOrder...)
	fields = append(fields, e.embOrder...)
	fields = append(fields, e.genFields()...)
	if e.defers {
		fields = append(fields, jen.Id(analyze.Prefix+"defers").Add(rt("Defers")))
	}
	if shape.HasValue {
		fields = append(fields, jen.Id(analyze.Prefix+"r0").Add(T))
	}
	if shape.HasErr {
		fields = append(fields, jen.Id(analyze.Prefix+"err").Error())
	}
	size := ""
	if n, ok := e.frameSize(); ok {
		size = fmt.Sprintf(" (%d bytes on 64-bit systems)", n)
	}
	if fn.Lit != nil {
		e.jf.Commentf("%s is the frame of the async closure %s%s: pointers to the variables it shares with the enclosing function, its locals live across an await point, and its results.", e.frame, e.qualName(), size)
	} else {
		e.jf.Commentf("%s is the frame of %s%s: its parameters, the locals live across an await point, and its results.", e.frame, e.qualName(), size)
	}
	e.jf.Type().Id(e.frame).Types(e.typeParamDecls()...).Struct(fields...)
	e.jf.Line()

	// The companion.
	if fn.Gen != nil {
		e.genCompanion() // lower_agen.go
	} else if fn.Lit == nil {
		e.companion()
	}

	recv := jen.Id(frameVar).Op("*").Add(e.frameType())
	e.jf.Func().Params(recv).Id("AwaitStart").Params(jen.Id("co").Op("*").Add(rt("Coro"))).Add(rt("Status")).Block(
		jen.Return(jen.Id("co").Dot("Push").Call(jen.Id(frameVar))),
	)
	e.jf.Line()
	var result []jen.Code
	if shape.HasValue {
		result = append(result, jen.Id(frameVar).Dot(analyze.Prefix+"r0"))
	} else {
		result = append(result, jen.Struct().Values())
	}
	if shape.HasErr {
		result = append(result, jen.Id(frameVar).Dot(analyze.Prefix+"err"))
	} else {
		result = append(result, jen.Nil())
	}
	e.jf.Func().Params(recv.Clone()).Id("AwaitResult").Params().Params(T, jen.Error()).Block(jen.Return(result...))
	e.jf.Line()
	// Resume is the user's function, for coverage profiles (which name a
	// function's blocks by the file of its declaration) and debuggers.
	if p := e.fset.Position(fn.Decl.Pos()); p.IsValid() {
		e.jf.Comment(fmt.Sprintf("//line %s:%d", filepath.Base(p.Filename), p.Line))
	}
	e.jf.Func().Params(recv.Clone()).Id("Resume").Params(jen.Id(coroVar).Op("*").Add(rt("Coro"))).Add(rt("Status")).Block(resume...)
	e.jf.Line()
	e.whereMethod(recv)
	if fn.Durable {
		e.durable(recv) // durable.go
	}
	for _, c := range fn.Closures {
		e.function(c) // closure.go
	}
}

// companion renders FAsync (or the method MAsync), which makes the frame.
func (e *emitter) companion() {
	fn := e.fn
	name := fn.Obj.Name()
	sig := fn.Sig
	var params []jen.Code
	var inits []jen.Code
	if recv := sig.Recv(); recv != nil {
		rname := recv.Name()
		if rname == "" || rname == "_" {
			rname = analyze.Prefix + "recv"
		} else if st, ok := e.lay.where[recv]; ok && st.field {
			inits = append(inits, jen.Id(st.name).Op(":").Id(rname))
		}
		e.jf.Commentf("%s%s returns the coroutine of %s: nothing runs until it is awaited, spawned, gathered or run.", name, analyze.CompanionSuffix, e.qualName())
		e.jf.Func().Params(jen.Id(rname).Add(e.typeCode(recv.Type()))).Id(name + analyze.CompanionSuffix).
			Add(e.companionSig(&params, &inits)).Block(jen.Return(jen.Op("&").Add(e.frameType()).Values(inits...)))
		if !sig.Variadic() {
			e.jf.Line()
			e.spawnHelper(jen.Params(jen.Id(rname).Add(e.typeCode(recv.Type()))), params, inits)
		}
		if e.initHelperWanted() {
			e.jf.Line()
			e.initHelper(jen.Params(jen.Id(rname).Add(e.typeCode(recv.Type()))), params, inits)
		}
	} else {
		e.jf.Commentf("%s%s returns the coroutine of %s: nothing runs until it is awaited, spawned, gathered or run.", name, analyze.CompanionSuffix, name)
		e.jf.Func().Id(name + analyze.CompanionSuffix).Types(e.typeParamDecls()...).
			Add(e.companionSig(&params, &inits)).Block(jen.Return(jen.Op("&").Add(e.frameType()).Values(inits...)))
		if !sig.Variadic() {
			e.jf.Line()
			e.spawnHelper(nil, params, inits)
		}
		if e.initHelperWanted() {
			e.jf.Line()
			e.initHelper(nil, params, inits)
		}
	}
	e.jf.Line()

}

// spawnHelper renders ag_0spawn_F (or the method ag_0spawn_M), what
// rt.Spawn(FAsync(args), opts...) becomes in this package
// (lowerer.fusedSpawn): the task and F's frame in one allocation
// (rt.SpawnFrame). Every non-variadic function and method gets one, used
// or not: a file that uses it may be outside this build configuration
// (another GOOS's) or a test file this generation does not see, and the
// helper must be there when that file compiles. The digit after the
// prefix keeps the name apart from every frame name (see methodFrameName).
func (e *emitter) spawnHelper(recv *jen.Statement, params, inits []jen.Code) {
	fn := e.fn
	t := e.typeCode(fn.Shape.T)
	ps := append(append([]jen.Code{}, params...), jen.Id(analyze.Prefix+"opts").Op("...").Add(rt("TaskOption")))
	e.jf.Commentf("%s starts %s as a task, its frame in the task's allocation: the generated form of rt.Spawn(%s%s(...)).", spawnHelperName(fn.Obj.Name()), e.qualName(), fn.Obj.Name(), analyze.CompanionSuffix)
	decl := e.jf.Func()
	if recv != nil {
		decl = decl.Add(recv).Id(spawnHelperName(fn.Obj.Name()))
	} else {
		decl = decl.Id(spawnHelperName(fn.Obj.Name())).Types(e.typeParamDecls()...)
	}
	decl.Params(ps...).
		Add(rt("Awaitable")).Types(jen.Op("*").Add(rt("Task")).Types(t)).Block(
		jen.Return(rt("SpawnFrame").Types(t, e.frameType()).Call(e.frameType().Values(inits...), jen.Id(analyze.Prefix+"opts").Op("..."))))
}

// spawnHelperName is the name of the spawn helper of the async function name.
func spawnHelperName(name string) string { return analyze.Prefix + "0spawn_" + name }

func (e *emitter) qualName() string {
	if e.fn.Lit != nil {
		p := e.fset.Position(e.fn.Lit.Pos())
		return fmt.Sprintf("at %s:%d in %s", filepath.Base(p.Filename), p.Line, e.fn.Top().Decl.Name.Name)
	}
	if recv := e.fn.Sig.Recv(); recv != nil {
		t := recv.Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), "*"
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return fmt.Sprintf("(%s%s).%s", ptr, n.Obj().Name(), e.fn.Obj.Name())
		}
	}
	return e.fn.Obj.Name()
}

// companionSig renders the companion's (params) rt.Awaitable[T] and the
// frame literal's field initializers.
func (e *emitter) companionSig(params, inits *[]jen.Code) jen.Code {
	sig := e.fn.Sig
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		pname := p.Name()
		if pname == "" || pname == "_" {
			pname = "_"
		} else if st, ok := e.lay.where[p]; ok {
			*inits = append(*inits, jen.Id(st.name).Op(":").Id(pname))
		}
		var t jen.Code = e.typeCode(p.Type())
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = jen.Op("...").Add(e.typeCode(p.Type().(*types.Slice).Elem()))
		}
		*params = append(*params, jen.Id(pname).Add(t))
	}
	return jen.Params(*params...).Add(rt("Awaitable")).Types(e.typeCode(e.fn.Shape.T))
}

// resume renders the body of Resume: the Resume locals, the dispatch on the
// saved state, and the instructions.
func (e *emitter) resume() (body []jen.Code) {
	e.inResume = true
	defer func() { e.inResume = false }()
	body = append(body, e.localTypeDecls()...)
	if len(e.lay.locals) > 0 {
		var decls []jen.Code
		for _, v := range e.lay.locals {
			decls = append(decls, jen.Id(e.lay.where[v].name).Add(e.typeCode(v.Type())))
		}
		body = append(body, jen.Var().Defs(decls...))
	}
	for _, v := range e.lay.unread {
		// Only pruned code read it; Go would call it unused.
		body = append(body, jen.Id("_").Op("=").Id(e.lay.where[v].name))
	}
	var states []jen.Code
	for _, in := range e.l.code {
		if aw, ok := in.(*instAwait); ok {
			e.l.nstates++
			aw.state = e.l.nstates
			states = append(states, jen.Case(jen.Lit(aw.state)).Block(jen.Goto().Id(resumeLabel(aw.state))))
		}
	}
	// A panic or a cancellation unwinding this frame: finish, running the
	// deferred calls if there are any.
	if e.defers {
		e.l.nstates++
		exitState := e.l.nstates
		states = append(states, jen.Case(jen.Lit(exitState)).Block(jen.Goto().Id(resumeLabel(exitState))))
		body = append(body, jen.If(jen.Id(coroVar).Dot("Unwinding").Call()).Block(append(e.stopPulls(), jen.Goto().Id(exitLabel))...))
		defer func() { body = append(body, e.exit(exitState)...) }()
	} else {
		body = append(body, jen.If(jen.Id(coroVar).Dot("Unwinding").Call()).Block(append(e.stopPulls(), jen.Return(rt("Ready")))...))
	}
	if len(states) > 0 {
		body = append(body, jen.Switch(jen.Id(frameVar).Dot(analyze.Prefix+"state")).Block(states...))
	}
	for _, in := range e.l.code {
		body = append(body, e.inst(in)...)
	}
	if e.l.fallsOff() {
		body = append(body, jen.Panic(jen.Lit("asyncgen: unreachable")))
	}
	return body
}

// negate emits the negation of a branch condition without the double
// negation (!!x) that vet and gopls flag: !x becomes x, an identifier gets
// a bare !, anything else !(...). Comparisons are not inverted, since
// !(a < b) and a >= b differ for NaN.
func (e *emitter) negate(cond ast.Expr) jen.Code {
	x := ast.Unparen(cond)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return e.expr(u.X)
	}
	if _, ok := x.(*ast.Ident); ok {
		return jen.Op("!").Add(e.expr(x))
	}
	return jen.Op("!").Parens(e.expr(cond))
}

func (e *emitter) inst(in inst) []jen.Code {
	switch in := in.(type) {
	case *instGoto:
		return []jen.Code{jen.Goto().Id(labelName(in.to))}
	case *instIf:
		cond := e.expr(in.cond)
		if in.neg {
			cond = e.negate(in.cond)
		}
		jump := append(e.clearFields(e.lay.clears.jump[in]), jen.Goto().Id(labelName(in.to)))
		return append([]jen.Code{e.lineDirective(in.at).If(cond).Block(jump...)}, e.clearFields(e.lay.clears.after[in])...)
	case *instStmt:
		e.exits, e.exitClears = in.exits, e.lay.clears.exit[in]
		out := e.stmt(in.stmt)
		e.exits, e.exitClears = nil, nil
		return append(out, e.clearFields(e.lay.clears.after[in])...)
	case *instReturn:
		out := e.frameReturn(in.results)
		out[0] = e.lineDirective(in.at).Add(out[0])
		return out
	case *instAwait:
		return append(e.await(in), e.clearFields(e.lay.clears.after[in])...)
	case *instLabel:
		return append([]jen.Code{jen.Id(labelName(in.id)).Op(":")}, e.clearFields(e.lay.clears.after[in])...)
	case *instFresh:
		st := e.lay.where[in.v]
		if !st.boxed {
			return nil
		}
		if vs := e.lay.clears.after[in]; len(vs) > 0 {
			return e.clearFields(vs) // a cell nothing uses
		}
		cell := jen.Id(frameVar).Dot(st.name)
		if in.copy {
			// { ag_c := *ag.v; ag.v = &ag_c }
			c := analyze.Prefix + "c"
			return []jen.Code{jen.Block(
				jen.Id(c).Op(":=").Op("*").Add(cell.Clone()),
				jen.Add(cell.Clone()).Op("=").Op("&").Id(c),
			)}
		}
		return []jen.Code{jen.Add(cell).Op("=").New(e.typeCode(in.v.Type()))}
	}
	return nil
}

// clearFields zeroes the frame fields of variables that are dead from here
// on (clearDead): one assignment, ag_f.x, ag_f.p = nil, nil; a cell's
// pointer is set to nil.
func (e *emitter) clearFields(vs []*types.Var) []jen.Code {
	if len(vs) == 0 {
		return nil
	}
	var lhs, rhs []jen.Code
	for _, v := range vs {
		st := e.lay.where[v]
		lhs = append(lhs, jen.Id(frameVar).Dot(st.name))
		if st.boxed {
			rhs = append(rhs, jen.Nil())
		} else {
			rhs = append(rhs, e.zeroValue(v.Type()))
		}
	}
	return []jen.Code{jen.List(lhs...).Op("=").List(rhs...)}
}

// resultField is the frame field that carries natural result i.
func (e *emitter) resultField(i int) jen.Code {
	if e.fn.Shape.Tuple() {
		return e.tupleResultField(i) // tuples.go
	}
	if i == 0 && e.fn.Shape.HasValue {
		return jen.Id(frameVar).Dot(analyze.Prefix + "r0")
	}
	return jen.Id(frameVar).Dot(analyze.Prefix + "err")
}

// resultTargets are where a return statement stores the results: the frame
// fields, or, in a function with deferred calls, its named results (which
// the deferred calls may still change; the exit copies them to the fields).
func (e *emitter) resultTargets() []jen.Code {
	var out []jen.Code
	for i := 0; i < e.fn.Sig.Results().Len(); i++ {
		v := e.fn.Sig.Results().At(i)
		if _, named := e.lay.where[v]; named && e.defers {
			out = append(out, e.varRef(v))
			continue
		}
		out = append(out, e.resultField(i))
	}
	return out
}

// frameReturn stores the results and finishes: `return rt.Ready`, or, when
// the function has deferred calls, a jump to the exit that runs them.
func (e *emitter) frameReturn(results []ast.Expr) []jen.Code {
	var out []jen.Code
	switch {
	case results != nil:
		lhs, rhs := e.resultTargets(), e.exprs(results)
		if len(results) == len(lhs) && e.defers {
			// return r, nil with r a named result: r = r is no assignment
			// (and go vet would report it at the user's line).
			var l2, r2 []jen.Code
			for i, x := range results {
				if id, ok := ast.Unparen(x).(*ast.Ident); ok && e.l.objOf(id) == e.fn.Sig.Results().At(i) {
					continue
				}
				l2, r2 = append(l2, lhs[i]), append(r2, rhs[i])
			}
			lhs, rhs = l2, r2
		}
		if len(lhs) > 0 {
			out = append(out, jen.List(lhs...).Op("=").List(rhs...))
		}
	case !e.defers:
		// a bare return: the named results
		var lhs, rhs []jen.Code
		for i := 0; i < e.fn.Sig.Results().Len(); i++ {
			v := e.fn.Sig.Results().At(i)
			if _, ok := e.lay.where[v]; ok {
				lhs, rhs = append(lhs, e.resultField(i)), append(rhs, e.varRef(v))
			}
		}
		if len(lhs) > 0 {
			out = append(out, jen.List(lhs...).Op("=").List(rhs...))
		}
	}
	if e.defers {
		return append(out, jen.Goto().Id(exitLabel))
	}
	return append(out, jen.Return(rt("Ready")))
}

const exitLabel = analyze.Prefix + "exit"

// exit renders the end of a function with deferred calls, where returns,
// panics and cancellation arrive:
//
//	ag_exit:
//		ag_f.ag_state = D
//	ag_resumeD:
//		if ag_s := ag_f.ag_defers.Run(ag_co); ag_s != rt.Ready {
//			return ag_s
//		}
//		ag_f.ag_r0, ag_f.ag_err = <named results>
//		return rt.Ready
func (e *emitter) exit(state int) []jen.Code {
	e.where(state, e.fn.Decl.Body.Rbrace, " (deferred calls)")
	status := analyze.Prefix + "s"
	out := []jen.Code{
		jen.Id(exitLabel).Op(":"),
		jen.Id(frameVar).Dot(analyze.Prefix + "state").Op("=").Lit(state).Comment("running the deferred calls"),
		jen.Id(resumeLabel(state)).Op(":"),
		jen.If(jen.Id(status).Op(":=").Id(frameVar).Dot(analyze.Prefix+"defers").Dot("Run").Call(jen.Id(coroVar)), jen.Id(status).Op("!=").Add(rt("Ready"))).Block(
			jen.Return(jen.Id(status)),
		),
	}
	var lhs, rhs []jen.Code
	for i := 0; i < e.fn.Sig.Results().Len(); i++ {
		v := e.fn.Sig.Results().At(i)
		if _, ok := e.lay.where[v]; ok {
			lhs, rhs = append(lhs, e.resultField(i)), append(rhs, e.varRef(v))
		}
	}
	if len(lhs) > 0 {
		out = append(out, jen.List(lhs...).Op("=").List(rhs...))
	}
	return append(out, jen.Return(rt("Ready")))
}

// deferStmt renders a defer statement of the async function itself: the
// function value and the arguments are evaluated now, the call is pushed on
// the frame's deferred calls (awaited later when the function is async).
//
//	{
//		ag_d0, ag_d1 := a, b
//		ag_f.ag_defers.Push(func(ag_p rt.Panic) {
//			defer f(ag_d0, ag_d1)
//			ag_p.Raise()
//		})
//	}
//
// (a plain call is deferred inside the pushed function, which raises the
// panic in flight, so that recover() in f behaves as in Go: defers.go).
func (e *emitter) deferStmt(s *ast.DeferStmt) jen.Code {
	call := s.Call
	orig := call
	if o, ok := e.l.deferOrig[call]; ok {
		orig = o
	}
	aw := e.fn.Awaits[orig]
	var stmts []jen.Code
	var args []jen.Code
	for i, a := range call.Args {
		if aw != nil && aw.Explicit {
			break
		}
		decl, arg := e.deferArg(call, i, a)
		if decl != nil {
			stmts = append(stmts, decl)
		}
		args = append(args, arg)
	}
	if call.Ellipsis.IsValid() && len(args) > 0 {
		args[len(args)-1] = jen.Add(args[len(args)-1]).Op("...")
	}
	fun := call.Fun
	var fn jen.Code
	switch {
	case aw != nil && aw.Explicit:
		// defer rt.Await(x): x now, awaited later
		stmts = append(stmts, jen.Id(analyze.Prefix+"dw").Op(":=").Add(e.expr(call.Args[0])))
		return jen.Block(append(stmts, jen.Id(frameVar).Dot(analyze.Prefix+"defers").Dot("PushAwait").Call(
			jen.Func().Params().Add(rt("AnyAwaitable")).Block(jen.Return(jen.Id(analyze.Prefix+"dw")))))...)
	case aw != nil:
		fun = e.l.companionFun(call.Fun, aw.Companion.Name())
		fn = e.deferredFun(fun, &stmts)
		return jen.Block(append(stmts, jen.Id(frameVar).Dot(analyze.Prefix+"defers").Dot("PushAsync").Call(
			jen.Func().Params().Add(rt("AnyAwaitable")).Block(jen.Return(jen.Add(fn).Call(args...)))))...)
	}
	fn = e.deferredFun(fun, &stmts) // a literal too: its closure is made now
	return jen.Block(append(stmts, e.pushPlainDeferAt(s, fn, args))...)
}

// deferredFun evaluates a deferred call's function value now when it is
// anything but a plain function or builtin name.
func (e *emitter) deferredFun(fun ast.Expr, stmts *[]jen.Code) jen.Code {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		switch e.info.Uses[f].(type) {
		case *types.Func, *types.Builtin, nil:
			return e.expr(fun)
		}
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			if _, ok := e.info.Uses[id].(*types.PkgName); ok {
				return e.expr(fun)
			}
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		return e.expr(fun) // an instantiated generic function
	case *ast.FuncLit:
		*stmts = append(*stmts, jen.Id(analyze.Prefix+"dfn").Op(":=").Add(e.expr(f)))
		return jen.Id(analyze.Prefix + "dfn")
	}
	*stmts = append(*stmts, jen.Id(analyze.Prefix+"dfn").Op(":=").Add(e.expr(fun)))
	return jen.Id(analyze.Prefix + "dfn")
}

// await renders an await point:
//
//	ag.ag_awK = <awaitable>
//	ag.ag_state = N
//	if s := ag.ag_awK.AwaitStart(ag_co); s != rt.Ready {
//		return s
//	}
//	ag_resumeN:
//	dst = ag.ag_awK.AwaitResult()
//	ag.ag_awK = nil
func (e *emitter) await(in *instAwait) []jen.Code {
	e.where(in.state, in.at, "")
	status := analyze.Prefix + "s"
	src := strings.Join(strings.Fields(types.ExprString(in.aw.Call)), " ")
	if r := []rune(src); len(r) > 60 { // runes: ExprString writes … for a literal's elements
		src = string(r[:57]) + "..."
	}
	var field, start, reset *jen.Statement
	if g := e.l.embedded[in.aw]; g != nil {
		// The callee's frame is a field of this one (embed.go).
		name := e.embedField(g)
		field = jen.Id(frameVar).Dot(name)
		start = e.lineDirective(in.at).Add(e.embedInit(in, name))
		if g.ptrs {
			reset = jen.Add(field.Clone()).Op("=").Id(g.frame).Values()
		}
	} else {
		field = jen.Id(frameVar).Dot(e.awaitField(in.aw.Shape.T))
		start = e.lineDirective(in.at).Add(field.Clone()).Op("=").Add(e.expr(in.awaitable))
		reset = jen.Add(field.Clone()).Op("=").Nil()
	}
	out := []jen.Code{
		start,
		jen.Id(frameVar).Dot(analyze.Prefix + "state").Op("=").Lit(in.state).Comment(fmt.Sprintf("await: %s", src)),
	}
	out = append(out, e.clearFields(e.lay.clears.suspend[in])...)
	out = append(out,
		jen.If(jen.Id(status).Op(":=").Add(field.Clone()).Dot("AwaitStart").Call(jen.Id(coroVar)), jen.Id(status).Op("!=").Add(rt("Ready"))).Block(
			jen.Return(jen.Id(status)),
		),
		jen.Id(resumeLabel(in.state)).Op(":"),
	)
	if len(in.dst) > 0 && in.aw.Shape.Tuple() {
		out = append(out, e.lineDirective(in.at).Add(e.tupleUnpack(in.aw.Shape, in.dst, field))) // tuples.go
	} else if len(in.dst) > 0 {
		var lhs []jen.Code
		shape := in.aw.Shape
		di := 0
		if shape.HasValue {
			lhs = append(lhs, e.expr(in.dst[di]))
			di++
		} else {
			lhs = append(lhs, jen.Id("_"))
		}
		if shape.HasErr {
			lhs = append(lhs, e.expr(in.dst[di]))
		} else {
			lhs = append(lhs, jen.Id("_"))
		}
		out = append(out, e.lineDirective(in.at).List(lhs...).Op("=").Add(field.Clone()).Dot("AwaitResult").Call())
	}
	if reset != nil {
		out = append(out, reset)
	}
	return out
}

// hasDefer reports whether body has a defer statement of its own (not one
// in a function literal).
func hasDefer(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			found = true
		}
		return !found
	})
	return found
}

// where records the source position a state suspends at.
func (e *emitter) where(state int, pos token.Pos, note string) {
	p := e.fset.Position(pos)
	e.wheres[state] = fmt.Sprintf("%s:%d%s", filepath.Base(p.Filename), p.Line, note)
}

// whereMethod renders the frame's AwaitLine, which task dumps and debug
// mode use to say where a task is suspended (a switch, so that no
// package-level name can clash with the user's):
//
//	func (ag_f *ag_F) AwaitLine() string {
//		switch ag_f.ag_state {
//		case 1:
//			return "x.go:12"
//		}
//		return ""
//	}
func (e *emitter) whereMethod(recv *jen.Statement) {
	if len(e.wheres) == 0 {
		return
	}
	var states []int
	for st := range e.wheres {
		states = append(states, st)
	}
	sort.Ints(states)
	var cases []jen.Code
	for _, st := range states {
		cases = append(cases, jen.Case(jen.Lit(st)).Block(jen.Return(jen.Lit(e.wheres[st]))))
	}
	e.jf.Comment("AwaitLine is where the frame is suspended, for task dumps.")
	e.jf.Func().Params(recv.Clone()).Id("AwaitLine").Params().String().Block(
		jen.Switch(jen.Id(frameVar).Dot(analyze.Prefix+"state")).Block(cases...),
		jen.Return(jen.Lit("")),
	)
	e.jf.Line()
}

// frameSize computes the size of the frame struct with gc's 64-bit layout,
// for the frame's doc comment (so a reader sees what a suspended call
// costs). It reports false when a type has no fixed size (a type
// parameter).
func (e *emitter) frameSize() (int64, bool) {
	iface := types.NewInterfaceType(nil, nil)
	var ts []types.Type
	ts = append(ts, types.Typ[types.Int])
	for _, v := range e.fn.Captures {
		ts = append(ts, types.NewPointer(v.Type()))
	}
	for _, v := range e.lay.fields {
		t := v.Type()
		if e.lay.where[v].boxed {
			t = types.NewPointer(t)
		}
		ts = append(ts, t)
	}
	for range e.awOrder {
		ts = append(ts, iface)
	}
	for _, n := range e.embSizes {
		ts = append(ts, embeddedType(n))
	}
	if e.defers {
		for _, imp := range e.pkg.Imports() {
			if imp.Path() == analyze.RTPath {
				if obj := imp.Scope().Lookup("Defers"); obj != nil {
					ts = append(ts, obj.Type())
				}
			}
		}
	}
	if e.fn.Shape.HasValue {
		ts = append(ts, e.fn.Shape.T)
	}
	if e.fn.Shape.HasErr {
		ts = append(ts, iface)
	}
	vars := make([]*types.Var, len(ts))
	for i, t := range ts {
		if hasTypeParam(t) {
			return 0, false
		}
		vars[i] = types.NewField(token.NoPos, nil, fmt.Sprintf("f%d", i), t, false)
	}
	sizes := types.SizesFor("gc", "amd64")
	return sizes.Sizeof(types.NewStruct(vars, nil)), true
}

// hasTypeParam reports whether t mentions a type parameter.
func hasTypeParam(t types.Type) bool {
	found := false
	seen := map[types.Type]bool{}
	var walk func(types.Type)
	walk = func(t types.Type) {
		if found || t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.TypeParam:
			found = true
			return
		case *types.Named:
			if isLocalNamed(t) {
				walk(t.Underlying()) // a local type of a generic function may use its type parameters
			}
		}
		for _, c := range typeComponents(t) {
			walk(c)
		}
	}
	walk(t)
	return found
}
