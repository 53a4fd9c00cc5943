package conformance

import (
	"go/importer"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPortUpToDate regenerates the port and requires it to equal the
// committed testdata/conformance, when the go command on PATH is the Go
// version the committed port came from (GOVERSION): another version's
// tests differ, and that is not staleness.
func TestPortUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and type-checks the Go test suite; skipped with -short")
	}
	dir := filepath.Join("..", "..", "testdata", "conformance")
	committed, err := os.ReadFile(filepath.Join(dir, "GOVERSION"))
	require.NoError(t, err)
	goroot, version, err := GoEnv()
	require.NoError(t, err)
	if strings.TrimSpace(string(committed)) != version {
		t.Skipf("the committed port is from %s and the go command is %s: not compared", strings.TrimSpace(string(committed)), version)
	}
	p, err := Run(goroot, version)
	require.NoError(t, err)
	require.NotEmpty(t, p.Cases)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if IsCaseFile(e.Name()) || slices.Contains(Generated, e.Name()) {
			_, ok := p.Files[e.Name()]
			assert.True(t, ok, "%s is committed but the porter no longer writes it: run go run ./internal/conformance/cmd/conformport", e.Name())
		}
	}
	for name, want := range p.Files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if !assert.NoError(t, err, "the porter writes %s, which is not committed: run go run ./internal/conformance/cmd/conformport", name) {
			continue
		}
		assert.Equal(t, string(want), string(got), "%s is stale: run go run ./internal/conformance/cmd/conformport", name)
	}
}

// portOne ports a source given as text, as if it were GOROOT/rel.
func portOne(t *testing.T, rel, src string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := load(fset, importer.ForCompiler(fset, "gc", nil), rel, []byte(src))
	require.NoError(t, err)
	cases, skips := f.port("go1.test")
	require.Empty(t, skips)
	out := map[string]string{}
	for _, c := range cases {
		out[c.Case.Name] = string(c.Src)
	}
	return out
}

const header = "// run\n\n// Copyright 2099 The Go Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\n"

// TestPortSplitsAndRenames: main's calls become cases, each with only the
// declarations it reaches, renamed with its prefix (an embedded field
// follows its type), its functions marked and awaited; the copyright
// stays.
func TestPortSplitsAndRenames(t *testing.T) {
	got := portOne(t, "test/x.go", header+`package main

import "fmt"

type T struct{ n int }

func (t *T) inc() { t.n++ }

type U struct{ T }

var count int

func helper(u *U) { u.inc(); u.T.inc(); count++ }

func test1() {
	u := &U{T: T{n: 1}}
	helper(u)
	for i := 0; i < 2; i++ {
		defer fmt.Println(i)
	}
	switch u.n {
	case 3:
	default:
		panic("fail")
	}
}

func test2() { fmt.Println("two") }

func main() {
	test1()
	if !false {
		test2()
	}
}
`)
	require.Len(t, got, 2)
	one := got["x.go:test1"]
	assert.Contains(t, one, "// Copyright 2099 The Go Authors. All rights reserved.")
	assert.Contains(t, one, "type x_test1_U struct{ x_test1_T }")
	assert.Contains(t, one, "u.x_test1_T.inc()")
	assert.Contains(t, one, "u := &x_test1_U{x_test1_T: x_test1_T{n: 1}}")
	assert.Contains(t, one, "x_test1_count++")
	assert.Contains(t, one, "// async\nfunc (t *x_test1_T) inc() { rt.Sleep(0); t.n++; rt.Sleep(0) }")
	assert.Contains(t, one, "\tfor i := 0; conformAwait(i < 2); i++ {\n\t\trt.Sleep(0)\n\t\tdefer fmt.Println(i)\n\t\trt.Sleep(0)\n\t}")
	assert.Contains(t, one, "\tcase 3:\n\t\trt.Sleep(0)\n\tdefault:\n\t\trt.Sleep(0)\n\t\tpanic(\"fail\")\n\t}")
	assert.Contains(t, one, "func x_test1__run(t *conformT) {\n\trt.Sleep(0)\n\tx_test1_test1()\n\trt.Sleep(0)\n}")
	assert.NotContains(t, one, "test2")
	two := got["x.go:test2"]
	assert.NotContains(t, two, "count")
	assert.Contains(t, two, "x_test2_test2()")
}

// TestPortMarking: a function launched by a go statement, one called in a
// function literal of an async function and an iterator stay plain; no
// await goes into a literal; a main that is not a list of calls is one
// case.
func TestPortMarking(t *testing.T) {
	got := portOne(t, "test/y.go", header+`package main

func launched() {}
func inLiteral() int { return 1 }
func seq(yield func(int) bool) { yield(1) }
func direct() int { return 2 }

func main() {
	done := make(chan bool)
	go func() { launched(); done <- true }()
	go launched()
	<-done
	f := func() int { return inLiteral() }
	for x := range seq {
		_ = x + f() + direct()
	}
}
`)
	require.Len(t, got, 1)
	m := got["y.go:main"]
	for _, plain := range []string{"launched", "inLiteral", "seq"} {
		assert.Contains(t, m, "\nfunc y_main_"+plain+"(", plain)
		assert.NotContains(t, m, "// async\nfunc y_main_"+plain+"(", plain)
	}
	assert.Contains(t, m, "// async\nfunc y_main_direct(")
	assert.Contains(t, m, "// async\nfunc y_main_main(")
	assert.Contains(t, m, "f := func() int { return y_main_inLiteral() }")
}

// TestPortTesting: a rangefunc Test function is a case; *testing.T becomes
// the harness's *conformT.
func TestPortTesting(t *testing.T) {
	got := portOne(t, "src/cmd/compile/internal/rangefunc/rangefunc_test.go", "// Copyright 2099 The Go Authors. All rights reserved.\n// license that can be found in the LICENSE file.\n\n"+`package rangefunc_test

import "testing"

func check(t *testing.T, ok bool) {
	if !ok {
		t.Errorf("not ok")
	}
}

func TestA(t *testing.T) { check(t, true) }
`)
	require.Len(t, got, 1)
	a := got["rangefunc_test.go:TestA"]
	assert.Contains(t, a, "func rangefunc_TestA_check(t *conformT, ok bool)")
	assert.Contains(t, a, "rangefunc_TestA_TestA(t)")
	assert.NotContains(t, a, `"testing"`)
}
