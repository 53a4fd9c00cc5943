package rt_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/require"
)

// Panic chaining: a panic raised while another is in flight. The oracle is
// plain Go: the natural function, run in a child process, crashes, and Go
// prints the chain ("panic: 1\n\tpanic: 2"); the async form must end with
// the same last value and list the same older ones in PanicError.Aborted.

// async
func chainLiteral() error {
	defer func() { panic(2) }()
	rt.Sleep(0)
	panic(1)
}

// async
func panicsAsync(v int) {
	rt.Sleep(0)
	panic(v)
}

// async
func chainAsyncDefer() error {
	defer panicsAsync(2)
	rt.Sleep(0)
	panic(1)
}

func panicsPlain(v int) { panic(v) }

// async
func chainThree() error {
	defer panicsPlain(3)
	defer panicsAsync(2)
	rt.Sleep(0)
	panic(1)
}

func recoversAndPanics() {
	recover()
	panic("second")
}

// async
func chainRecovered() error {
	defer recoversAndPanics()
	rt.Sleep(0)
	panic("first")
}

func recoversOwn() {
	defer func() { recover() }()
	panic("inner")
}

// async
func recoversOwnAsync() {
	defer func() { recover() }()
	rt.Sleep(0)
	panic("inner async")
}

// async
func chainNestedRecovered() error {
	defer recoversOwnAsync()
	defer recoversOwn()
	rt.Sleep(0)
	panic("outer")
}

// async
func chainRepanicked() error {
	defer func() { panic(recover()) }()
	rt.Sleep(0)
	panic("first")
}

// async
func recoversAsyncAndPanics(v any) {
	r := recover()
	rt.Sleep(0)
	if v == nil {
		v = r
	}
	panic(v)
}

// async
func chainAsyncRecovered() error {
	defer recoversAsyncAndPanics("second")
	rt.Sleep(0)
	panic("first")
}

// async
func chainAsyncRepanicked() error {
	defer recoversAsyncAndPanics(nil)
	rt.Sleep(0)
	panic("first")
}

// async
func chainRecoveredThenAborted() error {
	defer panicsPlain(3)
	defer recoversAsyncAndPanics("second")
	rt.Sleep(0)
	panic("first")
}

// chainCases: noteGap marks the row whose "[recovered]" notes the async
// form cannot know (a plain deferred function that recovers and panics
// with another value, see PanicError.Error): its notes are not compared.
var chainCases = map[string]struct {
	plain   func() error
	async   func() rt.Awaitable[struct{}]
	noteGap bool
}{
	"literal":              {chainLiteral, chainLiteralAsync, false},
	"asyncDefer":           {chainAsyncDefer, chainAsyncDeferAsync, false},
	"three":                {chainThree, chainThreeAsync, false},
	"recovered":            {chainRecovered, chainRecoveredAsync, true},
	"nestedRecovered":      {chainNestedRecovered, chainNestedRecoveredAsync, false},
	"repanicked":           {chainRepanicked, chainRepanickedAsync, false},
	"asyncRecovered":       {chainAsyncRecovered, chainAsyncRecoveredAsync, false},
	"asyncRepanicked":      {chainAsyncRepanicked, chainAsyncRepanickedAsync, false},
	"recoveredThenAborted": {chainRecoveredThenAborted, chainRecoveredThenAbortedAsync, false},
}

// goPanicChain runs case name's plain function in a child process and
// returns the panic values Go prints, oldest first, without their
// " [recovered]" notes.
func goPanicChain(t *testing.T, name string) []string {
	chain, _ := goPanicText(t, name)
	return chain
}

// goPanicText runs case name's plain function in a child process and
// returns the panic values Go prints, oldest first, without their
// " [recovered]" notes, and the lines as Go prints them ("panic: first
// [recovered]", "\tpanic: second").
func goPanicText(t *testing.T, name string) (chain, lines []string) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestPanicChainAsGo$")
	cmd.Env = append(os.Environ(), "RT_PANIC_CHAIN_CASE="+name)
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "the plain function did not crash:\n%s", out)
	for _, full := range strings.Split(string(out), "\n") {
		line := strings.TrimPrefix(full, "\t")
		v, ok := strings.CutPrefix(line, "panic: ")
		if !ok {
			if len(chain) > 0 {
				break
			}
			continue
		}
		lines = append(lines, full)
		if i := strings.Index(v, " [recovered"); i >= 0 {
			v = v[:i]
		}
		chain = append(chain, v)
	}
	require.NotEmpty(t, chain, "no panic in:\n%s", out)
	return chain, lines
}

func TestPanicChainAsGo(t *testing.T) {
	if name := os.Getenv("RT_PANIC_CHAIN_CASE"); name != "" {
		// On a goroutine of its own, so that no recover of the testing
		// package's adds its own "[recovered, repanicked]" to the chain.
		go func() { _ = chainCases[name].plain() }() // crashes
		select {}
	}
	for name, c := range chainCases {
		t.Run(name, func(t *testing.T) {
			want, goLines := goPanicText(t, name)
			_, err := rt.Run(c.async(), rt.VirtualTime())
			var pe *rt.PanicError
			require.True(t, errors.As(err, &pe), "got %v", err)
			var got []string
			for _, v := range pe.Aborted {
				got = append(got, fmt.Sprint(v))
			}
			got = append(got, fmt.Sprint(pe.Value))
			require.Equal(t, want, got)

			// Error() reads as Go's chain after its "rt: panic in task
			// T at file:line: " prefix.
			msg := pe.Error()
			i := strings.Index(msg, ".go:")
			require.Positive(t, i, msg)
			j := strings.Index(msg[i:], ": ")
			require.Positive(t, j, msg)
			text := "panic: " + msg[i+j+2:]
			goText := strings.Join(goLines, "\n")
			if c.noteGap {
				strip := strings.NewReplacer(" [recovered, repanicked]", "", " [recovered]", "")
				text, goText = strip.Replace(text), strip.Replace(goText)
			}
			require.Equal(t, goText, text)
		})
	}
}
