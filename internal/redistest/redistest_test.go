package redistest

import (
	"bufio"
	"net"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStartKillRestart(t *testing.T) {
	s := Start(t)
	if err := ping(s.Socket()); err != nil {
		t.Fatalf("ping after Start: %v", err)
	}
	s.Kill()
	if err := ping(s.Socket()); err == nil {
		t.Fatal("ping answered after Kill")
	}
	s.Restart()
	if err := ping(s.Socket()); err != nil {
		t.Fatalf("ping after Restart: %v", err)
	}
	if _, err := os.Stat(s.Dir()); err != nil {
		t.Fatal(err)
	}
}

func TestSkipWhenMissing(t *testing.T) {
	if os.Getenv("ASYNCGEN_REQUIRE_REDIS") == "1" {
		t.Skip("ASYNCGEN_REQUIRE_REDIS=1: a missing server fails instead; nothing to check here")
	}
	t.Setenv("REDIS_SERVER", "redis-server-that-does-not-exist")
	var skipped bool
	ok := t.Run("inner", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Start(t)
	})
	if !ok || !skipped {
		t.Fatalf("Start with no binary: ok=%v skipped=%v, want a skip", ok, skipped)
	}
}

// TestAOFSurvivesKill asks for AOF with fsync on every write: a key set
// before a SIGKILL is there after the restart (and without AOF it is not).
func TestAOFSurvivesKill(t *testing.T) {
	for _, aof := range []bool{true, false} {
		var extra []string
		if aof {
			extra = []string{"--appendonly", "yes", "--appendfsync", "always"}
		}
		s := Start(t, extra...)
		require.Equal(t, "+OK\r\n", command(t, s, "SET k v"))
		s.Kill()
		s.Restart()
		want := "$-1\r\n"
		if aof {
			want = "$1\r\n"
		}
		assert.Equal(t, want, command(t, s, "GET k"), "aof %v", aof)
	}
}

// command sends an inline command and returns the first line of its reply.
func command(t *testing.T, s *Server, cmd string) string {
	c, err := net.Dial("unix", s.Socket())
	require.NoError(t, err)
	defer c.Close()
	_, err = c.Write([]byte(cmd + "\r\n"))
	require.NoError(t, err)
	line, err := bufio.NewReader(c).ReadString('\n')
	require.NoError(t, err)
	return line
}
