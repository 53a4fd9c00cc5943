package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Local type declarations.
//
// A type declared at the flattened level of an async function is declared
// at the top of Resume instead, before Resume's locals, which may have that
// type: flattened code declares its variables there too. The declaration is
// rendered from go/types, so it names no local constant that is declared
// later. A type whose name another name in the function would hide, or
// that a second local type or a package-level name shares, is renamed with the reserved prefix.
//
// A frame field cannot name a type that Resume declares: the frame struct
// is declared outside the function. So a local type that code outside
// Resume must name (the type of a frame field, an awaited value, or
// anything an async closure of the function uses) is declared at package
// level instead, as ag_<frame>_<name> (ag_F_pair for pair in F), with the
// function's type parameters when it has any. Such a type declared inside
// an ordinary statement (a block without await points), which stays as it
// is, is declared there as an alias of the package-level type.

func (l *lowerer) localTypeDecl(gd *ast.GenDecl) {
	for _, spec := range gd.Specs {
		if tn, ok := l.info.Defs[spec.(*ast.TypeSpec).Name].(*types.TypeName); ok {
			l.localTypes = append(l.localTypes, tn)
		}
	}
}

// localTypeNames names the hoisted local types.
func (l *lowerer) localTypeNames() map[*types.TypeName]string {
	names := map[*types.TypeName]string{}
	if len(l.localTypes) == 0 {
		return names
	}
	used := map[string][]types.Object{}
	ast.Inspect(l.fn.Decl, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if o := l.objOf(id); o != nil {
				used[id.Name] = append(used[id.Name], o)
			}
		}
		return true
	})
	taken := map[string]bool{}
	for _, tn := range l.localTypes {
		name := tn.Name()
		// A package-level name would be hidden from the generated code too.
		clash := taken[name] || injected[name] || l.pkg.Scope().Lookup(name) != nil
		for _, o := range used[name] {
			if o != tn {
				clash = true
			}
		}
		for k := 1; clash; k++ {
			name = fmt.Sprintf("%s%s_t%d", analyze.Prefix, tn.Name(), k)
			clash = taken[name]
		}
		taken[name] = true
		names[tn] = name
	}
	return names
}

// localTypeDecls renders the declarations of the local types Resume
// declares.
func (e *emitter) localTypeDecls() []jen.Code {
	var out []jen.Code
	for _, tn := range e.l.localTypes {
		if _, ok := e.pkgTypes[tn]; ok {
			continue
		}
		name := e.typeNames[tn]
		if tn.IsAlias() {
			out = append(out, e.lineDirective(tn.Pos()).Type().Id(name).Op("=").Add(e.typeCode(types.Unalias(tn.Type()))))
			continue
		}
		out = append(out, e.lineDirective(tn.Pos()).Type().Id(name).Types(e.ownTypeParams(tn)...).Add(e.typeCode(tn.Type().Underlying())))
	}
	return out
}

// localTypeName returns the name of a type local to the async function, when
// the code being rendered can name it: a type moved to package level, or
// one that Resume declares, in Resume.
//
// args are the type arguments of an instance of a generic local type (nil
// otherwise): a moved type takes the function's type parameters first.
func (e *emitter) localTypeName(tn *types.TypeName, args *types.TypeList) (jen.Code, bool) {
	var targs []jen.Code
	for i := 0; i < args.Len(); i++ {
		targs = append(targs, e.typeCode(args.At(i)))
	}
	if name, ok := e.pkgTypes[tn]; ok {
		return jen.Id(name).Types(append(e.typeParamArgs(), targs...)...), true
	}
	name, ok := e.typeNames[tn]
	if !ok || !e.inResume {
		return nil, false
	}
	return jen.Id(name).Types(targs...), true
}

