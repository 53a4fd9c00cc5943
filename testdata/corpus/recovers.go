// Deferred calls, recover and misbehaving iterators (issue #10, classes 1,
// 3 and 4): recover() behaves as in Go wherever Go's rule allows it (in a
// deferred named function, method value, method expression or generic
// function, not only a literal), panics chain as in Go, iterators that
// misuse yield get Go's runtime errors at the same points, and a value
// returned from a loop body survives an iterator that panics when the
// loop is left.

package main

import (
	"fmt"
	"iter"

	"github.com/asyncgen/asyncgen/rt"
)

func init() {
	cases = append(cases,
		testCase{"recover in named deferred function", caseRecoverNamed, caseRecoverNamedAsync},
		testCase{"recover in deferred methods", caseRecoverMethods, caseRecoverMethodsAsync},
		testCase{"recover not called directly", caseRecoverIndirect, caseRecoverIndirectAsync},
		testCase{"recover and panic again", caseRecoverRepanic, caseRecoverRepanicAsync},
		testCase{"panic in deferred call replaces", casePanicReplaces, casePanicReplacesAsync},
		testCase{"nested panic recovered in async deferred call", caseNestedPanicAsyncDefer, caseNestedPanicAsyncDeferAsync},
		testCase{"nested panic escapes async deferred call", caseNestedPanicEscapes, caseNestedPanicEscapesAsync},
		testCase{"deferred call of a deferred async call", caseDeferInAsyncDefer, caseDeferInAsyncDeferAsync},
		testCase{"recover without panic", caseRecoverNoPanic, caseRecoverNoPanicAsync},
		testCase{"deferred constant arguments", caseDeferConstArgs, caseDeferConstArgsAsync},
		testCase{"recover in deferred async function", caseRecoverAsyncDeferred, caseRecoverAsyncDeferredAsync},
		testCase{"recover in async function not deferred", caseRecoverAsyncNotDirect, caseRecoverAsyncNotDirectAsync},
		testCase{"iterator yields after false", caseIterYieldAfterFalse, caseIterYieldAfterFalseAsync},
		testCase{"iterator yields after loop exit", caseIterYieldAfterExit, caseIterYieldAfterExitAsync},
		testCase{"iterator yields after body panic", caseIterYieldAfterPanic, caseIterYieldAfterPanicAsync},
		testCase{"body calls a running loop's yield", caseIterYieldInBody, caseIterYieldInBodyAsync},
		testCase{"iterator swallows body panic", caseIterSwallows, caseIterSwallowsAsync},
		testCase{"generator yields after false", caseGenYieldsAfterFalse, caseGenYieldsAfterFalseAsync},
		testCase{"generator swallows body panic", caseGenSwallows, caseGenSwallowsAsync},
		testCase{"misuse recovered by the iterator", caseMisuseRecovered, caseMisuseRecoveredAsync},
		testCase{"return survives iterator panic", caseReturnSurvives, caseReturnSurvivesAsync},
		testCase{"return survives generator panic", caseReturnSurvivesGen, caseReturnSurvivesGenAsync},
	)
}

// mustRecover is a named deferred function that recovers.
func mustRecover(want any) {
	r := recover()
	logf("mustRecover got %v, want %v", r, want)
}

// genericRecover is a generic one.
func genericRecover[T any](want T) {
	logf("genericRecover got %v, want %v", recover(), want)
}

// async
func namedRecovers() {
	defer mustRecover(1)
	tick(0)
	panic(1)
}

// async
func genericRecovers() (res string) {
	defer func() { res = "returned normally" }()
	defer genericRecover[string]("g")
	tick(1)
	panic("g")
}

// async
func caseRecoverNamed() (string, error) {
	namedRecovers()
	return genericRecovers(), nil
}

type recorder struct{ name string }

func (r recorder) rec()   { logf("%s: value method recovered %v", r.name, recover()) }
func (r *recorder) prec() { logf("%s: pointer method recovered %v", r.name, recover()) }

type recoverer interface{ rec() }

// async
func methodValue(n int) {
	r := recorder{"mv"}
	f := r.rec
	r.name = "changed" // the method value bound the receiver already
	defer f()
	tick(n)
	panic(n)
}

// async
func methodDirect(n int) {
	r := recorder{"direct"}
	defer r.rec()
	r.name = "changed" // the receiver is evaluated at the defer statement
	tick(n)
	panic(n)
}

// async
func methodPointer(n int) {
	r := &recorder{"pointer"}
	defer r.prec()
	r.name = "pointer, changed" // the same pointer
	tick(n)
	panic(n)
}

