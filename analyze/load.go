package analyze

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Program is what Load found: every source file with async functions, every
// generated file whose source no longer has any, and the diagnostics.
type Program struct {
	Fset *token.FileSet
	// Files are the source files that hold async functions, sorted by path.
	Files []*File
	// Orphans are generated files whose source lost its last async function
	// (or disappeared): the generator removes them.
	Orphans []string
	// Diags are all diagnostics found while loading and checking.
	Diags Diagnostics
}

// File is one source file with async functions, type-checked.
type File struct {
	Path    string // absolute path of the source file
	GenPath string // absolute path of the file generated for it
	Src     []byte // the source file's content, as parsed
	Syntax  *ast.File
	// PkgFiles are all the parsed files of the package (Syntax among
	// them), nil when only Syntax is known.
	PkgFiles []*ast.File
	// natural finds the plain functions of the module's other loaded
	// packages (nil: none are followed).
	natural *naturalIndex
	Pkg     *types.Package
	Info    *types.Info
	Funcs   []*Func
	// Failed is set when the file's package has errors: nothing is generated
	// for it and its generated file is left as it is.
	Failed bool
}

// Load loads the packages that patterns name (relative to dir), type-checks
// them with companion stubs in place of the generated files, and analyzes
// every async function. Errors that stop loading altogether (no go.mod, a
// pattern that matches nothing) are returned; everything positioned is in
// Program.Diags.
func Load(dir string, patterns ...string) (*Program, error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	fset := sharedFset // typecheck.go
	prog := &Program{Fset: fset}

	// Pass 1: which files are there, which hold async functions.
	listed, err := packages.Load(&packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedModule,
		Dir:   dir,
		Tests: true,
	}, patterns...)
	if err != nil {
		return nil, err
	}
	var listErrs, outside []string
	files := map[string]bool{}
	mainPkgs := map[string]bool{} // the IDs of the main module's packages
	var mainPaths []string        // their import paths
	for _, p := range listed {
		for _, e := range p.Errors {
			if e.Kind == packages.ListError {
				listErrs = append(listErrs, e.Error())
			}
		}
		if !inMainModule(p, listed) {
			// A dependency (a replaced module, a vendored copy) or the
			// standard library (a pattern like all names them): their
			// files are not the generator's to write or remove.
			if p.Module != nil {
				outside = append(outside, p.PkgPath)
			}
			continue
		}
		mainPkgs[p.ID] = true
		if p.ID == p.PkgPath {
			mainPaths = append(mainPaths, p.PkgPath)
		}
		for _, f := range p.GoFiles {
			files[f] = true
		}
	}
	if len(listErrs) > 0 && len(files) == 0 {
		sort.Strings(listErrs)
		return nil, fmt.Errorf("%s", strings.Join(dedupStrings(listErrs), "\n"))
	}
	if len(mainPkgs) == 0 && len(outside) > 0 {
		sort.Strings(outside)
		return nil, fmt.Errorf("%s: not in the main module, whose packages are the only ones asyncgen writes generated files for (run asyncgen in the module that holds them)", strings.Join(dedupStrings(outside), ", "))
	}
	paths := make([]string, 0, len(files))
	for f := range files {
		paths = append(paths, f)
	}
	sort.Strings(paths)

	type srcInfo struct {
		ast   *ast.File
		src   []byte
		async []*ast.FuncDecl
	}
	sources := map[string]*srcInfo{}
	generated := map[string]string{} // generated path -> its package name
	importPaths := map[string]bool{}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if IsGeneratedSource(src) {
			f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.PackageClauseOnly)
			name := "main"
			if err == nil {
				name = f.Name.Name
			}
			generated[path] = name
			continue
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			prog.Diags = append(prog.Diags, parseDiags(err)...)
			continue
		}
		prog.Diags = append(prog.Diags, strayMarkers(fset, f)...)
		si := &srcInfo{ast: f, src: src}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
				si.async = append(si.async, fd)
			}
		}
		if imp := cgoImport(f); imp != nil && len(si.async) > 0 {
			prog.Diags = append(prog.Diags, cgoDiags(fset, imp, si.async)...)
			continue
		}
		sources[path] = si
		if len(si.async) > 0 {
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				importPaths[p] = true
			}
		}
	}
	if prog.Diags.HasErrors() {
		return prog, nil
	}

	// The real names of imported packages, for the stubs' imports.
	names := map[string]string{}
	if len(importPaths) > 0 {
		var list []string
		for p := range importPaths {
			list = append(list, p)
		}
		sort.Strings(list)
		pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName, Dir: dir}, list...)
		if err == nil {
			for _, p := range pkgs {
				names[p.PkgPath] = p.Name
			}
		}
	}

	// Pass 2: type-check with stubs of every companion in place of the
	// generated files, so that code calling FAsync checks before the first
	// generation and a stale generated file cannot get in the way.
	overlay := map[string][]byte{}
	for path, si := range sources {
		gen := GeneratedPath(path)
		if len(si.async) > 0 {
			if _, ok := generated[gen]; !ok && fileExists(gen) {
				pos := fset.Position(si.async[0].Pos())
				prog.Diags = append(prog.Diags, Diagnostic{Pos: pos, Message: fmt.Sprintf(
					"%s exists and was not written by asyncgen: rename it, or remove it to let asyncgen generate it", filepath.Base(gen))})
				continue
			}
			overlay[gen] = stubFile(fset, si.ast, si.async, names)
		}
	}
	for gen, pkgName := range generated {
		if _, ok := overlay[gen]; ok {
			continue
		}
		src := sourceOf(gen)
		if si, ok := sources[src]; !ok || len(si.async) == 0 {
			if d, excluded := excludedSource(fset, src, gen); !ok && excluded {
				prog.Diags = append(prog.Diags, d)
			} else {
				prog.Orphans = append(prog.Orphans, gen)
			}
		}
		overlay[gen] = []byte(Header + "\n\npackage " + pkgName + "\n")
	}
	sort.Strings(prog.Orphans)
	if prog.Diags.HasErrors() {
		return prog, nil
	}

	// Only the main module's packages are checked (with what they import):
	// all would otherwise type-check every dependency's tests too.
	checkPatterns := patterns
	if len(mainPaths) > 0 && len(mainPaths) < len(listed) {
		checkPatterns = mainPaths
		for _, p := range mainPaths {
			if p == "command-line-arguments" {
				checkPatterns = patterns // files named on the command line
			}
		}
	}
	// Every import is type-checked from its source too (typecheck.go),
	// where export data would have the go command compile the whole import
	// graph, test variants included (69 s against 5 s for this repository
	// on a fresh clone with an empty build cache). go/packages gives the
	// metadata; checkGraph parses and type-checks, keeping the packages
	// outside the main modules for later loads in the same process.
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedModule | packages.NeedDeps | packages.NeedTypesSizes,
		Dir:     dir,
		Tests:   true,
		Overlay: overlay,
	}, checkPatterns...)
	if err != nil {
		return nil, err
	}
	checkGraph(fset, overlay, func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		return parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	}, pkgs)

	// Each source file is analyzed once: non-test files in their plain
	// package, test files in the test variant that holds them.
	chosen := map[string]*packages.Package{}
	for _, p := range pkgs {
		for _, f := range p.CompiledGoFiles {
			si, ok := sources[f]
			if !ok || len(si.async) == 0 {
				continue
			}
			prev, seen := chosen[f]
			if !seen || (strings.HasSuffix(f, "_test.go") == false && len(p.ID) < len(prev.ID)) {
				chosen[f] = p
			}
		}
	}
	failed := map[*packages.Package]bool{}
	reported := map[string]bool{}
	async := map[string][]*ast.FuncDecl{}
	for path, si := range sources {
		async[path] = si.async
	}
	owners := companionOwners(fset, async)
	for _, p := range pkgs {
		errs := explainErrors(p.Errors, overlay, owners, dir, p.Imports)
		positioned := false
		for _, e := range errs {
			positioned = positioned || (e.Pos != "" && e.Pos != "-")
		}
		for _, e := range errs {
			if positioned && (e.Pos == "" || e.Pos == "-") {
				// the go command's summary of errors reported one by one
				failed[p] = true
				continue
			}
			d := packageErrorDiag(e)
			if _, isStub := overlay[d.Pos.Filename]; isStub && d.Pos.Filename != "" {
				// An error inside a stub mirrors one in the source; the
				// source's own error is reported.
				continue
			}
			failed[p] = true
			if !reported[d.String()] {
				reported[d.String()] = true
				prog.Diags = append(prog.Diags, d)
			}
		}
	}
	// The module's loaded packages, where the plain functions that async
	// code calls are followed to rt's async functions (plainnatural.go).
	natural := &naturalIndex{byPath: map[string]*checker{}}
	for _, p := range pkgs {
		if !failed[p] && p.Types != nil && p.TypesInfo != nil && inMainModule(p, pkgs) && !ownPackage(p.PkgPath) {
			c := &checker{fset: fset, info: p.TypesInfo, pkg: p.Types, files: p.Syntax}
			c.extern = natural.lookup
			natural.byPath[p.PkgPath] = c
		}
	}
	for path, p := range chosen {
		file := findSyntax(p, path)
		if file == nil {
			continue
		}
		f := &File{Path: path, GenPath: GeneratedPath(path), Src: sources[path].src, Syntax: file, PkgFiles: p.Syntax, Pkg: p.Types, Info: p.TypesInfo, Failed: failed[p], natural: natural}
		if !f.Failed && p.Types != nil && p.TypesInfo != nil {
			prog.Diags = append(prog.Diags, analyzeFileSafely(fset, f)...)
		}
		prog.Files = append(prog.Files, f)
	}
	// Files without async functions are still checked for misuse.
	checked := map[string]bool{}
	for _, p := range pkgs {
		if failed[p] || p.TypesInfo == nil || p.PkgPath == RTPath || !inMainModule(p, pkgs) {
			// rt itself defines and tests the natural forms of its
			// async functions.
			continue
		}
		for i, path := range p.CompiledGoFiles {
			if _, ok := chosen[path]; ok || checked[path] || i >= len(p.Syntax) {
				continue
			}
			if _, isOverlay := overlay[path]; isOverlay || generated[path] != "" {
				continue
			}
			checked[path] = true
			prog.Diags = append(prog.Diags, CheckFile(fset, p.Syntax[i], p.Types, p.TypesInfo)...)
		}
	}
	sort.Slice(prog.Files, func(i, j int) bool { return prog.Files[i].Path < prog.Files[j].Path })
	return prog, nil
}

