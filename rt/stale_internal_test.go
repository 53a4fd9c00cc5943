package rt

import (
	"strings"
	"testing"
)

func sourceFuncOf(name, src, text string) SourceFunc {
	off := strings.Index(src, text)
	h, n := sourceHashStart(), 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\r' {
			h, n = sourceHashAdd(h, text[i]), n+1
		}
	}
	head, _, _ := strings.Cut(text, "\n")
	return SourceFunc{Name: name, Line: 1 + strings.Count(src[:off], "\n"), Off: off, Head: strings.TrimSuffix(head, "\r"), Len: n, Hash: h}
}

func TestStaleSourceCheck(t *testing.T) {
	f := "func f() int {\n\treturn 1\n}"
	g := "func g() {\n\tSleep(0)\n}"
	src := "package p\n\n" + f + "\n\n" + g + "\n"
	fns := []SourceFunc{sourceFuncOf("f", src, f), sourceFuncOf("g", src, g)}
	for _, tc := range []struct{ name, src, want string }{
		{"same", src, ""},
		{"moved", "package p\n\n// more\n\nvar x = 1\n\n" + g + "\n\n" + f + "\n", ""},
		{"crlf", strings.ReplaceAll(src, "\n", "\r\n"), ""},
		{"changed body", strings.Replace(src, "return 1", "return 2", 1),
			"x.go:3: async function f changed since its generated code was written; run go generate"},
		{"changed and moved", "package p\n\n\n" + strings.Replace(src[len("package p\n\n"):], "Sleep(0)", "Sleep(1)", 1),
			"x.go:8: async function g changed since its generated code was written; run go generate"},
		{"longer", strings.Replace(src, "\treturn 1\n", "\treturn 1\n\t// more\n", 1),
			"x.go:3: async function f changed since its generated code was written; run go generate"},
		{"header changed (recorded line)", strings.Replace(src, "func f() int {", "func f() int64 {", 1),
			"x.go:3: async function f changed since its generated code was written; run go generate"},
		{"gone", "package p\n", "x.go:3: async function f changed since its generated code was written; run go generate\n" +
			"x.go:7: async function g changed since its generated code was written; run go generate"},
		{"a copy that differs, then the original", "package p\n\nfunc f() int {\n\treturn 3\n}\n\n" + src[len("package p\n\n"):], ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := staleSource("x.go", []byte(tc.src), fns); got != tc.want {
				t.Errorf("staleSource:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
