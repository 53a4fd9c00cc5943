package transform

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"hash/fnv"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Pass "durable" (after emit, for functions marked //async durable): check
// that every frame field can be encoded, and emit the frame's codec, its
// resume points with their fingerprints, and its registration with
// rt/durable.
//
// The rule is the simplest sound one: every frame field must be encodable,
// whether or not it is live at a checkpoint (a field that is dead there is
// encoded anyway, usually as its zero value). Encodable are numbers,
// bools, strings, and slices, arrays, maps, structs and pointers of
// encodable types, named or not; error values (their message only); types
// implementing durable.Codec (DurableEncode, and DurableDecode on the
// pointer); and types implementing encoding.BinaryMarshaler and
// BinaryUnmarshaler (time.Time). Channels, funcs, iterators being ranged,
// other interfaces, unsafe pointers, type parameters, sync values, rt
// handles and other packages' structs with unexported fields are errors at
// the variable's declaration.
//
// For each durable frame the pass emits
//
//	func (ag_f *ag_F) DurableName() string            // "import/path.F"
//	func (ag_f *ag_F) DurablePoint() uint64           // fingerprint at ag_state
//	func (ag_f *ag_F) DurableSetPoint(uint64) bool    // the inverse, for a resume
//	func (ag_f *ag_F) DurableEncode(*durable.Encoder) // the fields live at ag_state's point
//	func (ag_f *ag_F) DurableDecode(*durable.Decoder) // the same, at the point set
//	func init() { durable.Register("import/path.F", points, factory) }
//
// and one encoder and one decoder function per type the fields use,
// ag_denc<N>_<file> and ag_ddec<N>_<file>, calling each other (so
// recursive types work). The snapshot format is documented in
// rt/durable/codec.go.
//
// A resume point's identity is "checkpoint:NAME", "step:NAME",
// "sleep:NAME" (the constant names given to rt/durable), or "call:G#K" for
// the K-th await (from 0, in source order) of the durable function G. It
// does not depend on state numbers, so moving or adding unrelated code
// keeps it. What a snapshot holds at a point is what the code after it
// reads (pointFields): the variables live across the await, by name, the
// lowering's temporaries live there, by rank ("~K": their frame names are
// numbered through the whole function), and the awaited operation. Its
// fingerprint is an FNV-1a 64 hash of the function's name, the point's
// identity, and those fields' keys and deep type shapes in snapshot
// order; the codec at the point encodes and decodes exactly those fields,
// so a field the fingerprint does not cover is never read from an old
// snapshot. The snapshot stores the fingerprint, not the state number:
// DurableSetPoint maps it back to this build's state. Functions marked
// //durable:migrate add decoders of old shapes (durable_migrate.go).

// durableFile is the per-file state of the pass.
type durableFile struct {
	tag     string         // the file's part of helper names
	helpers map[string]int // type key -> helper number
	pending []types.Type   // helpers to emit, by number
	done    int            // helpers emitted
}

type durField struct {
	name string
	t    types.Type
	v    *types.Var // the variable, or nil for ag_r0, ag_err, ag_awN
	aw   bool       // an awaitable field: t is its T
	// At a resume point (pointFields):
	key   string // the field's name in the point's fingerprint
	boxed bool   // the frame holds a pointer to a cell; t is the variable's type
}

func durablePath(name string) *jen.Statement { return jen.Qual(analyze.DurablePath, name) }

// durableName is the registered name of fn.
func durableName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() == nil {
		return name
	}
	return fn.Pkg().Path() + "." + name
}

// durableFields lists the frame's fields in struct order, ag_state aside.
func (e *emitter) durableFields() []durField {
	var out []durField
	for _, v := range e.lay.fields {
		st := e.lay.where[v]
		t := v.Type()
		if st.boxed {
			t = types.NewPointer(t)
		}
		out = append(out, durField{name: st.name, t: t, v: v})
	}
	awTypes := map[string]types.Type{}
	for _, in := range e.l.code {
		if aw, ok := in.(*instAwait); ok {
			awTypes[typeKey(aw.aw.Shape.T)] = aw.aw.Shape.T
		}
	}
	var aws []durField
	for key, name := range e.awFields {
		aws = append(aws, durField{name: name, t: awTypes[key], aw: true})
	}
	sort.Slice(aws, func(i, j int) bool {
		a, _ := strconv.Atoi(strings.TrimPrefix(aws[i].name, analyze.Prefix+"aw"))
		b, _ := strconv.Atoi(strings.TrimPrefix(aws[j].name, analyze.Prefix+"aw"))
		return a < b
	})
	out = append(out, aws...)
	if e.fn.Shape.HasValue {
		out = append(out, durField{name: analyze.Prefix + "r0", t: e.fn.Shape.T})
	}
	if e.fn.Shape.HasErr {
		out = append(out, durField{name: analyze.Prefix + "err", t: types.Universe.Lookup("error").Type()})
	}
	return out
}

