package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Migrations: a plain function marked
//
//	//durable:migrate F FROM
//	//durable:migrate F FROM -> TO
//
// carries the snapshots of the durable function F taken at its resume
// point FROM, in an older version whose frame had another shape there,
// into this version of F at the point TO (FROM when omitted):
//
//	//durable:migrate crawl checkpoint:fetched
//	func migrateFetched(pages []*Page) (retries int, err error)
//
// Its parameters declare the old frame at FROM: the variables live there
// in the old version, by name and type (the old snapshot holds exactly
// those, see pointFields). The temporaries of the lowering and the awaited
// operation are not the user's to name: the old point must have had those
// of TO (same loops around it, same kind of operation). From them the
// generator computes the old fingerprint, and checks it against the lines
// durable.lock lists for F at FROM, so a migration that does not describe
// the old frame is an error at the function, not a run that cannot
// resume. Its results, all named but a last error, give the variables of
// F live at TO that it sets; every other variable live at TO is carried
// from the parameter of the same name, which must have its type.
//
// For each migration the pass emits a method of F's frame that decodes
// the old fields (the parameters into locals, the temporaries and the
// operation into the frame), calls the function, and stores its results
// and the carried parameters; and registers it with
// durable.RegisterMigration under the old fingerprint, which is also
// written to durable.lock (it is still resumable).

type durMigration struct {
	decl     *ast.FuncDecl
	dir      *ast.Comment
	target   string // F: "crawl", or "T.M" for a method
	from, to string
}

const migrateDirective = "//durable:migrate "

// parseMigrate reads the //durable:migrate directive of d, if any.
func parseMigrate(d *ast.FuncDecl) (durMigration, bool) {
	if d.Doc == nil {
		return durMigration{}, false
	}
	for _, c := range d.Doc.List {
		rest, ok := strings.CutPrefix(c.Text, migrateDirective)
		if !ok {
			continue
		}
		m := durMigration{decl: d, dir: c}
		target, points, _ := strings.Cut(strings.TrimSpace(rest), " ")
		m.target = target
		from, to, ok := strings.Cut(points, "->")
		m.from, m.to = strings.TrimSpace(from), strings.TrimSpace(to)
		if !ok {
			m.to = m.from
		}
		return m, true
	}
	return durMigration{}, false
}

// pkgDecls returns the function declarations of the package's files.
func (e *emitter) pkgDecls() []*ast.FuncDecl {
	files := e.file.PkgFiles
	if files == nil {
		files = []*ast.File{e.file.Syntax}
	}
	var out []*ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				out = append(out, fd)
			}
		}
	}
	return out
}

// checkMigrationTargets reports the //durable:migrate directives of this
// file that name no durable function of the package.
func (e *emitter) checkMigrationTargets() {
	for _, d := range e.file.Syntax.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		m, ok := parseMigrate(fd)
		if !ok {
			continue
		}
		if m.target == "" || m.from == "" || m.to == "" {
			e.errorf(m.dir.Pos(), "//durable:migrate of %s: want //durable:migrate F FROM or //durable:migrate F FROM -> TO (F a durable function of this package, FROM and TO resume points such as checkpoint:NAME)", fd.Name.Name)
			continue
		}
		if !e.isDurableHere(m.target) {
			e.errorf(m.dir.Pos(), "//durable:migrate of %s names %s, which is not a durable function of this package", fd.Name.Name, m.target)
		}
	}
}

// isDurableHere reports whether name ("F" or "T.M") is a function of this
// package marked //async durable and not an older version (//durable:was).
func (e *emitter) isDurableHere(name string) bool {
	for _, d := range e.pkgDecls() {
		if analyze.IsDurableDecl(d) && durableWas(d) == "" && declName(d) == name {
			return true
		}
	}
	return false
}

// declName is "F", or "T.M" for a method of T or *T.
func declName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		}
		break
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + d.Name.Name
	}
	return d.Name.Name
}

type durPoint struct {
	state  int
	id     string
	fp     uint64
	fields []durField
}

// migration is one checked //durable:migrate of the function being emitted.
type migration struct {
	m      durMigration
	fn     *types.Func
	to     durPoint
	oldFP  uint64
	params []*types.Var
	method string
}

