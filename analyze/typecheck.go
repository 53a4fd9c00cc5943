package analyze

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// Load's second pass asks go/packages for the metadata only (what go list
// reports: files, imports, modules, sizes) and parses and type-checks the
// packages itself, the way go/packages does with NeedSyntax, NeedTypes,
// NeedTypesInfo and NeedDeps (checkGraph below follows its loader: the
// same errors in the same order, a parse shared by the package variants
// that hold the same file, the same types.Config), with one difference:
// the packages outside the main modules (the standard library, rt when it
// is a dependency, any required module) are type-checked without their
// function bodies and without syntax or types.Info kept, which is all an
// importer needs, and the result is kept for the rest of the process in
// depCache. So the first Load of a process skips the function bodies of
// runtime, os, reflect and the rest, and a later Load in the same process
// (the tests load a hundred scratch modules that all import rt)
// type-checks only its own packages.
//
// A cached package is keyed by everything its type-check reads: its
// package ID, path and name, the Go version and sizes it is checked with,
// the path and content (SHA-256) of each file, and the keys and the very
// types.Package objects of the packages it imports, so an edited file
// anywhere below it gives a new key. A package is cached only when
// everything it imports is: one that imports a main-module package (a
// test variant) is checked in every load, with its bodies, as before, and
// so is a package that the patterns name.
//
// Positions: every Load parses into one FileSet for the process
// (sharedFset), so that Program.Fset resolves the positions of the cached
// packages' objects as well as the main module's (go/types names such
// positions in some messages, "cannot infer T (declared at ...)"). A
// token.FileSet is safe for concurrent use; a load adds its own files to
// it as before, so positions differ from a fresh FileSet's only in their
// base, never in file, line or column. The FileSet and the cache live as
// long as the process: the commands load once, the tests a few hundred
// times (each load adds its own files' line tables, a few kilobytes).

// sharedFset is the FileSet of every Load in the process.
var sharedFset = token.NewFileSet()

// depCache holds the type-checked packages outside the main modules.
var depCache = &typesCache{entries: map[[sha256.Size]byte]*cacheEntry{}}

// maxCacheEntries bounds the cache: a process that loads this many
// different dependency packages (about 80 make rt and the standard library
// packages it imports) starts over.
const maxCacheEntries = 4096

type typesCache struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]*cacheEntry
}

// cacheEntry is one cached package, ready when its channel is closed.
type cacheEntry struct {
	ready      chan struct{}
	pkg        *types.Package // nil: the check that was to fill it failed
	errs       []packages.Error
	typeErrors []types.Error
}

// claim returns the entry for key and whether the caller is to fill it (and
// then close its channel); other callers wait for it.
func (c *typesCache) claim(key [sha256.Size]byte) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		return e, false
	}
	if len(c.entries) >= maxCacheEntries {
		c.entries = map[[sha256.Size]byte]*cacheEntry{}
	}
	e := &cacheEntry{ready: make(chan struct{})}
	c.entries[key] = e
	return e, true
}

func (c *typesCache) drop(key [sha256.Size]byte, e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries[key] == e {
		delete(c.entries, key)
	}
}

// checkLimit bounds the parses and type-checks running at once, process
// wide, as go/packages does.
var checkLimit = make(chan struct{}, runtime.GOMAXPROCS(0))

// graphLoader type-checks one load's package graph.
type graphLoader struct {
	fset    *token.FileSet
	overlay map[string][]byte
	parse   func(*token.FileSet, string, []byte) (*ast.File, error)
	roots   []*packages.Package

	mu     sync.Mutex
	nodes  map[*packages.Package]*graphNode
	parsed map[string]*parsedFile
}

type graphNode struct {
	once      sync.Once
	cacheable bool
	key       [sha256.Size]byte
}

type parsedFile struct {
	readOnce  sync.Once
	src       []byte
	readErr   error
	parseOnce sync.Once
	f         *ast.File
	err       error
}

// checkGraph parses and type-checks roots and everything they import, in
// place, filling Syntax, Types, TypesInfo, Fset, IllTyped and Errors as
// go/packages.Load would.
func checkGraph(fset *token.FileSet, overlay map[string][]byte, parse func(*token.FileSet, string, []byte) (*ast.File, error), roots []*packages.Package) {
	ld := &graphLoader{fset: fset, overlay: overlay, parse: parse, roots: roots,
		nodes: map[*packages.Package]*graphNode{}, parsed: map[string]*parsedFile{}}
	var wg sync.WaitGroup
	for _, p := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ld.check(p)
		}()
	}
	wg.Wait()
}

