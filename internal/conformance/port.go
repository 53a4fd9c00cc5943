package conformance

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Sources are the GOROOT-relative globs the suite ports from, in order.
var Sources = []string{
	"test/range*.go",
	"test/defer*.go",
	"test/recover*.go",
	"test/closure*.go",
	// Control flow and evaluation order, free of escape-analysis checks.
	"test/for.go",
	"test/if.go",
	"test/switch.go",
	"test/typeswitch.go",
	"test/typeswitch1.go",
	"test/stringrange.go",
	"test/reorder.go",
	"test/reorder2.go",
	"test/simassign.go",
	"test/escape.go",
	"test/func5.go",
	"test/func7.go",
	"test/func8.go",
	"test/ddd.go",
	"test/turing.go",
	"test/typeparam/*.go",
	"src/cmd/compile/internal/rangefunc/rangefunc_test.go",
}

// skipped are the selected files left out, with the reason: their
// behaviour depends on the machine, not on the language.
var skipped = map[string]string{
	"test/deferfin.go":   "counts finalizer runs after runtime.GC",
	"test/recover4.go":   "recovers memory faults in an mmap'd hole (debug.SetPanicOnFault)",
	"test/closure.go":    "counts allocations with runtime.ReadMemStats",
	"test/escape.go":     "compares addresses of stack and heap variables",
	"test/ddd.go":        "checks that variadic calls do not allocate",
	"test/closure7.go":   "checks an inlined closure's code pointer",
	"test/deferprint.go": "has an expected-output file",
}

// Case is one ported case.
type Case struct {
	Name   string // "recover.go:test1": source file and entry
	File   string // the case's file in testdata/conformance
	Run    string // the case's async wrapper function
	Source string // GOROOT-relative source file
}

// Port is the outcome of porting: the files of testdata/conformance
// (name → content), the cases in order and what was left out.
type Port struct {
	Version string
	Files   map[string][]byte
	Cases   []Case
	Skipped []string // "source: reason" or "source:entry: reason"
}

