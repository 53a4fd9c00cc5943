package redistest

import (
	"os"
	"testing"
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
