package transform

import (
	"go/ast"
	"go/build/constraint"
	"strings"
)

// buildConstraint returns the source file's //go:build line, or "". The
// generated file carries the same line, so that it is compiled exactly when
// its source is (a file name's _GOOS/_GOARCH suffix is not carried over:
// x_linux.go gives x_linux_async.go, which Go does not read as linux-only).
func buildConstraint(f *ast.File) string {
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if constraint.IsGoBuild(c.Text) {
				return strings.TrimSpace(c.Text)
			}
		}
	}
	return ""
}
