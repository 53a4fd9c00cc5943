// Async generators (rt.Gen): an //async function with a last parameter
// yield func(T) bool, ranged over through its companion. Plain Go runs the
// natural generator as a push iterator; async code runs its frames inline
// on the consumer's task. Both must log the same lines.

package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

func init() {
	cases = append(cases,
		testCase{"gen exhausted", caseGenExhausted, caseGenExhaustedAsync},
		testCase{"gen break", caseGenBreak, caseGenBreakAsync},
		testCase{"gen return in body", caseGenReturn, caseGenReturnAsync},
		testCase{"gen continue and labels", caseGenLabels, caseGenLabelsAsync},
		testCase{"gen panic in body", caseGenPanic, caseGenPanicAsync},
		testCase{"gen panic in generator", caseGenPanicInside, caseGenPanicInsideAsync},
		testCase{"gen nested", caseGenNested, caseGenNestedAsync},
		testCase{"gen pairs", caseGenPairs, caseGenPairsAsync},
		testCase{"gen goto out", caseGenGoto, caseGenGotoAsync},
		testCase{"gen cancelled consumer", caseGenCancel, caseGenCancelAsync},
	)
}

// genCleanup is an async deferred call of the generators: it awaits.
//
// async
func genCleanup(name string) {
	rt.Sleep(0)
	logf("%s cleanup", name)
}

// genNumbers yields from, from+1, ... awaiting before each value and after
// odd ones; it logs where it stops.
//
// async
func genNumbers(name string, from, n int, yield func(int) bool) {
	defer genCleanup(name)
	defer logf("%s deferred (plain)", name)
	for i := from; i < from+n; i++ {
		v := tick(i)
		if !yield(v) {
			logf("%s: yield returned false at %d", name, v)
			return
		}
		if v%2 == 1 {
			nothing()
		}
	}
	logf("%s exhausted", name)
}

// async
func caseGenExhausted() (string, error) {
	sum := 0
	for v := range genNumbersAsync("ex", 1, 4) {
		sum += tick(v * 10)
	}
	for range genNumbersAsync("noVars", 0, 2) {
		logf("body without variables")
	}
	return fmt.Sprint(sum), nil
}

// async
func caseGenBreak() (string, error) {
	got := ""
	for v := range genNumbersAsync("br", 0, 10) {
		if v == 3 {
			break
		}
		got += tickS(fmt.Sprint(v))
	}
	logf("after the loop")
	return got, nil
}

// async
func genFind(want int) (int, error) {
	for v := range genNumbersAsync("find", 5, 10) {
		if tick(v) == want {
			return v * 100, nil
		}
	}
	return 0, errors.New("not found")
}

// async
func caseGenReturn() (string, error) {
	a, err := genFind(7)
	logf("found %d %v", a, err)
	b, err := genFind(100)
	return fmt.Sprint(a, b), err
}

// async
func caseGenLabels() (string, error) {
	n := 0
outer:
	for i := range genNumbersAsync("rows", 0, 3) {
		for j := range genNumbersAsync("cols", 0, 3) {
			if j == 1 {
				continue
			}
			if j > i {
				continue outer
			}
			if i == 2 {
				break outer
			}
			n += tick(i*10 + j)
		}
	}
	return fmt.Sprint(n), nil
}

// async
func caseGenPanic() (res string, err error) {
	defer func() {
		if r := recover(); r != nil {
			logf("recovered %v", r)
			res = "recovered"
		}
	}()
	for v := range genNumbersAsync("pb", 0, 5) {
		tick(v)
		if v == 2 {
			panic(fmt.Sprint("body panics at ", v))
		}
	}
	return "not reached", nil
}

// async
func explodes(yield func(string) bool) {
	defer rt.Await(genCleanupAsync("explodes")) // made now, awaited at the end
	if !yield(tickS("one")) {
		return
	}
	panic("generator panics")
}

// async
func caseGenPanicInside() (res string, err error) {
	defer func() {
		if r := recover(); r != nil {
			logf("recovered %v", r)
			res = "recovered"
		}
	}()
	for s := range explodesAsync() {
		logf("got %s", tickS(s))
	}
	return "not reached", nil
}

// evens filters an inner generator: a generator that ranges over another.
//
// async
func evens(limit int, yield func(int) bool) {
	defer genCleanup("evens")
	for v := range genNumbersAsync("inner", 0, limit) {
		if v%2 == 0 && !yield(tick(v)) {
			return
		}
	}
}

// async
func caseGenNested() (string, error) {
	var got []int
	for v := range evensAsync(10) {
		got = append(got, v)
		nothing()
		if len(got) == 3 {
			break
		}
	}
	for v := range evensAsync(3) {
		got = append(got, v)
	}
	return fmt.Sprint(got), nil
}

// async
func genLetters(word string, yield func(int, string) bool) {
	defer genCleanup("letters")
	for i, r := range word {
		if !yield(tick(i), string(r)) {
			return
		}
	}
}

// async
func caseGenPairs() (string, error) {
	out := ""
	for i, s := range genLettersAsync("abcd") {
		out += fmt.Sprintf("%d%s ", i, tickS(s))
		if i == 2 {
			break
		}
	}
	for _, s := range genLettersAsync("xy") {
		out += s
	}
	return out, nil
}

// async
func caseGenGoto() (string, error) {
	n := 0
	for v := range genNumbersAsync("gt", 0, 5) {
		n += tick(v)
		if v == 1 {
			goto done
		}
	}
	logf("not reached")
done:
	logf("after goto")
	return fmt.Sprint(n), nil
}

// The cancellation case: plain Go cannot cancel, so both runs await the
// companion of genGroup with rt.Await (ordinary code runs it on a private
// loop) and the comparison shows that the generated code behaves the same
// on a task's own loop and on another; testdata/agen.txtar checks the
// order of a cancellation against CPython.

// async
func genSlowConsumer() error {
	for v := range genNumbersAsync("slow", 0, 10) {
		logf("slow got %d", v)
		rt.Sleep(time.Hour) // cancelled here, with numbers suspended at its yield
	}
	return nil
}

// async
func genFailSoon() error {
	tick(1)
	tick(2)
	return errors.New("sibling failed")
}

// async
func genGroup() error {
	g := rt.NewTaskGroup()
	rt.Spawn(genSlowConsumerAsync(), rt.InGroup(g))
	rt.Spawn(genFailSoonAsync(), rt.InGroup(g))
	return g.Wait()
}

// async
func caseGenCancel() (string, error) {
	_, err := rt.Await(genGroupAsync())
	return "", err
}