// ownTypeParams declares the type parameters of a generic local type
// (type pair[X any] struct{ a, b X }), nil for another type.
func (e *emitter) ownTypeParams(tn *types.TypeName) []jen.Code {
	n, ok := tn.Type().(*types.Named)
	if !ok || tn.IsAlias() {
		return nil
	}
	var out []jen.Code
	tps := n.TypeParams()
	for i := 0; i < tps.Len(); i++ {
		out = append(out, jen.Id(typeParamName(tps.At(i))).Add(e.constraintCode(tps.At(i))))
	}
	return out
}

// managedLocalType reports whether t is an instance of a generic local type
// that Resume or the package declares under a new name.
func (e *emitter) managedLocalType(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || !isLocalNamed(n) {
		return false
	}
	_, moved := e.pkgTypes[n.Obj()]
	_, declared := e.typeNames[n.Obj()]
	return moved || declared
}

// typeParamArgs are the frame's type parameters as type arguments.
func (e *emitter) typeParamArgs() []jen.Code {
	tps := e.typeParams()
	args := make([]jen.Code, tps.Len())
	for i := 0; i < tps.Len(); i++ {
		args[i] = jen.Id(typeParamName(tps.At(i)))
	}
	return args
}

// hoistLocalTypes moves to package level the local types of the function
// being rendered (e.fn, lowered by e.l) that code outside its Resume must
// name: the types of its frame fields and of the values it awaits, its
// result type (a closure's), and every type an async closure inside it
// uses (the closure's frame and Resume are outside this Resume). The types
// such a type is made of move too. It declares them, before the frame.
func (e *emitter) hoistLocalTypes() {
	mine := map[*types.TypeName]bool{}
	for _, tn := range e.l.localTypes {
		mine[tn] = true
	}
	top := e.fn.Top().Decl
	var need []*types.TypeName
	seen := map[*types.TypeName]bool{}
	var mention func(t types.Type, at token.Pos)
	mention = func(t types.Type, at token.Pos) {
		forLocalTypes(t, func(tn *types.TypeName) {
			if seen[tn] || tn.Pos() < top.Pos() || tn.Pos() >= top.End() {
				return
			}
			if e.fn.Lit != nil && (tn.Pos() < e.fn.Lit.Pos() || tn.Pos() >= e.fn.Lit.End()) {
				return // an enclosing function's: moved when that was rendered
			}
			seen[tn] = true
			if !mine[tn] {
				for _, c := range e.fn.Closures {
					if tn.Pos() >= c.Lit.Pos() && tn.Pos() < c.Lit.End() {
						return // the closure's own
					}
				}
				// Declared inside an ordinary statement: its declaration
				// there becomes an alias of the package-level type.
			}
			need = append(need, tn)
			mention(tn.Type().Underlying(), tn.Pos())
		})
	}
	for _, v := range e.lay.fields {
		mention(v.Type(), v.Pos())
	}
	for _, in := range e.l.code {
		if aw, ok := in.(*instAwait); ok {
			mention(aw.aw.Shape.T, aw.at)
		}
	}
	if e.fn.Lit != nil {
		mention(e.fn.Shape.T, e.fn.Lit.Pos())
	}
	for _, c := range e.fn.Closures {
		lit := c.Lit
		for x, tv := range e.info.Types {
			if x.Pos() >= lit.Pos() && x.Pos() < lit.End() {
				mention(tv.Type, x.Pos())
			}
		}
		for id, obj := range e.info.Defs {
			if obj != nil && id.Pos() >= lit.Pos() && id.Pos() < lit.End() {
				mention(obj.Type(), id.Pos())
			}
		}
	}
	// Declaration order: the function's, not the maps'.
	sort.Slice(need, func(i, j int) bool { return need[i].Pos() < need[j].Pos() })
	for _, tn := range need {
		if _, done := e.pkgTypes[tn]; done {
			continue
		}
		e.pkgTypes[tn] = e.pkgTypeName(tn)
	}
	for _, tn := range need {
		name := e.pkgTypes[tn]
		e.jf.Commentf("%s is the type %s declared in %s, moved to package level: a frame or an async closure names it.", name, tn.Name(), e.fn.Top().Decl.Name.Name)
		if tn.IsAlias() {
			e.jf.Type().Id(name).Types(e.typeParamDecls()...).Op("=").Add(e.typeCode(types.Unalias(tn.Type())))
		} else {
			e.jf.Type().Id(name).Types(append(e.typeParamDecls(), e.ownTypeParams(tn)...)...).Add(e.typeCode(tn.Type().Underlying()))
		}
		e.jf.Line()
	}
}

