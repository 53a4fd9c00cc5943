package transform

import (
	"fmt"
	"go/token"
	"runtime/debug"

	"github.com/asyncgen/asyncgen/analyze"
)

// The generator never crashes on its input: a panic in a pass is a bug in
// asyncgen, and it becomes a positioned "internal error" diagnostic (which,
// like every error, stops anything from being written) instead of taking
// the command down.

// functionSafely is emitter.function with a panic turned into an internal
// error at the async function's name.
func (e *emitter) functionSafely(fn *analyze.Func) {
	defer func() {
		if r := recover(); r != nil {
			pos := e.fset.Position(fn.Decl.Name.Pos())
			d := analyze.InternalError(pos, fmt.Sprintf("generating %s", fn.Decl.Name.Name), r, debug.Stack())
			e.errs = append(e.errs, &posError{pos: fn.Decl.Name.Pos(), msg: d.Message})
		}
	}()
	e.function(fn)
}

// fileSafely is File with a panic anywhere (rendering, formatting) turned
// into an internal error at the file's package clause.
func fileSafely(fset *token.FileSet, f *analyze.File, plan *embedPlan) (out []byte, diags analyze.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			out = nil
			diags = analyze.Diagnostics{analyze.InternalError(fset.Position(f.Syntax.Package), "generating "+f.Syntax.Name.Name, r, debug.Stack())}
		}
	}()
	return file(fset, f, plan)
}
