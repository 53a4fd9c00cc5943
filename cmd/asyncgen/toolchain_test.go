package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
)

// TestToolchainsAgree runs asyncgen -check ./... over this repository with
// every other Go toolchain at hand, so a generated file that depends on
// the Go version that ran asyncgen (go/parser and go/printer change between
// releases) fails here. The toolchains are those in the module cache
// (golang.org/toolchain@...; "GOTOOLCHAIN=go1.24.13 go version" fetches
// one) and those that ASYNCGEN_TOOLCHAINS names, space-separated
// ("go1.24.13 go1.25.8"), which the go command downloads when they are
// missing. Each toolchain must be one the go directive allows.
func TestToolchainsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole repository once per toolchain")
	}
	root := testmod.Root(t)
	versions := map[string]bool{}
	for _, v := range strings.Fields(os.Getenv("ASYNCGEN_TOOLCHAINS")) {
		versions[v] = true
	}
	out, err := exec.Command("go", "env", "GOMODCACHE", "GOVERSION").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := strings.Fields(string(out))
	cached, _ := filepath.Glob(filepath.Join(env[0], "golang.org", "toolchain@v0.0.1-go*"))
	toolchain := regexp.MustCompile(`toolchain@v0\.0\.1-(go1\.\d+(?:\.\d+)?)\.` + regexp.QuoteMeta(goosArch()) + `$`)
	min := "go" + testmod.GoVersion(t)
	for _, dir := range cached {
		if m := toolchain.FindStringSubmatch(dir); m != nil && !versionLess(m[1], min) && m[1] != env[1] {
			versions[m[1]] = true
		}
	}
	if len(versions) == 0 {
		t.Skipf("no other Go toolchain in the module cache; fetch one with GOTOOLCHAIN=go1.24.13 go version, or set ASYNCGEN_TOOLCHAINS")
	}
	var list []string
	for v := range versions {
		list = append(list, v)
	}
	sort.Strings(list)
	for _, v := range list {
		t.Run(v, func(t *testing.T) {
			cmd := exec.Command("go", "run", "./cmd/asyncgen", "-check", "./...")
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GOTOOLCHAIN="+v, "GOFLAGS=-mod=mod")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("GOTOOLCHAIN=%s go run ./cmd/asyncgen -check ./...: %v\n%s", v, err, out)
			}
		})
	}
}

func goosArch() string {
	out, err := exec.Command("go", "env", "GOHOSTOS", "GOHOSTARCH").Output()
	if err != nil {
		return "linux-amd64"
	}
	f := strings.Fields(string(out))
	return f[0] + "-" + f[1]
}

// versionLess compares go1.N[.P] versions.
func versionLess(a, b string) bool {
	num := func(v string) []int {
		var out []int
		for _, p := range strings.Split(strings.TrimPrefix(v, "go"), ".") {
			n := 0
			for _, c := range p {
				if c < '0' || c > '9' {
					break
				}
				n = n*10 + int(c-'0')
			}
			out = append(out, n)
		}
		for len(out) < 3 {
			out = append(out, 0)
		}
		return out
	}
	x, y := num(a), num(b)
	for i := range 3 {
		if x[i] != y[i] {
			return x[i] < y[i]
		}
	}
	return false
}