// pkgTypeName names a local type moved to package level: ag_<frame>_<name>,
// with a number added when that name is taken.
func (e *emitter) pkgTypeName(tn *types.TypeName) string {
	base := strings.TrimPrefix(frameName(e.fn.Top()), analyze.Prefix) + "_" + tn.Name()
	name := analyze.Prefix + base
	taken := func(n string) bool {
		if e.pkg.Scope().Lookup(n) != nil || frameNameTaken(e.pkg, strings.TrimPrefix(n, analyze.Prefix), nil, "") {
			return true
		}
		for _, other := range e.pkgTypes {
			if other == n {
				return true
			}
		}
		// A closure frame's name ends in _func<N>.
		i := strings.LastIndex(n, "_func")
		return i >= 0 && len(n) > i+5 && strings.Trim(n[i+5:], "0123456789") == ""
	}
	for k := 1; taken(name); k++ {
		name = fmt.Sprintf("%s%s_t%d", analyze.Prefix, base, k)
	}
	return name
}

// forLocalTypes calls f for each named type declared inside a function that
// t is made of.
func forLocalTypes(t types.Type, f func(*types.TypeName)) {
	seen := map[types.Type]bool{}
	var walk func(types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		if n, ok := t.(*types.Named); ok && isLocalNamed(n) {
			f(n.Obj())
		}
		for _, c := range typeComponents(t) {
			walk(c)
		}
	}
	walk(t)
}

// isLocalNamed reports whether n is declared inside a function.
func isLocalNamed(n *types.Named) bool {
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope()
}

// typeComponents returns the types t is written with: element, key and
// field types, parameters and results, methods and embedded types, type
// arguments, and the type an alias stands for.
func typeComponents(t types.Type) []types.Type {
	var out []types.Type
	switch t := t.(type) {
	case *types.Alias:
		out = append(out, types.Unalias(t))
	case *types.Named:
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				out = append(out, args.At(i))
			}
		}
	case *types.Pointer:
		out = append(out, t.Elem())
	case *types.Slice:
		out = append(out, t.Elem())
	case *types.Array:
		out = append(out, t.Elem())
	case *types.Map:
		out = append(out, t.Key(), t.Elem())
	case *types.Chan:
		out = append(out, t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			out = append(out, t.Field(i).Type())
		}
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			out = append(out, t.At(i).Type())
		}
	case *types.Signature:
		out = append(out, t.Params(), t.Results())
	case *types.Interface:
		for i := 0; i < t.NumExplicitMethods(); i++ {
			out = append(out, t.ExplicitMethod(i).Type())
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			out = append(out, t.EmbeddedType(i))
		}
	}
	return out
}

// localTypeError reports, once, a local type that generated code outside
// Resume would have to name.
func (e *emitter) localTypeError(tn *types.TypeName) {
	msg := fmt.Sprintf("type %s is declared in a block of %s without await points, and generated code outside the function needs it (a variable of that type lives across an await point, or an async closure uses it): declare %s at the top level of the function or at package level",
		tn.Name(), e.fn.Top().Decl.Name.Name, tn.Name())
	for _, err := range e.errs {
		if pe, ok := err.(*posError); ok && pe.pos == tn.Pos() && pe.msg == msg {
			return
		}
	}
	e.errorf(tn.Pos(), "%s", msg)
}
