//go:build unix && (!linux || asyncgen_pollfallback)

package anet_test

// helperGoroutines is how many goroutines the poller adds: the portable
// poller's one helper.
const helperGoroutines = 1

// oneTurnWakesAll is false for the portable poller: its helper goroutine
// posts readiness to the loop as poll(2) reports it, possibly while the
// peer is still making the sockets ready, so the tasks of sockets that
// became ready together may wake over several loop turns (see
// rt/poll_other.go).
const oneTurnWakesAll = false
