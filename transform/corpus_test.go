package transform_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/asyncgen/asyncgen/transform"
)

// TestCorpus is the behaviour corpus of DESIGN.md §5: it generates
// testdata/corpus in a scratch module, builds it once, and runs it twice:
// "plain" calls every case's natural function directly (the oracle),
// "async" runs every case's companion under rt.Run. The two outputs must be
// identical. It also requires generation to be deterministic.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	require.NoError(t, err, "the corpus test needs the go command")
	root, err := filepath.Abs("..")
	require.NoError(t, err)

	dir := t.TempDir()
	names := copyCorpus(t, filepath.Join(root, "testdata", "corpus"), dir)
	writeScratchModule(t, root, dir)

	// The generator runs go list in dir: keep it in the scratch module.
	t.Setenv("GOWORK", "off")

	res, err := transform.Generate(dir)
	require.NoError(t, err)
	require.False(t, res.Diags.HasErrors(), "generator diagnostics:\n%s", diagText(res.Diags))
	require.NotEmpty(t, res.Changes, "the generator produced no files")

	// Determinism: a second run over the same input gives the same bytes.
	again, err := transform.Generate(dir)
	require.NoError(t, err)
	require.Equal(t, changeMap(res.Changes), changeMap(again.Changes), "two generator runs over the same input differ")

	require.NoError(t, res.Write())
	// Written, the files are up to date: a third run wants no change.
	after, err := transform.Generate(dir)
	require.NoError(t, err)
	require.Empty(t, changePaths(after.Changes), "generated files are stale right after writing them")

	bin := filepath.Join(t.TempDir(), "corpus")
	build := exec.Command(goBin, "build", "-o", bin, ".")
	build.Dir = dir
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build of the generated corpus failed:\n%s", out)
	// The generated code is vet-clean (no self-assignment, no copied
	// locks...), as the user's own code would have to be. Not the
	// unreachable check: some cases hold unreachable code on purpose.
	vet := exec.Command(goBin, "vet", "-unreachable=false", ".")
	vet.Dir = dir
	out, err = vet.CombinedOutput()
	require.NoError(t, err, "go vet of the generated corpus failed:\n%s", out)

	plain := runCorpus(t, bin, "plain")
	async := runCorpus(t, bin, "async")

	// Sanity: every case of the table ran, in order, in both modes.
	plainCases, asyncCases := splitCases(plain), splitCases(async)
	require.Equal(t, names, caseNames(plainCases), "plain run: cases missing or out of order")
	require.Equal(t, names, caseNames(asyncCases), "async run: cases missing or out of order")

	for i, pc := range plainCases {
		assert.Equal(t, pc.text, asyncCases[i].text, "case %s: async output differs from plain Go", pc.name)
	}
	if !t.Failed() && plain != async {
		t.Fatalf("plain and async outputs differ outside the cases:\n%s\n---\n%s", plain, async)
	}
	t.Logf("%d cases, %d bytes of output", len(names), len(plain))
}

// caseEntry matches one entry of the corpus table: {"name", caseF, caseFAsync}.
var caseEntry = regexp.MustCompile(`\{"([^"]+)",\s*(\w+),\s*(\w+)\}`)

// copyCorpus copies the corpus sources (not generated files) into dst and
// returns the case names in the order main runs them: the table in main.go,
// then the entries other files register in init (in file name order).
func copyCorpus(t *testing.T, src, dst string) []string {
	t.Helper()
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	var names, more []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		require.NoError(t, err)
		if analyze.IsGeneratedSource(data) {
			continue // a stale x_async.go left by a manual go generate
		}
		require.NoError(t, os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644))
		for _, m := range caseEntry.FindAllSubmatch(data, -1) {
			require.Equal(t, string(m[2])+"Async", string(m[3]), "table entry %q pairs a function with another's companion", m[1])
			if e.Name() == "main.go" {
				names = append(names, string(m[1]))
			} else {
				more = append(more, string(m[1]))
			}
		}
	}
	require.NotEmpty(t, names, "no cases found in testdata/corpus/main.go")
	return append(names, more...)
}

// writeScratchModule makes dst a module that requires asyncgen from root:
// root's requirements and go.sum, plus a replace directive.
func writeScratchModule(t *testing.T, root, dst string) {
	t.Helper()
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	lines := strings.Split(string(gomod), "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "module ") {
			lines[i] = "module asyncgencorpus"
		}
	}
	mod := strings.Join(lines, "\n") + fmt.Sprintf("\nrequire github.com/asyncgen/asyncgen v0.0.0-00010101000000-000000000000\n\nreplace github.com/asyncgen/asyncgen => %s\n", root)
	require.NoError(t, os.WriteFile(filepath.Join(dst, "go.mod"), []byte(mod), 0o644))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dst, "go.sum"), sum, 0o644))
}

func runCorpus(t *testing.T, bin, mode string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, mode)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "corpus %s did not finish in time (a case loops forever?); last output:\n%s", mode, tail(stdout.String(), 20))
	require.NoError(t, err, "corpus %s failed:\n%s\nlast output:\n%s", mode, stderr.String(), tail(stdout.String(), 20))
	require.NotEmpty(t, stdout.String(), "corpus %s printed nothing", mode)
	return stdout.String()
}

type caseOutput struct{ name, text string }

// splitCases cuts the output into cases; each starts with a line "== name".
func splitCases(out string) []caseOutput {
	var cs []caseOutput
	for _, line := range strings.SplitAfter(out, "\n") {
		if name, ok := strings.CutPrefix(line, "== "); ok {
			cs = append(cs, caseOutput{name: strings.TrimSpace(name)})
		}
		if len(cs) > 0 {
			cs[len(cs)-1].text += line
		}
	}
	return cs
}

func caseNames(cs []caseOutput) []string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.name
	}
	return names
}

func changeMap(cs []transform.Change) map[string]string {
	m := map[string]string{}
	for _, c := range cs {
		m[filepath.Base(c.Path)] = string(c.New)
	}
	return m
}

func changePaths(cs []transform.Change) []string {
	var ps []string
	for _, c := range cs {
		ps = append(ps, filepath.Base(c.Path))
	}
	return ps
}

func diagText(ds analyze.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