// durableMigrations checks the migrations of the function being emitted
// (registered as name), emits their methods, and returns them for init.
func (e *emitter) durableMigrations(recv *jen.Statement, name string, points []durPoint) []migration {
	rel := declName(e.fn.Decl)
	var out []migration
	for _, d := range e.pkgDecls() {
		m, ok := parseMigrate(d)
		if !ok || m.target != rel || m.from == "" || m.to == "" {
			continue
		}
		if mg, ok := e.checkMigration(m, name, points); ok {
			if prev := firstFrom(out, mg.oldFP); prev != "" {
				e.errorf(m.dir.Pos(), "migration %s: %s migrates the same old frame of %s at %s (fingerprint %016x): keep one", d.Name.Name, prev, m.target, m.from, mg.oldFP)
				continue
			}
			e.claimOldFrame(name, m.from, mg.oldFP, durClaim{pos: m.dir.Pos(), who: d.Name.Name, migration: true, target: m.target})
			mg.method = fmt.Sprintf("%smigrate%d", analyze.Prefix, len(out))
			e.emitMigration(recv, mg)
			out = append(out, mg)
		}
	}
	return out
}

func (e *emitter) checkMigration(m durMigration, name string, points []durPoint) (migration, bool) {
	fname := m.decl.Name.Name
	fn, _ := e.info.Defs[m.decl.Name].(*types.Func)
	if fn == nil {
		return migration{}, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil || sig.TypeParams().Len() > 0 {
		e.errorf(m.decl.Name.Pos(), "migration %s: a //durable:migrate function is a plain function, without receiver or type parameters", fname)
		return migration{}, false
	}
	mg := migration{m: m, fn: fn}
	var ids []string
	found := false
	for _, p := range points {
		ids = append(ids, p.id)
		if p.id == m.to {
			mg.to, found = p, true
		}
	}
	if !found {
		e.errorf(m.dir.Pos(), "migration %s: %s has no resume point %s (its points: %s)", fname, m.target, m.to, strings.Join(ids, ", "))
		return migration{}, false
	}
	ok := true
	res := sig.Results()
	if res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		e.errorf(m.decl.Name.Pos(), "migration %s: its last result must be an error (returned, it fails the resume)", fname)
		return migration{}, false
	}
	// The old frame: the parameters by name, and TO's temporaries and
	// operation.
	byName := map[string]*types.Var{}
	var old []durField
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		mg.params = append(mg.params, p)
		if p.Name() == "" || p.Name() == "_" {
			e.errorf(p.Pos(), "migration %s: every parameter is a variable of the old frame and needs its name", fname)
			ok = false
			continue
		}
		if why := e.unencodable(p.Type(), map[types.Type]bool{}); why != "" {
			e.errorf(p.Pos(), "migration %s: parameter %s is %s: no frame held it", fname, p.Name(), why)
			ok = false
		}
		byName[p.Name()] = p
		old = append(old, durField{name: p.Name(), key: p.Name(), t: p.Type()})
	}
	if sig.Variadic() {
		e.errorf(m.decl.Name.Pos(), "migration %s: a migration is not variadic", fname)
		ok = false
	}
	sort.SliceStable(old, func(i, j int) bool { return old[i].key < old[j].key })
	live := map[string]durField{}
	var liveNames []string
	for _, f := range mg.to.fields {
		switch {
		case f.aw || strings.HasPrefix(f.key, "~"):
			old = append(old, f)
		case strings.Contains(f.key, "#"):
			e.errorf(m.dir.Pos(), "migration %s: two variables named %s are live at %s of %s, which a migration cannot tell apart: rename one", fname, strings.SplitN(f.key, "#", 2)[0], m.to, m.target)
			ok = false
		default:
			live[f.key] = f
			liveNames = append(liveNames, f.key)
		}
	}
	set := map[string]bool{}
	for i := 0; i < res.Len()-1; i++ {
		r := res.At(i)
		f, isLive := live[r.Name()]
		switch {
		case r.Name() == "" || r.Name() == "_":
			e.errorf(m.decl.Name.Pos(), "migration %s: name its results: each is the variable of %s at %s it sets", fname, m.target, m.to)
			ok = false
		case !isLive:
			e.errorf(r.Pos(), "migration %s: result %s is no variable live at %s of %s (those are: %s)", fname, r.Name(), m.to, m.target, strings.Join(liveNames, ", "))
			ok = false
		case !types.Identical(r.Type(), f.t):
			e.errorf(r.Pos(), "migration %s: result %s has type %s, and %s's variable %s has type %s", fname, r.Name(), types.TypeString(r.Type(), e.pkgName), m.target, r.Name(), types.TypeString(f.t, e.pkgName))
			ok = false
		}
		set[r.Name()] = true
	}
	for _, key := range liveNames {
		if set[key] {
			continue
		}
		f := live[key]
		p := byName[key]
		switch {
		case p == nil:
			e.errorf(m.decl.Name.Pos(), "migration %s: variable %s is live at %s of %s, and is neither a result of %s nor one of its parameters: return it (named %s), or take it from the old frame", fname, key, m.to, m.target, fname, key)
			ok = false
		case !types.Identical(p.Type(), f.t):
			e.errorf(p.Pos(), "migration %s: parameter %s has type %s, and %s's variable %s at %s has type %s: return the new %s as a result", fname, key, types.TypeString(p.Type(), e.pkgName), m.target, key, m.to, types.TypeString(f.t, e.pkgName), key)
			ok = false
		}
	}
	if !ok {
		return migration{}, false
	}
	mg.oldFP = e.pointFingerprint(name, m.from, old)
	for _, p := range points {
		if p.fp == mg.oldFP {
			e.errorf(m.dir.Pos(), "migration %s: the frame it describes is that of %s at %s in this build (fingerprint %016x): there is nothing to migrate", fname, m.target, p.id, p.fp)
			return migration{}, false
		}
	}
	// The old fingerprint must be one durable.lock lists for FROM.
	lock, err := os.ReadFile(filepath.Join(filepath.Dir(e.file.Path), DurableLockName))
	if err == nil {
		var fps []string
		for _, l := range parseDurableLock(lock) {
			if l.key == name+" "+m.from {
				fps = append(fps, lastField(l.text))
			}
		}
		want := fmt.Sprintf("%016x", mg.oldFP)
		switch {
		case len(fps) == 0:
			e.errorf(m.dir.Pos(), "migration %s: %s lists no resume point %s of %s: a migration starts from a point whose snapshots may be in flight", fname, DurableLockName, m.from, m.target)
			return migration{}, false
		case !containsString(fps, want):
			e.errorf(m.decl.Name.Pos(), "migration %s: its parameters describe %s at %s with fingerprint %s, and %s lists %s there: the parameters must be the variables live at %s in the old version, by name and type (and the old point must have had the temporaries and operation of %s)", fname, m.target, m.from, want, DurableLockName, strings.Join(fps, ", "), m.from, m.to)
			return migration{}, false
		}
	}
	return mg, true
}

