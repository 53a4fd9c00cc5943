//go:build linux && !asyncgen_pollfallback

package anet_test

// helperGoroutines is how many goroutines the poller adds: none on epoll.
const helperGoroutines = 0
