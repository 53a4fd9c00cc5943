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
//
// # Pipes and Wait
//
// Wait closes the pipes that Start created, once the process has exited,
// as exec.Cmd.Wait closes those of StdinPipe and StdoutPipe: a program
// need not close them itself, but it must read Stdout and Stderr to the
// end before Wait (or in tasks that finish before it), since what nobody
// has read when Wait closes them is lost. Call Wait once for every
// process Start started; until then the process is not reaped and its
// pipes stay open. Closing a pipe earlier (Stdin, to end the process's
// input; an output that is not wanted) is fine, and Wait leaves it alone.
//
// A closed pipe stays closed: Read, Write and Close on it fail with an
// error that wraps os.ErrClosed (as those of an *os.File do) and make no
// system call, so they never reach a file that has since been given the
// pipe's old descriptor number. A task waiting on a pipe that another
// task closes (or Wait closes) wakes with that error.
package aproc
