// Package exampletest runs the examples as tests.
//
// Each example is a main package with a run function that prints the
// program's output, and most have a CPython twin, NAME.py, that prints the
// same lines with asyncio. The wanted output is testdata/output.golden in
// the example's directory. CPython is the oracle: go test -update re-records
// the golden from the twin's output (from the Go program only for an example
// that has no twin), and the tests then check both programs against it.
//
// The Go program runs under rt.VirtualTime, so its sleeps take no real time;
// the twin runs under CPython in real time with a short unit.
package exampletest

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asyncgen/asyncgen/rt"
)

var update = flag.Bool("update", false, "rewrite testdata/output.golden from the CPython twin's output")

// GoldenPath is the wanted output, relative to the example's directory.
const GoldenPath = "testdata/output.golden"

// UnitEnv is the environment variable that gives the twin its unit, in seconds.
const UnitEnv = "ASYNCGEN_UNIT"

// Example describes one example program.
type Example struct {
	// Run is the example's run function: it prints the output to w, with one
	// unit of sleep lasting unit, on a loop made with opts.
	Run func(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error
	// Script is the CPython twin, relative to the example's directory, or ""
	// when there is none.
	Script string
}

// TestGo runs the Go program under virtual time and compares its output
// with the golden.
func (e Example) TestGo(t *testing.T) {
	want := e.golden(t)
	got, err := e.runGo()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "Go output differs from %s", GoldenPath)
}

// TestPython runs the CPython twin and compares its output with the golden.
// It skips when python3 is not on PATH.
func (e Example) TestPython(t *testing.T) {
	if e.Script == "" {
		t.Skip("this example has no CPython twin")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skipf("python3 not found on PATH, so %s cannot run under CPython: %v", e.Script, err)
	}
	want := e.golden(t)
	got, err := e.runPython()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "CPython output of %s differs from %s", e.Script, GoldenPath)
}

var (
	recordOnce sync.Once
	recordErr  error
)

// golden returns the wanted output; with -update it first re-records it,
// once per test binary (one binary tests one example).
func (e Example) golden(t *testing.T) []byte {
	t.Helper()
	if *update {
		recordOnce.Do(func() { recordErr = e.record() })
		require.NoError(t, recordErr, "re-recording %s", GoldenPath)
	}
	want, err := os.ReadFile(GoldenPath)
	require.NoError(t, err, "run go test -update to record it")
	return want
}

// record writes the golden from the twin's output, or from the Go
// program's when the example has no twin.
func (e Example) record() error {
	var (
		out []byte
		err error
	)
	if e.Script != "" {
		out, err = e.runPython()
	} else {
		out, err = e.runGo()
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(GoldenPath), 0o755); err != nil {
		return err
	}
	return os.WriteFile(GoldenPath, out, 0o644)
}

// runGo runs the Go program with a one-second unit under virtual time.
func (e Example) runGo() ([]byte, error) {
	var buf bytes.Buffer
	err := e.Run(&buf, time.Second, rt.VirtualTime())
	return buf.Bytes(), err
}

// runPython runs the twin under python3 on a virtual-time asyncio loop
// (rt/testdata/vloop.py, whose clock jumps to the next timer like
// rt.VirtualTime), with one unit lasting one second: the twin's own code is
// unchanged, and its output cannot depend on how busy the machine is.
func (e Example) runPython() ([]byte, error) {
	_, file, _, _ := runtime.Caller(0)
	vloop := filepath.Join(filepath.Dir(file), "..", "..", "..", "rt", "testdata")
	boot := "import runpy, sys, vloop; vloop.install(); sys.argv = [sys.argv[1]]; runpy.run_path(sys.argv[0], run_name='__main__')"
	cmd := exec.Command("python3", "-c", boot, e.Script)
	cmd.Env = append(os.Environ(), UnitEnv+"=1", "PYTHONPATH="+vloop)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return out, fmt.Errorf("python3 %s: %v\n%s", e.Script, err, stderr.Bytes())
		}
		return out, fmt.Errorf("python3 %s: %v", e.Script, err)
	}
	return out, nil
}
