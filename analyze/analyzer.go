package analyze

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The categories of the Analyzer's diagnostics. They are stable, so that
// tools and people can filter on them.
const (
	// CategoryAwaitOutside: rt.Await in ordinary (not async) code.
	CategoryAwaitOutside = "await-outside-async"
	// CategoryNaturalCall: an async function called from ordinary code,
	// where it runs as blocking plain Go.
	CategoryNaturalCall = "natural-call"
	// CategoryNeverAwaited: a coroutine FAsync(...) made and dropped.
	CategoryNeverAwaited = "never-awaited"
	// CategoryGoAsync: a go statement that launches an async function.
	CategoryGoAsync = "go-async"
	// CategoryBlocking: a blocking operation in an async function (a
	// warning for the generator).
	CategoryBlocking = "blocking-call"
	// CategoryDroppedError: the error of an await point thrown away.
	CategoryDroppedError = "dropped-error"
	// CategoryGenerate: what the generator rejects in an async function: an
	// await inside a function literal, a result shape no coroutine can
	// carry, a reserved name, a construct it does not lower yet.
	CategoryGenerate = "generate"
	// CategoryStale: an async function whose generated code is stale or
	// missing.
	CategoryStale = "stale"
	// CategoryJobType: an ajobs.Define whose argument or result type
	// encoding/json cannot carry.
	CategoryJobType = "job-type"
)

// Analyzer holds asyncgen's checks as a golang.org/x/tools/go/analysis
// analyzer, so that go vet -vettool (see cmd/asyncvet) and gopls report them
// while the code is written, not only when asyncgen runs.
var Analyzer = &analysis.Analyzer{
	Name:      "asyncgen",
	Doc:       analyzerDoc,
	Run:       runAnalyzer,
	FactTypes: []analysis.Fact{new(naturalFact)},
}

// naturalFact marks an exported plain function or method that calls one
// of rt's async functions, directly or through other plain functions, so
// that async code of the packages that import it is warned about calling
// it (plainnatural.go).
type naturalFact struct {
	Use    naturalUse
	Module string // the module of the function's package, "" if unknown
}

func (*naturalFact) AFact() {}

func (f *naturalFact) String() string { return "calls " + f.Use.Name + " at " + f.Use.At }

// exportNaturals exports a naturalFact for each exported plain function
// and method of the package that calls rt's async functions.
func (v *vetter) exportNaturals() {
	if ownPackage(v.pass.Pkg.Path()) {
		return
	}
	c := v.checker()
	for _, f := range v.pass.Files {
		if strings.HasSuffix(v.pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue // nothing imports a test file's functions
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || IsAsyncDecl(fd) || !fd.Name.IsExported() {
				continue
			}
			obj, ok := v.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || Companion(obj) != nil {
				continue
			}
			if u := c.plainNaturalKey(funcKey(obj)); u != nil {
				v.pass.ExportObjectFact(obj, &naturalFact{Use: *u, Module: v.module()})
			}
		}
	}
}

// module is the path of the package's module, "" when the driver does
// not say.
func (v *vetter) module() string {
	if m := v.pass.Module; m != nil {
		return m.Path
	}
	return ""
}

// importedNatural is checker.extern for the vetter: the naturalFact of a
// function of another package of the same module.
func (v *vetter) importedNatural(fn *types.Func) *naturalUse {
	var f naturalFact
	if !v.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	if f.Module != "" && v.module() != "" && f.Module != v.module() {
		return nil // not the module's to mark //async
	}
	return &f.Use
}

