//go:build race

package transform_test

// raceDetector is set when the tests run under -race, where generation
// in the test process is several times slower.
const raceDetector = true
