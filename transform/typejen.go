package transform

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/asyncgen/asyncgen/analyze"
)

// typeCode renders a type for the generated file: named types of other
// packages are qualified through jennifer (which writes the imports), those
// of the current package are plain names.
func (e *emitter) typeCode(t types.Type) jen.Code {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return jen.Qual("unsafe", "Pointer")
		}
		name := types.Default(t).String()
		if obj := e.pkg.Scope().Lookup(name); obj != nil && !strings.Contains(name, ".") {
			e.errorf(obj.Pos(), "package-level %s hides Go's predeclared %s, which the code asyncgen generates for this package needs: rename it", name, name)
		}
		return jen.Id(name)
	case *types.Alias:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return jen.Id(obj.Name())
		}
		if obj.Parent() != obj.Pkg().Scope() {
			return e.typeCode(types.Unalias(t))
		}
		return e.named(obj, t.TypeArgs())
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return jen.Id(obj.Name()) // error, comparable
		}
		if obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() {
			if c, ok := e.localTypeName(obj, t.TypeArgs()); ok {
				return c
			}
			e.localTypeError(obj)
		}
		return e.named(obj, t.TypeArgs())
	case *types.TypeParam:
		return jen.Id(typeParamName(t))
	case *types.Pointer:
		return jen.Op("*").Add(e.typeCode(t.Elem()))
	case *types.Slice:
		return jen.Index().Add(e.typeCode(t.Elem()))
	case *types.Array:
		return jen.Index(jen.Lit(int(t.Len()))).Add(e.typeCode(t.Elem()))
	case *types.Map:
		return jen.Map(e.typeCode(t.Key())).Add(e.typeCode(t.Elem()))
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			return jen.Chan().Op("<-").Add(e.typeCode(t.Elem()))
		case types.RecvOnly:
			return jen.Op("<-").Chan().Add(e.typeCode(t.Elem()))
		}
		return jen.Chan().Add(e.typeCode(t.Elem()))
	case *types.Signature:
		return jen.Func().Add(e.signature(t))
	case *types.Struct:
		fields := make([]jen.Code, t.NumFields())
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			var c *jen.Statement
			if f.Embedded() {
				c = jen.Add(e.typeCode(f.Type()))
			} else {
				c = jen.Id(f.Name()).Add(e.typeCode(f.Type()))
			}
			if tag := t.Tag(i); tag != "" {
				c = c.Id(fmt.Sprintf("%q", tag))
			}
			fields[i] = c
		}
		return jen.Struct(fields...)
	case *types.Interface:
		var items []jen.Code
		for i := 0; i < t.NumEmbeddeds(); i++ {
			items = append(items, e.typeCode(t.EmbeddedType(i)))
		}
		for i := 0; i < t.NumExplicitMethods(); i++ {
			m := t.ExplicitMethod(i)
			items = append(items, jen.Id(m.Name()).Add(e.signature(m.Type().(*types.Signature))))
		}
		if t.IsImplicit() && len(items) == 1 {
			return items[0]
		}
		return jen.Interface(items...)
	case *types.Union:
		var c *jen.Statement = jen.Null()
		for i := 0; i < t.Len(); i++ {
			term := t.Term(i)
			if i > 0 {
				c = c.Op("|")
			}
			if term.Tilde() {
				c = c.Op("~")
			}
			c = c.Add(e.typeCode(term.Type()))
		}
		return c
	case *types.Tuple:
		e.errorf(0, "internal: tuple type %s", t)
		return jen.Null()
	}
	e.errorf(0, "internal: cannot render type %s", t)
	return jen.Id(t.String())
}

func (e *emitter) named(obj *types.TypeName, args *types.TypeList) jen.Code {
	var c *jen.Statement
	if obj.Pkg() == e.pkg {
		c = jen.Id(obj.Name())
	} else {
		if !obj.Exported() {
			e.errorf(0, "type %s.%s is not exported, so generated code cannot name it: give the variable an exported type", obj.Pkg().Name(), obj.Name())
		}
		e.importName(obj.Pkg())
		c = jen.Qual(obj.Pkg().Path(), obj.Name())
	}
	if args != nil && args.Len() > 0 {
		ts := make([]jen.Code, args.Len())
		for i := 0; i < args.Len(); i++ {
			ts[i] = e.typeCode(args.At(i))
		}
		c = c.Types(ts...)
	}
	return c
}

// signature renders (params) results.
func (e *emitter) signature(sig *types.Signature) jen.Code {
	params := make([]jen.Code, sig.Params().Len())
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		var t jen.Code = e.typeCode(p.Type())
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = jen.Op("...").Add(e.typeCode(p.Type().(*types.Slice).Elem()))
		}
		params[i] = jen.Id(p.Name()).Add(t)
	}
	c := jen.Params(params...)
	switch sig.Results().Len() {
	case 0:
	case 1:
		if sig.Results().At(0).Name() == "" {
			c = c.Add(e.typeCode(sig.Results().At(0).Type()))
			break
		}
		fallthrough
	default:
		rs := make([]jen.Code, sig.Results().Len())
		for i := 0; i < sig.Results().Len(); i++ {
			r := sig.Results().At(i)
			rs[i] = jen.Id(r.Name()).Add(e.typeCode(r.Type()))
		}
		c = c.Params(rs...)
	}
	return c
}

// zeroValue renders the zero value of t.
func (e *emitter) zeroValue(t types.Type) jen.Code {
	if _, isParam := t.(*types.TypeParam); !isParam {
		switch u := t.Underlying().(type) {
		case *types.Basic:
			switch {
			case u.Info()&types.IsBoolean != 0:
				return jen.False()
			case u.Info()&types.IsString != 0:
				return jen.Lit("")
			case u.Info()&types.IsNumeric != 0:
				return jen.Lit(0)
			case u.Kind() == types.UnsafePointer:
				return jen.Nil()
			}
		case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
			return jen.Nil()
		case *types.Struct, *types.Array:
			return jen.Add(e.typeCode(t)).Values()
		}
	}
	return jen.Op("*").New(e.typeCode(t))
}

// typeParamName is the name generated code gives a type parameter: its own,
// or for a blank one (a receiver written Foo[_, _]) a name of the generator's,
// since generated code must be able to spell every parameter it declares.
func typeParamName(tp *types.TypeParam) string {
	if name := tp.Obj().Name(); name != "_" {
		return name
	}
	return fmt.Sprintf("%sT%d", analyze.Prefix, tp.Index())
}

// constraintCode renders a type parameter's constraint for its declaration.
// A bare pointer constraint is written interface{ *T }: in a type
// declaration, [P *T] would parse as an array length.
func (e *emitter) constraintCode(tp *types.TypeParam) jen.Code {
	if it, ok := tp.Constraint().(*types.Interface); ok && it.IsImplicit() && it.NumEmbeddeds() == 1 {
		if _, isPtr := it.EmbeddedType(0).(*types.Pointer); isPtr {
			return jen.Interface(e.typeCode(it.EmbeddedType(0)))
		}
	}
	return e.typeCode(tp.Constraint())
}
