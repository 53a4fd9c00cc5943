// Package redistest starts a private redis-server for a test: on a Unix
// socket in a temporary directory, with its own data directory, no TCP
// port (--port 0) and no snapshots (--save ”), stopped when the test
// ends. It never touches a Redis the machine already runs.
//
// When redis-server is not installed the test is skipped, saying so,
// unless the environment sets ASYNCGEN_REQUIRE_REDIS=1 (CI does), which
// makes it fail instead. REDIS_SERVER names another binary.
package redistest

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Server is a redis-server run for one test. Kill, Stop and Restart may
// be called from any goroutine (a test kills the server under a client
// that runs on a loop).
type Server struct {
	mu     sync.Mutex // held by Kill, Stop and Restart
	t      testing.TB
	bin    string
	dir    string
	socket string
	args   []string
	cmd    *exec.Cmd
	exited chan struct{}
}

// Start starts redis-server with extra arguments after the defaults (for
// example "--appendonly", "yes", "--appendfsync", "always" for a test
// that asks for AOF; a later option overrides an earlier one), waits
// until it answers PING and stops it at the test's cleanup.
func Start(t testing.TB, extra ...string) *Server {
	t.Helper()
	bin := os.Getenv("REDIS_SERVER")
	if bin == "" {
		bin = "redis-server"
	}
	path, err := exec.LookPath(bin)
	if err != nil {
		msg := fmt.Sprintf("redistest: %s not found (%v); install it (Debian: apt-get install redis-server) to run the Redis tests", bin, err)
		if os.Getenv("ASYNCGEN_REQUIRE_REDIS") == "1" {
			t.Fatal(msg + " [ASYNCGEN_REQUIRE_REDIS=1]")
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	sockDir := dir
	if len(dir) > 90 { // sun_path holds 108 bytes
		sockDir, err = os.MkdirTemp("", "redis")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(sockDir) })
	}
	s := &Server{t: t, bin: path, dir: dir, socket: filepath.Join(sockDir, "redis.sock")}
	s.args = append([]string{
		"--port", "0",
		"--unixsocket", s.socket,
		"--unixsocketperm", "700",
		"--dir", dir,
		"--save", "",
		"--appendonly", "no",
		"--daemonize", "no",
		"--logfile", filepath.Join(dir, "redis.log"),
	}, extra...)
	t.Cleanup(s.Stop)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.start()
	return s
}

// Socket returns the path of the server's Unix socket.
func (s *Server) Socket() string { return s.socket }

// Dir returns the server's data directory.
func (s *Server) Dir() string { return s.dir }

func (s *Server) start() {
	s.t.Helper()
	os.Remove(s.socket)
	cmd := exec.Command(s.bin, s.args...)
	cmd.Dir = s.dir
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("redistest: starting %s: %v", s.bin, err)
	}
	s.cmd = cmd
	s.exited = make(chan struct{})
	go func() { cmd.Wait(); close(s.exited) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := ping(s.socket); err == nil {
			return
		} else if time.Now().After(deadline) {
			s.signal(syscall.SIGKILL)
			s.t.Fatalf("redistest: redis-server did not answer within 10s: %v\n%s", err, s.log())
		}
		select {
		case <-s.exited:
			s.t.Fatalf("redistest: redis-server exited at start (%v)\n%s", cmd.ProcessState, s.log())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// ping dials the socket and expects +PONG (or NOAUTH from a server that
// wants a password: it is up all the same).
func ping(socket string) error {
	c, err := net.DialTimeout("unix", socket, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if line != "+PONG\r\n" && !strings.HasPrefix(line, "-NOAUTH") { // a server with a password answers too

		return fmt.Errorf("PING answered %q", line)
	}
	return nil
}

// log returns the tail of the server's log file.
func (s *Server) log() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "redis.log"))
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}

// Kill kills the server with SIGKILL (a crash: nothing is flushed) and
// waits until it has exited.
func (s *Server) Kill() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.signal(syscall.SIGKILL)
}

// Stop stops the server with SIGTERM (a clean shutdown) and waits; a
// server that has not exited within 10 s is killed. Stopping a stopped
// server does nothing.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.signal(syscall.SIGTERM)
}

func (s *Server) signal(sig syscall.Signal) {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(sig)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
	s.cmd = nil
}

// Restart starts the server again (after Kill or Stop) on the same socket
// and data directory, and waits until it answers.
func (s *Server) Restart() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.signal(syscall.SIGTERM)
	s.start()
}
