// Package examplecheck checks that a package's runnable examples show, in
// godoc, the code they run: each is a whole-file example (go/doc shows the
// entire file: exactly one Example function, no test, benchmark or fuzz
// test, and other declarations, such as the //async helpers it runs), or
// its body calls nothing of its own file.
package examplecheck

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
)

// TB is the part of testing.TB that Check uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatal(args ...any)
}

// Check parses the _test.go files of dir that are not generated and fails
// t for each Example that godoc would show without the helpers it calls.
// It returns the names of the examples it saw.
func Check(t TB, dir string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	fset := token.NewFileSet()
	for _, path := range paths {
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ast.IsGenerated(f) {
			continue
		}
		local := map[string]bool{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && !strings.HasPrefix(fd.Name.Name, "Example") {
				local[fd.Name.Name] = true
				local[fd.Name.Name+"Async"] = true // its generated companion
			}
		}
		for _, ex := range doc.Examples(f) {
			names = append(names, "Example"+ex.Name)
			if _, whole := ex.Code.(*ast.File); whole {
				continue
			}
			body, _ := ex.Code.(*ast.BlockStmt)
			var uses []string
			ast.Inspect(body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && local[id.Name] {
					uses = append(uses, id.Name)
				}
				return true
			})
			if len(uses) > 0 {
				t.Errorf("%s: Example%s calls %v of its file, which godoc does not show with it: give it a file of its own with the helpers it runs (a whole-file example)", filepath.Base(path), ex.Name, uses)
			}
			if !strings.HasSuffix(f.Name.Name, "_test") {
				t.Errorf("%s: Example%s is in package %s, not an external _test package: godoc shows no whole file for it", filepath.Base(path), ex.Name, f.Name.Name)
			}
		}
	}
	return names
}
