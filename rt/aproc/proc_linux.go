package aproc

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"golang.org/x/sys/unix"
)

//go:generate go tool asyncgen

// Process is a started program.
type Process struct {
	Cmd    *exec.Cmd
	Stdin  *Pipe // nil when cmd.Stdin was set by the caller
	Stdout *Pipe // nil when cmd.Stdout was set by the caller
	Stderr *Pipe // nil when cmd.Stderr was set by the caller
	pidfd  *rt.FD
}

// Pipe is the parent's end of a pipe to or from the process. Wait closes
// it once the process has exited, as exec.Cmd.Wait closes the pipes of
// StdinPipe and StdoutPipe; after Close (or Wait) every method fails with
// an error that wraps os.ErrClosed and touches no descriptor, even if the
// kernel has given the pipe's number to another file since.
type Pipe struct {
	fd   *rt.FD
	name string // "stdin", "stdout" or "stderr", for errors
}

// closedErr is the error of op on a closed pipe, as *os.File gives it.
func (pp *Pipe) closedErr(op string) error {
	return &os.PathError{Op: op, Path: pp.name, Err: os.ErrClosed}
}

// waitErr translates the error of a wait: rt.ErrClosed means that Close
// (or Wait) closed the pipe while the task waited.
func (pp *Pipe) waitErr(op string, err error) error {
	if err == rt.ErrClosed {
		return pp.closedErr(op)
	}
	return &os.PathError{Op: op, Path: pp.name, Err: err}
}

// closePipes closes the pipes Start created that are still open.
func (p *Process) closePipes() {
	for _, pp := range []*Pipe{p.Stdin, p.Stdout, p.Stderr} {
		if pp != nil && !pp.fd.Closed() {
			pp.fd.Close()
		}
	}
}

// Start starts cmd with a pipe for each of its standard streams that the
// caller left nil, and returns at once.
func Start(cmd *exec.Cmd) (*Process, error) {
	p := &Process{Cmd: cmd}
	var childEnds []*os.File
	closeAll := func() {
		for _, f := range childEnds {
			f.Close()
		}
		p.closePipes()
	}
	pipe := func(name string, parentWrites bool) (*Pipe, *os.File, error) {
		var fds [2]int
		if err := unix.Pipe2(fds[:], unix.O_CLOEXEC); err != nil {
			return nil, nil, err
		}
		parent, child := fds[0], fds[1]
		if parentWrites {
			parent, child = fds[1], fds[0]
		}
		if err := unix.SetNonblock(parent, true); err != nil {
			unix.Close(parent)
			unix.Close(child)
			return nil, nil, err
		}
		f := os.NewFile(uintptr(child), "|")
		childEnds = append(childEnds, f)
		return &Pipe{fd: rt.NewFD(parent), name: name}, f, nil
	}
	var err error
	if cmd.Stdin == nil {
		var f *os.File
		if p.Stdin, f, err = pipe("stdin", true); err != nil {
			closeAll()
			return nil, err
		}
		cmd.Stdin = f
	}
	if cmd.Stdout == nil {
		var f *os.File
		if p.Stdout, f, err = pipe("stdout", false); err != nil {
			closeAll()
			return nil, err
		}
		cmd.Stdout = f
	}
	if cmd.Stderr == nil {
		var f *os.File
		if p.Stderr, f, err = pipe("stderr", false); err != nil {
			closeAll()
			return nil, err
		}
		cmd.Stderr = f
	}
	if err := cmd.Start(); err != nil {
		closeAll()
		return nil, err
	}
	for _, f := range childEnds {
		f.Close() // the child has its own copies
	}
	pidfd, err := unix.PidfdOpen(cmd.Process.Pid, unix.PIDFD_NONBLOCK)
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		p.closePipes()
		return nil, err
	}
	p.pidfd = rt.NewFD(pidfd)
	return p, nil
}

// Wait waits for the process to exit, closes the pipes Start created (as
// exec.Cmd.Wait does) and returns the exit code (-1 when a signal ended
// it) and the error of exec.Cmd.Wait, if it is not just a non-zero exit.
// Cancelling the waiting task kills the process, and closes the pipes too.
//
// Since Wait closes Stdout and Stderr, read them to the end before Wait,
// as with exec.Cmd.StdoutPipe: what the process wrote and nobody read is
// lost, and a task still reading one when Wait closes it gets an error
// that wraps os.ErrClosed. Wait must be called once, so that the process
// is reaped and its pipes closed; without it they stay open, as with
// os/exec.
//
// async
func (p *Process) Wait() (int, error) {
	me := rt.CurrentTask() // nil when called from ordinary code
	defer func() {
		if me != nil && me.Cancelling() {
			p.Cmd.Process.Kill()
			p.Cmd.Wait() // reap it: it has exited or will at once
			p.pidfd.Close()
			p.closePipes()
		}
	}()
	if err := p.pidfd.WaitRead(time.Time{}); err != nil {
		return -1, err
	}
	p.pidfd.Close()
	p.closePipes()
	err := p.Cmd.Wait() // the process has exited: this does not block
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	return p.Cmd.ProcessState.ExitCode(), err
}

// Read reads what the process wrote, waiting until there is something; at
// the end of the stream it returns 0, io.EOF.
//
// async
func (pp *Pipe) Read(b []byte) (int, error) {
	if pp.fd.Closed() {
		return 0, pp.closedErr("read") // and a Close while it waits fails WaitRead
	}
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, err := unix.Read(pp.fd.Sysfd(), b)
		switch err {
		case nil:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		case unix.EINTR:
			continue
		case unix.EAGAIN:
		default:
			return 0, &os.PathError{Op: "read", Path: pp.name, Err: err}
		}
		if err := pp.fd.WaitRead(time.Time{}); err != nil {
			return 0, pp.waitErr("read", err)
		}
	}
}

// ReadAll reads until the end of the stream.
//
// async
func (pp *Pipe) ReadAll() ([]byte, error) {
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := pp.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

// Write writes all of b, waiting while the pipe is full. It returns
// len(b), nil, or how much the pipe took before an error (EPIPE once the
// process has closed its input).
//
// async
func (pp *Pipe) Write(b []byte) (int, error) {
	if pp.fd.Closed() {
		return 0, pp.closedErr("write") // and a Close while it waits fails WaitWrite
	}
	done := 0
	for done < len(b) {
		n, err := unix.Write(pp.fd.Sysfd(), b[done:])
		if n > 0 {
			done += n
		}
		switch err {
		case nil, unix.EINTR:
			continue
		case unix.EAGAIN:
		default:
			return done, &os.PathError{Op: "write", Path: pp.name, Err: err}
		}
		if err := pp.fd.WaitWrite(time.Time{}); err != nil {
			return done, pp.waitErr("write", err)
		}
	}
	return done, nil
}

// Close closes the parent's end: for Stdin, the process sees the end of its
// input. A task waiting on the pipe wakes with an error that wraps
// os.ErrClosed; closing twice returns such an error.
func (pp *Pipe) Close() error {
	if pp.fd.Closed() {
		return pp.closedErr("close")
	}
	if err := pp.fd.Close(); err != nil {
		return &os.PathError{Op: "close", Path: pp.name, Err: err}
	}
	return nil
}
