package analyze

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"sync"
)

// Func is one async function or method.
type Func struct {
	Decl *ast.FuncDecl
	Obj  *types.Func
	Sig  *types.Signature
	// Shape is the natural function's result shape.
	Shape Shape
	// Awaits are the await points in the body, by call expression.
	Awaits map[*ast.CallExpr]*Await
	// Gen is set when the function is an async generator (agen.go).
	Gen *Gen

	// Async closures: the function literals passed to rt.Func inside an
	// async function's body, which may hold await points. A closure is a
	// Func with Lit set, Obj nil, and a Decl made up for its literal (named
	// after it, with its type and body).
	Lit *ast.FuncLit
	// Parent is the function whose body holds the closure.
	Parent *Func
	// Closures are the async closures in this function's body (not those
	// nested in them), in source order.
	Closures []*Func
	// Captures are the variables of the enclosing functions that the
	// closure (or a closure nested in it) uses, in order of first use.
	Captures []*types.Var
	// Durable is set for a function marked //async durable (durable.go).
	Durable bool
}

// Top returns the declared async function that holds fn.
func (fn *Func) Top() *Func {
	for fn.Parent != nil {
		fn = fn.Parent
	}
	return fn
}

// IsRTFuncLit reports whether call is rt.Func(func literal) and returns
// the literal.
func IsRTFuncLit(info *types.Info, call *ast.CallExpr) (*ast.FuncLit, bool) {
	fn := CalledFunc(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != RTPath || fn.Name() != "Func" || len(call.Args) != 1 {
		return nil, false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit)
	return lit, ok
}

// Shape describes how a natural result list maps onto (T, error).
type Shape struct {
	T        types.Type // the coroutine's value type; struct{} when there is none
	HasValue bool       // the natural results start with a value V (or, for a tuple, with Vals)
	HasErr   bool       // the natural results end with an error
	// Vals are the values of a tuple shape, the results before a trailing
	// error when there are two or more of them (at most MaxTupleValues);
	// T is then rt.TupleN instantiated with them (ShapeFor). Nil for the
	// other shapes.
	Vals []types.Type
}

// MaxTupleValues is the most values an async function can return besides a
// trailing error: rt has Tuple2 through Tuple8.
const MaxTupleValues = 8

// Tuple reports whether the shape carries its values in an rt.TupleN.
func (s Shape) Tuple() bool { return len(s.Vals) > 0 }

// NumResults is the number of natural results.
func (s Shape) NumResults() int {
	n := len(s.Vals)
	if s.HasValue && n == 0 {
		n++
	}
	if s.HasErr {
		n++
	}
	return n
}

// Await is one await point: a call to an async function, or rt.Await(x).
type Await struct {
	Call *ast.CallExpr
	// Explicit is set for rt.Await(x); Call.Args[0] is the awaitable.
	Explicit bool
	// Callee is the natural function called (for an implicit await).
	Callee *types.Func
	// Companion is the FAsync (or method MAsync) that makes the coroutine.
	Companion *types.Func
	Shape     Shape
	// Yield is set for a call of an async generator's yield (agen.go).
	Yield bool
}

var errorType = types.Universe.Lookup("error").Type()

// ShapeOf classifies a result tuple: (), (error), (V) and (V, error) as they
// are; any other list is a tuple shape, its values being the results before
// a trailing error. It reports false for more than MaxTupleValues values.
// The T of a tuple shape is nil: ShapeFor resolves it.
func ShapeOf(results *types.Tuple) (Shape, bool) {
	isErr := func(t types.Type) bool { return types.Identical(t, errorType) }
	empty := types.NewStruct(nil, nil)
	n := results.Len()
	switch {
	case n == 0:
		return Shape{T: empty}, true
	case n == 1 && isErr(results.At(0).Type()):
		return Shape{T: empty, HasErr: true}, true
	case n == 1:
		return Shape{T: results.At(0).Type(), HasValue: true}, true
	case n == 2 && isErr(results.At(1).Type()):
		return Shape{T: results.At(0).Type(), HasValue: true, HasErr: true}, true
	}
	s := Shape{HasValue: true}
	if isErr(results.At(n - 1).Type()) {
		s.HasErr = true
		n--
	}
	if n > MaxTupleValues {
		return Shape{}, false
	}
	for i := 0; i < n; i++ {
		s.Vals = append(s.Vals, results.At(i).Type())
	}
	return s, true
}

// ShapeFor is ShapeOf with the T of a tuple shape resolved: rt.TupleN of
// its values, rt being found among the packages pkg imports (directly or
// not; a package with async functions always reaches rt). It reports false
// when ShapeOf does or rt has no such tuple type.
func ShapeFor(results *types.Tuple, pkg *types.Package) (Shape, bool) {
	s, ok := ShapeOf(results)
	if !ok || !s.Tuple() {
		return s, ok
	}
	t := TupleType(pkg, s.Vals)
	if t == nil {
		return Shape{}, false
	}
	s.T = t
	return s, true
}

// TupleType returns rt.TupleN[vals...], with N = len(vals), or nil when pkg
// does not reach rt or rt has no such type.
func TupleType(pkg *types.Package, vals []types.Type) types.Type {
	rtPkg := findRT(pkg)
	if rtPkg == nil {
		return nil
	}
	obj, _ := rtPkg.Scope().Lookup(fmt.Sprintf("Tuple%d", len(vals))).(*types.TypeName)
	if obj == nil {
		return nil
	}
	t, err := types.Instantiate(nil, obj.Type(), vals, false)
	if err != nil {
		return nil
	}
	return t
}

// findRT returns the rt package as pkg sees it: pkg itself or one of the
// packages it imports, directly or not.
func findRT(pkg *types.Package) *types.Package {
	if pkg == nil {
		return nil
	}
	seen := map[*types.Package]bool{}
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.Path() == RTPath {
			return p
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

type checker struct {
	fset  *token.FileSet
	info  *types.Info
	pkg   *types.Package
	diags Diagnostics
	// called holds the names that are the function of a call (f of f(x),
	// s.M of s.M(), the M of s.M), which funcValue leaves alone.
	called map[ast.Expr]bool
	// files are the package's files, in which plainNatural looks for the
	// bodies of the plain functions that async code calls (nil: none).
	files []*ast.File
	// decls and naturals are plainNaturalKey's indexes, built lazily.
	decls    map[string]*ast.FuncDecl
	naturals map[string]*naturalUse
	// extern finds what a plain function of another package of the module
	// calls of rt's async functions (nil: not looked for).
	extern func(fn *types.Func) *naturalUse
}

func (c *checker) errorf(pos token.Pos, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Pos: c.fset.Position(pos), Message: fmt.Sprintf(format, args...)})
}

func (c *checker) warnf(pos token.Pos, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Pos: c.fset.Position(pos), Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// analyzeFile finds the async functions of f, their await points, and every
// misuse in the file.
func analyzeFile(fset *token.FileSet, f *File) Diagnostics {
	c := &checker{fset: fset, info: f.Info, pkg: f.Pkg, files: f.PkgFiles, extern: f.natural.lookup}
	if c.files == nil {
		c.files = []*ast.File{f.Syntax}
	}
	for _, d := range f.Syntax.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if IsAsyncDecl(d) {
				if fn := c.asyncFunc(d); fn != nil {
					f.Funcs = append(f.Funcs, fn)
					c.warnBlocking(d)
				}
			} else if d.Body != nil {
				c.ordinary(d.Body)
			}
		case *ast.GenDecl:
			c.ordinary(d)
		}
	}
	c.jobTypes(f.Syntax)
	return c.diags
}