// firstFrom names the migration of ms from the old fingerprint fp, or "".
func firstFrom(ms []migration, fp uint64) string {
	for _, m := range ms {
		if m.oldFP == fp {
			return m.fn.Name()
		}
	}
	return ""
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// emitMigration renders the frame's method that decodes an old snapshot
// through the migration.
func (e *emitter) emitMigration(recv *jen.Statement, mg migration) {
	D := jen.Id(analyze.Prefix + "d")
	local := func(v *types.Var) *jen.Statement { return jen.Id(analyze.Prefix + "m_" + v.Name()) }
	result := func(name string) *jen.Statement { return jen.Id(analyze.Prefix + "r_" + name) }
	var body []jen.Code
	for _, p := range mg.params {
		body = append(body, jen.Var().Add(local(p)).Add(e.typeCode(p.Type())))
	}
	sorted := append([]*types.Var(nil), mg.params...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name() < sorted[j].Name() })
	for _, p := range sorted {
		body = append(body, jen.Id(e.durHelper("dec", p.Type())).Call(D, jen.Op("&").Add(local(p))))
	}
	var rest []durField
	for _, f := range mg.to.fields {
		if f.aw || strings.HasPrefix(f.key, "~") {
			rest = append(rest, f)
		}
	}
	_, dec := e.pointCodec(jen.Id(frameVar), rest)
	body = append(body, dec...)
	body = append(body, jen.If(D.Clone().Dot("Err").Call().Op("!=").Nil()).Block(jen.Return()))
	sig := mg.fn.Type().(*types.Signature)
	var lhs, args []jen.Code
	results := map[string]bool{}
	for i := 0; i < sig.Results().Len()-1; i++ {
		r := sig.Results().At(i)
		lhs = append(lhs, result(r.Name()))
		results[r.Name()] = true
	}
	errID := jen.Id(analyze.Prefix + "merr")
	lhs = append(lhs, errID)
	for _, p := range mg.params {
		args = append(args, local(p))
	}
	body = append(body,
		jen.List(lhs...).Op(":=").Id(mg.fn.Name()).Call(args...),
		jen.If(errID.Clone().Op("!=").Nil()).Block(D.Clone().Dot("Fail").Call(errID.Clone()), jen.Return()))
	for _, f := range mg.to.fields {
		if f.aw || strings.HasPrefix(f.key, "~") {
			continue
		}
		var src *jen.Statement
		if results[f.key] {
			src = result(f.key)
		} else {
			for _, p := range mg.params {
				if p.Name() == f.key {
					src = local(p)
				}
			}
		}
		if f.boxed {
			src = jen.Op("&").Add(src)
		}
		body = append(body, jen.Id(frameVar).Dot(f.name).Op("=").Add(src))
	}
	e.jf.Commentf("%s reads a snapshot of %s taken at %s by an older version (fingerprint %016x) and migrates it with %s to %s.", mg.method, mg.m.target, mg.m.from, mg.oldFP, mg.fn.Name(), mg.m.to)
	e.jf.Func().Params(recv.Clone()).Id(mg.method).Params(D.Clone().Op("*").Add(durablePath("Decoder"))).Block(body...)
	e.jf.Line()
}

