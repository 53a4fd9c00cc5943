// Package testmod makes throwaway Go modules for tests: a directory with a
// go.mod that requires asyncgen from this checkout.
package testmod

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// Root returns the root of the asyncgen checkout.
func Root(t testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testmod: cannot find the source root")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// New writes files (path → content) into a new temporary module named
// example.com/m that uses this checkout of asyncgen, and returns its
// directory. A go.mod among files replaces the default one.
func New(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	root := Root(t)
	if _, ok := files["go.mod"]; !ok {
		files["go.mod"] = GoMod(t)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.sum"] = string(sum)
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// GoMod returns the go.mod that New writes by default: module
// example.com/m, requiring asyncgen from this checkout.
func GoMod(t testing.TB) string {
	root := Root(t)
	return "module example.com/m\n\ngo " + GoVersion(t) + "\n\nrequire github.com/asyncgen/asyncgen v0.0.0\n\n" +
		requires(t, root) + "replace github.com/asyncgen/asyncgen => " + root + "\n"
}

// GoVersion returns the version of the go directive in asyncgen's go.mod,
// which a module that requires asyncgen needs at least: a scratch module
// with an older one makes the go command ask for "go mod tidy".
func GoVersion(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Root(t), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatal("testmod: no go directive in " + filepath.Join(Root(t), "go.mod"))
	return ""
}

// requires returns asyncgen's own requirements as an indirect require block:
// with module graph pruning, a module that uses asyncgen lists the modules
// asyncgen's packages import (golang.org/x/sys for rt's poller).
func requires(t testing.TB, root string) string {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "require (":
			in = true
		case in && line == ")":
			in = false
		case in && line != "":
			mod, _, _ := strings.Cut(line, "//")
			b.WriteString("require " + strings.TrimSpace(mod) + " // indirect\n")
		case strings.HasPrefix(line, "require ") && !strings.HasSuffix(line, "("):
			mod, _, _ := strings.Cut(strings.TrimPrefix(line, "require "), "//")
			b.WriteString("require " + strings.TrimSpace(mod) + " // indirect\n")
		}
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// Go runs the go command in dir and returns its combined output.
func Go(t testing.TB, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

var executables sync.Map // "dir\x00pkg" → *executable

type executable struct {
	once sync.Once
	path string
	err  error
}

// Executable returns the path of the program pkg (a package path, a
// pattern relative to dir, or path@version) built by go run in dir with
// env added to the environment, building it at most once per test binary.
// go run keeps the executable it links in the build cache (Go 1.24 and
// later) and reuses it while its inputs are unchanged; -exec echo makes it
// print the executable's path instead of running it. So a program that the
// tests run is linked once per change, not once per test and per run.
func Executable(t testing.TB, dir, pkg string, env ...string) string {
	t.Helper()
	v, _ := executables.LoadOrStore(dir+"\x00"+pkg, &executable{})
	e := v.(*executable)
	e.once.Do(func() {
		echo, err := exec.LookPath("echo")
		if err != nil {
			e.err = fmt.Errorf("testmod: no echo command to print the path of the %s that go run builds: %v", pkg, err)
			return
		}
		// The go run that links the program prints the path of a
		// temporary copy, gone when go run exits; the next finds the
		// executable in the cache and prints the cached path.
		for range 2 {
			cmd := exec.Command("go", "run", "-exec", echo, pkg)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				e.err = fmt.Errorf("go run %s: %v\n%s%s", pkg, err, &stdout, &stderr)
				return
			}
			e.path = strings.TrimSpace(stdout.String())
			if _, e.err = os.Stat(e.path); e.err == nil {
				return
			}
		}
		e.err = fmt.Errorf("go run -exec echo %s printed %q, not the path of an executable: %v", pkg, e.path, e.err)
	})
	if e.err != nil {
		t.Fatal(e.err)
	}
	return e.path
}
