package transform

// GenerateProgram computes every generated file of a program already
// loaded: the golden test loads each case once and generates twice, to
// check that emission is deterministic without paying for a second load
// (TestCorpus checks two whole Generate runs, load included).
var GenerateProgram = generateProgram
