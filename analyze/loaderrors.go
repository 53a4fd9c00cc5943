package analyze

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Package errors are reworded before they become diagnostics where the go
// command's or the type-checker's words would mislead.

// companionOwner is the async function a companion name belongs to.
type companionOwner struct {
	fn  string         // "fetch" or "(*T).step"
	pos token.Position // the async function's name
}

// companionOwners maps each directory and companion name to the async
// function that asyncgen generates it for.
func companionOwners(fset *token.FileSet, async map[string][]*ast.FuncDecl) map[string]companionOwner {
	out := map[string]companionOwner{}
	for path, fns := range async {
		for _, fd := range fns {
			name := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				name = "(" + types0(fd.Recv.List[0].Type) + ")." + name
			}
			out[filepath.Dir(path)+"\x00"+fd.Name.Name+CompanionSuffix] = companionOwner{fn: name, pos: fset.Position(fd.Name.Pos())}
		}
	}
	return out
}

// types0 renders a receiver type expression briefly: T, *T, *T[P].
func types0(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + types0(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return types0(e.X) + "[...]"
	case *ast.IndexListExpr:
		return types0(e.X) + "[...]"
	case *ast.ParenExpr:
		return types0(e.X)
	}
	return "?"
}

var companionName = regexp.MustCompile(`\b(\w+` + CompanionSuffix + `)\b`)

// explainErrors rewrites errors that involve a companion stub (the
// placeholder of a generated file): a user declaration that collides with
// a companion is reported at the user's declaration, naming the async
// function, instead of half inside a file the user never wrote. Errors of
// the go command that carry their positions in the message ("# pkg" then
// "./x.go:6:6: missing function body") are split into positioned errors,
// and "could not import p" gets the go command's reason.
func explainErrors(errs []packages.Error, stubs map[string][]byte, owners map[string]companionOwner, dir string, imports map[string]*packages.Package) []packages.Error {
	inStub := func(e packages.Error) bool {
		file, _, _ := strings.Cut(e.Pos, ":")
		_, ok := stubs[file]
		return ok && file != ""
	}
	positioned := false
	for _, e := range errs {
		positioned = positioned || (e.Pos != "" && e.Pos != "-")
	}
	var out []packages.Error
	for i := 0; i < len(errs); i++ {
		e := errs[i]
		if e.Pos == "" || e.Pos == "-" {
			if positioned {
				// The go command's summary of errors that are also
				// reported one by one.
				out = append(out, e)
			} else {
				out = append(out, splitGoCommandError(e, dir)...)
			}
			continue
		}
		// A type error and its continuation ("\tother declaration of X").
		var next *packages.Error
		if i+1 < len(errs) && strings.HasPrefix(errs[i+1].Msg, "\t") {
			next = &errs[i+1]
		}
		if !inStub(e) && (next == nil || !inStub(*next)) {
			out = append(out, explainCompanion(explainImport(e, imports), dir, imports))
			continue
		}
		m := companionName.FindStringSubmatch(e.Msg)
		var owner companionOwner
		ok := false
		if m != nil {
			for _, p := range []string{e.Pos, posOf(next)} {
				file, _, _ := strings.Cut(p, ":")
				if o, found := owners[filepath.Dir(file)+"\x00"+m[1]]; found && file != "" {
					owner, ok = o, true
					break
				}
			}
		}
		if !ok {
			// Some other error inside a stub mirrors one in the source,
			// which is reported on its own.
			if !inStub(e) {
				out = append(out, e)
			}
			if next != nil {
				i++
			}
			continue
		}
		// Report at the declaration that is not in the stub: the user's.
		at := e
		if inStub(e) {
			if next == nil || inStub(*next) {
				at = packages.Error{Pos: fmt.Sprintf("%s:%d:%d", owner.pos.Filename, owner.pos.Line, owner.pos.Column)}
			} else {
				at = *next
			}
		}
		out = append(out, packages.Error{Pos: at.Pos, Kind: e.Kind, Msg: fmt.Sprintf(
			"%s collides with the companion %s that asyncgen generates for the async function %s (%s:%d:%d): rename one of them",
			m[1], m[1], owner.fn, filepath.Base(owner.pos.Filename), owner.pos.Line, owner.pos.Column)})
		if next != nil {
			i++
		}
	}
	return out
}

