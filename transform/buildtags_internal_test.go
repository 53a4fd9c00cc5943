package transform

import (
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBuildConstraint(t *testing.T) {
	for _, c := range []struct{ path, src, want string }{
		{"x.go", "package p\n", ""},
		{"x_linux.go", "package p\n", "//go:build linux"},
		{"x_linux_amd64_test.go", "package p\n", "//go:build linux && amd64"},
		{"x_amd64.go", "//go:build !purego\n\npackage p\n", "//go:build !purego && amd64"},
		{"x.go", "//go:build a || b\n\npackage p\n", "//go:build a || b"},
		{"my_file.go", "package p\n", ""},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), c.path, c.src, parser.ParseComments)
		assert.NoError(t, err)
		assert.Equal(t, c.want, buildConstraint(f, c.path), c.path)
	}
}
