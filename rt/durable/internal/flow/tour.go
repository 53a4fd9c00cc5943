package flow

import (
	"sort"
	"strconv"
	"strings"

	"github.com/asyncgen/asyncgen/rt/durable"
)

// Tour has checkpoints inside the loops the generator lowers with
// temporaries of its own (a map's key snapshot, a string's offset, an
// int's bound) and inside a switch.
//
// async durable
func Tour(m map[string]int, s string) (string, error) {
	var out []string
	for k, v := range m {
		switch {
		case v%2 == 0:
			if err := durable.Checkpoint("even"); err != nil {
				return "", err
			}
			out = append(out, k+"=even")
		default:
			out = append(out, k+"=odd")
		}
	}
	sort.Strings(out)
	for i := range 3 {
		if err := durable.Checkpoint("count"); err != nil {
			return "", err
		}
		out = append(out, strconv.Itoa(i))
	}
	for i, r := range s {
		if err := durable.Checkpoint("rune"); err != nil {
			return "", err
		}
		out = append(out, strconv.Itoa(i)+string(r))
	}
	return strings.Join(out, ","), nil
}

// Pair has a tuple result (rt.Tuple2 in its frame) and no checkpoint of
// its own before it awaits Empty, which has none at all.
//
// async durable
func Pair(n int) (int, string, error) {
	if err := Empty(); err != nil {
		return 0, "", err
	}
	if err := durable.Checkpoint("pair"); err != nil {
		return 0, "", err
	}
	return n * 2, strconv.Itoa(n), nil
}

// Empty is a durable function without await points.
//
// async durable
func Empty() error { return nil }