// GoEnv returns the GOROOT and GOVERSION of the go command on PATH, the
// toolchain the port reads.
func GoEnv() (goroot, version string, err error) {
	out, err := exec.Command("go", "env", "GOROOT", "GOVERSION").Output()
	if err != nil {
		return "", "", fmt.Errorf("go env: %v", err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return "", "", fmt.Errorf("go env printed %q", out)
	}
	return f[0], f[1], nil
}

// Generated lists the file names Port writes besides the case files; the
// rest of testdata/conformance (harness, failure lists) is hand-written.
var Generated = []string{"cases.go", "GOVERSION", "skipped.txt"}

// IsCaseFile reports whether name is a ported case file.
func IsCaseFile(name string) bool { return strings.HasSuffix(name, "_case.go") }

// Run ports every source under goroot.
func Run(goroot, version string) (*Port, error) {
	p := &Port{Version: version, Files: map[string][]byte{}}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", nil)
	var paths []string
	seen := map[string]bool{}
	for _, g := range Sources {
		m, err := filepath.Glob(filepath.Join(goroot, filepath.FromSlash(g)))
		if err != nil {
			return nil, err
		}
		sort.Strings(m)
		for _, path := range m {
			rel, _ := filepath.Rel(goroot, path)
			rel = filepath.ToSlash(rel)
			if !seen[rel] {
				seen[rel] = true
				paths = append(paths, rel)
			}
		}
	}
	for _, rel := range paths {
		if why, ok := skipped[rel]; ok {
			p.Skipped = append(p.Skipped, rel+": "+why)
			continue
		}
		src, err := os.ReadFile(filepath.Join(goroot, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		if why := selectFile(goroot, rel, src); why != "" {
			if why != "-" {
				p.Skipped = append(p.Skipped, rel+": "+why)
			}
			continue
		}
		f, err := load(fset, imp, rel, src)
		if err != nil {
			p.Skipped = append(p.Skipped, rel+": "+err.Error())
			continue
		}
		cases, skips := f.port(version)
		p.Skipped = append(p.Skipped, skips...)
		for _, c := range cases {
			p.Files[c.Case.File] = c.Src
			p.Cases = append(p.Cases, c.Case)
		}
	}
	p.Files["cases.go"] = casesFile(p)
	p.Files["GOVERSION"] = []byte(version + "\n")
	p.Files["skipped.txt"] = []byte("# Written by internal/conformance: the selected Go tests that are not ported, and why.\n" +
		strings.Join(p.Skipped, "\n") + "\n")
	return p, nil
}

// selectFile returns why the file at rel is not ported ("-" for a file
// that is simply not a run test), or "".
func selectFile(goroot, rel string, src []byte) string {
	if strings.HasSuffix(rel, "_test.go") {
		return ""
	}
	first, _, _ := strings.Cut(string(src), "\n")
	if strings.TrimSpace(first) != "// run" {
		return "-"
	}
	if _, err := os.Stat(filepath.Join(goroot, filepath.FromSlash(strings.TrimSuffix(rel, ".go")+".out"))); err == nil {
		return "has an expected-output file"
	}
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "//go:build") || strings.HasPrefix(line, "// +build") {
			return "has a build constraint"
		}
		if strings.HasPrefix(line, "package ") {
			break
		}
	}
	return ""
}

// file is one type-checked source file.
type file struct {
	rel     string
	src     []byte
	fset    *token.FileSet
	f       *ast.File
	pkg     *types.Package
	info    *types.Info
	declOf  map[types.Object]int // package-level object or method → index in f.Decls
	methods map[*types.TypeName][]int
	base    int // offset of the file in fset
}

func load(fset *token.FileSet, imp types.Importer, rel string, src []byte) (*file, error) {
	f, err := parser.ParseFile(fset, rel, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("does not parse: %v", err)
	}
	info := &types.Info{
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Types:      map[ast.Expr]types.TypeAndValue{},
	}
	var first error
	conf := types.Config{Importer: imp, GoVersion: "go1.23", Error: func(err error) {
		if first == nil {
			first = err
		}
	}}
	pkg, _ := conf.Check("main", fset, []*ast.File{f}, info)
	if first != nil {
		msg := first.Error()
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
		return nil, fmt.Errorf("does not type-check as go1.23: %s", msg)
	}
	fl := &file{rel: rel, src: src, fset: fset, f: f, pkg: pkg, info: info,
		declOf: map[types.Object]int{}, methods: map[*types.TypeName][]int{},
		base: fset.File(f.Pos()).Base()}
	for i, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			obj := info.Defs[d.Name]
			if obj == nil {
				continue
			}
			fl.declOf[obj] = i
			if d.Recv != nil {
				if tn := recvType(obj.(*types.Func)); tn != nil {
					fl.methods[tn] = append(fl.methods[tn], i)
				}
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					fl.declOf[info.Defs[s.Name]] = i
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if obj := info.Defs[n]; obj != nil {
							fl.declOf[obj] = i
						}
					}
				}
			}
		}
	}
	return fl, nil
}

func recvType(fn *types.Func) *types.TypeName {
	t := fn.Type().(*types.Signature).Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

func (fl *file) off(p token.Pos) int { return int(p) - fl.base }

// origin maps an instantiated object to the one declared in the file.
func origin(obj types.Object) types.Object {
	switch o := obj.(type) {
	case *types.Func:
		return o.Origin()
	case *types.Var:
		return o.Origin()
	}
	return obj
}

// pkgLevel reports whether obj is declared at this file's package level.
func (fl *file) pkgLevel(obj types.Object) bool {
	return obj != nil && obj.Pkg() == fl.pkg && obj.Parent() == fl.pkg.Scope() && obj.Name() != "_"
}

// refs returns the declarations that the node n refers to.
func (fl *file) refs(n ast.Node) []int {
	var out []int
	ast.Inspect(n, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := fl.info.Uses[id]
		if obj == nil {
			return true
		}
		obj = origin(obj)
		if i, ok := fl.declOf[obj]; ok {
			out = append(out, i)
			if tn, ok := obj.(*types.TypeName); ok {
				out = append(out, fl.methods[tn]...)
			}
		}
		return true
	})
	return out
}

