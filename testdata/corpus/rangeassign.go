// Range loops that assign to existing variables (issue #10, class 8): the
// index expressions on the left are evaluated before either iteration
// value is assigned, as in Go's assignment statement.

package main

import "fmt"

func init() {
	cases = append(cases,
		testCase{"range assignment order", caseRangeAssignOrder, caseRangeAssignOrderAsync},
	)
}

func pairs(yield func(int, int) bool) {
	_ = yield(0, 77) && yield(1, 88)
}

// async
func caseRangeAssignOrder() (string, error) {
	var out []string
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		tick(i)
		break
	}
	out = append(out, fmt.Sprint(x, i))

	y := [3]rune{1, 2, 3}
	j := 2
	for j, y[j] = range "ab" {
		tick(j)
	}
	out = append(out, fmt.Sprint(y, j))

	z := map[int]int{}
	k := 5
	for k, z[k] = range pairs {
		tick(k)
	}
	out = append(out, fmt.Sprint(z, k))

	w := []int{0, 0, 0}
	n := 2
	for n, w[n] = range map[int]int{1: 42} {
		tick(n)
	}
	out = append(out, fmt.Sprint(w, n))

	g := []int{0, 0, 0, 0}
	m := 3
	for m, g[m] = range genPairsAsync() {
		tick(m)
	}
	out = append(out, fmt.Sprint(g, m))
	return fmt.Sprint(out), nil
}

// async
func genPairs(yield func(int, int) bool) {
	_ = yield(tick(1), 5) && yield(2, 6)
}
