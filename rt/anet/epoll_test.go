//go:build linux && !asyncgen_pollfallback

package anet_test

// helperGoroutines is how many goroutines the poller adds: none on epoll.
const helperGoroutines = 0

// oneTurnWakesAll: the loop takes epoll's events itself, all that are
// pending at once, so sockets that became ready together wake their tasks
// in one loop turn.
const oneTurnWakesAll = true
