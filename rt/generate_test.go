package rt_test

// The package's tests and examples are written as users write them:
// //async functions, with their companions (xAsync) generated into the
// _async_test.go file beside each source file.

//go:generate go tool asyncgen
