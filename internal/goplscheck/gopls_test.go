// Package goplscheck checks that the editor understands generated code:
// every package of this repository that holds generated files opens in
// gopls without a diagnostic, and a call of a companion (FAsync) resolves
// to its declaration in the generated file, as completion and
// go-to-definition need.
//
// The test builds a pinned gopls from the Go module proxy with go run,
// which keeps the linked executable in the build cache: a later run finds
// it there, and compiles and links nothing. Both tests talk LSP to one
// gopls process (lsp_test.go), so the workspace is loaded and
// type-checked once: the check is gopls check's (open the files, run the
// gopls.diagnose_files command, read what gopls publishes for them), and
// the definition is asked in the same session afterwards.
// On a machine without the proxy, set ASYNCGEN_SKIP_GOPLS=1 to skip it.
package goplscheck

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/asyncgen/asyncgen/internal/testmod"
)

// goplsVersion is the newest gopls that builds with the Go toolchain the
// project supports here (v0.24 needs Go 1.27).
const goplsVersion = "v0.23.0"

func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	require.True(t, ok)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// installGopls returns the path of the pinned gopls, built once per
// build cache (see testmod.Executable).
func installGopls(t *testing.T) string {
	t.Helper()
	if os.Getenv("ASYNCGEN_SKIP_GOPLS") != "" {
		t.Skip("ASYNCGEN_SKIP_GOPLS is set")
	}
	return testmod.Executable(t, os.TempDir(), "golang.org/x/tools/gopls@"+goplsVersion, "GOFLAGS=", "GOWORK=off")
}

// generatedDirs lists the directories of the main module that hold a
// generated file, outside testdata (a directory with a go.mod of its own,
// such as bench/jobs, is another module, with its own dependencies).
func generatedDirs(t *testing.T, root string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() && path != root {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		if !d.IsDir() && (strings.HasSuffix(path, "_async.go") || strings.HasSuffix(path, "_async_test.go")) {
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	require.NoError(t, err)
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

func TestGoplsCheck(t *testing.T) {
	s := goplsSession(t)
	root := repoRoot(t)

	dirs := generatedDirs(t, root)
	require.GreaterOrEqual(t, len(dirs), 10, "the repository's generated packages were not found")
	var files []string
	for _, dir := range dirs {
		matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		files = append(files, matches...)
	}
	// The negative control, diagnosed with the rest: a real error must
	// show up, so that an empty report means something.
	bad := filepath.Join(s.bad, "bad.go")
	diags, err := s.check(append(files, bad))
	require.NoError(t, err)
	require.NotEmpty(t, diags[bad], "gopls reports nothing for the negative control's type error")
	require.Contains(t, diags[bad][0], "bad.go:3:")
	delete(diags, bad)
	var report []string
	for _, f := range files {
		report = append(report, diags[f]...)
	}
	require.Empty(t, report, "gopls reports diagnostics in packages with generated files")
}

// TestGoplsDefinitionOfCompanion asks gopls where a companion called from
// user code is declared: in the generated file, as plain Go.
func TestGoplsDefinitionOfCompanion(t *testing.T) {
	s := goplsSession(t)
	root := repoRoot(t)
	src := filepath.Join(root, "examples", "tasks", "main.go")
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	// The first call of a companion in the user's source.
	re := regexp.MustCompile(`\b[a-z]\w*Async\(`)
	lines := strings.Split(string(data), "\n")
	line, col := 0, 0
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "//") {
			continue
		}
		if loc := re.FindStringIndex(l); loc != nil {
			line, col = i+1, loc[0]+1
			break
		}
	}
	require.NotZero(t, line, "no companion call in %s", src)
	locs, err := s.definition(src, line, col)
	require.NoError(t, err)
	require.Len(t, locs, 1, "definition of the companion at %s:%d:%d", src, line, col)
	require.Regexp(t, `main_async\.go:\d+:\d+$`, locs[0], "definition of the companion at %s:%d:%d", src, line, col)
}