// async
func methodInterface(n int) {
	var i recoverer = recorder{"iface"}
	defer i.rec()
	g := i.rec
	defer g()
	tick(n)
	panic(n)
}

// async
func methodExpr(n int) {
	defer recorder.rec(recorder{"expr"})
	defer (*recorder).prec(&recorder{"pexpr"})
	tick(n)
	panic(n)
	// (the second recover sees nil: the first stopped the panic)
}

// async
func caseRecoverMethods() (string, error) {
	methodValue(1)
	methodDirect(2)
	methodPointer(3)
	methodInterface(4)
	methodExpr(5)
	return "all recovered", nil
}

func indirectHelper() any { return recover() }

func indirect() { logf("indirect recover %v", indirectHelper()) }

// async
func indirectRecover() {
	defer indirect()
	defer func() {
		func() { logf("nested literal recover %v", recover()) }()
	}()
	defer recover() // recover itself deferred does not stop the panic
	tick(0)
	panic("not recovered")
}

// async
func caseRecoverIndirect() (res string, err error) {
	defer func() { res = fmt.Sprint("escaped ", recover()) }()
	indirectRecover()
	return "not reached", nil
}

func repanic() {
	r := recover()
	logf("repanic recovered %v", r)
	panic(fmt.Sprint("again: ", r))
}

func repanicSame() { panic(recover()) }

// async
func recoverRepanic() (res string) {
	defer func() { res = fmt.Sprint("finally ", recover()) }()
	defer mustRecover("again: again: first")
	defer repanic()
	defer repanicSame()
	defer repanic()
	tick(0)
	panic("first")
}

// async
func caseRecoverRepanic() (string, error) {
	return recoverRepanic(), nil
}

func panicsWith(v any) { panic(v) }

// async
func panicReplaces() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	defer logf("plain deferred call sees the newer panic running")
	defer panicsWith(3)
	defer panicsWith([]int{2}) // an uncomparable value
	tick(0)
	panic(1)
}

// async
func caseReplaces() string { return panicReplaces() }

// async
func casePanicReplaces() (string, error) {
	return caseReplaces(), nil
}

// innerPanics is an async deferred call that panics and recovers its own
// panic: the panic it runs under goes on afterwards.
//
// async
func innerPanics(v int) {
	defer func() { logf("inner recovered %v", recover()) }()
	defer mustRecover(v) // the inner panic
	tick(v)
	panic(v)
}

// async
func nestedAsyncDefer() (res string) {
	defer func() { res = fmt.Sprint("outer recovered ", recover()) }()
	defer innerPanics(2)
	tick(1)
	panic(1)
}

// async
func caseNestedPanicAsyncDefer() (string, error) {
	return nestedAsyncDefer(), nil
}

// async
func escapingPanic(v int) {
	defer logf("escapingPanic deferred")
	tick(v)
	panic(v)
}

// async
func nestedEscapes() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	defer mustRecover(2) // the newer panic, which aborted the first
	defer escapingPanic(2)
	tick(1)
	panic(1)
}

// async
func caseNestedPanicEscapes() (string, error) {
	return nestedEscapes(), nil
}

// cleanupWithDefers is an async deferred call with deferred calls of its
// own: they run when it returns normally, and their recover sees nil, as
// a deferred call of a deferred call does in Go.
//
// async
func cleanupWithDefers() {
	defer mustRecover("nothing: not called by the panic")
	defer func() { logf("cleanup's literal recovered %v", recover()) }()
	tick(7)
}

// async
func deferInAsyncDefer() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	defer cleanupWithDefers()
	tick(6)
	panic(6)
}

// async
func caseDeferInAsyncDefer() (string, error) {
	return deferInAsyncDefer(), nil
}

// async
func caseRecoverNoPanic() (res string, err error) {
	defer func() { res += fmt.Sprint(" literal ", recover()) }()
	defer mustRecover(nil)
	defer asyncRecovers("no panic")
	res = tickS("returned")
	return res, nil
}

type flag bool

func logFloat(x float64)         { logf("float %v %T", x, x) }
func logAny(x any, ys ...any)    { logf("any %v %T %v", x, x, ys) }
func logFlag(f flag, p *int)     { logf("flag %v %v", f, p == nil) }
func logBytes(b []byte, r rune)  { logf("bytes %q %q", b, r) }
func logUint(u uint8, d float32) { logf("uint %v %v", u, d) }

// Arguments that are constants, nil or untyped values are evaluated at
// the defer statement with the parameter's type, as Go does.
//
// async
func caseDeferConstArgs() (string, error) {
	a, b := tick(1), tick(2)
	defer logFloat(1)
	defer logAny(nil, 1, 2.5, 'x', nil)
	defer logFlag(a == b, nil)
	defer logBytes(nil, 'q')
	defer logUint(1<<7, 1.5)
	defer logAny(a < b)
	s := tick(3)
	defer logUint(1<<s, float32(s)/2)
	defer logFlag(!(a == b), &a)
	return "", nil
}