const analyzerDoc = `check the use of asyncgen's //async functions and coroutines

An async function is marked with a last doc-comment line //async, or has a
companion FAsync (for a method M, a method MAsync) that returns an
rt.Awaitable; rt's own Sleep, Now, Spawn, CurrentTask and AllTasks are async.
The checks, by diagnostic category:

  await-outside-async  rt.Await in ordinary code; use rt.Run there, or mark the
                       function //async (a suggested fix does that). (Not
                       reported in package rt and its tests, which exercise
                       the natural form.)
  natural-call         an async function called from ordinary code, where it
                       runs as blocking plain Go; use rt.Run(FAsync(...)) or
                       mark the caller //async (a suggested fix does that).
                       Not reported inside package rt, nor in the _test.go
                       files of the package that declares the function, whose
                       tests run natural forms on purpose (the plain-Go oracle).
                       rt.Spawn from ordinary code is reported as the panic it
                       is.
  never-awaited        a coroutine FAsync(...) (or rt.Gather(...), GatherAll,
                       Gather2 to Gather5) made and
                       dropped: used as a statement, assigned to _, or launched
                       with go or defer. A coroutine is cold: it never runs.
                       For a statement FAsync(...) in an async function, a
                       suggested fix calls F(...) instead: an await point.
  go-async             a go statement that launches an async function; in an
                       async function a suggested fix spawns it as a task,
                       rt.Spawn(FAsync(...)).
  blocking-call        a blocking operation in an async function (a warning
                       for asyncgen): time.Sleep, channel send and receive,
                       range over a channel, select without default,
                       sync.Mutex and RWMutex locks, sync.Cond.Wait,
                       sync.WaitGroup.Wait, blocking net, net/http and os I/O.
                       Each message names the rt alternative, or says that rt
                       has none yet; time.Sleep has a suggested fix, rt.Sleep. Function literals are not searched: they
                       may run on another goroutine.
  dropped-error        an await point in an async function whose error result
                       is thrown away: a statement rt.Await(x), or a statement
                       call of an async function returning error or
                       (V, error). Assigning to _ drops it on purpose and is
                       not reported; neither is a statement rt.Spawn(...),
                       whose task goes on running.
  generate             what the generator rejects in an async function: an
                       await inside a function literal, a result shape no
                       coroutine can carry, a reserved name, a construct it
                       does not lower yet; and, as warnings, an async
                       function or method used as a value (s.M, S.M, work),
                       which runs its blocking natural form when called, and
                       a call from async code of a plain function of the
                       module that calls rt's async functions (rt.Now,
                       rt.Sleep, ...), directly or through other plain
                       functions: those run their natural forms there (the
                       wall clock under rt.VirtualTime, a sleep that blocks
                       the loop); the message says which to mark //async.
                       In a durable function, a variable held across an
                       await point (a frame field) whose type a checkpoint
                       cannot hold (a channel, a func, an interface, a sync
                       or rt value, ...), at the variable: asyncgen's own
                       check of the frame, which asyncvet links in.

  stale                an async function whose body changed since its
                       generated file was written, or that the generated
                       file does not have yet, or whose file has no
                       generated file at all: run go generate (go test
                       fails the same way, see rt.CheckSource). asyncvet
                       says it before the type errors of a package that
                       calls such a function's companion.

  job-type             an ajobs.Define whose argument or result type
                       encoding/json cannot carry (a channel, a function, an
                       unsafe pointer, a complex number, a map whose key is
                       not a string, an integer or a TextMarshaler, a struct
                       with fields but none exported), at the call: what
                       Define panics with at initialisation. asyncgen
                       reports it too, as an error that stops generation.

Files generated by any tool (a "Code generated ... DO NOT EDIT." header) are
not checked.`

func runAnalyzer(pass *analysis.Pass) (any, error) {
	v := &vetter{pass: pass, marked: map[*types.Func]bool{}}
	var files []*ast.File
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			v.cgoOutput(f)
			continue
		}
		files = append(files, f)
		// A function marked //async is async before its companion is
		// generated.
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					v.marked[obj] = true
				}
			}
		}
	}
	for _, f := range files {
		if imp := cgoImport(f); imp != nil {
			// As in the generator: async functions cannot live here.
			var fns []*ast.FuncDecl
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
					fns = append(fns, fd)
				}
			}
			for i, d := range cgoDiags(pass.Fset, imp, fns) {
				v.report(fns[i].Name.Pos(), CategoryGenerate, "%s", d.Message)
			}
		}
		v.file(f)
		v.jobTypes(f)
	}
	v.staleSources()
	v.exportNaturals()
	return nil, nil
}

