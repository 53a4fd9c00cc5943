// Command corpus is asyncgen's behaviour corpus: many small async functions,
// each a distinct case that puts await points in one position or construct.
//
// Run with "plain", it calls each case's natural function directly: awaits
// are ordinary calls, rt.Sleep is time.Sleep and rt.Await runs its operand on
// a private loop. That run is the oracle. Run with "async", it runs each
// case's companion under rt.Run. Both print, per case, its name, the trace it
// logged and its result; transform/corpus_test.go requires identical output.
//
// The corpus avoids what Go leaves unspecified: map iteration order (map
// bodies log nothing that depends on it), and the order between reading a
// plain variable and a call that changes it in the same expression.
//
// Cases that show a generator bug live in files with the build tag
// asyncgen_bug (see bugs_*.go); they register themselves in init.
package main

import (
	"fmt"
	"os"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

type testCase struct {
	name  string
	plain func() (string, error)
	async func() rt.Awaitable[string]
}

var cases = []testCase{
	// basics.go
	{"straight", caseStraight, caseStraightAsync},
	{"multiAssign", caseMultiAssign, caseMultiAssignAsync},
	{"tupleAwait", caseTupleAwait, caseTupleAwaitAsync},
	{"errorShape", caseErrorShape, caseErrorShapeAsync},
	{"explicitAwait", caseExplicitAwait, caseExplicitAwaitAsync},
	{"varDecl", caseVarDecl, caseVarDeclAsync},
	{"incDecCompound", caseIncDecCompound, caseIncDecCompoundAsync},
	{"convUnary", caseConvUnary, caseConvUnaryAsync},
	{"sliceExpr", caseSliceExpr, caseSliceExprAsync},
	{"typeAssert", caseTypeAssert, caseTypeAssertAsync},
	{"strings", caseStrings, caseStringsAsync},
	{"statementKinds", caseStatementKinds, caseStatementKindsAsync},
	{"selectors", caseSelectors, caseSelectorsAsync},
	{"errorsChain", caseErrorsChain, caseErrorsChainAsync},
	{"manyIterations", caseManyIterations, caseManyIterationsAsync},
	// control.go
	{"ifCond", caseIfCond, caseIfCondAsync},
	{"elseIfChain", caseElseIfChain, caseElseIfChainAsync},
	{"forCond", caseForCond, caseForCondAsync},
	{"forPost", caseForPost, caseForPostAsync},
	{"forContinuePost", caseForContinuePost, caseForContinuePostAsync},
	{"forBare", caseForBare, caseForBareAsync},
	{"rangeInt", caseRangeInt, caseRangeIntAsync},
	{"rangeSlice", caseRangeSlice, caseRangeSliceAsync},
	{"rangeArray", caseRangeArray, caseRangeArrayAsync},
	{"rangeString", caseRangeString, caseRangeStringAsync},
	{"rangeMap", caseRangeMap, caseRangeMapAsync},
	{"rangeAssign", caseRangeAssign, caseRangeAssignAsync},
	{"switchTag", caseSwitchTag, caseSwitchTagAsync},
	{"switchNoTag", caseSwitchNoTag, caseSwitchNoTagAsync},
	{"switchInit", caseSwitchInit, caseSwitchInitAsync},
	{"fallthrough", caseFallthrough, caseFallthroughAsync},
	{"switchBreak", caseSwitchBreak, caseSwitchBreakAsync},
	{"labeledBreak", caseLabeledBreak, caseLabeledBreakAsync},
	{"labeledContinue", caseLabeledContinue, caseLabeledContinueAsync},
	{"opaqueExits", caseOpaqueExits, caseOpaqueExitsAsync},
	{"returnInLoop", caseReturnInLoop, caseReturnInLoopAsync},
	// exprs.go
	{"andOr", caseAndOr, caseAndOrAsync},
	{"andOrConditions", caseAndOrConditions, caseAndOrConditionsAsync},
	{"callArgs", caseCallArgs, caseCallArgsAsync},
	{"compositeLit", caseCompositeLit, caseCompositeLitAsync},
	{"index", caseIndex, caseIndexAsync},
	{"returns", caseReturns, caseReturnsAsync},
	{"nestedAwaits", caseNestedAwaits, caseNestedAwaitsAsync},
	{"funcLitCalls", caseFuncLitCalls, caseFuncLitCallsAsync},
	// vars.go
	{"shadow", caseShadow, caseShadowAsync},
	{"shadowParam", caseShadowParam, caseShadowParamAsync},
	{"namedResults", caseNamedResults, caseNamedResultsAsync},
	{"closures", caseClosures, caseClosuresAsync},
	{"pointers", casePointers, casePointersAsync},
	{"values", caseValues, caseValuesAsync},
	{"loopZeroing", caseLoopZeroing, caseLoopZeroingAsync},
	{"loopVarCapture", caseLoopVarCapture, caseLoopVarCaptureAsync},
	{"bodyVarCapture", caseBodyVarCapture, caseBodyVarCaptureAsync},
	{"loopVarEdges", caseLoopVarEdges, caseLoopVarEdgesAsync},
	// names.go
	{"generatedNames", caseGeneratedNames, caseGeneratedNamesAsync},
	// types.go
	{"methods", caseMethods, caseMethodsAsync},
	{"embedded", caseEmbedded, caseEmbeddedAsync},
	{"generics", caseGenerics, caseGenericsAsync},
	{"variadic", caseVariadic, caseVariadicAsync},
	{"recursion", caseRecursion, caseRecursionAsync},
	{"funcParams", caseFuncParams, caseFuncParamsAsync},
}

func main() {
	if len(os.Args) != 2 || (os.Args[1] != "plain" && os.Args[1] != "async") {
		fmt.Fprintln(os.Stderr, "usage: corpus plain|async")
		os.Exit(2)
	}
	mode := os.Args[1]
	for _, c := range cases {
		trace = nil
		var (
			res string
			err error
		)
		if mode == "plain" {
			res, err = c.plain()
		} else {
			res, err = rt.Run(c.async())
		}
		fmt.Printf("== %s\n", c.name)
		for _, line := range trace {
			fmt.Printf("   %s\n", line)
		}
		fmt.Printf("=> %q err=%v\n", res, err)
	}
}
