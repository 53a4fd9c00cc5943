package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	"golang.org/x/tools/go/packages"
)

// A package that calls FAsync of its own async function F before any
// generated file exists does not type-check, and then no analyzer runs:
// go vet and asyncvet would only say "undefined: FAsync". reportMissing
// looks at the files syntactically first and says the root cause, before
// the type errors are printed: F has no generated code, run go generate.
// (When the package type-checks, the Analyzer reports the same thing.)

// reportMissing checks the package files that the vet config names, or
// the packages that patterns name (asyncvet run alone), and prints to w
// what it finds. It reports whether it found anything.
func reportMissing(args []string, w io.Writer) bool {
	var groups [][]string
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		data, err := os.ReadFile(args[len(args)-1])
		if err != nil {
			return false
		}
		var cfg struct {
			ImportPath string
			GoFiles    []string
		}
		if json.Unmarshal(data, &cfg) != nil || cfg.ImportPath == analyze.RTPath {
			return false
		}
		groups = append(groups, cfg.GoFiles)
	} else {
		var patterns []string
		for _, a := range args {
			if !strings.HasPrefix(a, "-") {
				patterns = append(patterns, a)
			}
		}
		pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles, Tests: true}, patterns...)
		if err != nil {
			return false
		}
		for _, p := range pkgs {
			if p.PkgPath != analyze.RTPath {
				groups = append(groups, p.GoFiles)
			}
		}
	}
	seen := map[string]bool{}
	var lines []string
	for _, files := range groups {
		for _, l := range missingIn(files) {
			if !seen[l] {
				seen[l] = true
				lines = append(lines, l)
			}
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return len(lines) > 0
}

// missingIn returns, for the files of one package, a message for each async
// function whose generated file is not among them while some file of the
// package uses its companion (which then is undefined).
func missingIn(files []string) []string {
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	fset := token.NewFileSet()
	type missing struct {
		name, base, path string
		shape            string // why no code can be generated, or ""
		pos              token.Position
	}
	var miss []missing
	used := map[string]bool{}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil || analyze.IsGeneratedSource(src) {
			continue
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasSuffix(id.Name, analyze.CompanionSuffix) {
				used[id.Name] = true
			}
			return true
		})
		if have[analyze.GeneratedPath(path)] {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && analyze.IsAsyncDecl(fd) {
				miss = append(miss, missing{analyze.SourceName(fd), fd.Name.Name, path, analyze.UnsupportedShape(fd), fset.Position(fd.Name.Pos())})
			}
		}
	}
	var out []string
	for _, m := range miss {
		if used[m.base+analyze.CompanionSuffix] {
			msg := analyze.MissingGenerationMessage(m.name, m.path)
			if m.shape != "" {
				msg = m.shape // the root cause: no go generate makes it
			}
			out = append(out, fmt.Sprintf("%s: %s", m.pos, msg))
		}
	}
	return out
}