// excludedSource reports whether the source of the generated file gen
// exists with async functions although the build configuration excludes it
// (its build constraints, or its name's _GOOS or _GOARCH). Then gen is no
// orphan: it is left alone, with a warning that it was not regenerated.
func excludedSource(fset *token.FileSet, src, gen string) (Diagnostic, bool) {
	content, err := os.ReadFile(src)
	if err != nil || IsGeneratedSource(content) {
		return Diagnostic{}, false
	}
	f, err := parser.ParseFile(fset, src, content, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return Diagnostic{}, false
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
			return Diagnostic{Pos: fset.Position(fd.Name.Pos()), Severity: Warning, Message: fmt.Sprintf(
				"%s is excluded from this build configuration (by its build constraints or file name), so %s, which is not, was left as it is: run asyncgen in a configuration that includes %s (GOFLAGS=-tags=..., GOOS, GOARCH) to regenerate it with the constraints",
				filepath.Base(src), filepath.Base(gen), filepath.Base(src))}, true
		}
	}
	return Diagnostic{}, false
}

// inMainModule reports whether p belongs to a main module (the module
// asyncgen runs in, or a module of its go.work). When no package of the
// load has module information (GOPATH mode), every package counts.
func inMainModule(p *packages.Package, all []*packages.Package) bool {
	if p.Module != nil {
		return p.Module.Main
	}
	for _, q := range all {
		if q.Module != nil {
			return false // the standard library, in module mode
		}
	}
	return true
}

