package transform

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/asyncgen/asyncgen/analyze"
)

// Change is one file the generator would write or remove.
type Change struct {
	Path   string
	Old    []byte // current content, nil when the file does not exist
	New    []byte // wanted content, nil when the file is to be removed
	Remove bool
}

// Result is the outcome of a generation run: the files that differ from
// what they should be, and every diagnostic.
type Result struct {
	Changes []Change
	Diags   analyze.Diagnostics
	// Files is the number of source files with async functions.
	Files int
}

// Generate loads the packages that patterns name (relative to dir) and
// computes every generated file. It writes nothing: see Result.Write.
func Generate(dir string, patterns ...string) (*Result, error) {
	prog, err := analyze.Load(dir, patterns...)
	if err != nil {
		return nil, err
	}
	return generateProgram(prog)
}

// generateProgram computes every generated file of a loaded program.
func generateProgram(prog *analyze.Program) (*Result, error) {
	res := &Result{Diags: prog.Diags, Files: len(prog.Files)}
	failed := prog.Diags.HasErrors()
	plans := planEmbeds(prog.Fset, prog.Files) // embed.go
	gen := map[string][]byte{}                 // durable_lock.go
	dirs := map[string]bool{}                  // durable_lock.go
	for _, f := range prog.Files {
		if f.Failed || len(f.Funcs) == 0 {
			continue
		}
		src, diags := fileSafely(prog.Fset, f, plans[f.Pkg.Path()])
		res.Diags = append(res.Diags, diags...)
		if len(diags) > 0 {
			failed = true
			continue
		}
		gen[f.GenPath], dirs[filepath.Dir(f.GenPath)] = src, true
		old, err := os.ReadFile(f.GenPath)
		if err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		if err == nil && !analyze.IsGeneratedSource(old) {
			res.Diags = append(res.Diags, analyze.Diagnostic{Pos: prog.Fset.Position(f.Funcs[0].Decl.Pos()),
				Message: fmt.Sprintf("%s exists and was not written by asyncgen: rename it, or remove it to let asyncgen generate it", filepath.Base(f.GenPath))})
			failed = true
			continue
		}
		if !bytes.Equal(old, src) {
			res.Changes = append(res.Changes, Change{Path: f.GenPath, Old: old, New: src})
		}
	}
	for _, p := range plans {
		if diags := p.durableConflicts(); len(diags) > 0 { // durable_migrate.go
			res.Diags = append(res.Diags, diags...)
			failed = true
		}
	}
	for _, orphan := range prog.Orphans {
		old, err := os.ReadFile(orphan)
		if err != nil {
			continue
		}
		res.Changes = append(res.Changes, Change{Path: orphan, Old: old, Remove: true})
	}
	if !failed {
		locks, diags := durableLocks(gen, dirs)
		res.Changes = append(res.Changes, locks...)
		res.Diags = append(res.Diags, diags...)
		failed = diags.HasErrors()
	}
	res.Diags = res.Diags.Sorted()
	if failed {
		// Nothing is written while any file has errors.
		res.Changes = nil
	}
	return res, nil
}

// Write applies the changes: each file is written to a temporary file in the
// same directory and renamed over the old one, so no reader ever sees a
// partial file.
func (r *Result) Write() error {
	for _, c := range r.Changes {
		if c.Remove {
			if err := os.Remove(c.Path); err != nil && !os.IsNotExist(err) {
				return err
			}
			continue
		}
		if err := writeAtomic(c.Path, c.New); err != nil {
			return err
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