func (ld *graphLoader) node(p *packages.Package) *graphNode {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	n, ok := ld.nodes[p]
	if !ok {
		n = &graphNode{}
		ld.nodes[p] = n
	}
	return n
}

// check type-checks p once, after everything it imports.
func (ld *graphLoader) check(p *packages.Package) *graphNode {
	n := ld.node(p)
	n.once.Do(func() {
		var wg sync.WaitGroup
		imports := sortedImports(p)
		nodes := make([]*graphNode, len(imports))
		for i, path := range imports {
			wg.Add(1)
			go func() {
				defer wg.Done()
				nodes[i] = ld.check(p.Imports[path])
			}()
		}
		wg.Wait()
		// A root is checked whole, whatever its module, as it would be.
		// (unsafe is types.Unsafe in every load.)
		n.cacheable = p.PkgPath == "unsafe" || !inMainModule(p, ld.roots) && !slices.Contains(ld.roots, p)
		for _, in := range nodes {
			n.cacheable = n.cacheable && in.cacheable
		}
		ld.load(p, n, imports, nodes)
	})
	return n
}

func sortedImports(p *packages.Package) []string {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	return paths
}

// load fills p from the cache or by parsing and type-checking it.
func (ld *graphLoader) load(p *packages.Package, n *graphNode, imports []string, nodes []*graphNode) {
	p.Fset = ld.fset
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		p.TypesInfo = new(types.Info)
		return
	}
	defer func() {
		ill := len(p.Errors) > 0
		for _, imp := range p.Imports {
			ill = ill || imp.IllTyped
		}
		p.IllTyped = ill
	}()
	if !n.cacheable {
		ld.typeCheck(p, false)
		return
	}
	n.key = ld.cacheKey(p, imports, nodes)
	e, owner := depCache.claim(n.key)
	if !owner {
		<-e.ready
		if e.pkg == nil {
			ld.typeCheck(p, true) // the check that was to fill it failed: do it here
			return
		}
		p.Types = e.pkg
		p.Errors = append(p.Errors, e.errs...)
		p.TypeErrors = append(p.TypeErrors, e.typeErrors...)
		return
	}
	ok := false
	defer func() {
		if !ok {
			depCache.drop(n.key, e)
		}
		close(e.ready)
	}()
	listed := len(p.Errors)
	ld.typeCheck(p, true)
	e.errs = append([]packages.Error(nil), p.Errors[listed:]...)
	e.typeErrors = append([]types.Error(nil), p.TypeErrors...)
	e.pkg = p.Types
	// An importer needs only the types.
	p.Syntax, p.TypesInfo = nil, nil
	ok = true
}

