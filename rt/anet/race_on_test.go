//go:build unix && race

package anet_test

// raceOn says the race detector is on: its sync.Pool drops a share of
// what is put back, so counts of allocations do not hold.
const raceOn = true
