package main

import "fmt"

func init() {
	cases = append(cases,
		testCase{"regression nameAgLocal", bugNameAgLocal, bugNameAgLocalAsync},
		testCase{"regression nameUtf8Local", bugNameUtf8Local, bugNameUtf8LocalAsync},
		testCase{"regression nameAgInBlock", bugNameAgInBlock, bugNameAgInBlockAsync},
		testCase{"regression nameRtReturn", bugNameRtReturn, bugNameRtReturnAsync},
	)
}

// Fixed: a user variable named ag that is not live across an
// await becomes a Resume local "ag", which redeclares Resume's receiver ag
// ("ag redeclared in this block"); ag is not in the reserved ag_ prefix.
//
// async
func bugNameAgLocal() (string, error) {
	tick(0)
	ag := 5
	logf("ag=%d", ag)
	return "", nil
}

// Fixed: a user variable named utf8 that is a Resume local shadows
// the package utf8 that the lowered range over a string calls
// (utf8.DecodeRuneInString).
//
// async
func bugNameUtf8Local() (string, error) {
	utf8 := 6
	logf("utf8=%d", utf8)
	for _, r := range "é" {
		logf("%c", r)
		tick(1)
	}
	return "", nil
}

// Fixed: ag declared inside a statement without awaits shadows
// the receiver there, and the frame field n is rendered ag.n inside it.
//
// async
func bugNameAgInBlock() (string, error) {
	n := tick(1)
	tick(2)
	{
		ag := 2
		logf("ag=%d n=%d", ag, n)
	}
	return "", nil
}

// Fixed: a return inside a statement without awaits becomes
// "...; return rt.Ready", where rt is the user's loop variable:
// "rt.Ready undefined (type int has no field or method Ready)".
//
// async
func bugNameRtReturn() (string, error) {
	tick(0)
	for _, rt := range []int{1, 2} {
		if rt == 2 {
			return fmt.Sprint("rt=", rt), nil
		}
	}
	return "", nil
}
