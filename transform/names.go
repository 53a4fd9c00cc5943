package transform

import (
	"fmt"
	"go/types"

	"github.com/asyncgen/asyncgen/analyze"
)

// methodFrameName is the frame type of the async method m of the named type
// t: ag_T_M, unless another async function or method of the package would
// get that name too (a function T_M, or a method x_M of a type T_x); then
// ag_<len(T)>T_M, which no function's frame name can equal (an identifier
// does not start with a digit) and no other method's either. Every file of
// the package decides the same way, since it looks at the whole package.
func methodFrameName(t *types.TypeName, m string) string {
	name := t.Name() + "_" + m
	if t.Pkg() == nil || !frameNameTaken(t.Pkg(), name, t, m) {
		return analyze.Prefix + name
	}
	return fmt.Sprintf("%s%d%s_%s", analyze.Prefix, len(t.Name()), t.Name(), m)
}

// frameNameTaken reports whether some async function or method of pkg other
// than the method m of t has the frame name Prefix+name in the short form.
func frameNameTaken(pkg *types.Package, name string, t *types.TypeName, m string) bool {
	isAsync := func(fn *types.Func) bool { return analyze.Companion(fn) != nil }
	scope := pkg.Scope()
	for _, n := range scope.Names() {
		switch obj := scope.Lookup(n).(type) {
		case *types.Func:
			if n == name && isAsync(obj) {
				return true
			}
		case *types.TypeName:
			named, ok := obj.Type().(*types.Named)
			if !ok {
				continue
			}
			for i := 0; i < named.NumMethods(); i++ {
				meth := named.Method(i)
				if obj.Name()+"_"+meth.Name() == name && !(obj == t && meth.Name() == m) && isAsync(meth) {
					return true
				}
			}
		}
	}
	return false
}
