package transform_test

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"golang.org/x/tools/txtar"
)

// FuzzGenerate feeds the generator mutated async Go source, one file at a
// time through transform.GenerateSource (go/types with a source importer;
// the go command is far too slow per input). Whatever the input, the
// generator must not panic, must not report an internal error (a recovered
// panic), must write nothing when it reports an error, and otherwise must
// produce files that parse and that type-check together with their source.
//
// The seeds are every Go file of testdata/*.txtar and the behaviour corpus
// merged into one file; new crashers land in testdata/fuzz/FuzzGenerate and
// run with every go test from then on. To fuzz:
//
//	go test ./transform -run '^$' -fuzz FuzzGenerate -fuzztime 10m
func FuzzGenerate(f *testing.F) {
	root := testmod.Root(f)
	for _, src := range fuzzSeeds(f, root) {
		f.Add(src)
	}
	// The input is named as a file of this module that does not exist, so
	// that imports (rt above all) resolve through this module's go.mod and
	// no _async.go of it is on disk.
	path := filepath.Join(root, "transform", "ag_fuzz_input.go")
	impFset := token.NewFileSet()
	imp := &cachingImporter{imp: importer.ForCompiler(impFset, "source", nil).(types.ImporterFrom), pkgs: map[string]*types.Package{}, errs: map[string]error{}}

	f.Fuzz(func(t *testing.T, src []byte) {
		// Positions of this input start after every imported file's, so no
		// two positions in play coincide.
		fset := token.NewFileSet()
		fset.AddFile("", -1, impFset.Base())
		res, err := transform.GenerateSource(fset, path, src, imp)
		if err != nil {
			t.Fatalf("GenerateSource: %v", err)
		}
		for _, d := range res.Diags {
			if strings.HasPrefix(d.Message, "internal error: asyncgen panicked") {
				t.Fatalf("%s\ninput:\n%s", d, src)
			}
		}
		if res.Diags.HasErrors() {
			if len(res.Changes) > 0 {
				t.Fatalf("errors reported, yet %d file(s) would be written:\n%s", len(res.Changes), res.Diags)
			}
			return
		}
		for _, c := range res.Changes {
			if c.Remove {
				continue
			}
			if filepath.Base(c.Path) == "durable.lock" {
				if !bytes.HasPrefix(c.New, []byte("# asyncgen durable.lock")) {
					t.Fatalf("%s does not start with its header:\n%s", c.Path, c.New)
				}
				continue
			}
			if !analyze.IsGeneratedSource(c.New) {
				t.Fatalf("%s does not start with the generated-file header", c.Path)
			}
			gen, err := parser.ParseFile(fset, c.Path, c.New, parser.SkipObjectResolution)
			if err != nil {
				t.Fatalf("generated file does not parse: %v\ninput:\n%s\noutput:\n%s", err, src, c.New)
			}
			srcFile, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatalf("the source parsed for the generator but not now: %v", err)
			}
			conf := types.Config{Importer: imp}
			if _, err := conf.Check(srcFile.Name.Name, fset, []*ast.File{srcFile, gen}, nil); err != nil {
				t.Fatalf("generated file does not type-check with its source: %v\ninput:\n%s\noutput:\n%s", err, src, c.New)
			}
		}
	})
}

// cachingImporter remembers every import by path: the source importer asks
// the go command where a package is on every call, even when it has the
// package already. Every input has the same directory, so the path is key
// enough.
type cachingImporter struct {
	imp  types.ImporterFrom
	pkgs map[string]*types.Package
	errs map[string]error
}

func (c *cachingImporter) Import(path string) (*types.Package, error) {
	return c.ImportFrom(path, "", 0)
}

func (c *cachingImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if p, ok := c.pkgs[path]; ok {
		return p, nil
	}
	if err, ok := c.errs[path]; ok {
		return nil, err
	}
	if dir == "" {
		dir = "."
	}
	p, err := c.imp.ImportFrom(path, dir, mode)
	if err != nil {
		c.errs[path] = err
		return nil, err
	}
	c.pkgs[path] = p
	return p, nil
}

// fuzzSeeds returns the Go files of every golden case and the behaviour
// corpus merged into one file.
func fuzzSeeds(t testing.TB, root string) [][]byte {
	var seeds [][]byte
	cases, err := filepath.Glob(filepath.Join(root, "testdata", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		ar, err := txtar.ParseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".go") && !strings.HasPrefix(f.Name, "want/") {
				seeds = append(seeds, f.Data)
			}
		}
	}
	if merged := mergeCorpus(t, filepath.Join(root, "testdata", "corpus")); merged != nil {
		seeds = append(seeds, merged)
	}
	return seeds
}

// mergeCorpus joins the corpus's plain source files (no build tags, not
// generated) into one file: the union of their imports, then each file's
// declarations as written, comments and //async markers included.
func mergeCorpus(t testing.TB, dir string) []byte {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string]bool{}
	var bodies bytes.Buffer
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if analyze.IsGeneratedSource(src) || bytes.Contains(src, []byte("//go:build")) || strings.HasSuffix(p, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		end := f.Name.End()
		for _, imp := range f.Imports {
			imports[imp.Path.Value] = true
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				end = gd.End()
			}
		}
		off := fset.Position(end).Offset
		bodies.Write(src[off:])
		bodies.WriteString("\n")
	}
	var list []string
	for p := range imports {
		list = append(list, p)
	}
	sort.Strings(list)
	var out bytes.Buffer
	out.WriteString("package main\n\nimport (\n")
	for _, p := range list {
		out.WriteString("\t" + p + "\n")
	}
	out.WriteString(")\n")
	out.Write(bodies.Bytes())
	return out.Bytes()
}