// cgoOutput reports the async functions of a cgo file, which drivers hand
// the analyzer as cgo's rewrite ("Code generated by cmd/cgo"), whose //line
// comments give the original positions: asyncgen rejects them there.
func (v *vetter) cgoOutput(f *ast.File) {
	if len(f.Comments) == 0 || !strings.Contains(f.Comments[0].Text(), "Code generated by cmd/cgo") {
		return
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
			v.report(fd.Name.Pos(), CategoryGenerate, "async function %s is in a file that imports \"C\", and asyncgen cannot generate code for a cgo file: move it to another file of the package, which may call the cgo file's functions", SourceName(fd))
		}
	}
}

// staleSources reports each async function whose text is not what its
// generated file recorded (the generated code is stale: run go generate),
// and each async function that its source's generated file does not
// know yet. The same check runs in test binaries (rt.CheckSource).
func (v *vetter) staleSources() {
	byPath := map[string]*ast.File{}
	for _, f := range v.pass.Files {
		byPath[v.pass.Fset.File(f.Pos()).Name()] = f
	}
	if v.pass.Pkg.Path() != RTPath {
		for path, f := range byPath {
			if _, has := byPath[GeneratedPath(path)]; has || ast.IsGenerated(f) {
				continue
			}
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
					v.report(fd.Name.Pos(), CategoryStale, "%s", MissingGenerationMessage(SourceName(fd), path))
				}
			}
		}
	}
	for _, gen := range v.pass.Files {
		genPath := v.pass.Fset.File(gen.Pos()).Name()
		if !ast.IsGenerated(gen) || !strings.HasSuffix(genPath, "_async.go") && !strings.HasSuffix(genPath, "_async_test.go") {
			continue
		}
		source, recorded, ok := RecordedSources(gen)
		if !ok {
			continue
		}
		srcPath := filepath.Join(filepath.Dir(genPath), source)
		src := byPath[srcPath]
		if src == nil || GeneratedPath(srcPath) != genPath {
			continue
		}
		var content []byte
		for _, d := range src.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !IsAsyncDecl(fd) {
				continue
			}
			name := SourceName(fd)
			rec, ok := recorded[name]
			if !ok {
				v.report(fd.Name.Pos(), CategoryStale, "async function %s is not in %s yet, which was generated before it was marked //async: run go generate",
					name, filepath.Base(genPath))
				continue
			}
			if content == nil {
				var err error
				if content, err = v.pass.ReadFile(srcPath); err != nil {
					return
				}
			}
			start, end := v.pass.Fset.Position(fd.Pos()).Offset, v.pass.Fset.Position(fd.End()).Offset
			if start < 0 || end > len(content) || start > end {
				continue
			}
			if h, n := SourceHash(content[start:end]); h != rec.Hash || n != rec.Len {
				v.report(fd.Name.Pos(), CategoryStale, "async function %s changed since its generated code was written (%s is stale): run go generate",
					name, filepath.Base(genPath))
			}
		}
	}
}

// MissingGenerationMessage says that the async function name of the
// source file path has no generated code, and how to get it.
func MissingGenerationMessage(name, path string) string {
	return fmt.Sprintf("async function %s has no generated code (%s is missing: go generate has not run here, or it failed): add //go:generate go tool asyncgen to the package if it has none and run go generate",
		name, filepath.Base(GeneratedPath(path)))
}

// vetter runs the Analyzer's checks over one package.
type vetter struct {
	pass   *analysis.Pass
	marked map[*types.Func]bool // functions marked //async in this package

	// The file being checked.
	tf     *token.File
	isTest bool
	rtName string // the name rt is imported under in the file, "" when it is not
}