func typeKey(t types.Type) string { return types.TypeString(t, nil) }

// durable checks and emits the codec of the durable frame just emitted.
func (e *emitter) durable(recv *jen.Statement) {
	if e.typeParams().Len() > 0 {
		return // reported by analyze
	}
	fields := e.durableFields()
	failed := false
	for _, f := range fields {
		if why := e.unencodable(f.t, map[types.Type]bool{}); why != "" {
			failed = true
			e.durableReject(f, why)
		}
	}
	if e.fn.Parent != nil || failed {
		return
	}
	if e.dur == nil {
		base := strings.TrimSuffix(filepath.Base(e.file.Path), ".go")
		tag := strings.Map(func(r rune) rune {
			if r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
				return r
			}
			return '_'
		}, base)
		e.dur = &durableFile{tag: tag, helpers: map[string]int{}}
	}
	name := durableName(e.fn.Obj)
	if was := durableWas(e.fn.Decl); was != "" {
		if !token.IsIdentifier(was) || was == e.fn.Obj.Name() {
			e.errorf(e.fn.Decl.Name.Pos(), "//durable:was of %s names %q: it must name the durable function this one is an older version of", e.fn.Obj.Name(), was)
			return
		}
		name = strings.TrimSuffix(name, e.fn.Obj.Name()) + was
	}

	// Each resume point's shape: the variables live there (read after the
	// resume) with their deep types, and the awaited operation's result.
	var points []durPoint
	calls := map[string]int{}
	for _, in := range e.l.code {
		aw, ok := in.(*instAwait)
		if !ok || aw.aw == nil {
			continue
		}
		p := durPoint{state: aw.state, id: e.pointID(aw.aw, calls), fields: e.pointFields(aw)}
		p.fp = e.pointFingerprint(name, p.id, p.fields)
		points = append(points, p)
		if durableWas(e.fn.Decl) != "" {
			e.claimOldFrame(name, p.id, p.fp, durClaim{pos: e.fn.Decl.Name.Pos(), who: e.fn.Obj.Name()})
		}
	}
	hex := func(fp uint64) *jen.Statement { return jen.Op(fmt.Sprintf("0x%016x", fp)) }

	e.jf.Commentf("DurableName is the registered name of the durable function %s (rt/durable).", e.qualName())
	e.jf.Func().Params(recv.Clone()).Id("DurableName").Params().String().Block(jen.Return(jen.Lit(name)))
	e.jf.Line()
	var cases, fpCases, encCases, decCases []jen.Code
	for _, p := range points {
		cases = append(cases, jen.Case(jen.Lit(p.state)).Block(jen.Return(hex(p.fp)).Comment(p.id)))
		fpCases = append(fpCases, jen.Case(hex(p.fp)).Block(jen.Id(frameVar).Dot(analyze.Prefix+"state").Op("=").Lit(p.state)).Comment(p.id))
		enc, dec := e.pointCodec(jen.Id(frameVar), p.fields)
		if len(enc) > 0 {
			encCases = append(encCases, jen.Case(jen.Lit(p.state)).Block(enc...))
			decCases = append(decCases, jen.Case(jen.Lit(p.state)).Block(dec...))
		}
	}
	fpCases = append(fpCases, jen.Default().Block(jen.Return(jen.False())))
	pointBody := []jen.Code{jen.Return(jen.Lit(0))}
	setBody := []jen.Code{jen.Return(jen.False())}
	if len(points) > 0 {
		pointBody = []jen.Code{jen.Switch(jen.Id(frameVar).Dot(analyze.Prefix + "state")).Block(cases...), jen.Return(jen.Lit(0))}
		setBody = []jen.Code{jen.Switch(jen.Id(analyze.Prefix + "fp")).Block(fpCases...), jen.Return(jen.True())}
	}
	e.jf.Comment("DurablePoint is the fingerprint of the frame's shape at its resume point.")
	e.jf.Func().Params(recv.Clone()).Id("DurablePoint").Params().Uint64().Block(pointBody...)
	e.jf.Line()
	e.jf.Comment("DurableSetPoint sets the state of the resume point whose fingerprint is fp.")
	e.jf.Func().Params(recv.Clone()).Id("DurableSetPoint").Params(jen.Id(analyze.Prefix + "fp").Uint64()).Bool().Block(setBody...)
	e.jf.Line()
	var encBody, decBody []jen.Code
	if len(encCases) > 0 {
		encBody = []jen.Code{jen.Switch(jen.Id(frameVar).Dot(analyze.Prefix + "state")).Block(encCases...)}
		decBody = []jen.Code{jen.Switch(jen.Id(frameVar).Dot(analyze.Prefix + "state")).Block(decCases...)}
	}
	e.jf.Comment("DurableEncode writes the fields live at the frame's resume point to a snapshot.")
	e.jf.Func().Params(recv.Clone()).Id("DurableEncode").Params(jen.Id(analyze.Prefix + "e").Op("*").Add(durablePath("Encoder"))).Block(encBody...)
	e.jf.Line()
	e.jf.Comment("DurableDecode reads the fields live at the frame's resume point from a snapshot.")
	e.jf.Func().Params(recv.Clone()).Id("DurableDecode").Params(jen.Id(analyze.Prefix + "d").Op("*").Add(durablePath("Decoder"))).Block(decBody...)
	e.jf.Line()
	var migs []migration
	if durableWas(e.fn.Decl) == "" {
		migs = e.durableMigrations(recv, name, points)
	}
	var lits []jen.Code
	for _, p := range points {
		lits = append(lits, jen.Values(jen.Id("ID").Op(":").Lit(p.id), jen.Id("FP").Op(":").Add(hex(p.fp))))
	}
	for _, p := range points {
		e.jf.Comment(fmt.Sprintf("%s %s %s %016x", durableLockMark, name, p.id, p.fp))
	}
	for _, mg := range migs {
		e.jf.Comment(fmt.Sprintf("%s %s %s %016x", durableLockMark, name, mg.m.from, mg.oldFP))
	}
	inits := []jen.Code{durablePath("Register").Call(jen.Lit(name), jen.Index().Add(durablePath("Point")).Values(lits...),
		jen.Func().Params().Add(durablePath("Frame")).Block(jen.Return(jen.Op("&").Add(e.frameType()).Values())))}
	for _, mg := range migs {
		inits = append(inits, e.migrationRegistration(name, mg))
	}
	e.jf.Func().Id("init").Params().Block(inits...)
	e.jf.Line()
	e.durHelpers()
}

