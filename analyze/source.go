package analyze

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime/debug"
	"strings"
)

// LoadSource is Load for one in-memory file, for fuzzing and quick tests:
// src, named path, is parsed, type-checked with go/types alone (imports
// come from imp, for example importer.ForCompiler(fset, "source", nil)),
// with the same companion stub beside it that Load overlays, and analyzed
// by the same checks.
//
// It is not Load: there is no go command, no build constraints, no cgo, no
// test variants, no other files of the package, and a generated file at
// GeneratedPath(path) on disk is not looked at. Everything that Load does
// after type-checking (the checks, the diagnostics' wording) is shared.
func LoadSource(fset *token.FileSet, path string, src []byte, imp types.Importer) *Program {
	prog := &Program{Fset: fset}
	if IsGeneratedSource(src) {
		return prog
	}
	file, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		prog.Diags = append(prog.Diags, parseDiags(err)...)
		return prog
	}
	prog.Diags = append(prog.Diags, strayMarkers(fset, file)...)
	var async []*ast.FuncDecl
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
			async = append(async, fd)
		}
	}
	files := []*ast.File{file}
	stubPath := GeneratedPath(path)
	if len(async) > 0 {
		names := map[string]string{}
		for _, spec := range file.Imports {
			p := strings.Trim(spec.Path.Value, "\"`")
			if pkg, err := imp.Import(p); err == nil {
				names[p] = pkg.Name()
			}
		}
		stub, err := parser.ParseFile(fset, stubPath, stubFile(fset, file, async, names), parser.SkipObjectResolution)
		if err != nil {
			// The stub is built from the source's own syntax; when it does not
			// parse, the source's types are what is wrong, and the
			// type-checker says so without it.
			stub = nil
		}
		if stub != nil {
			files = append(files, stub)
		}
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	var typeErrs Diagnostics
	conf := types.Config{
		Importer: imp,
		Error: func(err error) {
			te, ok := err.(types.Error)
			if !ok {
				typeErrs = append(typeErrs, Diagnostic{Message: err.Error()})
				return
			}
			pos := te.Fset.Position(te.Pos)
			if pos.Filename == stubPath {
				return // an error in the stub mirrors one in the source
			}
			typeErrs = append(typeErrs, Diagnostic{Pos: pos, Message: te.Msg})
		},
	}
	pkg, _ := conf.Check(file.Name.Name, fset, files, info)
	f := &File{Path: path, GenPath: stubPath, Src: src, Syntax: file, PkgFiles: files, Pkg: pkg, Info: info, Failed: len(typeErrs) > 0}
	if f.Failed {
		prog.Diags = append(prog.Diags, typeErrs...)
	} else if len(async) > 0 {
		prog.Diags = append(prog.Diags, analyzeFileSafely(fset, f)...)
	} else {
		prog.Diags = append(prog.Diags, CheckFile(fset, file, pkg, info)...)
	}
	if len(async) > 0 {
		prog.Files = append(prog.Files, f)
	}
	return prog
}

// analyzeFileSafely is analyzeFile, with an internal panic turned into an
// "internal error" diagnostic at the file's package clause, so a bug in a
// check never crashes the command.
func analyzeFileSafely(fset *token.FileSet, f *File) (diags Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			f.Funcs = nil
			diags = append(diags, InternalError(fset.Position(f.Syntax.Package), "checking "+f.Syntax.Name.Name, r, debug.Stack()))
		}
	}()
	return analyzeFile(fset, f)
}

// InternalError is the diagnostic for a panic inside asyncgen while it
// worked on what (at pos): a bug in asyncgen, not in the user's code. The
// message carries the panic value and the frame of asyncgen that panicked,
// so that a report can be acted on.
func InternalError(pos token.Position, what string, r any, stack []byte) Diagnostic {
	return Diagnostic{Pos: pos, Message: fmt.Sprintf(
		"internal error: asyncgen panicked while %s: %v (at %s); this is a bug in asyncgen, please report it with this file",
		what, r, panicSite(stack))}
}

// panicSite finds the first asyncgen frame below the panic in a
// debug.Stack() trace, as "file.go:line".
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	afterPanic := false
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			afterPanic = true
			continue
		}
		if !afterPanic || !strings.Contains(l, "github.com/asyncgen/asyncgen/") || i+1 >= len(lines) {
			continue
		}
		loc := strings.TrimSpace(lines[i+1])
		if j := strings.LastIndex(loc, " +0x"); j >= 0 {
			loc = loc[:j]
		}
		if j := strings.LastIndex(loc, "/"); j >= 0 {
			loc = loc[j+1:]
		}
		return loc
	}
	return "unknown location"
}
