package analyze_test

import (
	"path/filepath"
	"testing"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/stretchr/testify/require"
)

// The generator reports blocking calls in async functions as warnings, with
// the analyzer's words, and generates all the same.
func TestLoadWarnsAboutBlockingCalls(t *testing.T) {
	dir := testmod.New(t, map[string]string{"main.go": `package main

import (
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//async
func nap(ch chan int) {
	time.Sleep(time.Millisecond)
	ch <- 1
	rt.Sleep(time.Millisecond)
}

func main() {
	time.Sleep(time.Millisecond) // ordinary code may block
	ch := make(chan int, 1)
	_, err := rt.Run(napAsync(ch))
	fmt.Println(<-ch, err)
}
`})
	t.Setenv("GOWORK", "off")
	prog, err := analyze.Load(dir)
	require.NoError(t, err)
	var got []string
	for _, d := range prog.Diags.Sorted() {
		rel, err := filepath.Rel(dir, d.Pos.Filename)
		require.NoError(t, err)
		d.Pos.Filename = filepath.ToSlash(rel)
		got = append(got, d.String())
	}
	// The channel advice depends on what rt declares (queues or not).
	require.Len(t, got, 2)
	require.Equal(t, "main.go:12:2: warning: time.Sleep in an async function blocks the event loop: use rt.Sleep, which suspends only this task", got[0])
	require.Regexp(t, `^main\.go:13:5: warning: channel send in an async function blocks the event loop: pass .* rt\.Future`, got[1])
	require.False(t, prog.Diags.HasErrors())
	require.Len(t, prog.Files, 1)
	require.Len(t, prog.Files[0].Funcs, 1)
}