// pointFields lists what a snapshot taken at the await aw holds, in
// snapshot order: the user's variables live across it, by name (a name
// live twice gets "#K" after the first); then the temporaries of the
// lowering live across it, as "~K" in frame order (their frame names
// depend on code elsewhere in the function); then the awaited
// operation, "await". A boxed variable is held by value: its cell is
// shared with no one at a resume point (durable functions take no
// addresses, and their closures are gone), so a resume gives it a new one.
func (e *emitter) pointFields(aw *instAwait) []durField {
	var user, temps []durField
	for _, v := range e.lay.across[aw] {
		st := e.lay.where[v]
		f := durField{name: st.name, t: v.Type(), v: v, boxed: st.boxed}
		if v.Pos().IsValid() && v.Name() != "" {
			f.key = v.Name()
			user = append(user, f)
		} else {
			f.key = fmt.Sprintf("~%d", len(temps))
			temps = append(temps, f)
		}
	}
	sort.SliceStable(user, func(i, j int) bool { return user[i].key < user[j].key })
	for i := 1; i < len(user); i++ {
		if base := strings.SplitN(user[i-1].key, "#", 2)[0]; base == user[i].key {
			k := 1
			if _, n, ok := strings.Cut(user[i-1].key, "#"); ok {
				k, _ = strconv.Atoi(n)
				k++
			}
			user[i].key = fmt.Sprintf("%s#%d", base, k)
		}
	}
	out := append(user, temps...)
	if t := aw.aw.Shape.T; t != nil {
		if name, ok := e.awFields[typeKey(t)]; ok {
			out = append(out, durField{name: name, key: "await", t: t, aw: true})
		}
	}
	return out
}

