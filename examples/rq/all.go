//go:build unix

package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// workerCommand is the command of one worker process: this program
// again, with -worker (a test replaces it).
var workerCommand = func(sock string) *exec.Cmd {
	exe, _ := os.Executable()
	return exec.Command(exe, "-redis", sock, "-worker")
}

// runAll is -all: a private redis-server (on a Unix socket in a temporary
// directory, no persistence), two worker processes and the producer,
// which prints the results; then the workers get SIGTERM and the server
// is stopped.
func runAll(pages int, delay time.Duration, stdout io.Writer) error {
	dir, err := os.MkdirTemp("", "rq")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	sock := filepath.Join(dir, "redis.sock")
	bin := os.Getenv("REDIS_SERVER")
	if bin == "" {
		bin = "redis-server"
	}
	srv := exec.Command(bin, "--port", "0", "--unixsocket", sock, "--unixsocketperm", "700", "--dir", dir,
		"--save", "", "--appendonly", "no", "--logfile", filepath.Join(dir, "redis.log"))
	if err := srv.Start(); err != nil {
		return fmt.Errorf("starting redis-server (Debian: apt-get install redis-server): %w", err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("unix", sock); err == nil {
			c.Close()
			break
		}
		if time.Since(start) > 10*time.Second {
			return fmt.Errorf("redis-server did not listen on %s", sock)
		}
	}
	fmt.Fprintf(stdout, "redis-server pid %d on %s\n", srv.Process.Pid, sock)
	for i := 0; i < 2; i++ {
		w := workerCommand(sock)
		w.Stdout, w.Stderr = os.Stderr, os.Stderr
		if err := w.Start(); err != nil {
			return fmt.Errorf("starting a worker: %w", err)
		}
		fmt.Fprintf(stdout, "worker pid %d\n", w.Process.Pid)
		defer func() {
			w.Process.Signal(syscall.SIGTERM) // running jobs finish
			w.Wait()
		}()
	}
	return run([]string{"-producer", "-redis", sock, "-pages", strconv.Itoa(pages), "-delay", delay.String()}, stdout)
}
