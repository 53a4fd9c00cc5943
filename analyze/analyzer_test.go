package analyze_test

import (
	"testing"

	"github.com/asyncgen/asyncgen/analyze"
	_ "github.com/asyncgen/asyncgen/transform" // analyze.DurableFrames, as in asyncvet
	"golang.org/x/tools/go/analysis/analysistest"
)

// The test packages live GOPATH-style in testdata/src, with a stand-in for
// rt at its real import path, so the tests need no module download.

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyze.Analyzer, "a", "b", "g", "pn", "pnlib", "stale", "jobs", "dur", "github.com/asyncgen/asyncgen/rt")
}

func TestAnalyzerFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyze.Analyzer, "fix")
}