// CheckFile reports misuse in a file without async functions: rt.Await in
// ordinary code, go statements that launch async functions, and
// ajobs.Define calls whose types cannot be encoded.
func CheckFile(fset *token.FileSet, file *ast.File, pkg *types.Package, info *types.Info) Diagnostics {
	c := &checker{fset: fset, info: info, pkg: pkg}
	c.ordinary(file)
	c.jobTypes(file)
	return c.diags
}

// ordinary checks code that is not async.
func (c *checker) ordinary(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if c.isRTAwait(n) {
				c.errorf(n.Pos(), "rt.Await outside an async function: mark the enclosing function //async, or use rt.Run to run a coroutine from ordinary code")
			}
		case *ast.GoStmt:
			c.goStmt(n)
		}
		return true
	})
}

func (c *checker) goStmt(g *ast.GoStmt) {
	a := c.awaitOf(g.Call)
	switch {
	case a == nil:
	case a.Explicit:
		c.errorf(g.Pos(), "go statement runs rt.Await on a new goroutine, which cannot await: use rt.Spawn(x) from async code to run the awaitable x as a task")
	default:
		name := c.describe(a)
		c.errorf(g.Pos(), "go statement launches async function %s: use rt.Spawn(%s(...)) from async code; a goroutine cannot run a coroutine", name, name+CompanionSuffix)
	}
}

