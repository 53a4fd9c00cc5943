package analyze

import (
	"go/types"
	"strings"
)

// Natural is the inverse of Companion: it returns the async function whose
// companion comp is (F for FAsync, the method M for a method MAsync), or nil
// when comp is no companion.
func Natural(comp *types.Func) *types.Func {
	name, ok := strings.CutSuffix(comp.Name(), CompanionSuffix)
	if !ok || name == "" || comp.Pkg() == nil {
		return nil
	}
	var fn *types.Func
	if recv := comp.Type().(*types.Signature).Recv(); recv != nil {
		obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, comp.Pkg(), name)
		fn, _ = obj.(*types.Func)
	} else {
		fn, _ = comp.Pkg().Scope().Lookup(name).(*types.Func)
	}
	if fn == nil {
		return nil
	}
	if c := Companion(fn); c == nil || c.Origin() != comp.Origin() {
		return nil
	}
	return fn
}

// isRTFunc reports whether fn is the package-level function rt.name.
func isRTFunc(fn *types.Func, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == RTPath && fn.Name() == name &&
		fn.Type().(*types.Signature).Recv() == nil
}

// rtPackage returns the runtime package as pkg sees it: pkg itself or one of
// its imports, or nil when pkg does not import rt.
func rtPackage(pkg *types.Package) *types.Package {
	if pkg == nil {
		return nil
	}
	if pkg.Path() == RTPath {
		return pkg
	}
	for _, imp := range pkg.Imports() {
		if imp.Path() == RTPath {
			return imp
		}
	}
	return nil
}

// rtHas reports whether the runtime package declares name, so that advice can
// name an rt alternative only once it exists.
func rtHas(rt *types.Package, name string) bool {
	return rt != nil && rt.Scope().Lookup(name) != nil
}