// closure returns the declarations reachable from roots, with the init
// functions that touch any of them, in file order.
func (fl *file) closure(roots []int) []int {
	in := map[int]bool{}
	var work []int
	var add func(is ...int)
	add = func(is ...int) {
		for _, i := range is {
			if !in[i] {
				in[i] = true
				work = append(work, i)
				if gd, ok := fl.f.Decls[i].(*ast.GenDecl); ok && gd.Tok == token.TYPE {
					for _, s := range gd.Specs {
						if tn, ok := fl.info.Defs[s.(*ast.TypeSpec).Name].(*types.TypeName); ok {
							add(fl.methods[tn]...)
						}
					}
				}
			}
		}
	}
	add(roots...)
	for {
		for len(work) > 0 {
			i := work[len(work)-1]
			work = work[:len(work)-1]
			add(fl.refs(fl.f.Decls[i])...)
		}
		more := false
		for i, d := range fl.f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || in[i] || fd.Recv != nil || fd.Name.Name != "init" {
				continue
			}
			for _, r := range fl.refs(fd) {
				if in[r] {
					add(i)
					more = true
					break
				}
			}
		}
		if !more {
			break
		}
	}
	var out []int
	for i := range fl.f.Decls {
		if in[i] {
			out = append(out, i)
		}
	}
	return out
}

// portedCase is a case and its file's bytes.
type portedCase struct {
	Case Case
	Src  []byte
}

// entry is a case to port: the statement of main (or the Test function)
// it runs.
type entry struct {
	name string   // the callee's name, the case's name in its file
	call ast.Node // the call to run, or nil for a whole main
	decl int      // the callee's declaration, for a whole main
	root []int    // the declarations the wrapper refers to
	test bool     // a rangefunc Test function: the wrapper passes t
}

func (fl *file) entries() ([]entry, string) {
	var out []entry
	if strings.HasSuffix(fl.rel, "_test.go") {
		for i, d := range fl.f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "Test") {
				continue
			}
			out = append(out, entry{name: fd.Name.Name, decl: i, root: []int{i}, test: true})
		}
		return out, ""
	}
	var main *ast.FuncDecl
	mainIdx := -1
	for i, d := range fl.f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			main, mainIdx = fd, i
		}
	}
	if main == nil {
		return nil, "has no main"
	}
	if calls := fl.splitMain(main); calls != nil {
		n := map[string]int{}
		for _, c := range calls {
			name := calleeName(c)
			n[name]++
			if n[name] > 1 {
				name = fmt.Sprintf("%s_%d", name, n[name])
			}
			out = append(out, entry{name: name, call: c, root: fl.refs(c)})
		}
		return out, ""
	}
	return []entry{{name: "main", decl: mainIdx, root: []int{mainIdx}}}, ""
}

func calleeName(c *ast.CallExpr) string {
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.IndexExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name
		}
	case *ast.IndexListExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return "call"
}

