package transform_test

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
)

var (
	conformanceFull = flag.Bool("conformance.full", false, "run every case of testdata/conformance, not only the default share")
	conformanceRun  = flag.String("conformance.run", "", "run only the conformance cases whose name matches this regexp")
)

// conformanceShare is the default share of the suite: every case whose
// index in the table is a multiple of it (a third of the cases, spread
// over every source file), so that the normal test command stays within
// its budget on a loaded 2-core machine; under -race, a twelfth.
// -conformance.full runs them all.
func conformanceShare() int {
	if raceDetector {
		return 12
	}
	return 3
}

// conformCase is a row of testdata/conformance/cases.go.
type conformCase struct {
	name, run, file string
}

var conformRow = regexp.MustCompile(`\{"([^"]+)", (\w+), (\w+)Async\}`)

// TestConformance is the conformance suite of issue 10: test functions of
// the Go toolchain's own tests, ported by internal/conformance into
// testdata/conformance and made async. All cases are one package: it is
// generated once and built once, then every case runs twice in its own
// process, as plain Go (the oracle) and through rt.Run of the generated
// code; output, escaping panic and its message must agree.
//
// testdata/conformance/rejected.txt lists the cases the generator rejects
// with a positioned error, known_failures.txt those that build but behave
// differently. Both lists must be exact: a listed case that now works, or
// an unlisted one that fails, fails the test, so the lists only shrink.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a large program; skipped with -short")
	}
	root := testmod.Root(t)
	src := filepath.Join(root, "testdata", "conformance")
	files := map[string]string{}
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			data, err := os.ReadFile(filepath.Join(src, e.Name()))
			require.NoError(t, err)
			if !analyze.IsGeneratedSource(data) {
				files[e.Name()] = string(data)
			}
		}
	}
	var cases []conformCase
	for _, m := range conformRow.FindAllStringSubmatch(files["cases.go"], -1) {
		require.Equal(t, m[2], m[3], "table row %s pairs a function with another's companion", m[1])
		cases = append(cases, conformCase{name: m[1], run: m[2], file: strings.TrimSuffix(m[2], "_run") + "case.go"})
	}
	require.NotEmpty(t, cases, "no cases in testdata/conformance/cases.go")
	wantRejected := readCaseList(t, filepath.Join(src, "rejected.txt"))
	wantFailing := readCaseList(t, filepath.Join(src, "known_failures.txt"))

	chosen := cases
	if share := conformanceShare(); !*conformanceFull && *conformanceRun == "" && share > 1 {
		chosen = nil
		for i, c := range cases {
			if i%share == 0 {
				chosen = append(chosen, c)
			}
		}
	}
	if *conformanceRun != "" {
		re := regexp.MustCompile(*conformanceRun)
		var some []conformCase
		for _, c := range cases {
			if re.MatchString(c.name) {
				some = append(some, c)
			}
		}
		chosen = some
	}
	total := len(chosen)
	inChosen := map[string]bool{}
	for _, c := range chosen {
		inChosen[c.name] = true
		require.Contains(t, files, c.file, "case %s: its file is missing", c.name)
	}
	byFile := map[string]conformCase{}
	for _, c := range chosen {
		byFile[c.file] = c
	}
	t.Setenv("GOWORK", "off")
	start := time.Now()

	// The cases rejected.txt lists are generated in a module of their own,
	// so that the others are generated once: each must still be rejected.
	var accept, reject []conformCase
	for _, c := range chosen {
		if _, ok := wantRejected[c.name]; ok {
			reject = append(reject, c)
		} else {
			accept = append(accept, c)
		}
	}
	rejected := map[string]string{} // case → its first error
	failing := map[string]string{}  // case → how it fails
	collect := func(diags analyze.Diagnostics, warnings bool) {
		for _, d := range diags {
			c, ok := byFile[filepath.Base(d.Pos.Filename)]
			d.Pos.Filename = filepath.Base(d.Pos.Filename)
			msg, _, _ := strings.Cut(d.String(), "\n")
			if d.Severity == analyze.Warning {
				// A marker the generator ignores leaves the function
				// plain: the case builds, but what it was to test is not
				// tested.
				if warnings && strings.Contains(d.Message, "marks nothing here") {
					require.True(t, ok, "a warning outside the cases: %s", d)
					failing[c.name] = "marker ignored: " + msg
				}
				continue
			}
			require.True(t, ok, "a generator error outside the cases: %s", d)
			if _, seen := rejected[c.name]; !seen {
				rejected[c.name] = msg
			}
		}
	}
	if len(reject) > 0 {
		res, err := transform.Generate(testmod.New(t, conformModule(files, reject)))
		require.NoError(t, err)
		collect(res.Diags, false)
	}

	// The rest: one generation. A case it rejects unexpectedly leaves the
	// package (the generator writes nothing while any file has errors),
	// and the rest is generated again.
	chosen = accept
	dir := testmod.New(t, conformModule(files, chosen))
	res, err := transform.Generate(dir)
	require.NoError(t, err)
	collect(res.Diags, true)
	if res.Diags.HasErrors() {
		var keep []conformCase
		for _, c := range chosen {
			if _, ok := rejected[c.name]; ok {
				require.NoError(t, os.Remove(filepath.Join(dir, c.file)))
			} else {
				keep = append(keep, c)
			}
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.go"), []byte(casesTable(keep)), 0o644))
		chosen = keep
		res, err = transform.Generate(dir)
		require.NoError(t, err)
		require.False(t, res.Diags.HasErrors(), "generator errors after leaving the rejected cases out:\n%s", diagText(res.Diags))
	}
	require.NoError(t, res.Write())
	t.Logf("generated %d cases (and %d rejected ones) in %v", len(chosen), len(reject), time.Since(start).Round(time.Millisecond))

	// One build. A case whose generated code does not compile (errors are
	// reported at the case's source lines, through //line, or in its
	// generated file) fails with kind "build"; it leaves the package,
	// which is built again.
	//
	// The package is large (about 110,000 lines for the default share),
	// and compiling it is most of this test's cost. -trimpath keeps the
	// scratch module's temporary directory out of the build cache's key,
	// so an unchanged generator (the same generated bytes) finds the
	// compiled package in the cache on the next run; without DWARF the
	// compile and link do less work. Neither changes what the program does.
	start = time.Now()
	bin := filepath.Join(t.TempDir(), "conformance")
	buildErr := regexp.MustCompile(`(?m)^(?:\S*/)?(\w+_case)(?:_async)?\.go:\d+(?::\d+)?: (.*)$`)
	for {
		out, err := testmod.Go(t, dir, "build", "-trimpath", "-gcflags=-e -dwarf=false", "-ldflags=-w", "-o", bin, ".")
		if err == nil {
			break
		}
		broken := map[string]string{}
		for _, m := range buildErr.FindAllStringSubmatch(out, -1) {
			if _, ok := broken[m[1]+".go"]; !ok {
				broken[m[1]+".go"] = "build: " + m[0]
			}
		}
		require.NotEmpty(t, broken, "go build of the generated conformance suite failed outside the cases' generated files:\n%s", out)
		var keep []conformCase
		for _, c := range chosen {
			if why, ok := broken[c.file]; ok {
				failing[c.name] = why
				require.NoError(t, os.Remove(filepath.Join(dir, c.file)))
				require.NoError(t, os.Remove(filepath.Join(dir, strings.TrimSuffix(c.file, ".go")+"_async.go")))
			} else {
				keep = append(keep, c)
			}
		}
		require.Less(t, len(keep), len(chosen), "go build failed, and no case's generated file is to blame:\n%s", out)
		chosen = keep
		require.NoError(t, os.WriteFile(filepath.Join(dir, "cases.go"), []byte(casesTable(chosen)), 0o644))
	}
	t.Logf("built in %v", time.Since(start).Round(time.Millisecond))

	start = time.Now()
	type verdict struct{ plain, async string }
	verdicts := make([]verdict, len(chosen))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, c := range chosen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			verdicts[i] = verdict{runConformCase(bin, "plain", c.name), runConformCase(bin, "async", c.name)}
		}()
	}
	wg.Wait()
	t.Logf("ran %d cases twice in %v", len(chosen), time.Since(start).Round(time.Millisecond))

	pass := 0
	for i, c := range chosen {
		v := verdicts[i]
		if outcome := lastLine(v.plain); !strings.HasPrefix(c.name, "rangefunc_test.go:") && outcome != "-- ok" && outcome+"\n" != exitedEarly ||
			strings.Contains(outcome, "(the test reported errors)") {
			t.Errorf("case %s fails as plain Go, so the port broke it (a porter bug):\n%s", c.name, v.plain)
			continue
		}
		if v.plain == v.async {
			if _, ok := failing[c.name]; !ok {
				pass++
			}
			continue
		}
		failing[c.name] = failureKind(v.plain, v.async)
		if _, known := wantFailing[c.name]; !known {
			t.Errorf("case %s: the generated code behaves differently from plain Go (%s)\n--- plain\n%s--- async\n%s", c.name, failing[c.name], v.plain, v.async)
		}
	}
	for name, d := range rejected {
		if _, known := wantRejected[name]; !known {
			t.Errorf("case %s: the generator rejects it, and rejected.txt does not list it: %s", name, d)
		}
	}
	for name := range wantRejected {
		if _, ok := rejected[name]; !ok && inChosen[name] {
			t.Errorf("case %s is listed in rejected.txt but the generator accepts it now: remove it from the list", name)
		}
	}
	for name, why := range failing {
		if _, known := wantFailing[name]; !known && (strings.HasPrefix(why, "build: ") || strings.HasPrefix(why, "marker ignored: ")) {
			t.Errorf("case %s: %s", name, why)
		}
	}
	for name := range wantFailing {
		if _, ok := failing[name]; !ok && inChosen[name] {
			if _, rej := rejected[name]; !rej {
				t.Errorf("case %s is listed in known_failures.txt but passes now: remove it from the list", name)
			}
		}
	}
	if t.Failed() {
		t.Logf("to accept the current state, rejected.txt:\n%s\nknown_failures.txt:\n%s", listLines(rejected), listLines(failing))
	}
	t.Logf("conformance: %d cases, %d pass, %d fail, %d rejected by the generator", total, pass, len(failing), len(rejected))
}