func (v *vetter) file(f *ast.File) {
	v.tf = v.pass.Fset.File(f.Pos())
	v.isTest = strings.HasSuffix(v.tf.Name(), "_test.go")
	v.rtName = ""
	for _, imp := range f.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && path == RTPath {
			v.rtName = "rt"
			if imp.Name != nil {
				v.rtName = imp.Name.Name
			}
			if v.rtName == "_" || v.rtName == "." {
				v.rtName = ""
			}
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if IsAsyncDecl(d) {
				v.asyncDecl(d)
			} else if d.Body != nil {
				v.ordinary(d, d.Body)
			}
		case *ast.GenDecl:
			v.ordinary(nil, d)
		}
	}
	v.durableFrames(f)
}

// DurableFrames, when set, reports what only the generator's layout
// knows of the durable functions of f: the frame fields (variables live
// across an await point, awaited results) that a checkpoint cannot hold,
// positioned as asyncgen reports them. Package transform, which imports
// this one, sets it; cmd/asyncvet links transform in, so that go vet
// reports those errors too. Left nil, only asyncgen reports them.
var DurableFrames func(fset *token.FileSet, f *File) Diagnostics

// durableFrames reports, with DurableFrames, the frame fields of the
// file's durable functions that a checkpoint cannot hold.
func (v *vetter) durableFrames(f *ast.File) {
	if DurableFrames == nil {
		return
	}
	c := v.checker()
	var fns []*Func // every async function of the file, as asyncgen plans their frames
	durable := false
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) && fd.Body != nil {
			if fn := c.asyncFunc(fd); fn != nil {
				fns = append(fns, fn)
				durable = durable || fn.Durable
			}
		}
	}
	if !durable {
		return
	}
	file := &File{Path: v.tf.Name(), GenPath: GeneratedPath(v.tf.Name()), Syntax: f, PkgFiles: v.pass.Files,
		Pkg: v.pass.Pkg, Info: v.pass.TypesInfo, Funcs: fns}
	for _, d := range DurableFrames(v.pass.Fset, file) {
		if d.Pos.Filename == v.tf.Name() && d.Pos.Offset >= 0 && d.Pos.Offset <= v.tf.Size() {
			v.report(v.tf.Pos(d.Pos.Offset), CategoryGenerate, "%s", d.Message)
		}
	}
}

func (v *vetter) report(pos token.Pos, category, format string, args ...any) {
	v.pass.Report(analysis.Diagnostic{Pos: pos, Category: category, Message: fmt.Sprintf(format, args...)})
}

// reportChecker passes on what the generator's checker found, positioned
// in the file being checked.
func (v *vetter) reportChecker(c *checker, category string, skip map[token.Pos]bool) {
	for _, d := range c.diags {
		pos := v.tf.Pos(d.Pos.Offset)
		if !skip[pos] {
			v.report(pos, category, "%s", d.Message)
		}
	}
}

func (v *vetter) checker() *checker {
	return &checker{fset: v.pass.Fset, info: v.pass.TypesInfo, pkg: v.pass.Pkg, files: v.pass.Files, extern: v.importedNatural}
}

// isAsync reports whether fn is an async function (rt.Await aside).
func (v *vetter) isAsync(fn *types.Func) bool {
	if fn == nil || isRTFunc(fn, "Await") {
		return false
	}
	return v.marked[fn.Origin()] || Companion(fn) != nil
}