// splitMain returns main's calls when main is a list of calls of this
// file's functions with arguments free of locals, guards for other
// compilers or interpreters (an if whose body is such calls, or return)
// and locals only those guards read; otherwise nil.
func (fl *file) splitMain(main *ast.FuncDecl) []*ast.CallExpr {
	var calls []*ast.CallExpr
	var guards []ast.Expr
	defined := map[types.Object]bool{}
	simple := func(s ast.Stmt) *ast.CallExpr {
		es, ok := s.(*ast.ExprStmt)
		if !ok {
			return nil
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok {
			return nil
		}
		fn, _ := fl.callee(call).(*types.Func)
		if fn == nil || !fl.pkgLevel(fn) {
			return nil
		}
		for _, a := range call.Args {
			local := false
			ast.Inspect(a, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if obj := fl.info.Uses[id]; obj != nil && obj.Parent() != nil && obj.Parent() != fl.pkg.Scope() && obj.Parent() != types.Universe {
						local = true
					}
				}
				if _, ok := n.(*ast.FuncLit); ok {
					local = true
				}
				return !local
			})
			if local {
				return nil
			}
		}
		return call
	}
	for _, s := range main.Body.List {
		if c := simple(s); c != nil {
			calls = append(calls, c)
			continue
		}
		switch s := s.(type) {
		case *ast.IfStmt:
			if s.Init != nil || s.Else != nil {
				return nil
			}
			if len(s.Body.List) == 1 {
				if r, ok := s.Body.List[0].(*ast.ReturnStmt); ok && len(r.Results) == 0 {
					guards = append(guards, s.Cond)
					continue
				}
			}
			for _, b := range s.Body.List {
				c := simple(b)
				if c == nil {
					return nil
				}
				calls = append(calls, c)
			}
			guards = append(guards, s.Cond)
		case *ast.AssignStmt:
			if s.Tok != token.DEFINE {
				return nil
			}
			for _, l := range s.Lhs {
				if obj := fl.info.Defs[l.(*ast.Ident)]; obj != nil {
					defined[obj] = true
				}
			}
		default:
			return nil
		}
	}
	// The locals main defines may be read only by the guards.
	inGuard := func(p token.Pos) bool {
		for _, g := range guards {
			if g.Pos() <= p && p < g.End() {
				return true
			}
		}
		return false
	}
	for id, obj := range fl.info.Uses {
		if defined[obj] && !inGuard(id.Pos()) {
			return nil
		}
	}
	return calls
}

// callee returns the object a call calls directly: a function, a method
// (its declared origin), or nil.
func (fl *file) callee(call *ast.CallExpr) types.Object {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := fun.(type) {
	case *ast.Ident:
		if fn, ok := fl.info.Uses[f].(*types.Func); ok {
			return fn.Origin()
		}
	case *ast.SelectorExpr:
		if sel, ok := fl.info.Selections[f]; ok {
			if sel.Kind() == types.MethodVal {
				return sel.Obj().(*types.Func).Origin()
			}
			return nil
		}
		if fn, ok := fl.info.Uses[f.Sel].(*types.Func); ok {
			return fn.Origin()
		}
	}
	return nil
}

