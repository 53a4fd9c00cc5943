package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/stretchr/testify/require"
)

const demo = `package main

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// nap is async; it is not generated yet, which vet does not need.
//
//async
func nap(d time.Duration) {
	time.Sleep(d)
}

func main() {
	nap(time.Millisecond)
	rt.SleepAsync(0)
	fmt.Println("done")
}
`

var wantDiags = []string{
	"main.go:14:2: time.Sleep in an async function blocks the event loop: use rt.Sleep, which suspends only this task",
	"main.go:18:2: call of async function nap from ordinary code runs it as blocking plain Go: use rt.Run(napAsync(...)) or mark the caller //async",
	"main.go:19:2: coroutine rt.SleepAsync(...) is never awaited, so it never runs: await it with rt.Await, start it with rt.Spawn or rt.Run, or pass it to rt.Gather",
}

// asyncvet works as go vet's tool, the way its package doc says to run it,
// and on its own.
func TestVetTool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds asyncvet and runs go vet")
	}
	bin := filepath.Join(t.TempDir(), "asyncvet")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	dir := testmod.New(t, map[string]string{"main.go": demo})
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	vet, err := run("go", "vet", "-vettool="+bin, "./...")
	require.Error(t, err, "go vet must fail on findings:\n%s", vet)
	for _, d := range wantDiags {
		require.Contains(t, vet, d)
	}

	alone, err := run(bin, "./...")
	require.Error(t, err, "asyncvet must fail on findings:\n%s", alone)
	for _, d := range wantDiags {
		require.Contains(t, alone, d)
	}
}