// asyncRecovers is an async function that recovers directly in its body,
// after an await: deferred, it stops the panic, as in Go.
//
// async
func asyncRecovers(name string) {
	tick(0)
	r := recover()
	logf("%s: asyncRecovers got %v, again %v", name, r, recover())
}

type asyncRecorder struct{ name string }

// async
func (a *asyncRecorder) rec() {
	logf("%s: async method recovered %v", a.name, recover())
	tick(1)
}

// async
func setsResult(res *string) {
	if r := recover(); r != nil {
		*res = fmt.Sprint("set by the deferred async call after ", r)
	}
	tick(2)
}

// async
func recoverAsyncDeferred() (res string) {
	defer setsResult(&res)
	tick(3)
	panic("third")
}

// async
func caseRecoverAsyncDeferred() (string, error) {
	var out []string
	out = append(out, recoverAsyncDeferred())
	out = append(out, recoveredBy("first", 1), recoveredBy("method", 2))
	return fmt.Sprint(out), nil
}

// async
func recoveredBy(how string, v int) (res string) {
	res = "zero"
	if how == "first" {
		defer asyncRecovers(how)
	} else {
		defer (&asyncRecorder{how}).rec()
	}
	tick(v)
	panic(v)
}

// async
func helperRecover(name string) {
	logf("%s: helper's recover %v", name, recover()) // not the deferred function
	tick(4)
}

// async
func deferredCallsHelper() {
	helperRecover("helper")
	asyncRecovers("deferredCallsHelper")
}

// async
func notDirect() (res string) {
	defer func() { res = fmt.Sprint("literal recovered ", recover()) }()
	defer asyncRecovers("last") // the others did not stop the panic
	defer rt.Await(rt.Func(func() (struct{}, error) {
		logf("rt.Await of a Func: recover %v", recover())
		return struct{}{}, nil
	}))
	defer deferredCallsHelper()
	logf("body: recover %v", recover())
	tick(5)
	panic(5)
}

// async
func caseRecoverAsyncNotDirect() (string, error) {
	helperRecover("not deferred")
	return notDirect(), nil
}

// Misbehaving iterators: the lowered loops panic with Go's runtime errors.

// afterFalse yields again after its yield returned false.
func afterFalse(yield func(int) bool) {
	defer logf("afterFalse deferred")
	if !yield(1) {
		logf("afterFalse: yield returned false, yields again")
	}
	yield(2)
	logf("afterFalse not reached")
}

// async
func iterYieldAfterFalse() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	for v := range afterFalse {
		tick(v)
		break
	}
	return "not reached"
}

// async
func caseIterYieldAfterFalse() (string, error) {
	return iterYieldAfterFalse(), nil
}

var savedYield func(int) bool

func saving(yield func(int) bool) {
	savedYield = yield
	yield(1)
}

// async
func iterYieldAfterExit() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	for v := range saving {
		tick(v)
	}
	logf("loop done")
	savedYield(5)
	return "not reached"
}

// async
func caseIterYieldAfterExit() (string, error) {
	return iterYieldAfterExit(), nil
}

// twice recovers a panic of the body's first call and calls it again.
func twice(yield func(int) bool) {
	func() {
		defer func() { logf("twice recovered %v", recover()) }()
		yield(1)
	}()
	yield(2)
	logf("twice not reached")
}

// async
func iterYieldAfterPanic() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	for v := range twice {
		if tick(v) == 1 {
			panic("body 1")
		}
		logf("body %d", v)
	}
	return "not reached"
}

// async
func caseIterYieldAfterPanic() (string, error) {
	return iterYieldAfterPanic(), nil
}

// async
func iterYieldInBody() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	for v := range saving {
		tick(v)
		savedYield(9) // the loop's own yield, while its body runs
	}
	return "not reached"
}

// async
func caseIterYieldInBody() (string, error) {
	return iterYieldInBody(), nil
}

func swallows(yield func(int) bool) {
	defer func() { logf("swallows recovered %v", recover()) }()
	yield(1)
}

// async
func iterSwallows() (res string) {
	defer mustRecover(nil) // the literal below stopped it
	defer func() {
		p := recover()
		res = fmt.Sprint("recovered ", p)
		if _, ok := p.(error); ok {
			logf("a runtime error: %v", p)
		}
	}()
	for v := range swallows {
		tick(v)
		panic("body")
	}
	return "not reached"
}

// async
func caseIterSwallows() (string, error) {
	return iterSwallows(), nil
}

