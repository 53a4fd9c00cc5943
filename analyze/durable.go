package analyze

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Durable functions (issue 15).
//
// A function whose marker line reads //async durable (gofmt may write it
// "// async durable") is durable: its frame can be checkpointed by the
// runtime package rt/durable, encoded by codecs the generator emits, and
// resumed in another process. The checks here are those the analyzer can
// make from the source alone; the frame's fields, which only the
// generator's layout knows, are checked by transform (durable.go there):
//
//   - every await point is a call of a durable function (of this package
//     or another), of durable.Checkpoint, durable.Step or durable.Sleep, or
//     rt.Await of a durable function's companion: anything else must be
//     wrapped in durable.Step, whose result is recorded;
//   - the names given to Checkpoint, Step and Sleep are constant strings,
//     unique in the function per kind: they identify resume points across
//     builds (see the fingerprints in rt/durable);
//   - no defer, no async closures, no generators, no type parameters;
//   - no &x of a variable of the function: a pointer into a frame cannot
//     be restored (allocate with new or &T{} instead).

// DurablePath is the import path of the durable runtime package.
const DurablePath = RTPath + "/durable"

// IsDurableDecl reports whether fn carries the //async durable marker.
func IsDurableDecl(fn *ast.FuncDecl) bool {
	c := markerComment(fn)
	return c != nil && isDurableMarker(c.Text)
}

func isDurableMarker(text string) bool {
	w := strings.Fields(strings.TrimPrefix(text, "//"))
	return len(w) == 2 && w[0] == "async" && w[1] == "durable"
}

// durableOps are the async functions of rt/durable a durable function may
// await, and what the resume point of each is called.
var durableOps = map[string]string{"Checkpoint": "checkpoint", "Step": "step", "Sleep": "sleep"}

// DurableOp returns "checkpoint", "step" or "sleep" when fn is that
// function of rt/durable, else "".
func DurableOp(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != DurablePath {
		return ""
	}
	if fn.Type().(*types.Signature).Recv() != nil {
		return ""
	}
	return durableOps[fn.Name()]
}

// IsDurableFunc reports whether fn (a function or method, of any package
// whose sources are on disk) is marked //async durable.
func IsDurableFunc(fset *token.FileSet, fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return durableAt(fset.Position(fn.Pos()), fn.Name())
}

var durableMarked struct {
	sync.Mutex
	files map[string]durableLines
}

// durableLines are the durable functions of a file by line, as of the
// file's modification time and size (a tool or test that edits and
// regenerates in one process must not see stale lines).
type durableLines struct {
	mod   time.Time
	size  int64
	lines map[int]string
}

// durableAt reports whether the function declared at pos is marked //async
// durable, reading its file (cached).
func durableAt(pos token.Position, name string) bool {
	if !pos.IsValid() || !strings.HasSuffix(pos.Filename, ".go") {
		return false
	}
	durableMarked.Lock()
	defer durableMarked.Unlock()
	if durableMarked.files == nil {
		durableMarked.files = map[string]durableLines{}
	}
	st, err := os.Stat(pos.Filename)
	if err != nil {
		return false
	}
	cached, ok := durableMarked.files[pos.Filename]
	lines := cached.lines
	if !ok || !cached.mod.Equal(st.ModTime()) || cached.size != st.Size() {
		lines = map[int]string{}
		fset := token.NewFileSet()
		if f, err := parser.ParseFile(fset, pos.Filename, nil, parser.ParseComments|parser.SkipObjectResolution); err == nil {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && IsDurableDecl(fd) {
					lines[fset.Position(fd.Name.Pos()).Line] = fd.Name.Name
				}
			}
		}
		durableMarked.files[pos.Filename] = durableLines{mod: st.ModTime(), size: st.Size(), lines: lines}
	}
	return lines[pos.Line] == name
}