// conformModule returns the files of a module that holds the cases cs:
// the harness, their files and their table.
func conformModule(files map[string]string, cs []conformCase) map[string]string {
	out := map[string]string{}
	for name, data := range files {
		if !strings.HasSuffix(name, "_case.go") {
			out[name] = data
		}
	}
	for _, c := range cs {
		out[c.file] = files[c.file]
	}
	out["cases.go"] = casesTable(cs)
	return out
}

func casesTable(cs []conformCase) string {
	var b strings.Builder
	b.WriteString("package main\n\nvar conformCases = []conformCase{\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "\t{%q, %s, %sAsync},\n", c.name, c.run, c.run)
	}
	b.WriteString("}\n")
	return b.String()
}

// readCaseList reads a list of case names: the first field of each line
// that is not blank or a # comment.
func readCaseList(t *testing.T, path string) map[string]string {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, _ := strings.Cut(line, " ")
		_, dup := out[name]
		require.False(t, dup, "%s lists %s twice", filepath.Base(path), name)
		out[name] = strings.TrimSpace(rest)
	}
	return out
}

func listLines(m map[string]string) string {
	var lines []string
	for name, why := range m {
		lines = append(lines, name+"  "+strings.ReplaceAll(why, "\n", " "))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// runConformCase runs one case in its own process and returns what it
// printed, then how the process ended when that was not a clean exit.
func runConformCase(bin, mode, name string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, mode, name)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	s := out.String()
	if ctx.Err() != nil {
		return s + "\n-- timeout after 20s\n"
	}
	if err != nil {
		// A fatal error's goroutine dump differs between the two runs:
		// keep its first line.
		if i := strings.Index(s, "\ngoroutine "); i >= 0 {
			s = s[:i+1]
		}
		return s + "-- exit: " + err.Error() + "\n"
	}
	if !strings.HasPrefix(lastLine(s), "-- ") {
		// os.Exit(0) inside the case (switch.go does it): the harness
		// printed no outcome.
		return s + exitedEarly
	}
	return s
}

const exitedEarly = "-- exit status 0 before the case returned\n"

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// failureKind says how the async run differs from the plain one.
func failureKind(plain, async string) string {
	pl, al := lastLine(plain), lastLine(async)
	switch {
	case strings.HasPrefix(al, "-- timeout"):
		return "timeout"
	case strings.HasPrefix(al, "-- exit"):
		return "crash"
	case pl != al:
		return "outcome"
	}
	return "output"
}
