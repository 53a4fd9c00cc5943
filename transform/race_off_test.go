//go:build !race

package transform_test

const raceDetector = false
