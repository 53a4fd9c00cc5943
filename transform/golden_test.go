package transform_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden runs each testdata/*.txtar case: its input files are generated
// into a fresh module; the generated files must equal want/<file>, the
// diagnostics must equal want/diagnostics (a file "patterns" names the
// packages to generate, ./... by default), and when want/output is present
// the program's output must equal it. With -update the wanted sections are
// rewritten from what the generator did.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testmod.Root(t), "testdata", "*.txtar"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runGolden(t, file)
		})
	}
}

func runGolden(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	require.NoError(t, err)
	inputs := map[string]string{}
	want := map[string]string{}
	for _, f := range ar.Files {
		if rest, ok := strings.CutPrefix(f.Name, "want/"); ok {
			want[rest] = string(f.Data)
		} else {
			inputs[f.Name] = string(f.Data)
		}
	}
	dir := testmod.New(t, inputs)
	// One load serves both generations below.
	patterns := []string{"./..."}
	if p := strings.Fields(inputs["patterns"]); len(p) > 0 {
		patterns = p // a case that generates only some of its packages
	}
	prog, err := analyze.Load(dir, patterns...)
	require.NoError(t, err)
	res, err := transform.GenerateProgram(prog)
	require.NoError(t, err)

	got := map[string]string{}
	var diags []string
	for _, d := range res.Diags {
		rel, _ := filepath.Rel(dir, d.Pos.Filename)
		d.Pos.Filename = filepath.ToSlash(rel)
		diags = append(diags, d.String())
	}
	if len(diags) > 0 {
		got["diagnostics"] = strings.Join(diags, "\n") + "\n"
	}
	for _, c := range res.Changes {
		rel, _ := filepath.Rel(dir, c.Path)
		if c.Remove {
			got[filepath.ToSlash(rel)] = "(removed)\n"
			continue
		}
		got[filepath.ToSlash(rel)] = string(c.New)
	}
	// Generation is deterministic: a second run over the same loaded
	// program gives the same bytes. (TestCorpus runs Generate, load and
	// all, twice over the corpus.)
	again, err := transform.GenerateProgram(prog)
	require.NoError(t, err)
	require.Equal(t, len(res.Changes), len(again.Changes))
	for i := range res.Changes {
		require.Equal(t, string(res.Changes[i].New), string(again.Changes[i].New), "nondeterministic output for %s", res.Changes[i].Path)
	}

	if _, ok := want["output"]; ok || (*update && len(diags) == 0 && inputs["main.go"] != "") {
		require.NoError(t, res.Write())
		// -trimpath keeps the scratch directory out of the build
		// cache's keys, so an unchanged case's program is compiled and
		// linked once per build cache, not once per run.
		cmd := exec.Command("go", "run", "-trimpath", ".")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go run:\n%s", out)
		got["output"] = string(out)
	}

	if twin, ok := inputs["twin.py"]; ok && twin != "" {
		t.Run("cpython", func(t *testing.T) {
			if _, err := exec.LookPath("python3"); err != nil {
				t.Skip("python3 is not installed: the CPython twin cannot be compared")
			}
			// The twin runs on a virtual-clock asyncio loop, like rt.VirtualTime.
			boot := "import runpy, vloop; vloop.install(); runpy.run_path('twin.py', run_name='__main__')"
			cmd := exec.Command("python3", "-c", boot)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PYTHONPATH="+filepath.Join(testmod.Root(t), "rt", "testdata"))
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "python3 twin.py:\n%s", out)
			require.Equal(t, got["output"], string(out), "the Go program and its CPython twin print different lines")
		})
	}

	if *update {
		var keep []txtar.File
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "want/") {
				keep = append(keep, f)
			}
		}
		var names []string
		for n := range got {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			keep = append(keep, txtar.File{Name: "want/" + n, Data: []byte(got[n])})
		}
		ar.Files = keep
		require.NoError(t, os.WriteFile(file, txtar.Format(ar), 0o644))
		return
	}
	for n, w := range want {
		require.Equal(t, w, got[n], "want/%s differs (run go test ./transform -run TestGolden -update to accept)", n)
	}
	for n := range got {
		_, ok := want[n]
		require.True(t, ok, "the generator produced %s, which the case does not want:\n%s", n, got[n])
	}
}
