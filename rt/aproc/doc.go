// Package aproc runs subprocesses on the rt event loop: start a program
// with pipes to its standard input, output and error, read and write them
// and await its exit, all as await points, with no goroutine per process.
//
// The pipes are non-blocking descriptors waited on by the loop's poller,
// and the exit is awaited through a pidfd (Linux 5.3 and later), which the
// poller reports readable when the process ends. Cancelling a task that is
// awaiting Wait kills the process. It builds on Linux only.
//
//	p, err := aproc.Start(exec.Command("sort"))
//	p.Stdin.Write([]byte("b\na\n"))
//	p.Stdin.Close()
//	out, err := p.Stdout.ReadAll()
//	code, err := p.Wait()
package aproc
