package rt

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// For generated code: SourceFunc describes one async function as asyncgen
// saw it when it wrote the generated file: for generated code (see
// CheckSource).
type SourceFunc struct {
	Name string // F, or T.M for a method
	Line int    // the line of its func keyword
	Off  int    // the byte offset of its func keyword
	Head string // the first line of its declaration, from func on
	Len  int    // its length in bytes, carriage returns not counted
	Hash uint64 // SourceHash of those bytes
}

// For generated code: CheckSource is called by the init function of every
// file asyncgen generates, with the name of its source file (in the same
// directory) and the async functions it was generated from. In a test binary
// it panics when one of them is no longer in the source as it was, naming
// the function and its line and saying to run go generate, so that go test
// fails before stale generated code runs. Anywhere else it returns at once:
// it reads nothing and costs one call per generated file at start.
//
// A test binary is one whose name ends in .test or that go test started
// (go test always passes -test. flags); the source is found next to the
// generated file's compile-time path, and when it is not there (a binary
// built with -trimpath, or run on another machine) nothing is checked.
func CheckSource(source string, fns []SourceFunc) {
	if !inTestBinary() {
		return
	}
	_, gen, _, ok := runtime.Caller(1)
	if !ok || !isAbsPath(gen) {
		return
	}
	path := gen[:strings.LastIndexAny(gen, `/\`)+1] + source
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	if msg := staleSource(displayPath(path), data, fns); msg != "" {
		panic(msg)
	}
}

// staleSource returns the message for every function of fns that is not in
// src (the content of the file shown as path) as it was, "" when all are.
func staleSource(path string, src []byte, fns []SourceFunc) string {
	var msgs []string
	for _, fn := range fns {
		line, ok := findSource(src, fn)
		if ok {
			continue
		}
		msgs = append(msgs, fmt.Sprintf("%s:%d: async function %s changed since its generated code was written; run go generate", path, line, fn.Name))
	}
	return strings.Join(msgs, "\n")
}

// findSource reports whether fn is in src unchanged (at its old offset or
// moved), and the line to name: where its first line is now, or where it
// was.
func findSource(src []byte, fn SourceFunc) (line int, ok bool) {
	if matchAt(src, fn.Off, fn) {
		return 0, true
	}
	line = fn.Line
	found := false
	for from := 0; from < len(src); {
		i := bytes.Index(src[from:], []byte(fn.Head))
		if i < 0 {
			break
		}
		at := from + i
		if matchAt(src, at, fn) {
			return 0, true
		}
		if !found {
			found, line = true, 1+bytes.Count(src[:at], []byte("\n"))
		}
		from = at + 1
	}
	return line, false
}

// matchAt reports whether fn's text starts at offset off of src.
func matchAt(src []byte, off int, fn SourceFunc) bool {
	if off < 0 || off >= len(src) || !bytes.HasPrefix(src[off:], []byte(fn.Head)) {
		return false
	}
	h, n := sourceHashStart(), 0
	for i := off; i < len(src) && n < fn.Len; i++ {
		if src[i] != '\r' {
			h = sourceHashAdd(h, src[i])
			n++
		}
	}
	return n == fn.Len && h == fn.Hash
}

// sourceHashStart and sourceHashAdd are the hash of SourceFunc, 64-bit
// FNV-1a over the bytes of a declaration without its carriage returns (so
// a checkout with CRLF line endings matches a file generated with LF).
func sourceHashStart() uint64 { return 14695981039346656037 }

// sourceHashAdd adds byte b to hash h (see sourceHashStart).
func sourceHashAdd(h uint64, b byte) uint64 { return (h ^ uint64(b)) * 1099511628211 }

// isTestBinary caches inTestBinary's answer: 0 unknown, 1 no, 2 yes.
var isTestBinary int

func inTestBinary() bool {
	if isTestBinary == 0 {
		isTestBinary = 1
		if len(os.Args) > 0 {
			name := os.Args[0][strings.LastIndexAny(os.Args[0], `/\`)+1:]
			if strings.HasSuffix(strings.TrimSuffix(name, ".exe"), ".test") {
				isTestBinary = 2
			}
			for _, a := range os.Args[1:] {
				if strings.HasPrefix(a, "-test.") {
					isTestBinary = 2
				}
			}
		}
	}
	return isTestBinary == 2
}

func isAbsPath(p string) bool {
	return strings.HasPrefix(p, "/") || (len(p) > 2 && p[1] == ':' && (p[2] == '/' || p[2] == '\\'))
}

// displayPath shortens path to be relative to the working directory (the
// package directory under go test) when it is inside it.
func displayPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	wd = strings.ReplaceAll(wd, `\`, "/")
	if !strings.HasSuffix(wd, "/") {
		wd += "/"
	}
	if rest, ok := strings.CutPrefix(path, wd); ok {
		return rest
	}
	return path
}
