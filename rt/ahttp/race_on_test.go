//go:build unix && race

package ahttp_test

// raceOn says the race detector is on: its instrumentation allocates, so
// allocation counts do not hold.
const raceOn = true
