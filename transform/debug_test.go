package transform_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The generated code carries /*line work.go:L:C*/ comments, so the
// debugging tools see the user's lines. What these tests show:
//
//   - A panic inside an async function, after an await, names the user's
//     file and line in the stack trace: "work.go:14", in the frame
//     (*ag_Boom).Resume. The file has no directory (the comments name the
//     base name only, to keep generated files identical on every machine),
//     unlike the absolute paths of the other frames.
//   - runtime.Caller in an async function reports "work.go" and the user's
//     line.
//   - go test -cover counts the async code on the user's lines: Resume is
//     declared at the user's function line (a profile names a function's
//     blocks by the file of its declaration), every statement of it has a
//     mapping, the plumbing of an await is pinned to the await's line and
//     the dispatch to the function's line, and a //line comment after
//     Resume returns to the generated file's own lines (see linepin.go).
//     So each block of the profile is a true range of the user's file, and
//     a line that did not run is not covered. The natural function's blocks
//     stay at 0, since only the async form runs: a line counts as run when
//     either form ran it, and go tool cover -func's percentage for the
//     function counts both forms' blocks.
//   - Debuggers (checked by hand, gdb 12 and dlv 1.27, not in this test):
//     gdb "break work.go:14" stops in Resume at the user's line, but shows
//     "./work.go: No such file or directory" unless it runs in the file's
//     directory. dlv finds two files, the real /abs/work/work.go (the
//     natural function, usually dropped by the linker) and "work.go" (the
//     line comments): "break work.go:14" is ambiguous, and the full path,
//     which is what an IDE sends, finds no statement, so IDE breakpoints in
//     async functions do not stop. Absolute paths in the line comments
//     would fix this at the price of machine-dependent generated files.
const debugSrc = `package work

import (
	"fmt"
	"runtime"

	"github.com/asyncgen/asyncgen/rt"
)

//async
func Boom(n int) int {
	rt.Sleep(0)
	var m map[string]int
	m["x"] = n // line 14: panics
	return n
}

//async
func Where() string {
	rt.Sleep(0)
	_, file, line, _ := runtime.Caller(0) // line 21
	return fmt.Sprintf("%s:%d", file, line)
}

//async
func Covered(n int) int {
	rt.Sleep(0)
	if n > 0 {
		return 1 // line 29: runs
	}
	return 2 // line 31: does not run
}
`

const debugMain = `package main

import (
	"errors"
	"fmt"
	"os"

	"example.com/m/work"
	"github.com/asyncgen/asyncgen/rt"
)

func main() {
	_, err := rt.Run(work.BoomAsync(1))
	var pe *rt.PanicError
	if !errors.As(err, &pe) {
		fmt.Println("no panic:", err)
		os.Exit(1)
	}
	os.Stdout.Write(pe.Stack)
	where, _ := rt.Run(work.WhereAsync())
	fmt.Println("caller:", where)
}
`

const debugTest = `package work

import (
	"testing"

	"github.com/asyncgen/asyncgen/rt"
)

func TestCovered(t *testing.T) {
	if n, _ := rt.Run(CoveredAsync(1)); n != 1 {
		t.Fatal(n)
	}
}
`

func debugModule(t *testing.T) string {
	t.Helper()
	dir := testmod.New(t, map[string]string{"main.go": debugMain, "work/work.go": debugSrc, "work/work_test.go": debugTest})
	res, err := transform.Generate(dir, "./...")
	require.NoError(t, err)
	require.False(t, res.Diags.HasErrors(), "%v", res.Diags)
	require.NoError(t, res.Write())
	return dir
}

func TestDebugStackTraceAndCaller(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	dir := debugModule(t)
	out, err := testmod.Go(t, dir, "run", ".")
	require.NoError(t, err, out)

	// The frame that panicked is Resume, at the user's line.
	lines := strings.Split(out, "\n")
	found := false
	for i, l := range lines {
		if strings.Contains(l, "work.(*ag_Boom).Resume(") {
			require.Less(t, i+1, len(lines))
			assert.Regexp(t, `^\s+work\.go:14 \+0x`, lines[i+1], "the panicking frame should name the user's line:\n%s", out)
			found = true
		}
	}
	require.True(t, found, "no Resume frame in the stack:\n%s", out)
	assert.NotContains(t, out, "work_async.go:", "a frame points into the generated file:\n%s", out)
	assert.Contains(t, out, "caller: work.go:21")
}

// coverBlock is one line of a coverage profile.
type coverBlock struct {
	file                         string
	startLine, endLine, count    int
	startCol, endCol, statements int
}

func TestDebugCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test -cover")
	}
	dir := debugModule(t)
	profile := filepath.Join(dir, "cover.out")
	out, err := testmod.Go(t, dir, "test", "-coverprofile="+profile, "./work")
	require.NoError(t, err, out)

	f, err := os.Open(profile)
	require.NoError(t, err)
	defer f.Close()
	re := regexp.MustCompile(`^example\.com/m/work/(\S+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$`)
	var blocks []coverBlock
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := re.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		blocks = append(blocks, coverBlock{m[1], n(2), n(4), n(7), n(3), n(5), n(6)})
	}
	require.NotEmpty(t, blocks)
	covered := func(line int) bool {
		for _, b := range blocks {
			if b.file == "work.go" && b.count > 0 && b.startLine <= line && line <= b.endLine {
				return true
			}
		}
		return false
	}
	// What works: the statements that ran are counted on the user's lines.
	assert.True(t, covered(29), "line 29 ran but is not covered")
	assert.True(t, covered(27), "line 27 (the await) ran but is not covered")
	assert.False(t, covered(31), "line 31 did not run but is covered")

	// Every block of work.go is a possible range: it ends after it starts
	// and inside the file (the plumbing of an await counts on the line of
	// its statement, the dispatch on the line of the function).
	var odd []string
	for _, b := range blocks {
		if b.file == "work.go" && (b.endLine > 32 || b.endLine < b.startLine || b.endLine == b.startLine && b.endCol < b.startCol) {
			odd = append(odd, fmt.Sprintf("%d.%d,%d.%d", b.startLine, b.startCol, b.endLine, b.endCol))
		}
	}
	assert.Empty(t, odd, "coverage blocks of work.go with impossible ranges")
	// The generated file's own code (companions, AwaitStart) is counted on
	// its own lines.
	assert.True(t, slices.ContainsFunc(blocks, func(b coverBlock) bool { return b.file == "work_async.go" }))
}
