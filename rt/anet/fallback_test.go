//go:build unix && (!linux || asyncgen_pollfallback)

package anet_test

// helperGoroutines is how many goroutines the poller adds: the portable
// poller's one helper.
const helperGoroutines = 1
