package transform_test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"github.com/stretchr/testify/require"
)

// FuzzEquivalence builds random well-typed async functions from a small
// grammar (assignments with awaits inside expressions, if/else, && with an
// await on the right, range loops with continue and labeled break, switch
// with fallthrough, range over function iterators, async closures that
// share x with their function, defers, logging), generates them, and requires that
// each function's natural form run as plain Go and its coroutine run under
// rt.Run print the same trace and return the same value. Each input costs
// a go build, so fuzz with a long -fuzztime:
//
//	go test ./transform -run '^$' -fuzz FuzzEquivalence -fuzztime 20m
func FuzzEquivalence(f *testing.F) {
	if testing.Short() {
		f.Skip("builds a program per input")
	}
	f.Add([]byte("seed: loops and switches"))
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte{9, 3, 3, 7, 2, 5, 5, 4, 8, 1, 0, 6, 6, 2, 9, 4, 7, 3, 1, 8, 2, 2, 5})
	f.Fuzz(func(t *testing.T, seed []byte) {
		src := genProgram(seed, 6)
		dir := testmod.New(t, map[string]string{"main.go": src})
		res, err := transform.Generate(dir, ".")
		require.NoError(t, err)
		require.False(t, res.Diags.HasErrors(), "diagnostics %v for:\n%s", res.Diags, src)
		require.NoError(t, res.Write())
		bin := filepath.Join(t.TempDir(), "prog")
		build := exec.Command("go", "build", "-o", bin, ".")
		build.Dir = dir
		out, err := build.CombinedOutput()
		require.NoError(t, err, "build: %s\n%s", out, src)
		plain, err := exec.Command(bin, "plain").CombinedOutput()
		require.NoError(t, err, "plain run: %s\n%s", plain, src)
		async, err := exec.Command(bin, "async").CombinedOutput()
		require.NoError(t, err, "async run: %s\n%s", async, src)
		require.Equal(t, string(plain), string(async), "plain Go and the coroutines differ for:\n%s", src)
	})
}

// gen draws choices from the fuzzer's bytes (zeros once they run out).
type gen struct {
	b     []byte
	i     int
	label int
	out   strings.Builder
}

func (g *gen) next(n int) int {
	if g.i >= len(g.b) {
		g.i++
		return (g.i * 7) % n
	}
	v := int(g.b[g.i])
	g.i++
	return v % n
}

func (g *gen) line(depth int, format string, args ...any) {
	g.out.WriteString(strings.Repeat("\t", depth) + fmt.Sprintf(format, args...) + "\n")
}

func (g *gen) body(depth int, loop string) {
	n := 1 + g.next(3)
	for k := 0; k < n; k++ {
		g.stmt(depth, loop)
	}
}

func (g *gen) stmt(depth int, loop string) {
	kinds := 11
	if depth > 3 {
		kinds = 3 // only simple statements deep down
	}
	switch g.next(kinds) {
	case 0:
		g.line(depth, "x += tick(%d)", g.next(10))
	case 1:
		g.line(depth, "x = x*%d%%1000 + tick(x%%7) - side(%d)", 1+g.next(3), g.next(5))
	case 2:
		g.line(depth, "logf(\"x=%%d\", x)")
	case 3:
		g.line(depth, "if tick(x%%3) == %d {", g.next(3))
		g.body(depth+1, loop)
		g.line(depth, "} else {")
		g.body(depth+1, loop)
		g.line(depth, "}")
	case 4:
		g.label++
		l := fmt.Sprintf("L%d", g.label)
		g.line(depth, "%s:", l)
		if g.next(2) == 0 {
			g.line(depth, "for i := range %d {", 1+g.next(3))
		} else {
			g.line(depth, "for i := range seqN(%d) {", 1+g.next(3))
		}
		g.line(depth+1, "x += i")
		g.body(depth+1, l)
		g.line(depth+1, "if x < -1000000 {") // Go wants every label used
		g.line(depth+2, "break %s", l)
		g.line(depth+1, "}")
		g.line(depth, "}")
	case 5:
		g.line(depth, "switch tick(x %% 4) {")
		g.line(depth, "case 0:")
		g.body(depth+1, loop)
		g.line(depth, "case 1:")
		g.body(depth+1, loop)
		g.line(depth+1, "fallthrough")
		g.line(depth, "default:")
		g.body(depth+1, loop)
		g.line(depth, "}")
	case 6:
		g.line(depth, "defer logf(\"deferred %%d\", x+tick(%d))", g.next(4))
	case 7:
		if loop != "" {
			if g.next(2) == 0 {
				g.line(depth, "if x%%2 == 0 {")
				g.line(depth+1, "continue %s", loop)
			} else {
				g.line(depth, "if x > %d {", 10+g.next(50))
				g.line(depth+1, "break %s", loop)
			}
			g.line(depth, "}")
			return
		}
		g.line(depth, "x -= tick(%d) + tick(%d)", g.next(5), g.next(5))
	case 8:
		g.line(depth, "if x > %d && tick(x%%5) > %d {", g.next(20), g.next(4))
		g.line(depth+1, "x /= 2")
		g.line(depth, "}")
	case 9:
		g.line(depth, "x += pair(tick(%d), side(x%%9))", g.next(6))
	case 10:
		// An async closure that shares x (and a loop's i) with the
		// function, awaited at once or later.
		g.line(depth, "{")
		g.line(depth+1, "c := rt.Func(func() (int, error) {")
		if loop != "" {
			g.line(depth+2, "x += i")
		}
		g.body(depth+2, "")
		g.line(depth+2, "return x %% 97, nil")
		g.line(depth+1, "})")
		if g.next(2) == 0 {
			g.line(depth+1, "x += tick(1)")
		}
		g.line(depth+1, "v, _ := rt.Await(c)")
		g.line(depth+1, "x += v")
		g.line(depth, "}")
	}
}

// genProgram writes a main package with n random async functions and a
// driver that runs them all plainly ("plain") or as coroutines ("async").
func genProgram(seed []byte, n int) string {
	g := &gen{b: seed}
	g.out.WriteString(`package main

import (
	"fmt"
	"os"

	"github.com/asyncgen/asyncgen/rt"
)

var trace []string

func logf(format string, args ...any) { trace = append(trace, fmt.Sprintf(format, args...)) }

func side(v int) int { logf("side %d", v); return v }

func pair(a, b int) int { return a*3 + b }

func seqN(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer logf("seq %d done", n)
		for i := range n {
			if !yield(i) {
				logf("seq %d stopped", n)
				return
			}
		}
	}
}

// async
func tick(v int) int {
	rt.Sleep(0)
	logf("tick %d", v)
	return v
}

`)
	for k := 0; k < n; k++ {
		g.label = 0
		g.line(0, "// async")
		g.line(0, "func f%d() int {", k)
		g.line(1, "x := %d", g.next(10))
		g.body(1, "")
		g.line(1, "return x")
		g.line(0, "}")
		g.line(0, "")
	}
	g.out.WriteString("func main() {\n\tasync := len(os.Args) > 1 && os.Args[1] == \"async\"\n")
	for k := 0; k < n; k++ {
		fmt.Fprintf(&g.out, "\ttrace = nil\n\tif async {\n\t\tv, err := rt.Run(f%dAsync())\n\t\tfmt.Println(%d, v, err, trace)\n\t} else {\n\t\tfmt.Println(%d, f%d(), error(nil), trace)\n\t}\n", k, k, k, k)
	}
	g.out.WriteString("}\n")
	return g.out.String()
}