// cgoImport returns a file's import "C", nil when it has none.
func cgoImport(f *ast.File) *ast.ImportSpec {
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return imp
		}
	}
	return nil
}

// cgoDiags reports async functions in a cgo file: the go command hands
// the type checker cgo's rewrite of such a file, not the file itself, so
// asyncgen cannot analyze or rewrite them there.
func cgoDiags(fset *token.FileSet, imp *ast.ImportSpec, fns []*ast.FuncDecl) []Diagnostic {
	var out []Diagnostic
	at := fset.Position(imp.Pos())
	for _, fn := range fns {
		out = append(out, Diagnostic{Pos: fset.Position(fn.Name.Pos()), Message: fmt.Sprintf(
			"async function %s is in a file that imports \"C\" (line %d), and asyncgen cannot generate code for a cgo file: move it to another file of the package, which may call the cgo file's functions", SourceName(fn), at.Line)})
	}
	return out
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// sourceOf inverts GeneratedPath.
func sourceOf(gen string) string {
	if strings.HasSuffix(gen, "_async_test.go") {
		return strings.TrimSuffix(gen, "_async_test.go") + "_test.go"
	}
	return strings.TrimSuffix(gen, "_async.go") + ".go"
}

func findSyntax(p *packages.Package, path string) *ast.File {
	for i, f := range p.CompiledGoFiles {
		if f == path && i < len(p.Syntax) {
			return p.Syntax[i]
		}
	}
	for _, f := range p.Syntax {
		if p.Fset.Position(f.Package).Filename == path {
			return f
		}
	}
	return nil
}

func parseDiags(err error) []Diagnostic {
	var out []Diagnostic
	if list, ok := err.(scanner.ErrorList); ok {
		for _, e := range list {
			out = append(out, Diagnostic{Pos: e.Pos, Message: e.Msg})
		}
		return out
	}
	return []Diagnostic{{Message: err.Error()}}
}

// packageErrorDiag turns a go/packages error ("file:line:col: msg") into a
// positioned diagnostic.
func packageErrorDiag(e packages.Error) Diagnostic {
	pos := token.Position{}
	if e.Pos != "" && e.Pos != "-" {
		parts := strings.Split(e.Pos, ":")
		if len(parts) >= 3 {
			line, err1 := strconv.Atoi(parts[len(parts)-2])
			col, err2 := strconv.Atoi(parts[len(parts)-1])
			if err1 == nil && err2 == nil {
				pos = token.Position{Filename: strings.Join(parts[:len(parts)-2], ":"), Line: line, Column: col}
			}
		} else if len(parts) == 2 {
			line, err := strconv.Atoi(parts[1])
			if err == nil {
				pos = token.Position{Filename: parts[0], Line: line, Column: 1}
			}
		}
	}
	return Diagnostic{Pos: pos, Message: e.Msg}
}

func dedupStrings(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// stubFile writes a placeholder for a generated file: each companion with the
// right signature and a body that panics. Only the imports the signatures
// use are kept, so the stub compiles on its own.
func stubFile(fset *token.FileSet, src *ast.File, fns []*ast.FuncDecl, names map[string]string) []byte {
	var body bytes.Buffer
	used := map[string]bool{}
	node := func(n ast.Node) string {
		ast.Inspect(n, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					used[id.Name] = true
				}
			}
			return true
		})
		var b bytes.Buffer
		printer.Fprint(&b, fset, n)
		return b.String()
	}
	fieldList := func(fl *ast.FieldList) string {
		var parts []string
		for _, f := range fl.List {
			var names []string
			for _, n := range f.Names {
				names = append(names, n.Name)
			}
			part := node(f.Type)
			if len(names) > 0 {
				part = strings.Join(names, ", ") + " " + part
			}
			parts = append(parts, part)
		}
		return strings.Join(parts, ", ")
	}
	for _, fn := range fns {
		if params, elems, ok := syntacticGen(fn.Type); ok {
			// An async generator's companion: rt.Gen or rt.Gen2.
			body.WriteString("func ")
			if fn.Recv != nil {
				body.WriteString("(" + fieldList(fn.Recv) + ") ")
			}
			body.WriteString(fn.Name.Name + CompanionSuffix)
			if fn.Type.TypeParams != nil {
				body.WriteString("[" + fieldList(fn.Type.TypeParams) + "]")
			}
			gen := " ag_rt.Gen["
			if len(elems) == 2 {
				gen = " ag_rt.Gen2["
			}
			var es []string
			for _, e := range elems {
				es = append(es, node(e))
			}
			body.WriteString("(" + fieldList(params) + ")" + gen + strings.Join(es, ", ") + "] { panic(\"asyncgen: stub\") }\n")
			continue
		}
		t, ok := syntacticResult(fn.Type.Results)
		if !ok {
			// Too many values: the analysis reports it at the result list.
			// The stub still declares the companion, so that its callers
			// type-check and that error is the one the user sees.
			t = &ast.StructType{Fields: &ast.FieldList{}}
		}
		body.WriteString("func ")
		if fn.Recv != nil {
			body.WriteString("(" + fieldList(fn.Recv) + ") ")
		}
		body.WriteString(fn.Name.Name + CompanionSuffix)
		if fn.Type.TypeParams != nil {
			body.WriteString("[" + fieldList(fn.Type.TypeParams) + "]")
		}
		body.WriteString("(" + fieldList(fn.Type.Params) + ")")
		body.WriteString(" ag_rt.Awaitable[")
		if t == nil {
			body.WriteString("struct{}")
		} else {
			body.WriteString(node(t))
		}
		body.WriteString("] { panic(\"asyncgen: stub\") }\n")
	}
	var out bytes.Buffer
	out.WriteString(Header + "\n\npackage " + src.Name.Name + "\n\n")
	out.WriteString("import ag_rt " + strconv.Quote(RTPath) + "\n")
	for _, imp := range src.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		name := ""
		if imp.Name != nil {
			name = imp.Name.Name
		} else if n, ok := names[p]; ok {
			name = n
		} else {
			name = guessName(p)
		}
		if used[name] && name != "_" && name != "." {
			out.WriteString("import " + name + " " + imp.Path.Value + "\n")
		}
	}
	out.WriteString("\nvar _ ag_rt.Status // keeps the import used when no companion could be written\n\n")
	out.Write(body.Bytes())
	return out.Bytes()
}

