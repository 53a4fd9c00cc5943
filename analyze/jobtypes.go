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
// type encoding/json cannot carry, at the call, with the category job-type:
// the checker's jobTypes, which asyncgen runs too.
func (v *vetter) jobTypes(f *ast.File) {
	c := v.checker()
	c.jobTypes(f)
	v.tf = v.pass.Fset.File(f.Pos())
	v.reportChecker(c, CategoryJobType, nil)
}

// jobTypes reports, as errors, the ajobs.Define calls under n whose
// argument or result type encoding/json cannot carry: what ajobs.Define
// would panic with at initialisation, known when the code is generated
// (and, through the Analyzer, while it is written). Package ajobs itself is
// not checked: its tests call Define with such types to see it panic.
func (c *checker) jobTypes(n ast.Node) {
	if c.pkg != nil && c.pkg.Path() == AjobsPath {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
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
		fn, ok := c.info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != AjobsPath || fn.Name() != "Define" {
			return true
		}
		inst, ok := c.info.Instances[id]
		if !ok || inst.TypeArgs.Len() != 2 {
			return true
		}
		for i, role := range []string{"argument", "result"} {
			if why := unencodable(inst.TypeArgs.At(i), map[types.Type]bool{}); why != "" {
				c.errorf(call.Pos(), "ajobs.Define: the job's %s type %s cannot be encoded with encoding/json: %s", role, types.TypeString(inst.TypeArgs.At(i), byName), why)
			}
		}
		return true
	})
}

// unencodable says why encoding/json cannot round-trip values of t, or
// returns "": the rules of rt/ajobs's checkEncodable, on go/types.
func unencodable(t types.Type, seen map[types.Type]bool) string {
	ts := func(t types.Type) string { return types.TypeString(t, byName) }
	if seen[t] {
		return ""
	}
	seen[t] = true
	if hasMethod(t, "MarshalJSON") {
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Chan:
		return ts(t) + " is a channel"
	case *types.Signature:
		return ts(t) + " is a function"
	case *types.Basic:
		switch u.Kind() {
		case types.UnsafePointer:
			return ts(t) + " is an unsafe pointer"
		case types.Complex64, types.Complex128:
			return ts(t) + " is a complex number"
		}
	case *types.Pointer:
		return within(unencodable(u.Elem(), seen), ts(t))
	case *types.Slice:
		return within(unencodable(u.Elem(), seen), ts(t))
	case *types.Array:
		return within(unencodable(u.Elem(), seen), ts(t))
	case *types.Map:
		if b, ok := u.Key().Underlying().(*types.Basic); !ok || b.Info()&(types.IsString|types.IsInteger) == 0 {
			if !hasMethod(u.Key(), "MarshalText") {
				return fmt.Sprintf("the key of %s, %s, is neither a string, an integer nor a TextMarshaler", ts(t), ts(u.Key()))
			}
		}
		return within(unencodable(u.Elem(), seen), ts(t))
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
				return fmt.Sprintf("%s, in field %s of %s", why, f.Name(), ts(t))
			}
		}
		if u.NumFields() > 0 && exported == 0 {
			return ts(t) + " has no exported field: it would travel as {} and arrive as its zero value"
		}
	}
	return ""
}

func within(why, t string) string {
	if why == "" {
		return ""
	}
	return why + ", in " + t
}

// byName qualifies a type by its package's name, as the compiler's
// messages do (lib.Args, not example.com/m/lib.Args).
func byName(p *types.Package) string { return p.Name() }

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
