package transform

import (
	"fmt"
	"go/ast"
	"go/types"

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
// A frame field cannot have a local type: the frame struct is declared
// outside the function. So a variable of a local type that lives across an
// await point is an error that names the type. Types declared inside
// ordinary statements stay where they are.

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

// localTypeDecls renders the declarations of the hoisted local types.
func (e *emitter) localTypeDecls() []jen.Code {
	var out []jen.Code
	for _, tn := range e.l.localTypes {
		name := e.typeNames[tn]
		if tn.IsAlias() {
			out = append(out, e.lineDirective(tn.Pos()).Type().Id(name).Op("=").Add(e.typeCode(types.Unalias(tn.Type()))))
			continue
		}
		out = append(out, e.lineDirective(tn.Pos()).Type().Id(name).Add(e.typeCode(tn.Type().Underlying())))
	}
	return out
}

// localTypeName returns the name of a type local to the async function, when
// the code being rendered (Resume) can name it.
func (e *emitter) localTypeName(tn *types.TypeName) (string, bool) {
	name, ok := e.typeNames[tn]
	if !ok || !e.inResume {
		return "", false
	}
	return name, true
}

// localTypeError reports, once, a local type that generated code outside
// Resume would have to name.
func (e *emitter) localTypeError(tn *types.TypeName) {
	msg := fmt.Sprintf("type %s is declared inside %s and a variable of that type lives across an await point, so it would be a field of the frame, which is declared outside the function: declare %s at package level",
		tn.Name(), e.qualName(), tn.Name())
	for _, err := range e.errs {
		if pe, ok := err.(*posError); ok && pe.pos == tn.Pos() && pe.msg == msg {
			return
		}
	}
	e.errorf(tn.Pos(), "%s", msg)
}
