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