// durable checks a durable function's body.
func (c *checker) durable(fn *Func) {
	d := fn.Decl
	name := d.Name.Name
	if fn.Gen != nil {
		c.errorf(d.Name.Pos(), "durable function %s is an async generator: a generator's frame is driven by its consumer and cannot be checkpointed", name)
	}
	if fn.Sig.TypeParams().Len() > 0 || fn.Sig.RecvTypeParams().Len() > 0 {
		c.errorf(d.Name.Pos(), "durable function %s has type parameters: its frame's codec must know every type; write a durable function per type", name)
	}
	if len(fn.Closures) > 0 {
		c.errorf(fn.Closures[0].Lit.Pos(), "durable function %s holds an async closure (rt.Func): closures cannot be checkpointed; make it a durable function", name)
	}
	// Every variable of the function, not of a function literal in it: &x
	// of one is a pointer into a frame.
	var lits []*ast.FuncLit
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			lits = append(lits, lit)
		}
		return true
	})
	local := func(v *types.Var) bool {
		if v == nil || v.IsField() || v.Pos() < d.Pos() || v.Pos() >= d.End() {
			return false
		}
		for _, lit := range lits {
			if v.Pos() >= lit.Pos() && v.Pos() < lit.End() {
				return false
			}
		}
		return true
	}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			c.errorf(n.Defer, "defer in durable function %s: deferred calls cannot be checkpointed (they would run in one process and not in the one that resumes); call the cleanup explicitly", name)
		case *ast.UnaryExpr:
			if n.Op != token.AND {
				break
			}
			if v := addressedVar(c.info, n.X); local(v) {
				c.errorf(n.OpPos, "&%s in durable function %s: a pointer into the frame (variable %s) cannot be restored from a checkpoint; allocate the value with new or &T{...} and keep the pointer instead", types.ExprString(n.X), name, v.Name())
			}
		}
		return true
	})
	c.durableHandOff(fn)
	calls := make([]*ast.CallExpr, 0, len(fn.Awaits))
	for call := range fn.Awaits {
		calls = append(calls, call)
	}
	sort.Slice(calls, func(i, j int) bool { return calls[i].Pos() < calls[j].Pos() })
	seen := map[string]token.Pos{}
	for _, call := range calls {
		c.durableAwait(fn, call, fn.Awaits[call], seen)
	}
}

// durableHandOff reports the coroutines of durable functions that a
// durable function makes and hands on instead of awaiting (rt.Spawn,
// rt.Gather, a task group, a variable): run as a task of its own, such a
// coroutine is no frame of the run, and its checkpoints would not be
// part of the run's snapshot. Awaited (rt.Await(FAsync(...)), or F(...))
// it is; passed to durable.Start it is a run of its own.
func (c *checker) durableHandOff(fn *Func) {
	ok := map[*ast.CallExpr]bool{}
	ast.Inspect(fn.Decl.Body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall {
			return true
		}
		callee := CalledFunc(c.info, call)
		if callee == nil || callee.Pkg() == nil {
			return true
		}
		arg := -1
		switch {
		case callee.Pkg().Path() == RTPath && (callee.Name() == "Await" || callee.Name() == "AwaitAsync"):
			arg = 0
		case callee.Pkg().Path() == DurablePath && callee.Name() == "Start":
			arg = 2
		}
		if arg >= 0 && arg < len(call.Args) {
			if inner, isCall := ast.Unparen(call.Args[arg]).(*ast.CallExpr); isCall {
				ok[inner] = true
			}
		}
		return true
	})
	ast.Inspect(fn.Decl.Body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall || ok[call] {
			return true
		}
		callee := CalledFunc(c.info, call)
		if callee == nil || !strings.HasSuffix(callee.Name(), CompanionSuffix) {
			return true
		}
		if nat := NaturalOf(callee); nat != nil && IsDurableFunc(c.fset, nat) {
			c.errorf(call.Pos(), "durable function %s hands on the coroutine of durable function %s instead of awaiting it: handed on (spawned, gathered, returned to a step), it is no frame of this run and its checkpoints would not be saved; await it (%s(...)), or start a run of its own with durable.Start", fn.Decl.Name.Name, nat.Name(), nat.Name())
		}
		return true
	})
}