// ordinary checks code that is not async: the body of an ordinary function
// (caller), or a package-level declaration (caller nil).
func (v *vetter) ordinary(caller *ast.FuncDecl, root ast.Node) {
	launched := map[*ast.CallExpr]bool{}
	v.inspect(root, false, func(n ast.Node, inLit bool) {
		switch n := n.(type) {
		case *ast.GoStmt:
			launched[n.Call] = true
			v.goStmt(n, false)
		case *ast.RangeStmt:
			if IsGenType(v.pass.TypesInfo.TypeOf(n.X)) && v.pass.Pkg.Path() != RTPath && !v.isTest {
				v.report(n.Pos(), CategoryNaturalCall, "range over an async generator from ordinary code runs it as a plain iterator whose awaits block: range over it in an async function, run with rt.Run")
			}
		case *ast.CallExpr:
			if launched[n] {
				break
			}
			fn := CalledFunc(v.pass.TypesInfo, n)
			if isRTFunc(fn, "Await") {
				if !v.naturalCallReported(fn) {
					break // rt's own tests exercise the natural form
				}
				d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: CategoryAwaitOutside,
					Message: "rt.Await outside an async function: mark the enclosing function //async, or use rt.Run to run a coroutine from ordinary code"}
				if !inLit {
					d.SuggestedFixes = v.markFix(caller)
				}
				v.pass.Report(d)
			} else if v.isAsync(fn) && v.naturalCallReported(fn) {
				fixCaller := caller
				if inLit {
					fixCaller = nil
				}
				v.naturalCall(n, fn, fixCaller)
			}
		}
		v.neverAwaited(n, false)
	})
}

// inspect walks root in depth-first order like ast.Inspect, telling f
// whether n is inside a function literal, which may run anywhere. With
// async set, the literal of an async closure (rt.Func) is async code like
// the function around it, not such a literal.
func (v *vetter) inspect(root ast.Node, async bool, f func(n ast.Node, inLit bool)) {
	var opened []bool // for each node on the path: whether it opened a literal
	depth := 0
	closures := map[*ast.FuncLit]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			if opened[len(opened)-1] {
				depth--
			}
			opened = opened[:len(opened)-1]
			return true
		}
		if call, ok := n.(*ast.CallExpr); ok && async {
			if lit, ok := IsRTFuncLit(v.pass.TypesInfo, call); ok {
				closures[lit] = true
			}
		}
		f(n, depth > 0)
		lit, ok := n.(*ast.FuncLit)
		open := ok && !closures[lit]
		if open {
			depth++
		}
		opened = append(opened, open)
		return true
	})
}

// naturalCallReported reports whether a call of fn from ordinary code in
// this file is worth a natural-call diagnostic. Inside rt, natural forms call
// each other by design; the tests of fn's own package run natural forms on
// purpose, as the plain-Go oracle the generated code is compared with.
func (v *vetter) naturalCallReported(fn *types.Func) bool {
	here := v.pass.Pkg.Path()
	if here == RTPath {
		return false
	}
	if v.isTest && fn.Pkg() != nil && (fn.Pkg().Path() == here || fn.Pkg().Path()+"_test" == here) {
		return false
	}
	return true
}

func (v *vetter) naturalCall(call *ast.CallExpr, fn *types.Func, caller *ast.FuncDecl) {
	if isRTFunc(fn, "Spawn") {
		v.report(call.Pos(), CategoryNaturalCall, "rt.Spawn from ordinary code panics, since no loop runs there: start a loop with rt.Run and spawn from an async function")
		return
	}
	kind := "function"
	if fn.Type().(*types.Signature).Recv() != nil {
		kind = "method"
	}
	name, comp := companionText(call.Fun)
	d := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: CategoryNaturalCall,
		Message: fmt.Sprintf("call of async %s %s from ordinary code runs it as blocking plain Go: use rt.Run(%s(...)) or mark the caller //async",
			kind, name, comp),
	}
	d.SuggestedFixes = v.markFix(caller)
	v.pass.Report(d)
}

// markFix returns the fix that marks the ordinary function caller //async,
// or nil when that would not make sense.
func (v *vetter) markFix(caller *ast.FuncDecl) []analysis.SuggestedFix {
	if caller == nil || !v.markable(caller) {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Mark " + caller.Name.Name + " //async",
		TextEdits: []analysis.TextEdit{{Pos: caller.Pos(), End: caller.Pos(), NewText: []byte("//async\n")}},
	}}
}

