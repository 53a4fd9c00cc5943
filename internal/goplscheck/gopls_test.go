// Package goplscheck checks that the editor understands generated code:
// every package of this repository that holds generated files opens in
// gopls without a diagnostic, and a call of a companion (FAsync) resolves
// to its declaration in the generated file, as completion and
// go-to-definition need.
//
// The test builds a pinned gopls from the Go module proxy with go run,
// which keeps the linked executable in the build cache: a later run finds
// it there, and compiles and links nothing.
// On a machine without the proxy, set ASYNCGEN_SKIP_GOPLS=1 to skip it.
package goplscheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
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

func gopls(t *testing.T, bin, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Run(), "gopls %s:\n%s", strings.Join(args, " "), out.String())
	return out.String()
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
	bin := installGopls(t)
	root := repoRoot(t)

	// The negative control: gopls check exits 0 even when it reports, so
	// the test reads its output; make sure a real error shows up there.
	bad := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(bad, "go.mod"), []byte("module bad\n\ngo 1.23\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(bad, "bad.go"), []byte("package bad\n\nfunc f() int { return \"s\" }\n"), 0o644))
	require.Contains(t, gopls(t, bin, bad, "check", filepath.Join(bad, "bad.go")), "bad.go:3:")

	dirs := generatedDirs(t, root)
	require.GreaterOrEqual(t, len(dirs), 10, "the repository's generated packages were not found")
	var files []string
	for _, dir := range dirs {
		matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		files = append(files, matches...)
	}
	out := gopls(t, bin, root, append([]string{"check"}, files...)...)
	require.Empty(t, strings.TrimSpace(out), "gopls reports diagnostics in packages with generated files")
}

// TestGoplsDefinitionOfCompanion asks gopls where a companion called from
// user code is declared: in the generated file, as plain Go.
func TestGoplsDefinitionOfCompanion(t *testing.T) {
	bin := installGopls(t)
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
	pos := src + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
	out := gopls(t, bin, root, "definition", pos)
	require.Regexp(t, `main_async\.go:\d+:\d+`, out, "definition of the companion at %s", pos)
}