// stubbornGen yields again after its yield returned false.
//
// async
func stubbornGen(yield func(int) bool) {
	defer logf("stubbornGen deferred")
	if !yield(tick(1)) {
		logf("stubbornGen: yield returned false")
	}
	yield(2)
	logf("stubbornGen not reached")
}

// async
func genYieldsAfterFalse() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	for v := range stubbornGenAsync() {
		tick(v)
		break
	}
	return "not reached"
}

// async
func caseGenYieldsAfterFalse() (string, error) {
	return genYieldsAfterFalse(), nil
}

// async
func swallowsGen(yield func(int) bool) {
	defer func() { logf("swallowsGen recovered %v", recover()) }()
	yield(tick(1))
	logf("swallowsGen not reached")
}

// async
func genSwallows() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	for v := range swallowsGenAsync() {
		tick(v)
		panic("body")
	}
	return "not reached"
}

// async
func caseGenSwallows() (string, error) {
	return genSwallows(), nil
}

// afterFalseQuiet yields after false and recovers Go's error for that.
func afterFalseQuiet(yield func(int) bool) {
	defer func() { logf("afterFalseQuiet recovered %v", recover()) }()
	yield(1)
	yield(2)
}

// async
func misuseRecovered() (res string) {
	defer func() { res = fmt.Sprint("recovered ", recover()) }()
	for v := range afterFalseQuiet {
		tick(v)
		break
	}
	return "not reached"
}

// An iterator that recovers the panic of its misused yield and returns
// makes the loop panic, as Go's does.
//
// async
func caseMisuseRecovered() (string, error) {
	return misuseRecovered(), nil
}

// Returns from a loop body whose iterator panics when the loop is left
// (rangefunc TestPanicReturns).

// terrify panics when its yield returns false.
func terrify(s string, seq iter.Seq[string]) iter.Seq[string] {
	return func(yield func(string) bool) {
		for v := range seq {
			if !yield(v) {
				panic(s)
			}
		}
	}
}

func onceSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) { yield(s) }
}

// async
func retG() string {
	defer func() { logf("retG recovered %v", recover()) }()
	for s := range terrify("g panic", onceSeq("g return")) {
		tickS(s)
		return s
	}
	return "g not reached"
}

// async
func retH() (hashS string) {
	defer func() { recover() }()
	for s := range terrify("h panic", onceSeq("h return")) {
		hashS := tickS(s)
		_ = hashS
		return s
	}
	return "h not reached"
}

// async
func retJ() (hashS string) {
	defer func() { recover() }()
	for s := range terrify("j panic", onceSeq("j return")) {
		hashS = tickS(s)
		return
	}
	return "j not reached"
}

// async
func retK() (hashS string) {
	_return := func(s string) { hashS = s }
	defer func() { recover() }()
	for s := range terrify("k panic", onceSeq("k return")) {
		_return(tickS(s))
		return
	}
	return "k not reached"
}

// async
func retM() (hashS string) {
	_return := func(s string) { hashS = s }
	defer func() { recover() }()
	for s := range terrify("m panic", onceSeq("m return")) {
		defer _return(s)
		return tickS(s) + ", but should be replaced in a defer"
	}
	return "m not reached"
}

// async
func retN() (string, error) {
	defer func() { recover() }()
	for s := range terrify("n panic", onceSeq("n return")) {
		return s + func(s string) string {
			defer func() { recover() }()
			for s := range terrify("n closure panic", onceSeq(s)) {
				return s
			}
			return "n closure not reached"
		}(tickS(" and n closure return")), nil
	}
	return "n not reached", nil
}

// async
func caseReturnSurvives() (string, error) {
	n, err := retN()
	return fmt.Sprint(retG(), " | ", retH(), " | ", retJ(), " | ", retK(), " | ", retM(), " | ", n, " ", err), nil
}

// terrifyGen panics when its yield returns false.
//
// async
func terrifyGen(s string, yield func(string) bool) {
	if !yield(tickS(s + " return")) {
		panic(s + " panic")
	}
}

// async
func retGen() (res string) {
	defer func() { logf("retGen recovered %v", recover()) }()
	for s := range terrifyGenAsync("gen") {
		tick(0)
		return s
	}
	return "gen not reached"
}

// async
func retGenNamed() (hashS string, err error) {
	defer func() { recover() }()
	for s := range terrifyGenAsync("named") {
		hashS = tickS(s)
		return
	}
	return "named not reached", nil
}

// async
func caseReturnSurvivesGen() (string, error) {
	a := retGen()
	b, err := retGenNamed()
	return fmt.Sprint(a, " | ", b, " ", err), nil
}
