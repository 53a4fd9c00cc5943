package transform

import (
	"go/token"
	"go/types"

	"github.com/asyncgen/asyncgen/analyze"
)

// GenerateSource is Generate for one in-memory source file, type-checked by
// go/types alone with imports from imp (see analyze.LoadSource for what
// that leaves out: build constraints, cgo, the package's other files). It
// runs the same checks and passes as Generate and returns the same kind of
// Result: the generated file as a Change to path's _async.go (Old is what is
// on disk there, usually nothing), or the diagnostics and no change at all.
// It exists for fuzzing, where loading through the go command for every
// input would be far too slow.
func GenerateSource(fset *token.FileSet, path string, src []byte, imp types.Importer) (*Result, error) {
	return generateProgram(analyze.LoadSource(fset, path, src, imp))
}