// markable reports whether marking the ordinary function d //async is a
// sensible fix: not an entry point that Go calls as plain code, and with a
// result shape a coroutine can carry.
func (v *vetter) markable(d *ast.FuncDecl) bool {
	name := d.Name.Name
	if d.Recv == nil && (name == "main" || name == "init") {
		return false
	}
	if v.isTest {
		for _, p := range []string{"Test", "Benchmark", "Example", "Fuzz"} {
			if strings.HasPrefix(name, p) {
				return false
			}
		}
	}
	obj, ok := v.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok {
		return false
	}
	_, ok = ShapeOf(obj.Type().(*types.Signature).Results())
	return ok
}

// companionText returns how the called function reads in the source and how
// its companion would: size and sizeAsync, crawl.Size and crawl.SizeAsync,
// s.Get and s.GetAsync, pick and pickAsync[int].
func companionText(fun ast.Expr) (name, comp string) {
	fun = ast.Unparen(fun)
	var index string
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun, index = f.X, "["+types.ExprString(f.Index)+"]"
	case *ast.IndexListExpr:
		var args []string
		for _, x := range f.Indices {
			args = append(args, types.ExprString(x))
		}
		fun, index = f.X, "["+strings.Join(args, ", ")+"]"
	}
	name = types.ExprString(fun)
	return name, name + CompanionSuffix + index
}

// goStmt reports a go statement that launches an async function, in the
// generator's words.
func (v *vetter) goStmt(g *ast.GoStmt, inAsync bool) {
	c := v.checker()
	c.goStmt(g)
	for _, d := range c.diags {
		diag := analysis.Diagnostic{Pos: v.tf.Pos(d.Pos.Offset), Category: CategoryGoAsync, Message: d.Message}
		if inAsync {
			diag.SuggestedFixes = v.spawnFix(g)
		}
		v.pass.Report(diag)
	}
}

// spawnFix returns the fix that turns go f(x), in an async function, into
// rt.Spawn(fAsync(x)): a task instead of a goroutine.
func (v *vetter) spawnFix(g *ast.GoStmt) []analysis.SuggestedFix {
	fn := CalledFunc(v.pass.TypesInfo, g.Call)
	if v.rtName == "" || fn == nil || isRTFunc(fn, "Await") || !v.isAsync(fn) {
		return nil
	}
	name := calleeName(g.Call.Fun)
	if name == nil {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: "Spawn " + name.Name + " as a task",
		TextEdits: []analysis.TextEdit{
			{Pos: g.Go, End: g.Call.Pos(), NewText: []byte(v.rtName + ".Spawn(")},
			{Pos: name.End(), End: name.End(), NewText: []byte(CompanionSuffix)},
			{Pos: g.Call.End(), End: g.Call.End(), NewText: []byte(")")},
		},
	}}
}

// calleeName returns the identifier that names the called function in fun
// (f, pkg.F, x.M, f[int]), or nil.
func calleeName(fun ast.Expr) *ast.Ident {
	fun = ast.Unparen(fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// neverAwaited reports a coroutine that is made and dropped at once: a
// statement FAsync(...), _ = FAsync(...), var _ = FAsync(...), and go or
// defer FAsync(...).
//
// In an async function, a statement FAsync(...) most likely meant to await
// F (Python's forgotten await): the suggested fix calls F(...) instead, an
// await point.
func (v *vetter) neverAwaited(n ast.Node, inAsync bool) {
	var dropped []ast.Expr
	stmt := false
	switch n := n.(type) {
	case *ast.ExprStmt:
		dropped, stmt = []ast.Expr{n.X}, true
	case *ast.GoStmt:
		dropped = []ast.Expr{n.Call}
	case *ast.DeferStmt:
		dropped = []ast.Expr{n.Call}
	case *ast.AssignStmt:
		if allBlank(n.Lhs) {
			dropped = n.Rhs
		}
	case *ast.ValueSpec:
		if allBlank(identExprs(n.Names)) {
			dropped = n.Values
		}
	}
	for _, e := range dropped {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := CalledFunc(v.pass.TypesInfo, call)
		if fn == nil || (Natural(fn) == nil && !isRTGather(fn) && !isRTFunc(fn, "Func")) {
			continue
		}
		name, _ := companionText(call.Fun)
		d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: CategoryNeverAwaited,
			Message: fmt.Sprintf("coroutine %s(...) is never awaited, so it never runs: await it with rt.Await, start it with rt.Spawn or rt.Run, or pass it to rt.Gather", name)}
		if nat := Natural(fn); stmt && inAsync && nat != nil {
			if id := calleeName(call.Fun); id != nil && id.Name == fn.Name() {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "Await it: call " + nat.Name(),
					TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte(nat.Name())}},
				}}
			}
		}
		v.pass.Report(d)
	}
}

