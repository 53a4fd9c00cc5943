package transform

import (
	"go/ast"
	"go/build/constraint"
	"path/filepath"
	"strings"
)

// buildConstraint returns the //go:build line the generated file needs so
// that it is compiled exactly when its source is: the source's own line,
// and the constraint its name implies (x_linux.go is linux-only, but the
// generated x_linux_async.go would not be by name alone), joined with &&.
func buildConstraint(f *ast.File, path string) string {
	var parts []string
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if constraint.IsGoBuild(c.Text) {
				if x, err := constraint.Parse(c.Text); err == nil {
					parts = append(parts, "("+x.String()+")")
				}
			}
		}
	}
	if c := nameConstraint(path); c != "" {
		parts = append(parts, c)
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return "//go:build " + strings.TrimSuffix(strings.TrimPrefix(parts[0], "("), ")")
	}
	x, err := constraint.Parse("//go:build " + strings.Join(parts, " && "))
	if err != nil {
		return ""
	}
	return "//go:build " + x.String()
}

// nameConstraint is the constraint of a file name's _GOOS, _GOARCH or
// _GOOS_GOARCH suffix (go/build's rule), or "".
func nameConstraint(path string) string {
	name := strings.TrimSuffix(filepath.Base(path), ".go")
	name = strings.TrimSuffix(name, "_test")
	elems := strings.Split(name, "_")
	n := len(elems)
	if n >= 3 && knownOS[elems[n-2]] && knownArch[elems[n-1]] {
		return elems[n-2] + " && " + elems[n-1]
	}
	if n >= 2 && (knownOS[elems[n-1]] || knownArch[elems[n-1]]) {
		return elems[n-1]
	}
	return ""
}

// The GOOS and GOARCH values go/build knows (its list is internal).
var (
	knownOS = set("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos")

	knownArch = set("386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