func (c *checker) asyncFunc(d *ast.FuncDecl) *Func {
	obj, _ := c.info.Defs[d.Name].(*types.Func)
	if obj == nil {
		return nil
	}
	if d.Body == nil {
		c.errorf(d.Name.Pos(), "async function %s has no body", d.Name.Name)
		return nil
	}
	if d.Recv == nil && (d.Name.Name == "init" || d.Name.Name == "_") {
		c.errorf(d.Name.Pos(), "%s cannot be async: nothing can call its companion; remove the //async marker", d.Name.Name)
		return nil
	}
	sig := obj.Type().(*types.Signature)
	shape, ok := ShapeFor(sig.Results(), c.pkg)
	if !ok {
		n, tail := sig.Results().Len(), ""
		if types.Identical(sig.Results().At(n-1).Type(), errorType) {
			n, tail = n-1, " besides its trailing error"
		}
		c.errorf(d.Type.Results.Pos(), "async function %s returns %d values%s, and the rt.TupleN its companion yields carries at most %d: group some of them in a struct",
			d.Name.Name, n, tail, MaxTupleValues)
		return nil
	}
	gen, ok := c.generator(d, sig)
	if !ok {
		return nil
	}
	fn := &Func{Decl: d, Obj: obj, Sig: sig, Shape: shape, Awaits: map[*ast.CallExpr]*Await{}, Gen: gen}
	c.checkNames(d)
	c.body(fn, d.Body)
	if IsDurableDecl(d) {
		fn.Durable = true
		c.durable(fn) // durable.go
	}
	return fn
}

// checkNames rejects declarations that use the generator's reserved prefix.
func (c *checker) checkNames(d *ast.FuncDecl) {
	ast.Inspect(d, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, Prefix) {
			if _, def := c.info.Defs[id]; def {
				c.errorf(id.Pos(), "name %s uses the prefix %q that asyncgen reserves for generated names: rename it", id.Name, Prefix)
			}
		}
		return true
	})
}

// body walks an async function's body: it records await points, and the
// async closures (function literals passed to rt.Func) with theirs, and
// reports the await points in other function literals, which cannot
// suspend the function. Every statement can hold an await point; the few
// shapes the generator still cannot lower are reported by it, with their
// position.
func (c *checker) body(fn *Func, body *ast.BlockStmt) {
	c.walk(fn, body, inAsync)
}

// Where walk is: in an async function or closure, or in a function literal
// that is not an async closure (deferred or not).
const (
	inAsync = iota
	inLit
	inDeferredLit
)

// walk records the await points of fn in n.
func (c *checker) walk(fn *Func, n ast.Node, where int) {
	var stack []ast.Node // the enclosing nodes, for genUse
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		if y := c.genUse(fn, n, parent, where != inAsync); y != nil {
			fn.Awaits[y.Call] = y
		}
		if !c.visit(fn, n, where) {
			return false // no children, so no call with nil to pop
		}
		stack = append(stack, n)
		return true
	})
}