// cacheKey is the key of a cacheable package (see the top of this file).
func (ld *graphLoader) cacheKey(p *packages.Package, imports []string, nodes []*graphNode) [sha256.Size]byte {
	h := sha256.New()
	str := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	str(p.ID)
	str(p.PkgPath)
	str(p.Name)
	str(goVersion(p))
	str(fmt.Sprintf("%T %+v", p.TypesSizes, p.TypesSizes))
	for _, path := range p.CompiledGoFiles {
		str(path)
		pf := ld.read(path)
		if pf.readErr != nil {
			str("error: " + pf.readErr.Error())
			continue
		}
		sum := sha256.Sum256(pf.src)
		h.Write(sum[:])
	}
	for i, path := range imports {
		str(path)
		h.Write(nodes[i].key[:])
		// and the very package: a cached package's types refer to its
		// imports' objects, so it is reused only with those.
		str(fmt.Sprintf("%p", p.Imports[path].Types))
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

func goVersion(p *packages.Package) string {
	if p.Module != nil && p.Module.GoVersion != "" {
		return "go" + p.Module.GoVersion
	}
	return ""
}

// read returns the file's entry, its content read (from the overlay when
// it is there) but not necessarily parsed yet.
func (ld *graphLoader) read(path string) *parsedFile {
	ld.mu.Lock()
	pf, ok := ld.parsed[path]
	if !ok {
		pf = &parsedFile{}
		ld.parsed[path] = pf
	}
	ld.mu.Unlock()
	pf.readOnce.Do(func() {
		if src, ok := ld.fromOverlay(path); ok {
			pf.src = src
		} else {
			pf.src, pf.readErr = os.ReadFile(path)
		}
	})
	return pf
}

func (ld *graphLoader) fromOverlay(path string) ([]byte, bool) {
	if src, ok := ld.overlay[path]; ok {
		return src, true
	}
	for f, src := range ld.overlay {
		if sameFile(f, path) {
			return src, true
		}
	}
	return nil, false
}

// sameFile reports whether x and y name the same file (go/packages' rule
// for matching an overlay).
func sameFile(x, y string) bool {
	if x == y {
		return true
	}
	if strings.EqualFold(filepath.Base(x), filepath.Base(y)) {
		if xi, err := os.Stat(x); err == nil {
			if yi, err := os.Stat(y); err == nil {
				return os.SameFile(xi, yi)
			}
		}
	}
	return false
}

// parseFile parses a file once per load: the package variants that hold
// it (p and p [p.test]) share its syntax, as with go/packages.
func (ld *graphLoader) parseFile(path string) (*ast.File, error) {
	pf := ld.read(path)
	pf.parseOnce.Do(func() {
		if pf.readErr != nil {
			pf.err = pf.readErr
			return
		}
		checkLimit <- struct{}{}
		pf.f, pf.err = ld.parse(ld.fset, path, pf.src)
		<-checkLimit
	})
	return pf.f, pf.err
}

// typeCheck parses and type-checks p as go/packages' loader does; dep
// (a package outside the main modules) is checked without function bodies
// or types.Info.
func (ld *graphLoader) typeCheck(p *packages.Package, dep bool) {
	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, err := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: err.Pos.String(), Msg: err.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)

	// Parse in parallel, keeping the files' order.
	files := make([]*ast.File, len(p.CompiledGoFiles))
	errs := make([]error, len(p.CompiledGoFiles))
	var wg sync.WaitGroup
	for i, path := range p.CompiledGoFiles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files[i], errs[i] = ld.parseFile(path)
		}()
	}
	wg.Wait()
	var syntax []*ast.File
	for _, f := range files {
		if f != nil {
			syntax = append(syntax, f)
		}
	}
	for _, err := range errs {
		if err != nil {
			appendError(err)
		}
	}
	p.Syntax = syntax

	var info *types.Info
	if !dep {
		info = &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		}
	}
	p.TypesInfo = info
	tc := &types.Config{
		Importer:         ld.importer(p),
		IgnoreFuncBodies: dep,
		Error:            appendError,
		Sizes:            p.TypesSizes,
		GoVersion:        goVersion(p),
	}
	checkLimit <- struct{}{}
	typErr := types.NewChecker(tc, ld.fset, p.Types, info).Files(syntax)
	<-checkLimit
	if typErr != nil && len(p.Errors) == 0 && len(syntax) > 0 {
		if msg := typErr.Error(); strings.HasPrefix(msg, "package requires newer Go version") {
			appendError(types.Error{Fset: ld.fset, Pos: syntax[0].Package, Msg: msg})
		}
	}
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
}

// importer resolves p's imports to the packages of the graph; an import
// that go/packages left out of p.Imports (a cycle, or a package go list
// did not report) fails as it does there.
func (ld *graphLoader) importer(p *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp := p.Imports[path]
		if imp == nil {
			if cycle := ld.cycle(p, path); cycle != nil {
				return nil, fmt.Errorf("import cycle: %s", cycle)
			}
			return nil, fmt.Errorf("missing package: %q", path)
		}
		if imp.Types == nil || !imp.Types.Complete() {
			return nil, fmt.Errorf("internal error: package %q without types was imported from %q", path, p.ID)
		}
		return imp.Types, nil
	})
}

// cycle returns the IDs of a chain of imports from the package with import
// path path to p, nil when there is none.
func (ld *graphLoader) cycle(p *packages.Package, path string) []string {
	var found []string
	seen := map[*packages.Package]bool{}
	var walk func(q *packages.Package, chain []string) bool
	walk = func(q *packages.Package, chain []string) bool {
		if seen[q] {
			return false
		}
		seen[q] = true
		chain = append(chain, q.ID)
		if q == p {
			found = chain
			return true
		}
		for _, imp := range sortedImports(q) {
			if walk(q.Imports[imp], chain) {
				return true
			}
		}
		return false
	}
	var all []*packages.Package
	packages.Visit(ld.roots, nil, func(q *packages.Package) { all = append(all, q) })
	for _, q := range all {
		if q.PkgPath == path && walk(q, nil) {
			return found
		}
	}
	return nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