// pointFingerprint is the FNV-1a 64 hash of a resume point's shape: the
// function's name, the point's identity, and each field's key and deep
// type in snapshot order.
func (e *emitter) pointFingerprint(name, id string, fields []durField) uint64 {
	var shape strings.Builder
	fmt.Fprintf(&shape, "asyncgen durable point v2\n%s\npoint %s\n", name, id)
	for _, f := range fields {
		if f.aw {
			fmt.Fprintf(&shape, "%s await(%s)\n", f.key, e.shapeOf(f.t, map[types.Type]bool{}))
			continue
		}
		fmt.Fprintf(&shape, "%s %s\n", f.key, e.shapeOf(f.t, map[types.Type]bool{}))
	}
	h := fnv.New64a()
	h.Write([]byte(shape.String()))
	if fp := h.Sum64(); fp != 0 {
		return fp
	}
	return 1
}

// pointCodec renders the statements that encode and decode fields of the
// frame held by frame, exactly those the point's fingerprint covers.
func (e *emitter) pointCodec(frame *jen.Statement, fields []durField) (enc, dec []jen.Code) {
	E, D := jen.Id(analyze.Prefix+"e"), jen.Id(analyze.Prefix+"d")
	for _, f := range fields {
		field := frame.Clone().Dot(f.name)
		switch {
		case f.aw:
			enc = append(enc, durablePath("EncodeAwait").Call(E, field, jen.Id(e.durHelper("enc", f.t))))
			dec = append(dec, field.Clone().Op("=").Add(durablePath("DecodeAwait").Call(D, jen.Id(e.durHelper("dec", f.t)))))
		case f.boxed:
			enc = append(enc, jen.Id(e.durHelper("enc", f.t)).Call(E, durablePath("Cell").Call(field)))
			dec = append(dec, field.Clone().Op("=").New(e.typeCode(f.t)), jen.Id(e.durHelper("dec", f.t)).Call(D, field.Clone()))
		default:
			enc = append(enc, jen.Id(e.durHelper("enc", f.t)).Call(E, field))
			dec = append(dec, jen.Id(e.durHelper("dec", f.t)).Call(D, jen.Op("&").Add(field.Clone())))
		}
	}
	return enc, dec
}

