package analyze

import (
	"go/ast"
	"go/token"
	"strings"
)

// isMarkerLine reports whether the comment text (with its //) is the
// //async marker, in either spelling gofmt leaves it in.
func isMarkerLine(c string) bool {
	text, ok := strings.CutPrefix(c, "//")
	if !ok || text == "" || !(strings.HasPrefix(text, "async") || text[0] == ' ' || text[0] == '\t') {
		return false
	}
	word := strings.Fields(text)
	return len(word) == 1 && word[0] == "async" || len(word) == 2 && word[0] == "async" && word[1] == "durable" // durable.go
}

// strayMarkers warns about //async lines that mark nothing: above a
// variable, a type or a function literal, inside a body, or separated from
// their function by a blank line. Such a function would silently stay
// ordinary.
func strayMarkers(fset *token.FileSet, f *ast.File) Diagnostics {
	marks := map[*ast.Comment]bool{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && IsAsyncDecl(fd) {
			marks[markerComment(fd)] = true
		}
	}
	var out Diagnostics
	for _, g := range f.Comments {
		for _, c := range g.List {
			if isMarkerLine(c.Text) && !marks[c] {
				out = append(out, Diagnostic{Pos: fset.Position(c.Pos()), Severity: Warning,
					Message: "//async marks nothing here: put it as the last line of a function's or method's doc comment (directives may follow it), directly above func (function literals cannot be async)"})
			}
		}
	}
	return out
}