// isRTGather reports whether fn is one of rt's gathers: Gather, GatherAll,
// Gather2 to Gather5, whose awaitable is cold like a coroutine.
func isRTGather(fn *types.Func) bool {
	for _, name := range []string{"Gather", "GatherAll", "Gather2", "Gather3", "Gather4", "Gather5"} {
		if isRTFunc(fn, name) {
			return true
		}
	}
	return false
}

func allBlank(xs []ast.Expr) bool {
	for _, x := range xs {
		if id, ok := x.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return len(xs) > 0
}

func identExprs(ids []*ast.Ident) []ast.Expr {
	xs := make([]ast.Expr, len(ids))
	for i, id := range ids {
		xs[i] = id
	}
	return xs
}

// asyncDecl checks an async function: what the generator rejects in it, go
// statements, dropped coroutines and errors, and blocking operations.
func (v *vetter) asyncDecl(d *ast.FuncDecl) {
	// The generator's own checks; go statements are reported below with
	// their own category.
	gos := map[token.Pos]bool{}
	ast.Inspect(d, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok {
			gos[g.Pos()] = true
		}
		return true
	})
	c := v.checker()
	c.asyncFunc(d)
	v.reportChecker(c, CategoryGenerate, gos)
	if d.Body == nil {
		return
	}

	v.inspect(d.Body, true, func(n ast.Node, inLit bool) {
		switch n := n.(type) {
		case *ast.GoStmt:
			v.goStmt(n, !inLit)
		case *ast.ExprStmt:
			if !inLit {
				v.droppedError(n)
			}
		}
		v.neverAwaited(n, !inLit)
	})

	for _, u := range blockingUses(v.pass.TypesInfo, v.pass.Pkg, d.Body) {
		diag := analysis.Diagnostic{Pos: u.Pos, Category: CategoryBlocking, Message: u.Message}
		if u.Sleep != nil && v.rtName != "" {
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Use " + v.rtName + ".Sleep",
				TextEdits: []analysis.TextEdit{{Pos: u.Sleep.Fun.Pos(), End: u.Sleep.Fun.End(), NewText: []byte(v.rtName + ".Sleep")}},
			}}
		}
		v.pass.Report(diag)
	}
}

// droppedError reports an await point used as a statement whose error result
// is thrown away with its value.
func (v *vetter) droppedError(s *ast.ExprStmt) {
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	if !ok {
		return
	}
	fn := CalledFunc(v.pass.TypesInfo, call)
	explicit := isRTFunc(fn, "Await")
	if !explicit && !v.isAsync(fn) {
		return
	}
	tv, ok := v.pass.TypesInfo.Types[call]
	if !ok {
		return
	}
	results, ok := tv.Type.(*types.Tuple)
	if !ok {
		results = types.NewTuple(types.NewVar(token.NoPos, nil, "", tv.Type))
	}
	if shape, ok := ShapeOf(results); !ok || !shape.HasErr {
		return
	}
	if explicit {
		v.report(call.Pos(), CategoryDroppedError, "result of rt.Await is discarded with its error, so a failed or panicked coroutine goes unnoticed: check the error, or assign the results to _ to drop them on purpose")
		return
	}
	name, _ := companionText(call.Fun)
	v.report(call.Pos(), CategoryDroppedError, "error returned by async function %s is discarded: check it, or assign it to _ to drop it on purpose", name)
}
