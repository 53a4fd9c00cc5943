package transform_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"github.com/stretchr/testify/require"
)

// durableFingerprints generates main.go (body is the durable function's)
// in a fresh module and returns the fingerprint of each point of work, by
// its identity.
func durableFingerprints(t *testing.T, body string) map[string]string {
	t.Helper()
	src := "package main\n\nimport \"github.com/asyncgen/asyncgen/rt/durable\"\n\n" +
		"type item struct{ N int }\n\n// async durable\nfunc work(in []int) (int, error) {\n" + body + "\n}\n\nfunc main() {}\n"
	mod := testmod.New(t, map[string]string{"main.go": src})
	res, err := transform.Generate(mod, ".")
	require.NoError(t, err)
	require.False(t, res.Diags.HasErrors(), "%v", res.Diags)
	require.NoError(t, res.Write())
	lock, err := os.ReadFile(filepath.Join(mod, transform.DurableLockName))
	require.NoError(t, err)
	if gen, err := os.ReadFile(filepath.Join(mod, "main_async.go")); err == nil && os.Getenv("DUMP") != "" {
		s := string(gen)
		t.Log(s[strings.Index(s, "type ag_work struct"):strings.Index(s, "func workAsync")], s[strings.Index(s, "func (ag_f *ag_work) DurableEncode"):strings.Index(s, "func (ag_f *ag_work) DurableDecode")])
	}
	fps := map[string]string{}
	for _, line := range strings.Split(string(lock), "\n") {
		if rest, ok := strings.CutPrefix(line, "example.com/m.work "); ok {
			i := strings.LastIndexByte(rest, ' ')
			fps[rest[:i]] = rest[i+1:]
		}
	}
	return fps
}

// TestDurableFingerprintPerPoint: a point's fingerprint covers what its
// snapshot holds (the variables live there, their types, the point), so
// an edit elsewhere in the function keeps it, and a change of what it
// holds changes it.
func TestDurableFingerprintPerPoint(t *testing.T) {
	base := durableFingerprints(t, `
	sum := 0
	for _, x := range in {
		sum += x
		if err := durable.Checkpoint("early"); err != nil {
			return 0, err
		}
	}
	if err := durable.Checkpoint("late"); err != nil {
		return 0, err
	}
	return sum, nil`)
	require.Len(t, base, 2)

	// A variable live only at the later checkpoint, and a temporary
	// (another range loop) before the first: the early point keeps its
	// fingerprint, the late one holds more and changes.
	later := durableFingerprints(t, `
	warm := 0
	for range in {
		warm++
	}
	if warm != len(in) {
		return 0, nil
	}
	sum := 0
	for _, x := range in {
		sum += x
		if err := durable.Checkpoint("early"); err != nil {
			return 0, err
		}
	}
	extra := sum * 2
	if err := durable.Checkpoint("late"); err != nil {
		return 0, err
	}
	return sum + extra - extra, nil`)
	require.Equal(t, base["checkpoint:early"], later["checkpoint:early"], "an edit elsewhere changed the early point")
	require.NotEqual(t, base["checkpoint:late"], later["checkpoint:late"], "a variable added at the late point kept its fingerprint")

	// The type of a variable live at the early point changes it, and not
	// the late point's, where that variable is dead.
	retyped := durableFingerprints(t, `
	var sum int64
	for _, x := range in {
		sum += int64(x)
		if err := durable.Checkpoint("early"); err != nil {
			return 0, err
		}
	}
	n := int(sum)
	if err := durable.Checkpoint("late"); err != nil {
		return 0, err
	}
	return n, nil`)
	require.NotEqual(t, base["checkpoint:early"], retyped["checkpoint:early"], "retyping a live variable kept the fingerprint")
	require.NotEqual(t, base["checkpoint:late"], retyped["checkpoint:late"]) // n (int) is live there instead of sum

	// Renaming a variable live at the point changes it too; a variable
	// that is dead there (used only before it) does not.
	renamed := durableFingerprints(t, `
	total := 0
	for _, x := range in {
		total += x
		if err := durable.Checkpoint("early"); err != nil {
			return 0, err
		}
	}
	if err := durable.Checkpoint("late"); err != nil {
		return 0, err
	}
	return total, nil`)
	require.NotEqual(t, base["checkpoint:early"], renamed["checkpoint:early"])
	deadOnly := durableFingerprints(t, `
	first := item{N: len(in)}
	sum := first.N - len(in)
	for _, x := range in {
		sum += x
		if err := durable.Checkpoint("early"); err != nil {
			return 0, err
		}
	}
	if err := durable.Checkpoint("late"); err != nil {
		return 0, err
	}
	return sum, nil`)
	require.Equal(t, base, deadOnly, "a variable dead at every point changed a fingerprint")
}
