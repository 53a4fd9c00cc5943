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

var chainCases = map[string]struct {
	plain func() error
	async func() rt.Awaitable[struct{}]
}{
	"literal":         {chainLiteral, chainLiteralAsync},
	"asyncDefer":      {chainAsyncDefer, chainAsyncDeferAsync},
	"three":           {chainThree, chainThreeAsync},
	"recovered":       {chainRecovered, chainRecoveredAsync},
	"nestedRecovered": {chainNestedRecovered, chainNestedRecoveredAsync},
}

// goPanicChain runs case name's plain function in a child process and
// returns the panic values Go prints, oldest first, without their
// " [recovered]" notes.
func goPanicChain(t *testing.T, name string) []string {
	cmd := exec.Command(os.Args[0], "-test.run=^TestPanicChainAsGo$")
	cmd.Env = append(os.Environ(), "RT_PANIC_CHAIN_CASE="+name)
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "the plain function did not crash:\n%s", out)
	var chain []string
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimPrefix(line, "\t")
		v, ok := strings.CutPrefix(line, "panic: ")
		if !ok {
			if len(chain) > 0 {
				break
			}
			continue
		}
		if i := strings.Index(v, " [recovered"); i >= 0 {
			v = v[:i]
		}
		chain = append(chain, v)
	}
	require.NotEmpty(t, chain, "no panic in:\n%s", out)
	return chain
}

func TestPanicChainAsGo(t *testing.T) {
	if name := os.Getenv("RT_PANIC_CHAIN_CASE"); name != "" {
		_ = chainCases[name].plain() // crashes
		return
	}
	for name, c := range chainCases {
		t.Run(name, func(t *testing.T) {
			want := goPanicChain(t, name)
			_, err := rt.Run(c.async(), rt.VirtualTime())
			var pe *rt.PanicError
			require.True(t, errors.As(err, &pe), "got %v", err)
			var got []string
			for _, v := range pe.Aborted {
				got = append(got, fmt.Sprint(v))
			}
			got = append(got, fmt.Sprint(pe.Value))
			require.Equal(t, want, got)
		})
	}
}