func posOf(e *packages.Error) string {
	if e == nil {
		return ""
	}
	return e.Pos
}

var goCommandLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// splitGoCommandError splits an unpositioned error whose message is the go
// command's build output into one error per "file:line:col: message" line;
// relative to dir; other errors are kept as they are.
func splitGoCommandError(e packages.Error, dir string) []packages.Error {
	var out []packages.Error
	for _, line := range strings.Split(e.Msg, "\n") {
		if strings.HasPrefix(line, "# ") {
			continue
		}
		m := goCommandLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			return []packages.Error{e}
		}
		file := m[1]
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		if !fileExists(file) {
			continue // a companion stub, gone with the go command's overlay
		}
		out = append(out, packages.Error{Pos: file + ":" + m[2] + ":" + m[3], Msg: m[4], Kind: e.Kind})
	}
	if len(out) == 0 {
		return []packages.Error{e}
	}
	return out
}

var couldNotImport = regexp.MustCompile(`^could not import (\S+) \(`)

// explainImport replaces the type-checker's "could not import p (invalid
// package name: "")" with the go command's reason why p is missing ("no
// required module provides package p; to add it: go get p").
func explainImport(e packages.Error, imports map[string]*packages.Package) packages.Error {
	m := couldNotImport.FindStringSubmatch(e.Msg)
	if m == nil {
		return e
	}
	imp, ok := imports[m[1]]
	if !ok || len(imp.Errors) == 0 {
		return e
	}
	why := strings.Join(strings.Fields(imp.Errors[0].Msg), " ")
	why = strings.TrimPrefix(why, m[1]+": ")
	e.Msg = "could not import " + m[1] + ": " + why
	return e
}

var undefinedCompanion = regexp.MustCompile(`^undefined: (?:(\w+)\.)?(\w+)` + CompanionSuffix + `$`)

// explainCompanion adds the reason to "undefined: fAsync" and "undefined:
// lib.FAsync": f is not marked //async, or lib has async function F but
// its generated file was never written (go generate never ran there).
func explainCompanion(e packages.Error, dir string, imports map[string]*packages.Package) packages.Error {
	m := undefinedCompanion.FindStringSubmatch(e.Msg)
	if m == nil {
		return e
	}
	qual, name := m[1], m[2]
	if qual == "" {
		e.Msg += fmt.Sprintf(": asyncgen generates %s only for a function %s marked //async (the line //async at the end of its doc comment)", name+CompanionSuffix, name)
		return e
	}
	var imp *packages.Package
	for _, p := range imports {
		if p.Name == qual {
			imp = p
		}
	}
	if imp == nil {
		return e
	}
	listed, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles, Dir: dir}, imp.PkgPath)
	if err != nil || len(listed) != 1 {
		return e
	}
	for _, path := range listed[0].GoFiles {
		src, err := os.ReadFile(path)
		if err != nil || IsGeneratedSource(src) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == name && IsAsyncDecl(fd) {
				if why := UnsupportedShape(fd); why != "" {
					e.Msg += fmt.Sprintf(": in package %s, %s", imp.PkgPath, why)
					return e
				}
				e.Msg += fmt.Sprintf(": package %s has async function %s, but its companion is not generated (%s is missing): add //go:generate go tool asyncgen to that package if it has none and run go generate, or run asyncgen there",
					imp.PkgPath, name, filepath.Base(GeneratedPath(path)))
				return e
			}
		}
	}
	e.Msg += fmt.Sprintf(": %s.%s is not an async function (asyncgen generates %s only for a function %s marked //async)", qual, name, name+CompanionSuffix, name)
	return e
}