// visit records what n is in fn and reports whether walk goes into n.
func (c *checker) visit(fn *Func, n ast.Node, where int) bool {
	switch n := n.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
		if where == inAsync {
			c.funcValue(n.(ast.Expr))
		}
	case *ast.CallExpr:
		c.markCalled(n.Fun)
		if lit, ok := IsRTFuncLit(c.info, n); ok {
			c.walk(fn, n.Fun, where)
			c.closure(fn, lit)
			return false
		}
		a := c.awaitOf(n)
		if a == nil {
			if where == inAsync {
				c.ungeneratedCall(n)
				c.plainNaturalCall(n)
			}
			break
		}
		switch where {
		case inLit:
			c.errorf(n.Pos(), "await of %s inside a function literal, which cannot suspend its async function: move the call out of the literal, or make the literal an async closure, rt.Func(func() (T, error) { ... }), an rt.Awaitable[T] to await, spawn or gather", c.describe(a))
		case inDeferredLit:
			c.errorf(n.Pos(), "await of %s inside a deferred function literal, which cannot suspend its async function: defer an async closure instead, defer rt.Await(rt.Func(func() (struct{}, error) { ... }))", c.describe(a))
		default:
			fn.Awaits[n] = a
		}
	case *ast.DeferStmt:
		if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
			for _, arg := range n.Call.Args {
				c.walk(fn, arg, where)
			}
			inner := inLit
			if where == inAsync {
				inner = inDeferredLit
			}
			c.walk(fn, lit.Body, inner)
			return false
		}
	case *ast.FuncLit:
		c.walk(fn, n.Body, inLit)
		return false
	case *ast.GoStmt:
		c.goStmt(n)
	}
	return true
}

// ungeneratedCall warns about a call, in async code, of another package's
// function that is marked //async but has no companion: that package's
// generated file was never written, so the call runs the natural form.
func (c *checker) ungeneratedCall(call *ast.CallExpr) {
	fn := CalledFunc(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pkg || fn.Pkg().Path() == RTPath || Companion(fn) != nil {
		return
	}
	pos := c.fset.Position(fn.Pos())
	if !markedAt(pos, fn.Name()) {
		return
	}
	name, _ := companionText(call.Fun)
	c.warnf(call.Pos(), "%s is marked //async in package %s, which has no generated code for it (%s is missing), so this call runs its blocking natural form: add //go:generate go tool asyncgen to that package if it has none and run go generate",
		name, fn.Pkg().Path(), filepath.Base(GeneratedPath(pos.Filename)))
}

var marked struct {
	sync.Mutex
	files map[string]map[int]string // file -> line of a //async func -> its name
}

// markedAt reports whether the function declared at pos (in a source file
// outside GOROOT) is marked //async.
func markedAt(pos token.Position, name string) bool {
	if !pos.IsValid() || !strings.HasSuffix(pos.Filename, ".go") {
		return false
	}
	if root := build.Default.GOROOT; root != "" && strings.HasPrefix(pos.Filename, filepath.Clean(root)+string(filepath.Separator)) {
		return false
	}
	marked.Lock()
	defer marked.Unlock()
	if marked.files == nil {
		marked.files = map[string]map[int]string{}
	}
	lines, ok := marked.files[pos.Filename]
	if !ok {
		lines = map[int]string{}
		fset := token.NewFileSet()
		if f, err := parser.ParseFile(fset, pos.Filename, nil, parser.ParseComments|parser.SkipObjectResolution); err == nil {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
					lines[fset.Position(fd.Name.Pos()).Line] = fd.Name.Name
				}
			}
		}
		marked.files[pos.Filename] = lines
	}
	return lines[pos.Line] == name
}

// markCalled records the name that the function of a call reads as (f,
// pkg.F, s.M, through parentheses and instantiation).
func (c *checker) markCalled(fun ast.Expr) {
	if c.called == nil {
		c.called = map[ast.Expr]bool{}
	}
	for {
		c.called[fun] = true
		switch f := fun.(type) {
		case *ast.ParenExpr:
			fun = f.X
			continue
		case *ast.IndexExpr:
			fun = f.X
			continue
		case *ast.IndexListExpr:
			fun = f.X
			continue
		case *ast.SelectorExpr:
			c.called[f.Sel] = true
			if sel, ok := c.info.Selections[f]; ok && sel.Kind() == types.MethodExpr {
				delete(c.called, f) // S.M(s) calls the natural form: funcValue says so
			}
		}
		return
	}
}