// migrationRegistration is the init statement that registers mg.
func (e *emitter) migrationRegistration(name string, mg migration) jen.Code {
	fr := jen.Id(analyze.Prefix + "fr")
	return durablePath("RegisterMigration").Call(jen.Lit(name), durablePath("Migration").Values(jen.Dict{
		jen.Id("From"):   durablePath("Point").Values(jen.Id("ID").Op(":").Lit(mg.m.from), jen.Id("FP").Op(":").Op(fmt.Sprintf("0x%016x", mg.oldFP))),
		jen.Id("To"):     jen.Lit(mg.m.to),
		jen.Id("Func"):   jen.Lit(mg.fn.Name()),
		jen.Id("New"):    jen.Func().Params().Add(durablePath("Frame")).Block(jen.Return(jen.Op("&").Add(e.frameType()).Values(jen.Dict{jen.Id(analyze.Prefix + "state"): jen.Lit(mg.to.state)}))),
		jen.Id("Decode"): jen.Func().Params(fr.Clone().Add(durablePath("Frame")), jen.Id(analyze.Prefix+"d").Op("*").Add(durablePath("Decoder"))).Block(fr.Clone().Assert(jen.Op("*").Add(e.frameType())).Dot(mg.method).Call(jen.Id(analyze.Prefix + "d"))),
	}))
}

// durClaim is a //durable:was copy or a migration that resumes the
// snapshots of one old frame: a durable function's name, a resume point
// and a fingerprint (durClaimKey).
type durClaim struct {
	pos       token.Pos // the copy's name, or the migration's directive
	who       string    // the copy's or the migration's function
	migration bool
	target    string // a migration's durable function, as its directive names it
	point     string // the resume point
	fp        uint64
}

func durClaimKey(name string, fp uint64) string { return fmt.Sprintf("%s %016x", name, fp) }

// claimOldFrame records that c resumes the snapshots of the durable
// function registered as name taken at point with fingerprint fp.
func (e *emitter) claimOldFrame(name, point string, fp uint64, c durClaim) {
	if e.plan == nil {
		return
	}
	if e.plan.durClaims == nil {
		e.plan.durClaims = map[string][]durClaim{}
	}
	c.point, c.fp = point, fp
	k := durClaimKey(name, fp)
	e.plan.durClaims[k] = append(e.plan.durClaims[k], c)
}

// durableConflicts reports each migration whose old frame a //durable:was
// copy of the same function also resumes: rt/durable would resume every
// such snapshot in the copy (a registered frame is tried before the
// migrations), so the migration would never run. It is called once the
// package's files are emitted, since the copy and the migration may be
// in different files.
func (p *embedPlan) durableConflicts() analyze.Diagnostics {
	var diags analyze.Diagnostics
	for _, cs := range p.durClaims {
		var copies []durClaim
		for _, c := range cs {
			if !c.migration {
				copies = append(copies, c)
			}
		}
		if len(copies) == 0 {
			continue
		}
		at := p.fset.Position(copies[0].pos)
		for _, c := range cs {
			if !c.migration {
				continue
			}
			diags = append(diags, analyze.Diagnostic{Pos: p.fset.Position(c.pos),
				Message: fmt.Sprintf("migration %s: the //durable:was copy %s (%s:%d) resumes the same old frame of %s at %s (fingerprint %016x), and rt/durable would resume every such snapshot in the copy, never in the migration: keep one", c.who, copies[0].who, filepath.Base(at.Filename), at.Line, c.target, c.point, c.fp)})
		}
	}
	return diags.Sorted()
}