// embeddedType returns the type name of this file that the embedded field
// v is named after, or nil.
func (fl *file) embeddedType(v *types.Var) *types.TypeName {
	tn, ok := fl.pkg.Scope().Lookup(v.Name()).(*types.TypeName)
	if !ok || !fl.pkgLevel(tn) {
		return nil
	}
	t := v.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if tn.IsAlias() {
		if types.Identical(tn.Type(), t) {
			return tn
		}
		return nil
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Origin().Obj() == tn {
		return tn
	}
	return nil
}

// prefixFor makes the identifier prefix of a case.
func prefixFor(stem, entry string) string {
	var b strings.Builder
	for _, r := range stem + "_" + entry {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String() + "_"
}

func (fl *file) stem() string {
	s := strings.TrimSuffix(fl.rel, ".go")
	s = strings.TrimPrefix(s, "test/")
	s = strings.TrimPrefix(s, "src/cmd/compile/internal/rangefunc/")
	s = strings.TrimSuffix(s, "_test")
	return strings.NewReplacer("/", "_", "-", "_", ".", "_").Replace(s)
}

func (fl *file) displayName() string {
	s := strings.TrimPrefix(fl.rel, "test/")
	if strings.HasPrefix(s, "src/") {
		s = filepath.Base(s)
	}
	return s
}

func (fl *file) port(version string) ([]portedCase, []string) {
	ents, why := fl.entries()
	if why != "" {
		return nil, []string{fl.rel + ": " + why}
	}
	var out []portedCase
	var skips []string
	for _, e := range ents {
		pc, err := fl.portCase(e, version)
		if err != nil {
			skips = append(skips, fmt.Sprintf("%s:%s: %v", fl.rel, e.name, err))
			continue
		}
		out = append(out, pc)
	}
	return out, skips
}

var qualified = regexp.MustCompile(`\bmain\.\w+`)

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

func (fl *file) portCase(e entry, version string) (portedCase, error) {
	stem := fl.stem()
	prefix := prefixFor(stem, e.name)
	decls := fl.closure(e.root)
	inDecl := map[int]bool{}
	for _, i := range decls {
		inDecl[i] = true
	}
	async := fl.asyncSet(decls)

	var edits []edit
	replaced := map[int]bool{}
	put := func(ed edit) {
		if ed.end > ed.start {
			if replaced[ed.start] {
				return // one identifier seen twice (an embedded field)
			}
			replaced[ed.start] = true
		}
		edits = append(edits, ed)
	}
	imports := map[*types.PkgName]bool{}
	var bad error
	rename := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok {
					if pn, ok := fl.info.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == "testing" {
						if n.Sel.Name != "T" {
							bad = fmt.Errorf("uses testing.%s", n.Sel.Name)
						}
						put(edit{fl.off(n.Pos()), fl.off(n.End()), "conformT"})
						return false
					}
				}
			case *ast.BasicLit:
				// A message that names a type of package main ("unhashable
				// type main.T") names the renamed type.
				if n.Kind == token.STRING && strings.Contains(n.Value, "main.") {
					v := qualified.ReplaceAllStringFunc(n.Value, func(m string) string {
						if fl.pkgLevel(fl.pkg.Scope().Lookup(m[len("main."):])) {
							return "main." + prefix + m[len("main."):]
						}
						return m
					})
					if v != n.Value {
						put(edit{fl.off(n.Pos()), fl.off(n.End()), v})
					}
				}
			case *ast.Ident:
				obj := fl.info.Defs[n]
				if obj == nil {
					obj = fl.info.Uses[n]
				}
				if obj == nil {
					return true
				}
				if pn, ok := obj.(*types.PkgName); ok {
					imports[pn] = true
					return true
				}
				obj = origin(obj)
				if v, ok := obj.(*types.Var); ok && v.IsField() && v.Embedded() {
					// An embedded field is named after its type.
					if tn := fl.embeddedType(v); tn != nil {
						put(edit{fl.off(n.Pos()), fl.off(n.End()), prefix + n.Name})
					}
					return true
				}
				if fl.pkgLevel(obj) {
					put(edit{fl.off(n.Pos()), fl.off(n.End()), prefix + n.Name})
				}
			}
			return true
		})
	}
	for _, i := range decls {
		d := fl.f.Decls[i]
		rename(d)
		if fd, ok := d.(*ast.FuncDecl); ok && async[i] {
			put(edit{fl.off(fd.Pos()), fl.off(fd.Pos()), "//async\n"})
			if !fl.declaresRT(fd) {
				fl.awaits(fd.Body, put)
			}
		}
	}
	var call string
	if e.call != nil {
		rename(e.call)
		call = fl.apply(fl.off(e.call.Pos()), fl.off(e.call.End()), edits)
	} else {
		fd := fl.f.Decls[e.decl].(*ast.FuncDecl)
		call = prefix + fd.Name.Name + "()"
		if e.test {
			call = prefix + fd.Name.Name + "(t)"
		}
	}
	if bad != nil {
		return portedCase{}, bad
	}

	var b bytes.Buffer
	b.WriteString(fl.header())
	fmt.Fprintf(&b, "\n// Ported from $GOROOT/%s (%s), case %s, by\n// internal/conformance: edit the porter, not this file.\n\npackage main\n\n", fl.rel, version, e.name)
	var imps []string
	for pn := range imports {
		if pn.Imported().Path() == "testing" {
			continue
		}
		spec := strconv.Quote(pn.Imported().Path())
		if pn.Name() != pn.Imported().Name() {
			spec = pn.Name() + " " + spec
		}
		imps = append(imps, spec)
	}
	imps = append(imps, strconv.Quote("github.com/asyncgen/asyncgen/rt"))
	sort.Strings(imps)
	b.WriteString("import (\n")
	for _, s := range imps {
		b.WriteString("\t" + s + "\n")
	}
	b.WriteString(")\n\n")
	for _, i := range decls {
		d := fl.f.Decls[i]
		start := d.Pos()
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		case *ast.GenDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		}
		b.WriteString(fl.apply(fl.off(start), fl.off(d.End()), edits))
		b.WriteString("\n\n")
	}
	run := prefix + "_run"
	fmt.Fprintf(&b, "//async\nfunc %s(t *conformT) {\n\trt.Sleep(0)\n\t%s\n\trt.Sleep(0)\n}\n", run, call)
	src, err := format.Source(b.Bytes())
	if err != nil {
		return portedCase{}, fmt.Errorf("internal: the ported case does not format: %v", err)
	}
	name := fl.displayName() + ":" + e.name
	return portedCase{Case: Case{Name: name, File: prefix + "case.go", Run: run, Source: fl.rel}, Src: src}, nil
}

