package transform

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strings"
)

// pinLines makes the /*line*/ mapping of a formatted generated file exact,
// for coverage profiles and debuggers, after gofmt has fixed the layout.
//
// The emitter puts a /*line x.go:L:C*/ comment before each statement that
// comes from the user's source. A line comment holds until the next one,
// and the lines after it count on from L: without more, the plumbing that
// follows a mapped statement (the await sequence, closing braces) would be
// attributed to the user's next lines, which may not have run, and the
// code after a function (the next frame type, the next Resume's dispatch)
// to lines past the end of x.go. So this pass
//
//   - pins every statement inside a function body that has no comment of
//     its own, and follows a mapped statement, to that
//     statement's position with a short /*line :L:C*/ (the file name is
//     the previous one), so a plumbing line counts as part of the user
//     statement it implements;
//   - puts a //line x_async.go:N comment after each function that holds a
//     mapping, so the code between functions has its real position in the
//     generated file.
//
// The result is formatted again; gofmt keeps a comment where it stands.
func pinLines(src []byte, self string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, self, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	tf := fset.File(f.Pos())
	// The offsets of the mapping comments, in order, with their text.
	type mark struct {
		off  int
		line string // "L:C" of the mapping
	}
	var marks []mark
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if m := lineComment.FindStringSubmatch(c.Text); m != nil {
				at := m[1]
				if at == "" {
					at = m[2] + ":1" // a //line before a function: its first column
				}
				marks = append(marks, mark{tf.Offset(c.Pos()), at})
			}
		}
	}
	if len(marks) == 0 {
		return src, nil
	}
	// mappingAt returns the mapping in force at offset off, "" when none.
	mappingAt := func(lo, off int) string {
		i := sort.Search(len(marks), func(i int) bool { return marks[i].off >= off })
		if i == 0 || marks[i-1].off < lo {
			return ""
		}
		return marks[i-1].line
	}
	// commented reports whether the line holding offset off has a
	// comment before off (a statement's own mapping).
	lineStart := func(off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }
	commented := func(off int) bool {
		return bytes.Contains(src[lineStart(off):off], []byte("/*"))
	}

	type insert struct {
		off  int
		text string
	}
	var inserts []insert
	// The comments in order, for the comment block above each function.
	var comments []*ast.Comment
	for _, cg := range f.Comments {
		comments = append(comments, cg.List...)
	}
	physLine := func(p token.Pos) int { return tf.PositionFor(p, false).Line }
	prevEnd := f.Name.End()
	for _, d := range f.Decls {
		declEnd := d.End()
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			prevEnd = declEnd
			continue
		}
		// The function starts at the comment lines directly above it, the
		// //line comment that maps it first of all. (Not fd.Doc: before
		// Go 1.25 the parser groups comments by the lines a //line
		// comment sets, so it attaches no doc comment after one, and the
		// output would depend on the Go version that runs asyncgen.)
		lo, hi := tf.Offset(fd.Pos()), tf.Offset(fd.Body.Rbrace)
		top := fd.Pos()
		i := sort.Search(len(comments), func(i int) bool { return comments[i].Pos() >= fd.Pos() })
		for i--; i >= 0 && physLine(comments[i].Pos()) > physLine(prevEnd) && physLine(comments[i].End()) >= physLine(top)-1; i-- {
			top = comments[i].Pos()
		}
		lo = tf.Offset(top)
		prevEnd = declEnd
		if i := sort.Search(len(marks), func(i int) bool { return marks[i].off >= lo }); i == len(marks) || marks[i].off > hi {
			continue // no mapping in this function
		}
		pin := func(off int) {
			if commented(off) || strings.TrimSpace(string(src[lineStart(off):off])) != "" {
				return // mapped already, or not first on its line
			}
			if m := mappingAt(lo, off); m != "" {
				inserts = append(inserts, insert{off, "/*line :" + m + "*/ "})
			}
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BlockStmt:
				// Closing braces are left alone: gofmt moves a comment
				// before one onto a line of its own, and coverage ends a
				// block at the opening brace of a nested one anyway.
			case ast.Stmt:
				// Statements, and clauses and labels too, whose colons
				// start coverage blocks.
				pin(tf.Offset(n.Pos()))
			}
			return true
		})
		// Back to the generated file's own lines after the function.
		end := hi + 1
		if end < len(src) && src[end] == '\n' {
			end++
		}
		if next := bytes.TrimLeft(src[end:], "\n"); !bytes.HasPrefix(next, []byte("//line ")) {
			inserts = append(inserts, insert{end, "//line " + self + ":" + backPlaceholder + "\n"})
		}
	}
	sort.SliceStable(inserts, func(i, j int) bool { return inserts[i].off < inserts[j].off })
	var buf bytes.Buffer
	prev := 0
	for _, in := range inserts {
		buf.Write(src[prev:in.off])
		buf.WriteString(in.text)
		prev = in.off
	}
	buf.Write(src[prev:])
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, err
	}
	// Number the //line comments that return to the generated file: each
	// names the line that follows it.
	lines := bytes.Split(out, []byte("\n"))
	back := []byte("//line " + self + ":" + backPlaceholder)
	for i, l := range lines {
		if bytes.Equal(l, back) {
			lines[i] = fmt.Appendf(nil, "//line %s:%d", self, i+2)
		}
	}
	return bytes.Join(lines, []byte("\n")), nil
}

// lineComment matches the emitter's mapping comments, /*line x.go:L:C*/
// and the short /*line :L:C*/.
var lineComment = regexp.MustCompile(`^/\*line [^:]*:(\d+:\d+)\*/$|^//line [^:]+:(\d+)$`)

// backPlaceholder stands for the line number of a //line comment back to
// the generated file until the final layout is known.
const backPlaceholder = "1000000000"