// funcValue warns about an async function or method used as a value in
// async code (f := s.M, S.M(s), g := work, rt.Func(work)): called through
// the value, it runs as its natural form, plain blocking Go that holds up
// the loop, where a call s.M() in async code is an await point.
func (c *checker) funcValue(x ast.Expr) {
	if c.called[x] {
		return
	}
	if c.called == nil {
		c.called = map[ast.Expr]bool{}
	}
	var fn *types.Func
	kind := "function value"
	whole := x
	switch ix := x.(type) {
	case *ast.IndexExpr:
		x = ix.X
	case *ast.IndexListExpr:
		x = ix.X
	}
	if whole != x {
		// pick[int]: judged whole, with its instantiation
		if c.called[whole] {
			return
		}
		switch x.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			c.called[x] = true
		default:
			return
		}
	}
	switch x := x.(type) {
	case *ast.Ident:
		fn, _ = c.info.Uses[x].(*types.Func)
	case *ast.SelectorExpr:
		c.called[x.Sel] = true // the selector is judged whole
		if sel, ok := c.info.Selections[x]; ok {
			switch sel.Kind() {
			case types.MethodVal:
				kind = "method value"
			case types.MethodExpr:
				kind = "method expression"
			default:
				return
			}
			fn, _ = sel.Obj().(*types.Func)
		} else {
			fn, _ = c.info.Uses[x.Sel].(*types.Func) // pkg.F
		}
	}
	if fn == nil || Companion(fn) == nil {
		return
	}
	text := types.ExprString(whole)
	_, comp := companionText(whole)
	what := "async function"
	if fn.Type().(*types.Signature).Recv() != nil {
		what = "async method"
	}
	if kind == "method expression" {
		sel := x.(*ast.SelectorExpr)
		c.warnf(x.Pos(), "method expression %s of %s %s runs its natural form, plain blocking Go that holds up the loop: call the method on its receiver, x.%s(...), to await it, or use %s.%s(x, ...), which makes its coroutine",
			text, what, fn.Name(), fn.Name(), types.ExprString(sel.X), fn.Name()+CompanionSuffix)
		return
	}
	c.warnf(x.Pos(), "%s %s of %s %s runs its natural form when called, plain blocking Go that holds up the loop: call %s(...) directly to await it, or use %s, which makes its coroutine",
		kind, text, what, fn.Name(), text, comp)
}

// closure records the async closure lit, the argument of rt.Func in fn.
func (c *checker) closure(parent *Func, lit *ast.FuncLit) {
	sig, _ := c.info.TypeOf(lit).(*types.Signature)
	if sig == nil {
		return
	}
	shape, ok := ShapeOf(sig.Results())
	if !ok {
		return // rt.Func does not type-check
	}
	top := parent.Top()
	name := &ast.Ident{NamePos: lit.Pos(), Name: fmt.Sprintf("%s.func%d", parent.Decl.Name.Name, len(parent.Closures)+1)}
	fn := &Func{
		Decl:   &ast.FuncDecl{Name: name, Type: lit.Type, Body: lit.Body},
		Sig:    sig,
		Shape:  shape,
		Awaits: map[*ast.CallExpr]*Await{},
		Lit:    lit,
		Parent: parent,
	}
	parent.Closures = append(parent.Closures, fn)
	seen := map[*types.Var]bool{}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || seen[v] {
			return true
		}
		inTop := v.Pos() >= top.Decl.Pos() && v.Pos() < top.Decl.End()
		inLit := v.Pos() >= lit.Pos() && v.Pos() < lit.End()
		if inTop && !inLit {
			seen[v] = true
			fn.Captures = append(fn.Captures, v)
		}
		return true
	})
	c.walk(fn, lit.Body, inAsync)
}

