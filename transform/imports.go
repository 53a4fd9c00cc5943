package transform

import "github.com/asyncgen/asyncgen/analyze"

// importAlias is the name under which the generated file imports the
// package at path, whose own name is name: name itself, unless the user's
// package declares name at package level (var rt = ..., func fmt()), which
// the import would collide with; then the reserved Prefix+name.
func (e *emitter) importAlias(path, name string) string {
	if e.pkg != nil && e.pkg.Scope().Lookup(name) != nil {
		return analyze.Prefix + name
	}
	return name
}
