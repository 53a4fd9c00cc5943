// Package conformance ports the Go toolchain's own run tests into
// asyncgen's conformance suite, testdata/conformance.
//
// The material is not the project's: it is $GOROOT/test (range*, defer*,
// recover*, closure*, control-flow run tests, typeparam run tests) and
// $GOROOT/src/cmd/compile/internal/rangefunc/rangefunc_test.go, the tests
// the Go compiler itself must pass. Each ported case is one such test
// function, made async:
//
//   - Selection: a file whose first line is exactly "// run" (no flags, no
//     expected-output file, no build constraint) and that type-checks as
//     go1.23, the language of asyncgen's go.mod; rangefunc_test.go's Test
//     functions. A fixed list (skipped, below) leaves out files whose
//     behaviour depends on the machine (finalizers, memory faults, stack
//     depth, allocation counts).
//   - Splitting: main's body, when it is a list of calls of package-level
//     functions with constant arguments (possibly under an if that guards
//     for other compilers), gives one case per call; otherwise main itself
//     is the one case. A rangefunc Test function is a case. A case keeps
//     only the declarations it reaches (types bring all their methods;
//     an init comes along when it touches what the case keeps).
//   - Renaming: every package-level name of a case gets the case's prefix
//     (recover_test1_mustRecover), so all cases live in one package main.
//     An embedded field named after a renamed type follows it.
//   - Marking: every function and method of a case is //async except those
//     asyncgen's rules forbid marking: one launched by a go statement, one
//     called from a function literal inside an async function (that call
//     cannot suspend), and an iterator with a yield parameter (asyncgen
//     would make it an async generator, which is ranged over, not called).
//   - Await points: rt.Sleep(0) before every statement of every block of an
//     async function (loop bodies, case clauses, around defers, between
//     statements), and after the last statement of a block when that
//     statement cannot end the block's control flow; every if and for
//     condition c becomes conformAwait(c), an async identity (harness.go)
//     that suspends after c is evaluated; never inside function literals,
//     which cannot suspend.
//   - *testing.T becomes *conformT, the harness's recorder: Errorf and
//     Logf print, so the output of the plain and the async run compare
//     what the original test checks.
//
// Each case file keeps the Go authors' copyright header (the material is
// BSD-licensed) and names its origin. Port is deterministic: the same
// GOROOT gives the same bytes, and the GOVERSION file records which Go
// version the committed port came from; a test regenerates and compares
// when the running Go is that version.
//
// Run it from the repository root to rewrite testdata/conformance:
//
//	go run ./internal/conformance/cmd/conformport
package conformance
