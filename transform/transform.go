package transform

import (
	"bytes"
	"errors"
	"go/format"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Passes, in order, for each async function (see doc.go):
//
//	flatten  lower.go     control flow that holds await points → labels and jumps
//	         (lower_select.go, lower_goto.go, lower_rangefunc.go, localtypes.go)
//	order    order.go     await points out of expressions, Go's evaluation order kept
//	prune    prune.go     unreachable instructions and unused labels dropped
//	layout   liveness.go  frame fields for what is live across an await; the rest Resume locals
//	emit     emit.go      frame struct, companion, AwaitStart/AwaitResult/Resume via jennifer
//
// An async closure (closure.go: rt.Func(literal)) takes the same passes
// as a function of its own, after the function that holds it.
//
// flatten and order run together, in one walk over the body.

// File generates the companion file for one source file. It returns the
// formatted source, or the positioned diagnostics that stop generation.
//
// The await points of direct calls embed the frames of callees in the same
// file (embed.go); generation of a whole package (Generate) embeds those
// of its other files too.
func File(fset *token.FileSet, f *analyze.File) ([]byte, analyze.Diagnostics) {
	plan := planEmbeds(fset, []*analyze.File{f})[f.Pkg.Path()]
	out, diags := file(fset, f, plan)
	if plan != nil && len(diags) == 0 {
		if diags = plan.durableConflicts(); len(diags) > 0 {
			return nil, diags
		}
	}
	return out, diags
}

func file(fset *token.FileSet, f *analyze.File, plan *embedPlan) ([]byte, analyze.Diagnostics) {
	e := newEmitter(fset, f, plan)
	jf := e.jf
	jf.HeaderComment(analyze.Header)
	if c := buildConstraint(f.Syntax, f.Path); c != "" {
		jf.HeaderComment(c)
	}
	e.predeclaredHidden()
	if len(e.errs) == 0 {
		e.guards(f.Funcs)         // guard.go: the build fails on a stale file
		e.checkMigrationTargets() // durable_migrate.go
		for _, fn := range f.Funcs {
			e.functionSafely(fn)
		}
	}
	var diags analyze.Diagnostics
	for _, err := range e.errs {
		var pe *posError
		if errors.As(err, &pe) {
			pos := fset.Position(pe.pos)
			if !pos.IsValid() {
				pos = fset.Position(f.Syntax.Package)
			}
			diags = append(diags, analyze.Diagnostic{Pos: pos, Message: pe.msg})
			continue
		}
		diags = append(diags, analyze.Diagnostic{Pos: fset.Position(f.Syntax.Package), Message: err.Error()})
	}
	if len(diags) > 0 {
		return nil, diags
	}
	var buf bytes.Buffer
	if err := jf.Render(&buf); err != nil {
		return nil, notFormatted(fset, f, err)
	}
	out, err := format.Source(buf.Bytes())
	if err == nil {
		out, err = pinLines(out, filepath.Base(analyze.GeneratedPath(f.Path)))
	}
	if err != nil {
		return nil, notFormatted(fset, f, err)
	}
	return out, nil
}

// newEmitter makes the emitter of the generated file of f.
func newEmitter(fset *token.FileSet, f *analyze.File, plan *embedPlan) *emitter {
	jf := jen.NewFilePathName(f.Pkg.Path(), f.Syntax.Name.Name)
	e := &emitter{cells: map[*types.Var]string{}, fset: fset, file: f, pkg: f.Pkg, info: f.Info, jf: jf, imported: map[string]string{}, plan: plan}
	e.imported[analyze.RTPath] = e.importAlias(analyze.RTPath, "rt")
	jf.ImportAlias(analyze.RTPath, e.imported[analyze.RTPath])
	return e
}

// notFormatted reports generated code that does not parse: a bug of
// asyncgen's. The message is the first line of the formatter's error
// (jennifer appends the whole unformatted file, which helps nobody
// reading a diagnostic).
func notFormatted(fset *token.FileSet, f *analyze.File, err error) analyze.Diagnostics {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	msg = strings.TrimSuffix(msg, " while formatting source:")
	return analyze.Diagnostics{{Pos: fset.Position(f.Syntax.Package), Message: "internal: generated code does not format: " + msg + " (please report it with the source of " + filepath.Base(f.Path) + ")"}}
}

// generatedNames are the predeclared names that generated code uses on its
// own account (basic types it renders are checked where it renders them).
var generatedNames = []string{"append", "bool", "error", "false", "int", "len", "make", "new", "nil", "panic", "rune", "string", "true"}

// predeclaredHidden reports a package-level declaration that hides a
// predeclared name the generated code needs: Go offers no other way to
// name the predeclared one there.
func (e *emitter) predeclaredHidden() {
	for _, name := range generatedNames {
		if obj := e.pkg.Scope().Lookup(name); obj != nil {
			e.errorf(obj.Pos(), "package-level %s hides Go's predeclared %s, which the code asyncgen generates for this package needs: rename it", name, name)
		}
	}
}
