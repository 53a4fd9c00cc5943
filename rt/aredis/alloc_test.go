package aredis

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// typicalReplies are the replies the parse's allocation figures are for:
// a simple string (SET's OK), a bulk string (GET of 16 bytes), and the
// XREADGROUP reply of a job queue's read of 256 entries of one field.
func typicalReplies() []struct {
	name  string
	wire  []byte
	elems int // the Values of its aggregates
} {
	var x strings.Builder
	fmt.Fprintf(&x, "*1\r\n*2\r\n$8\r\najobs:qs\r\n*256\r\n")
	for i := range 256 {
		id := fmt.Sprintf("1733300000000-%d", i)
		payload := fmt.Sprintf(`{"t":"ajobs.sleep","a":[50],"i":"job-%06d"}`, i)
		fmt.Fprintf(&x, "*2\r\n$%d\r\n%s\r\n*2\r\n$3\r\njob\r\n$%d\r\n%s\r\n", len(id), id, len(payload), payload)
	}
	return []struct {
		name  string
		wire  []byte
		elems int
	}{
		{"simple", []byte("+OK\r\n"), 0},
		{"bulk", []byte("$16\r\n0123456789abcdef\r\n"), 0},
		{"xreadgroup256", []byte(x.String()), 1 + 2 + 256 + 256*(2+2)},
	}
}

// BenchmarkParseReply reports the bytes and allocations of parsing each
// typical reply (the copy of its bytes out of the connection's buffer,
// one per reply, is anet's and not counted here).
func BenchmarkParseReply(b *testing.B) {
	for _, r := range typicalReplies() {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := parseReply(r.wire); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestParseAllocs guards the parse's garbage: no allocation for a
// string reply, one for an aggregate reply however many aggregates it
// nests (all its Values in one backing array), and no more bytes than
// its Values take.
func TestParseAllocs(t *testing.T) {
	for _, r := range typicalReplies() {
		const runs = 100
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		allocs := testing.AllocsPerRun(runs, func() {
			if _, _, err := parseReply(r.wire); err != nil {
				t.Fatal(err)
			}
		})
		runtime.ReadMemStats(&after)
		bytes := float64(after.TotalAlloc-before.TotalAlloc) / (runs + 1) // AllocsPerRun runs it once more to warm up
		t.Logf("%s: %.0f allocs, %.0f B per reply (%d Values of %d B)", r.name, allocs, bytes, r.elems, valueSize)
		wantAllocs := 0.0
		if r.elems > 0 {
			wantAllocs = 1
		}
		if allocs > wantAllocs {
			t.Errorf("%s: %.0f allocations per parse, want at most %.0f", r.name, allocs, wantAllocs)
		}
		// The one backing array is rounded up to a size class (at most 1/8
		// more for large ones) or to whole pages.
		if limit := float64(r.elems*valueSize)*1.125 + 64; bytes > limit {
			t.Errorf("%s: %.0f bytes per parse, want at most %.0f", r.name, bytes, limit)
		}
	}
}