// describe names an await point's callee as the user's code would: rt.Await,
// rt.Sleep, work, pkg.Fetch, or the method name.
func (c *checker) describe(a *Await) string {
	if a.Explicit {
		return "rt.Await"
	}
	fn := a.Callee
	if fn.Pkg() != nil && fn.Pkg() != c.pkg && fn.Type().(*types.Signature).Recv() == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func (c *checker) isRTAwait(call *ast.CallExpr) bool {
	fn := CalledFunc(c.info, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == RTPath && fn.Name() == "Await"
}

// awaitOf returns the await point that call is, or nil.
func (c *checker) awaitOf(call *ast.CallExpr) *Await {
	fn := CalledFunc(c.info, call)
	if fn == nil {
		return nil
	}
	tv, ok := c.info.Types[call]
	if !ok {
		return nil
	}
	var results *types.Tuple
	switch t := tv.Type.(type) {
	case *types.Tuple:
		results = t
	default:
		results = types.NewTuple(types.NewVar(token.NoPos, nil, "", t))
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == RTPath && fn.Name() == "Await" {
		shape, _ := ShapeOf(results)
		return &Await{Call: call, Explicit: true, Callee: fn, Shape: shape}
	}
	comp := Companion(fn)
	if comp == nil {
		return nil
	}
	shape, ok := ShapeFor(results, c.pkg)
	if !ok {
		if fn.Pkg() == c.pkg {
			return nil // the error at its declaration says it
		}
		c.errorf(call.Pos(), "%s has a companion %s but returns %d values, more than the rt.TupleN a coroutine yields can carry (%d besides a trailing error)", fn.Name(), comp.Name(), results.Len(), MaxTupleValues)
		return nil
	}
	return &Await{Call: call, Callee: fn, Companion: comp, Shape: shape}
}

// CalledFunc returns the function or method that call calls statically, or nil.
func CalledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(f.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		fn, _ := info.Uses[f].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[f]; ok {
			if sel.Kind() != types.MethodVal {
				return nil
			}
			fn, _ := sel.Obj().(*types.Func)
			return fn
		}
		fn, _ := info.Uses[f.Sel].(*types.Func)
		return fn
	}
	return nil
}

// Companion returns the coroutine companion of fn (FAsync for a function,
// the method MAsync for a method), or nil when fn is not async.
func Companion(fn *types.Func) *types.Func {
	comp := companionNamed(fn)
	if comp == nil {
		return nil
	}
	sig, csig := fn.Type().(*types.Signature), comp.Type().(*types.Signature)
	if csig.Results().Len() != 1 || csig.Params().Len() != sig.Params().Len() || csig.Variadic() != sig.Variadic() {
		return nil
	}
	if !isAwaitable(csig.Results().At(0).Type()) {
		return nil
	}
	return comp
}

// companionNamed returns the function or method that is named like fn's
// companion (FAsync beside F, the method MAsync beside M), whatever its
// signature, or nil.
func companionNamed(fn *types.Func) *types.Func {
	if fn.Pkg() == nil {
		return nil
	}
	name := fn.Name() + CompanionSuffix
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		comp, _ := fn.Pkg().Scope().Lookup(name).(*types.Func)
		return comp
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	named = named.Origin()
	for i := 0; i < named.NumMethods(); i++ {
		if m := named.Method(i); m.Name() == name {
			return m
		}
	}
	return nil
}

// isAwaitable reports whether t has the Awaitable protocol methods.
func isAwaitable(t types.Type) bool {
	ms := types.NewMethodSet(t)
	has := func(name string) bool {
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				return true
			}
		}
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		iface := t.Underlying().(*types.Interface)
		var a, r bool
		for i := 0; i < iface.NumMethods(); i++ {
			a = a || iface.Method(i).Name() == "AwaitStart"
			r = r || iface.Method(i).Name() == "AwaitResult"
		}
		return a && r
	}
	if has("AwaitStart") && has("AwaitResult") {
		return true
	}
	ms = types.NewMethodSet(types.NewPointer(t))
	return has("AwaitStart") && has("AwaitResult")
}
