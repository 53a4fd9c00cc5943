//go:build unix && race

package aredis_test

// raceOn says the race detector is on: its instrumentation allocates and
// its sync.Pool drops a share of what is put back, so counts of
// allocations do not hold.
const raceOn = true