func guessName(path string) string {
	base := path[strings.LastIndex(path, "/")+1:]
	if strings.HasPrefix(base, "v") && len(base) > 1 && strings.Trim(base[1:], "0123456789") == "" {
		if i := strings.LastIndex(path[:len(path)-len(base)-1], "/"); i >= 0 {
			base = path[i+1 : len(path)-len(base)-1]
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexAny(base, ".-"); i >= 0 {
		base = base[:i]
	}
	return base
}

// UnsupportedShape returns, from its syntax alone, why asyncgen generates
// no code for the async function fd (a result list no coroutine carries),
// or "".
func UnsupportedShape(fd *ast.FuncDecl) string {
	if _, _, ok := syntacticGen(fd.Type); ok {
		return ""
	}
	if _, ok := syntacticResult(fd.Type.Results); ok {
		return ""
	}
	return fmt.Sprintf("async function %s returns more than %d values besides a trailing error, more than the rt.TupleN its companion yields carries, so asyncgen generates no code for it and %s is undefined: group some of them in a struct",
		SourceName(fd), MaxTupleValues, fd.Name.Name+CompanionSuffix)
}

// syntacticResult finds T from a result list without type information:
// () and (error) give nil (struct{}), (V) and (V, error) give V, any other
// list ag_rt.TupleN of its values before a trailing error.
func syntacticResult(fl *ast.FieldList) (ast.Expr, bool) {
	var types []ast.Expr
	if fl != nil {
		for _, f := range fl.List {
			n := len(f.Names)
			if n == 0 {
				n = 1
			}
			for i := 0; i < n; i++ {
				types = append(types, f.Type)
			}
		}
	}
	isErr := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && id.Name == "error"
	}
	switch len(types) {
	case 0:
		return nil, true
	case 1:
		if isErr(types[0]) {
			return nil, true
		}
		return types[0], true
	case 2:
		if isErr(types[1]) {
			return types[0], true
		}
	}
	// A tuple shape: ag_rt.TupleN[values...].
	if isErr(types[len(types)-1]) {
		types = types[:len(types)-1]
	}
	if len(types) > MaxTupleValues {
		return nil, false
	}
	return &ast.IndexListExpr{
		X:       &ast.SelectorExpr{X: ast.NewIdent("ag_rt"), Sel: ast.NewIdent(fmt.Sprintf("Tuple%d", len(types)))},
		Indices: types,
	}, true
}
