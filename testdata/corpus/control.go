package main

import (
	"fmt"
	"sort"
	"strings"
)

// Awaits in if conditions and init statements, in both branches.
//
// async
func caseIfCond() (string, error) {
	var out []string
	if tick(1) > 0 {
		out = append(out, "a")
	} else {
		out = append(out, "b")
	}
	if tick(0) > 0 {
		out = append(out, "c")
	} else {
		tick(9)
		out = append(out, "d")
	}
	if x := tick(2); x == 2 {
		out = append(out, "e")
	}
	if x := side("x", 3); x == tick(3) {
		out = append(out, "f")
	}
	var y int
	if y = tick(4); y > 3 {
		out = append(out, fmt.Sprint("g", y))
	}
	return strings.Join(out, ","), nil
}

// else-if chains: later conditions run only when earlier ones fail, and
// see the earlier inits.
//
// async
func caseElseIfChain() (string, error) {
	var out []string
	for _, n := range []int{1, 2, 3, 4} {
		if tick(n) == 1 {
			out = append(out, "one")
		} else if v := tick(n * 10); v == 20 {
			out = append(out, "two")
		} else if side("third", n) == 3 && tickB(true) {
			out = append(out, fmt.Sprint("three", v))
		} else {
			tick(v)
			out = append(out, "none")
		}
	}
	return strings.Join(out, ","), nil
}

// An await in a for condition, evaluated before every iteration.
//
// async
func caseForCond() (string, error) {
	sum := 0
	for i := 0; i < tick(3); i++ {
		sum += i
	}
	j := 0
	for j < tick(2) {
		j++
	}
	return fmt.Sprint(sum, j), nil
}

// Awaits in the for init and post statements.
//
// async
func caseForPost() (string, error) {
	sum := 0
	for i := tick(1); i < 10; i = tick(i * 2) {
		sum += i
	}
	k := 0
	for k = tick(5); k > 0; k -= tick(2) {
		logf("k=%d", k)
	}
	return fmt.Sprint(sum, k), nil
}

// continue runs the post statement (which awaits).
//
// async
func caseForContinuePost() (string, error) {
	n := 0
	for i := 0; i < 6; i = tick(i + 1) {
		if i%2 == 0 {
			continue
		}
		n += tick(i)
	}
	return fmt.Sprint(n), nil
}

// for {} with break, for cond {}, and a loop that never runs its body.
//
// async
func caseForBare() (string, error) {
	i := 0
	for {
		i = tick(i + 1)
		if i >= 4 {
			break
		}
	}
	for i > 0 {
		i -= tick(1)
	}
	for tickB(false) {
		logf("never")
	}
	return fmt.Sprint(i), nil
}

type count int8

// range over integers: evaluated once, typed and untyped, key only,
// assigned to an outer variable.
//
// async
func caseRangeInt() (string, error) {
	sum := 0
	for i := range tick(4) {
		sum += tick(i)
	}
	for range 2 {
		tick(100)
	}
	var k int
	for k = range 3 {
		tick(k)
	}
	for i := range count(3) {
		logf("%T %d", i, i)
		tick(int(i))
	}
	n := 3
	for i := range n {
		n = tick(n + i)
	}
	return fmt.Sprint(sum, k, n), nil
}

// range over a slice: evaluated once (append does not extend it), later
// elements' updates are seen, key-only and value-only forms.
//
// async
func caseRangeSlice() (string, error) {
	s := []int{1, 2, 3}
	sum := 0
	var seen []int
	for i, v := range s {
		if i == 0 {
			s = append(s, 99) // s now has another array: the range does not see it
		}
		if i+1 < 3 {
			s[i+1] += tick(10)
		}
		seen = append(seen, v)
		sum += v
	}
	t := []int{1, 2, 3}
	for i, v := range t {
		if i+1 < len(t) {
			t[i+1] += tick(10) // same array: seen
		}
		seen = append(seen, v)
	}
	for i := range s {
		tick(i)
	}
	for _, v := range s[:2] {
		tick(v)
	}
	var nilSlice []string
	for _, v := range nilSlice {
		tickS(v)
	}
	return fmt.Sprint(sum, seen, s, t), nil
}

// range over an array (a copy) and a pointer to an array (not a copy).
//
// async
func caseRangeArray() (string, error) {
	a := [3]int{1, 2, 3}
	var got []int
	for i, v := range a {
		a[(i+1)%3] = tick(v * 100)
		got = append(got, v)
	}
	p := &[3]int{1, 2, 3}
	for i, v := range p {
		if i+1 < 3 {
			p[i+1] = tick(v * 100)
		}
		got = append(got, v)
	}
	for i := range a {
		tick(i)
	}
	return fmt.Sprint(got, a, *p), nil
}

// range over strings: byte offsets, multi-byte runes, invalid UTF-8.
//
// async
func caseRangeString() (string, error) {
	for i, r := range "héllo, 世界" {
		logf("%d %c", i, r)
		tick(i)
	}
	s := "a€b"
	n := 0
	for _, r := range s {
		n += tick(len(string(r)))
	}
	for i, r := range "a\xffb" {
		logf("%d %U", i, r)
		tick(i)
	}
	for i, r := range tickS("xy") {
		logf("%d %c", i, r)
	}
	return fmt.Sprint(n), nil
}

// range over maps: the body logs nothing order-dependent. Deleting every
// other entry on the first turn leaves exactly one turn (Go never produces
// an entry deleted before it was reached).
//
// async
func caseRangeMap() (string, error) {
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	sum := 0
	var keys []string
	for k, v := range m {
		sum += quiet(v)
		keys = append(keys, k)
	}
	sort.Strings(keys)
	m2 := map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
	turns := 0
	for k, v := range m2 {
		turns++
		_ = v
		for j := range m2 {
			if j != k {
				delete(m2, j)
			}
		}
		quiet(0)
	}
	var nilMap map[string]bool
	for k, v := range nilMap {
		tickS(fmt.Sprint(k, v))
	}
	n := 0
	for _, v := range m {
		n += quiet(v)
	}
	tick(sum)
	return fmt.Sprint(sum, keys, turns, len(m2), n), nil
}