// addressedVar returns the variable whose storage &x points into: x, x.f
// (a struct field, not through a pointer), x[i] (an array element).
func addressedVar(info *types.Info, x ast.Expr) *types.Var {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			return v
		case *ast.SelectorExpr:
			sel := info.Selections[e]
			if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
				return nil
			}
			if _, ptr := info.TypeOf(e.X).Underlying().(*types.Pointer); ptr {
				return nil
			}
			x = e.X
		case *ast.IndexExpr:
			if _, ok := info.TypeOf(e.X).Underlying().(*types.Array); !ok {
				return nil
			}
			x = e.X
		default:
			return nil
		}
	}
}

func (c *checker) durableAwait(fn *Func, call *ast.CallExpr, aw *Await, seen map[string]token.Pos) {
	name := fn.Decl.Name.Name
	if aw.Yield {
		return // reported as a generator
	}
	if aw.Explicit {
		inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
		if ok {
			if callee := CalledFunc(c.info, inner); callee != nil && strings.HasSuffix(callee.Name(), CompanionSuffix) {
				if nat := NaturalOf(callee); nat != nil && IsDurableFunc(c.fset, nat) {
					return
				}
			}
		}
		c.errorf(call.Pos(), "durable function %s awaits %s, which is not the coroutine of a durable function: its progress cannot be checkpointed; wrap it in durable.Step (whose result is recorded) or await a durable function", name, types.ExprString(call.Args[0]))
		return
	}
	callee := aw.Callee
	if op := DurableOp(callee); op != "" {
		if len(call.Args) == 0 {
			return // does not type-check
		}
		arg := call.Args[0]
		tv, ok := c.info.Types[arg]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			c.errorf(arg.Pos(), "the name of durable.%s in durable function %s must be a constant string: it identifies the resume point across builds", callee.Name(), name)
			return
		}
		if strings.ContainsFunc(constant.StringVal(tv.Value), func(r rune) bool { return r < ' ' || r == 0x7f }) || strings.TrimSpace(constant.StringVal(tv.Value)) != constant.StringVal(tv.Value) || constant.StringVal(tv.Value) == "" {
			c.errorf(arg.Pos(), "the name of durable.%s in durable function %s must be non-empty, without control characters or surrounding spaces: it is written in durable.lock", callee.Name(), name)
			return
		}
		id := op + ":" + constant.StringVal(tv.Value)
		if prev, dup := seen[id]; dup {
			first := c.fset.Position(prev)
			c.errorf(arg.Pos(), "durable.%s name %s is used twice in durable function %s (first at %s:%d:%d): each names one resume point", callee.Name(), tv.Value.ExactString(), name, filepath.Base(first.Filename), first.Line, first.Column)
			return
		}
		seen[id] = arg.Pos()
		return
	}
	if IsDurableFunc(c.fset, callee) {
		return
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == RTPath && callee.Name() == "Sleep" {
		c.errorf(call.Pos(), "durable function %s awaits rt.Sleep, whose wait is lost with its process: use durable.Sleep(name, d), which checkpoints its wake time", name)
		return
	}
	what := "rt." + callee.Name()
	if callee.Pkg() == nil || callee.Pkg().Path() != RTPath {
		what = callee.Name()
		if callee.Pkg() != nil && callee.Pkg() != c.pkg {
			what = callee.Pkg().Name() + "." + callee.Name()
		}
	}
	c.errorf(call.Pos(), "durable function %s awaits %s, which is not durable: mark it //async durable, or wrap the call in durable.Step (its result is recorded and never re-run after a resume)", name, what)
}

// NaturalOf returns F for the companion FAsync, or the method M for the
// companion method MAsync, or nil.
func NaturalOf(comp *types.Func) *types.Func {
	if comp == nil || comp.Pkg() == nil || !strings.HasSuffix(comp.Name(), CompanionSuffix) {
		return nil
	}
	name := strings.TrimSuffix(comp.Name(), CompanionSuffix)
	recv := comp.Type().(*types.Signature).Recv()
	if recv == nil {
		f, _ := comp.Pkg().Scope().Lookup(name).(*types.Func)
		return f
	}
	obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, comp.Pkg(), name)
	f, _ := obj.(*types.Func)
	return f
}