// durableWas returns NAME of a //durable:was NAME directive in the doc
// comment of a durable function: the function is an older version of
// NAME, kept so that NAME's snapshots taken before its frame changed
// resume in it. It registers under NAME, and its fingerprints are
// computed as NAME's, so they equal those the old NAME had (and that
// durable.lock lists) as long as its variables and types are the old ones.
func durableWas(d *ast.FuncDecl) string {
	if d.Doc == nil {
		return ""
	}
	for _, c := range d.Doc.List {
		if rest, ok := strings.CutPrefix(c.Text, "//durable:was "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// durableLockMark starts the comment lines of a generated file that list
// its resume points, which Generate collects into durable.lock.
const durableLockMark = "durable-point:"

// pointID is the stable identity of an await point of a durable function.
func (e *emitter) pointID(aw *analyze.Await, calls map[string]int) string {
	callee := aw.Callee
	if aw.Explicit {
		if inner, ok := ast.Unparen(aw.Call.Args[0]).(*ast.CallExpr); ok {
			callee = analyze.NaturalOf(analyze.CalledFunc(e.info, inner))
		}
	}
	if op := analyze.DurableOp(callee); op != "" && len(aw.Call.Args) > 0 {
		if tv, ok := e.info.Types[aw.Call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return op + ":" + constant.StringVal(tv.Value)
		}
	}
	g := "?"
	if callee != nil {
		g = durableName(callee)
	}
	k := calls[g]
	calls[g]++
	return fmt.Sprintf("call:%s#%d", g, k)
}

// durableReject reports an unencodable field at its variable.
func (e *emitter) durableReject(f durField, why string) {
	fn := e.fn.Top().Decl.Name.Name
	pos := e.fn.Decl.Name.Pos()
	what := "field " + f.name + " of its frame"
	switch {
	case f.aw:
		what = "an awaited result"
	case f.v != nil && f.v.Pos().IsValid():
		pos, what = f.v.Pos(), "variable "+f.v.Name()
		if f.v.Parent() == nil || f.v.Name() == "" {
			what = "a variable"
		}
	case f.v != nil:
		// A temporary of the lowering: place it at the code it holds.
		best := token.NoPos
		for id, s := range e.l.synth {
			if s.v == f.v && id.Pos().IsValid() && (!best.IsValid() || id.Pos() < best) {
				best = id.Pos()
			}
		}
		if best.IsValid() {
			pos = best
		}
		for _, stop := range e.l.pullStops {
			if stop == f.v {
				return // reported with the loop's next function
			}
		}
		what = "a value held across an await point"
		ast.Inspect(e.fn.Decl.Body, func(n ast.Node) bool {
			if r, ok := n.(*ast.RangeStmt); ok && r.Pos() <= best && best < r.End() {
				if _, isFunc := e.info.TypeOf(r.X).Underlying().(*types.Signature); isFunc {
					// The loop's next and stop functions: one error.
					pos, what, why = r.X.Pos(), "the iterator ranged over here ("+types.ExprString(r.X)+")", "a func (an iterator being ranged)"
				}
			}
			return true
		})
	}
	msg := fmt.Sprintf("durable function %s: %s is %s: a checkpoint cannot hold it (a durable frame holds numbers, strings, bools, slices, arrays, maps, structs and pointers of such, errors, durable.Codec and encoding.BinaryMarshaler values)", fn, what, why)
	e.errorf(pos, "%s", msg)
	e.frameErrs = append(e.frameErrs, &posError{pos: pos, msg: msg})
}

func init() { analyze.DurableFrames = durableFrames }

// durableFrames is analyze.DurableFrames: it lowers and lays out the
// durable functions of f as File does, and returns only the frame fields
// that a checkpoint cannot hold (durableReject), where asyncgen reports
// them, so that asyncvet reports them too. Anything else (an internal
// error included) is asyncgen's to report.
func durableFrames(fset *token.FileSet, f *analyze.File) (diags analyze.Diagnostics) {
	defer func() {
		if recover() != nil {
			diags = nil
		}
	}()
	plan := planEmbeds(fset, []*analyze.File{f})[f.Pkg.Path()]
	e := newEmitter(fset, f, plan)
	for _, fn := range f.Funcs {
		if fn.Durable {
			e.functionSafely(fn)
		}
	}
	for _, pe := range e.frameErrs {
		diags = append(diags, analyze.Diagnostic{Pos: fset.Position(pe.pos), Message: pe.msg})
	}
	return diags.Sorted()
}

// unencodable returns why values of t cannot be encoded, or "".
func (e *emitter) unencodable(t types.Type, seen map[types.Type]bool) string {
	t = types.Unalias(t)
	if seen[t] {
		return ""
	}
	if isErrorType(t) {
		return ""
	}
	str := func() string { return types.TypeString(t, e.pkgName) }
	if n, ok := t.(*types.Named); ok {
		if e.isCodec(t) || isBinary(t) {
			return ""
		}
		if p := n.Obj().Pkg(); p != nil {
			switch path := p.Path(); {
			case path == "sync" || path == "sync/atomic":
				return "a sync value (" + str() + ")"
			case path == analyze.RTPath && strings.HasPrefix(n.Obj().Name(), "Tuple"):
			case path == analyze.RTPath || runtimeHandlePkg(path):
				return "an asyncgen runtime handle (" + str() + "), which lives in one process"
			}
		}
		seen[t] = true
		if st, ok := n.Underlying().(*types.Struct); ok && n.Obj().Pkg() != e.pkg {
			for i := 0; i < st.NumFields(); i++ {
				if f := st.Field(i); !f.Exported() && f.Name() != "_" {
					return fmt.Sprintf("a struct of another package with unexported field %s (%s): implement durable.Codec on a type of yours that holds it", f.Name(), str())
				}
			}
		}
		switch n.Underlying().(type) {
		case *types.Chan:
			return "a channel (" + str() + ")"
		case *types.Signature:
			return "a func value (" + str() + ")"
		case *types.Interface:
			return "an interface (" + str() + "), whose dynamic type a snapshot cannot restore"
		case *types.Struct:
			if why := e.unencodable(n.Underlying(), seen); why != "" {
				return why + " of " + str()
			}
			return ""
		}
		return e.unencodable(n.Underlying(), seen)
	}
	switch u := t.(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return "an unsafe.Pointer"
		}
		if u.Info()&(types.IsNumeric|types.IsBoolean|types.IsString) != 0 {
			return ""
		}
		return "of type " + str()
	case *types.Pointer:
		return e.unencodable(u.Elem(), seen)
	case *types.Slice:
		return e.unencodable(u.Elem(), seen)
	case *types.Array:
		return e.unencodable(u.Elem(), seen)
	case *types.Map:
		if why := e.unencodable(u.Key(), seen); why != "" {
			return why
		}
		return e.unencodable(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if why := e.unencodable(f.Type(), seen); why != "" {
				return why + ", in field " + f.Name()
			}
		}
		return ""
	case *types.Chan:
		return "a channel (" + str() + ")"
	case *types.Signature:
		return "a func value (" + str() + ")"
	case *types.Interface:
		return "an interface (" + str() + "), whose dynamic type a snapshot cannot restore"
	case *types.TypeParam:
		return "a type parameter (" + str() + ")"
	}
	return "of type " + str()
}

// runtimeHandlePkg reports whether path is one of rt's subpackages whose
// values are handles on one process's loop, sockets or servers.
func runtimeHandlePkg(path string) bool {
	for _, p := range []string{"anet", "aredis", "ahttp", "ajobs", "aproc"} {
		if path == analyze.RTPath+"/"+p || strings.HasPrefix(path, analyze.RTPath+"/"+p+"/") {
			return true
		}
	}
	return false
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// hasMethods reports whether t's method set has every name.
func hasMethods(t types.Type, names ...string) bool {
	ms := types.NewMethodSet(t)
	for _, name := range names {
		found := false
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (e *emitter) isCodec(t types.Type) bool {
	return hasMethods(types.NewPointer(t), "DurableEncode", "DurableDecode")
}

func isBinary(t types.Type) bool {
	return hasMethods(types.NewPointer(t), "MarshalBinary", "UnmarshalBinary")
}

// shapeOf is the deep shape of t for fingerprints: named types by name
// and underlying shape (once), composite types by their parts, codec and
// binary types by name only.
func (e *emitter) shapeOf(t types.Type, seen map[types.Type]bool) string {
	t = types.Unalias(t)
	if isErrorType(t) {
		return "error"
	}
	if n, ok := t.(*types.Named); ok {
		name := types.TypeString(t, nil)
		switch {
		case e.isCodec(t):
			return "codec(" + name + ")"
		case isBinary(t):
			return "binary(" + name + ")"
		case seen[t]:
			return name
		}
		seen[t] = true
		return name + "=" + e.shapeOf(n.Underlying(), seen)
	}
	switch u := t.(type) {
	case *types.Basic:
		return u.Name()
	case *types.Pointer:
		return "*" + e.shapeOf(u.Elem(), seen)
	case *types.Slice:
		return "[]" + e.shapeOf(u.Elem(), seen)
	case *types.Array:
		return fmt.Sprintf("[%d]%s", u.Len(), e.shapeOf(u.Elem(), seen))
	case *types.Map:
		return "map[" + e.shapeOf(u.Key(), seen) + "]" + e.shapeOf(u.Elem(), seen)
	case *types.Struct:
		var b strings.Builder
		b.WriteString("struct{")
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(f.Name() + " " + e.shapeOf(f.Type(), seen))
		}
		b.WriteString("}")
		return b.String()
	}
	return types.TypeString(t, nil)
}

// durHelper returns the name of the encoder ("enc") or decoder ("dec")
// function of t, queuing it for emission.
func (e *emitter) durHelper(kind string, t types.Type) string {
	key := typeKey(t)
	n, ok := e.dur.helpers[key]
	if !ok {
		n = len(e.dur.pending)
		e.dur.helpers[key] = n
		e.dur.pending = append(e.dur.pending, t)
	}
	return fmt.Sprintf("%sd%s%d_%s", analyze.Prefix, kind, n, e.dur.tag)
}

// durHelpers emits the queued helper functions (and those they queue).
func (e *emitter) durHelpers() {
	for ; e.dur.done < len(e.dur.pending); e.dur.done++ {
		i := e.dur.done
		t := e.dur.pending[i]
		enc, dec := e.durCodec(t)
		tc := e.typeCode(t)
		e.jf.Func().Id(fmt.Sprintf("%sdenc%d_%s", analyze.Prefix, i, e.dur.tag)).Params(jen.Id(analyze.Prefix+"e").Op("*").Add(durablePath("Encoder")), jen.Id(analyze.Prefix+"v").Add(tc)).Block(enc...)
		e.jf.Line()
		e.jf.Func().Id(fmt.Sprintf("%sddec%d_%s", analyze.Prefix, i, e.dur.tag)).Params(jen.Id(analyze.Prefix+"d").Op("*").Add(durablePath("Decoder")), jen.Id(analyze.Prefix+"v").Op("*").Add(e.typeCode(t))).Block(dec...)
		e.jf.Line()
	}
}

// durCodec renders the bodies of t's encoder and decoder.
func (e *emitter) durCodec(t types.Type) (enc, dec []jen.Code) {
	E, D, V := jen.Id(analyze.Prefix+"e"), jen.Id(analyze.Prefix+"d"), jen.Id(analyze.Prefix+"v")
	conv := func(x jen.Code) *jen.Statement { return jen.Parens(e.typeCode(t)).Call(x) }
	set := func(x jen.Code) jen.Code { return jen.Op("*").Add(V).Op("=").Add(x) }
	t = types.Unalias(t)
	switch {
	case isErrorType(t):
		return []jen.Code{E.Clone().Dot("Error").Call(V)}, []jen.Code{set(D.Clone().Dot("Error").Call())}
	case e.isNamed(t) && e.isCodec(t):
		return []jen.Code{V.Clone().Dot("DurableEncode").Call(E)}, []jen.Code{V.Clone().Dot("DurableDecode").Call(D)}
	case e.isNamed(t) && isBinary(t):
		return []jen.Code{E.Clone().Dot("Binary").Call(jen.Op("&").Add(V))}, []jen.Code{D.Clone().Dot("Binary").Call(V)}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		info := u.Info()
		switch {
		case info&types.IsBoolean != 0:
			return []jen.Code{E.Clone().Dot("Bool").Call(jen.Bool().Call(V))}, []jen.Code{set(conv(D.Clone().Dot("Bool").Call()))}
		case info&types.IsString != 0:
			return []jen.Code{E.Clone().Dot("String").Call(jen.String().Call(V))}, []jen.Code{set(conv(D.Clone().Dot("String").Call()))}
		case info&types.IsUnsigned != 0:
			return []jen.Code{E.Clone().Dot("Uvarint").Call(jen.Uint64().Call(V))}, []jen.Code{set(conv(D.Clone().Dot("Uvarint").Call()))}
		case info&types.IsInteger != 0:
			return []jen.Code{E.Clone().Dot("Varint").Call(jen.Int64().Call(V))}, []jen.Code{set(conv(D.Clone().Dot("Varint").Call()))}
		case info&types.IsFloat != 0:
			return []jen.Code{E.Clone().Dot("Float").Call(jen.Float64().Call(V))}, []jen.Code{set(conv(D.Clone().Dot("Float").Call()))}
		case info&types.IsComplex != 0:
			c := jen.Complex128().Call(V)
			return []jen.Code{E.Clone().Dot("Float").Call(jen.Real(c)), E.Clone().Dot("Float").Call(jen.Imag(c.Clone()))},
				[]jen.Code{jen.Id(analyze.Prefix + "re").Op(":=").Add(D.Clone().Dot("Float").Call()), set(conv(jen.Complex(jen.Id(analyze.Prefix+"re"), D.Clone().Dot("Float").Call())))}
		}
	case *types.Pointer:
		elem := u.Elem()
		ptr := jen.Parens(jen.Op("*").Add(e.typeCode(elem)))
		enc = []jen.Code{jen.If(E.Clone().Dot("Ref").Call(ptr.Clone().Call(V), V.Clone().Op("==").Nil())).Block(
			jen.Id(e.durHelper("enc", elem)).Call(E, jen.Op("*").Add(V)))}
		dec = []jen.Code{
			jen.List(jen.Id(analyze.Prefix+"p"), jen.Id(analyze.Prefix+"fresh")).Op(":=").Add(durablePath("DecodeRef").Types(e.typeCode(elem)).Call(D)),
			set(conv(jen.Id(analyze.Prefix + "p"))),
			jen.If(jen.Id(analyze.Prefix + "fresh")).Block(jen.Id(e.durHelper("dec", elem)).Call(D, jen.Id(analyze.Prefix+"p"))),
		}
		return enc, dec
	case *types.Slice:
		elem := u.Elem()
		enc = []jen.Code{
			E.Clone().Dot("Len").Call(jen.Len(V), V.Clone().Op("==").Nil()),
			jen.For(jen.List(jen.Id("_"), jen.Id(analyze.Prefix+"x")).Op(":=").Range().Add(V)).Block(jen.Id(e.durHelper("enc", elem)).Call(E, jen.Id(analyze.Prefix+"x"))),
		}
		dec = []jen.Code{
			jen.List(jen.Id(analyze.Prefix+"n"), jen.Id(analyze.Prefix+"nil")).Op(":=").Add(D.Clone().Dot("Len").Call()),
			jen.If(jen.Id(analyze.Prefix+"nil")).Block(set(jen.Nil()), jen.Return()),
			set(jen.Make(e.typeCode(t), jen.Id(analyze.Prefix+"n"))),
			jen.For(jen.Id(analyze.Prefix + "i").Op(":=").Range().Op("*").Add(V)).Block(
				jen.Id(e.durHelper("dec", elem)).Call(D, jen.Op("&").Parens(jen.Op("*").Add(V)).Index(jen.Id(analyze.Prefix+"i")))),
		}
		return enc, dec
	case *types.Array:
		elem := u.Elem()
		enc = []jen.Code{jen.For(jen.Id(analyze.Prefix + "i").Op(":=").Range().Add(V)).Block(jen.Id(e.durHelper("enc", elem)).Call(E, V.Clone().Index(jen.Id(analyze.Prefix+"i"))))}
		dec = []jen.Code{jen.For(jen.Id(analyze.Prefix + "i").Op(":=").Range().Add(V)).Block(jen.Id(e.durHelper("dec", elem)).Call(D, jen.Op("&").Add(V).Index(jen.Id(analyze.Prefix+"i"))))}
		return enc, dec
	case *types.Map:
		k, v := u.Key(), u.Elem()
		K, X := jen.Id(analyze.Prefix+"k"), jen.Id(analyze.Prefix+"x")
		M, N := jen.Id(analyze.Prefix+"m"), jen.Id(analyze.Prefix+"n")
		enc = []jen.Code{
			jen.If(jen.Op("!").Add(E.Clone().Dot("MapRef").Call(V, jen.Len(V), V.Clone().Op("==").Nil()))).Block(jen.Return()),
			jen.For(jen.List(K, X).Op(":=").Range().Add(V)).Block(
				jen.Id(e.durHelper("enc", k)).Call(E, K), jen.Id(e.durHelper("enc", v)).Call(E, X)),
		}
		dec = []jen.Code{
			jen.List(M, jen.Id(analyze.Prefix+"fresh"), N).Op(":=").Add(durablePath("DecodeMapRef").Call(D,
				jen.Func().Params(N.Clone().Int()).Add(e.typeCode(t)).Block(jen.Return(jen.Make(e.typeCode(t), N.Clone()))))),
			set(M.Clone()),
			jen.If(jen.Op("!").Id(analyze.Prefix + "fresh")).Block(jen.Return()),
			jen.For(jen.Id(analyze.Prefix+"i").Op(":=").Lit(0), jen.Id(analyze.Prefix+"i").Op("<").Add(N.Clone()).Op("&&").Add(D.Clone().Dot("Err").Call()).Op("==").Nil(), jen.Id(analyze.Prefix+"i").Op("++")).Block(
				jen.Var().Add(K.Clone()).Add(e.typeCode(k)),
				jen.Var().Add(X.Clone()).Add(e.typeCode(v)),
				jen.Id(e.durHelper("dec", k)).Call(D, jen.Op("&").Add(K)),
				jen.Id(e.durHelper("dec", v)).Call(D, jen.Op("&").Add(X)),
				M.Clone().Index(K).Op("=").Add(X),
			),
		}
		return enc, dec
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Name() == "_" {
				continue
			}
			enc = append(enc, jen.Id(e.durHelper("enc", f.Type())).Call(E, V.Clone().Dot(f.Name())))
			dec = append(dec, jen.Id(e.durHelper("dec", f.Type())).Call(D, jen.Op("&").Add(V).Dot(f.Name())))
		}
		if len(enc) == 0 {
			enc = []jen.Code{jen.Id("_").Op("=").Add(V)}
			dec = []jen.Code{jen.Id("_").Op("=").Add(V)}
		}
		return enc, dec
	}
	panic(fmt.Sprintf("asyncgen: no durable codec for %s", t)) // unencodable rejected it
}

// pkgName qualifies other packages' types by their name in messages.
func (e *emitter) pkgName(p *types.Package) string {
	if p == e.pkg {
		return ""
	}
	return p.Name()
}

func (e *emitter) isNamed(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Named)
	return ok
}