// range assigning to existing variables keeps their last values.
//
// async
func caseRangeAssign() (string, error) {
	var i, v int
	for i, v = range []int{5, 6, 7} {
		tick(v)
	}
	var j int
	var r rune
	for j, r = range "ab" {
		tick(j)
	}
	arr := []int{0, 0, 0}
	k := 0
	for arr[k], v = range []int{7, 8} {
		k = tick(k + 1)
	}
	return fmt.Sprint(i, v, j, string(r), arr), nil
}

// Expression switch: the tag once, case expressions left to right and top
// to bottom, only until one matches.
//
// async
func caseSwitchTag() (string, error) {
	var out []string
	for _, n := range []int{1, 2, 3, 4} {
		switch tick(n) {
		case side("c1", 1):
			out = append(out, "one")
		case side("c2a", 0), tick(2):
			out = append(out, "two")
		case tick(3), side("c3b", 33):
			out = append(out, "three")
		default:
			out = append(out, "other")
		}
	}
	switch s := tickS("b"); s {
	case "a":
		out = append(out, "A")
	case "b":
		out = append(out, tickS("B"))
	}
	return strings.Join(out, ","), nil
}

// Tagless switch with awaits in the conditions.
//
// async
func caseSwitchNoTag() (string, error) {
	for _, n := range []int{5, 15, 25} {
		switch {
		case tick(n) < 10:
			logf("small")
		case tickB(n < 20) && side("mid", n) > 0:
			logf("mid")
		default:
			logf("big")
			tick(n)
		}
	}
	return "", nil
}

// Switch init statements.
//
// async
func caseSwitchInit() (string, error) {
	var out []string
	switch x := tick(3); {
	case x > 2:
		out = append(out, "big")
	default:
		out = append(out, "small")
	}
	switch y := tick(2); y * 2 {
	case tick(4):
		out = append(out, fmt.Sprint("y=", y))
	}
	switch z := side("z", 1); z {
	case 0:
	case 1:
		out = append(out, fmt.Sprint("z=", tick(z)))
	}
	return strings.Join(out, ","), nil
}

// fallthrough, including into and out of a default in the middle.
//
// async
func caseFallthrough() (string, error) {
	for n := range 4 {
		switch n {
		case 0:
			logf("zero")
			tick(0)
			fallthrough
		case 1:
			logf("one")
			fallthrough
		case 2:
			tick(2)
			logf("two")
		case 3:
			logf("three")
			tick(3)
			fallthrough
		default:
			logf("default")
		}
	}
	switch tick(7) {
	case 1:
		logf("1")
	default:
		logf("dflt")
		tick(0)
		fallthrough
	case 2:
		logf("2 by fallthrough")
	}
	switch tick(2) {
	case 1:
		logf("1")
	default:
		logf("not reached")
	case 2:
		logf("2 after default")
		tick(2)
	}
	return "", nil
}

// break inside a switch leaves the switch; continue the loop; a labeled
// break leaves the labeled switch from a loop inside it.
//
// async
func caseSwitchBreak() (string, error) {
	for i := range 5 {
		switch tick(i) % 3 {
		case 0:
			if i == 3 {
				break
			}
			logf("zero %d", i)
		case 1:
			tick(i)
			continue
		}
		logf("after switch %d", i)
	}
sw:
	switch tick(1) {
	case 1:
		for j := range 3 {
			if tick(j) == 1 {
				break sw
			}
			logf("j %d", j)
		}
		logf("not reached")
	}
	for i := range 3 {
		tick(i)
		switch i {
		case 1:
			if i > 0 {
				break
			}
			logf("not reached")
		default:
			logf("plain switch %d", i)
		}
		logf("loop %d", i)
	}
	return "", nil
}

// Labeled break across nested loops.
//
// async
func caseLabeledBreak() (string, error) {
	n := 0
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if tick(i*10+j) == 11 {
				break outer
			}
			n++
			logf("%d%d", i, j)
		}
	}
	return fmt.Sprint(n), nil
}

// Labeled continue across three loops.
//
// async
func caseLabeledContinue() (string, error) {
	n := 0
outer:
	for i := range 3 {
	inner:
		for j := range 3 {
			for k := range 3 {
				if k == 1 {
					continue inner
				}
				if tick(j) == 1 {
					continue outer
				}
				n++
				logf("%d%d%d", i, j, k)
			}
		}
	}
	return fmt.Sprint(n), nil
}

// break and continue that leave a statement without awaits (an ordinary Go
// loop) for a loop with awaits.
//
// async
func caseOpaqueExits() (string, error) {
outer:
	for i := range 4 {
		tick(i)
		for j := range 4 {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			logf("%d,%d", i, j)
		}
	}
	k := 0
	for {
		k = tick(k + 1)
		for {
			if k > 2 {
				break
			}
			logf("inner %d", k)
			break
		}
		if k > 3 {
			break
		}
	}
	return fmt.Sprint(k), nil
}

// return from inside loops and switches with awaits, and from an ordinary
// statement nested in them.
//
// async
func caseReturnInLoop() (string, error) {
	for _, v := range []int{1, 2, 3} {
		tick(v)
		if v == 2 {
			for j := range 3 {
				if j == 1 {
					return fmt.Sprint("returned at ", v, j), nil
				}
			}
		}
	}
	return "not reached", nil
}
