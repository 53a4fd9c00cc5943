package analyze

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
)

// AjobsPath is the import path of the job queue whose Define is checked.
const AjobsPath = "github.com/asyncgen/asyncgen/rt/ajobs"

// jobTypes reports each ajobs.Define call of f whose argument or result
// type encoding/json cannot carry, at the call: what ajobs.Define would
// panic with at initialisation, known while the code is written.
func (v *vetter) jobTypes(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fun := ast.Unparen(call.Fun)
		if ix, ok := fun.(*ast.IndexExpr); ok {
			fun = ix.X
		} else if ix, ok := fun.(*ast.IndexListExpr); ok {
			fun = ix.X
		}
		var id *ast.Ident
		switch e := fun.(type) {
		case *ast.Ident:
			id = e
		case *ast.SelectorExpr:
			id = e.Sel
		default:
			return true
		}
		fn, ok := v.pass.TypesInfo.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != AjobsPath || fn.Name() != "Define" {
			return true
		}
		inst, ok := v.pass.TypesInfo.Instances[id]
		if !ok || inst.TypeArgs.Len() != 2 {
			return true
		}
		for i, role := range []string{"argument", "result"} {
			if why := unencodable(inst.TypeArgs.At(i), map[types.Type]bool{}); why != "" {
				v.report(call.Pos(), CategoryJobType, "ajobs.Define: the job's %s type %s cannot be encoded with encoding/json: %s", role, inst.TypeArgs.At(i), why)
			}
		}
		return true
	})
}

// unencodable says why encoding/json cannot round-trip values of t, or
// returns "": the rules of rt/ajobs's checkEncodable, on go/types.
func unencodable(t types.Type, seen map[types.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	if hasMethod(t, "MarshalJSON") {
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Chan:
		return fmt.Sprintf("%s is a channel", t)
	case *types.Signature:
		return fmt.Sprintf("%s is a function", t)
	case *types.Basic:
		switch u.Kind() {
		case types.UnsafePointer:
			return fmt.Sprintf("%s is an unsafe pointer", t)
		case types.Complex64, types.Complex128:
			return fmt.Sprintf("%s is a complex number", t)
		}
	case *types.Pointer:
		return within(unencodable(u.Elem(), seen), t)
	case *types.Slice:
		return within(unencodable(u.Elem(), seen), t)
	case *types.Array:
		return within(unencodable(u.Elem(), seen), t)
	case *types.Map:
		if b, ok := u.Key().Underlying().(*types.Basic); !ok || b.Info()&(types.IsString|types.IsInteger) == 0 {
			if !hasMethod(u.Key(), "MarshalText") {
				return fmt.Sprintf("the key of %s, %s, is neither a string, an integer nor a TextMarshaler", t, u.Key())
			}
		}
		return within(unencodable(u.Elem(), seen), t)
	case *types.Struct:
		exported := 0
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			tag := reflectTag(u.Tag(i), "json")
			if !f.Exported() && !f.Embedded() || tag == "-" {
				continue
			}
			exported++
			if why := unencodable(f.Type(), seen); why != "" {
				return fmt.Sprintf("%s, in field %s of %s", why, f.Name(), t)
			}
		}
		if u.NumFields() > 0 && exported == 0 {
			return fmt.Sprintf("%s has no exported field: it would travel as {} and arrive as its zero value", t)
		}
	}
	return ""
}

func within(why string, t types.Type) string {
	if why == "" {
		return ""
	}
	return why + ", in " + t.String()
}

func hasMethod(t types.Type, name string) bool {
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		ms := types.NewMethodSet(tt)
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				return true
			}
		}
	}
	return false
}

// reflectTag is reflect.StructTag.Get, without the value's options.
func reflectTag(tag, key string) string {
	v := reflect.StructTag(tag).Get(key)
	for i := 0; i < len(v); i++ {
		if v[i] == ',' {
			return v[:i]
		}
	}
	return v
}