// apply returns src[start:end] with the edits inside it applied: at one
// offset, insertions in the order made, then a replacement.
func (fl *file) apply(start, end int, edits []edit) string {
	var in []edit
	for _, ed := range edits {
		if ed.start >= start && ed.end <= end {
			in = append(in, ed)
		}
	}
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].start != in[j].start {
			return in[i].start < in[j].start
		}
		return in[i].end == in[i].start && in[j].end > in[j].start
	})
	var b strings.Builder
	at := start
	for _, ed := range in {
		if ed.start < at {
			continue // inside a replacement already made (testing.T)
		}
		b.Write(fl.src[at:ed.start])
		b.WriteString(ed.text)
		at = ed.end
	}
	b.Write(fl.src[at:end])
	return b.String()
}

// header returns the file's copyright comment.
func (fl *file) header() string {
	var lines []string
	in := false
	for _, line := range strings.Split(string(fl.src), "\n") {
		if strings.HasPrefix(line, "// Copyright") {
			in = true
		}
		if in {
			lines = append(lines, line)
			if !strings.HasPrefix(line, "//") || strings.Contains(line, "LICENSE file") {
				break
			}
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// asyncSet decides which functions of a case are //async.
func (fl *file) asyncSet(decls []int) map[int]bool {
	async := map[int]bool{}
	for _, i := range decls {
		fd, ok := fl.f.Decls[i].(*ast.FuncDecl)
		if !ok || fd.Body == nil || (fd.Recv == nil && fd.Name.Name == "init") || fd.Name.Name == "_" {
			continue
		}
		if isIterator(fl.info.Defs[fd.Name]) {
			continue // asyncgen would make it an async generator
		}
		async[i] = true
	}
	demote := func(obj types.Object) bool {
		if obj == nil {
			return false
		}
		if i, ok := fl.declOf[obj]; ok && async[i] {
			delete(async, i)
			return true
		}
		return false
	}
	// A go statement cannot launch async code.
	for _, i := range decls {
		ast.Inspect(fl.f.Decls[i], func(n ast.Node) bool {
			if g, ok := n.(*ast.GoStmt); ok {
				demote(fl.callee(g.Call))
			}
			return true
		})
	}
	// A call in a function literal of an async function cannot suspend it.
	for changed := true; changed; {
		changed = false
		for _, i := range decls {
			if !async[i] {
				continue
			}
			ast.Inspect(fl.f.Decls[i].(*ast.FuncDecl).Body, func(n ast.Node) bool {
				lit, ok := n.(*ast.FuncLit)
				if !ok {
					return true
				}
				ast.Inspect(lit.Body, func(n ast.Node) bool {
					if c, ok := n.(*ast.CallExpr); ok && demote(fl.callee(c)) {
						changed = true
					}
					return true
				})
				return false
			})
		}
	}
	return async
}

// isIterator reports whether fn's last parameter is named yield and is a
// func(...) bool: asyncgen reads //async on it as an async generator.
func isIterator(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	n := sig.Params().Len()
	if n == 0 {
		return false
	}
	p := sig.Params().At(n - 1)
	y, ok := p.Type().Underlying().(*types.Signature)
	return p.Name() == "yield" && ok && y.Results().Len() == 1
}

// declaresRT reports whether fd declares a local named rt, which would hide
// the package of the inserted awaits.
func (fl *file) declaresRT(fd *ast.FuncDecl) bool {
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "rt" && fl.info.Defs[id] != nil {
			found = true
		}
		return !found
	})
	return found
}

const await = "rt.Sleep(0)"

// awaits inserts an await before every statement of every statement list
// in body, and after a last statement that cannot end the list's control
// flow, and one in every if and for condition, outside function literals.
func (fl *file) awaits(body *ast.BlockStmt, put func(edit)) {
	var list func(stmts []ast.Stmt, open token.Pos)
	var stmt func(s ast.Stmt)
	// A condition is awaited too: conformAwait(c) (harness.go) suspends,
	// then returns c, which it evaluated first as its argument.
	cond := func(c ast.Expr) {
		put(edit{fl.off(c.Pos()), fl.off(c.Pos()), "conformAwait("})
		put(edit{fl.off(c.End()), fl.off(c.End()), ")"})
	}
	list = func(stmts []ast.Stmt, open token.Pos) {
		if len(stmts) == 0 {
			o := fl.off(open)
			put(edit{o, o, " " + await + "; "})
			return
		}
		for _, s := range stmts {
			o := fl.off(s.Pos())
			put(edit{o, o, await + "; "})
			stmt(s)
		}
		last := stmts[len(stmts)-1]
		switch l := last.(type) {
		case *ast.ExprStmt:
			if c, ok := l.X.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && id.Name == "panic" {
					return
				}
			}
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.DeclStmt, *ast.DeferStmt, *ast.SendStmt, *ast.GoStmt:
		default:
			return
		}
		o := fl.off(last.End())
		put(edit{o, o, "; " + await})
	}
	stmt = func(s ast.Stmt) {
		switch s := s.(type) {
		case *ast.BlockStmt:
			list(s.List, s.Lbrace+1)
		case *ast.LabeledStmt:
			stmt(s.Stmt)
		case *ast.IfStmt:
			cond(s.Cond)
			list(s.Body.List, s.Body.Lbrace+1)
			if s.Else != nil {
				stmt(s.Else)
			}
		case *ast.ForStmt:
			if s.Cond != nil {
				cond(s.Cond)
			}
			list(s.Body.List, s.Body.Lbrace+1)
		case *ast.RangeStmt:
			list(s.Body.List, s.Body.Lbrace+1)
		case *ast.SwitchStmt:
			for _, c := range s.Body.List {
				cc := c.(*ast.CaseClause)
				list(cc.Body, cc.Colon+1)
			}
		case *ast.TypeSwitchStmt:
			for _, c := range s.Body.List {
				cc := c.(*ast.CaseClause)
				list(cc.Body, cc.Colon+1)
			}
		case *ast.SelectStmt:
			for _, c := range s.Body.List {
				cc := c.(*ast.CommClause)
				list(cc.Body, cc.Colon+1)
			}
		}
	}
	list(body.List, body.Lbrace+1)
}

// casesFile is the table of cases that the harness runs.
func casesFile(p *Port) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// The table of ported cases, written by internal/conformance from the\n// Go %s test suite: edit the porter, not this file.\n\npackage main\n\nvar conformCases = []conformCase{\n", p.Version)
	for _, c := range p.Cases {
		fmt.Fprintf(&b, "\t{%q, %s, %sAsync},\n", c.Name, c.Run, c.Run)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		panic(err)
	}
	return src
}
