//go:build linux && !asyncgen_pollfallback

package anet_test

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// fallbackTests are the tests of rt and rt/anet that TestPollFallback
// runs again with the portable poller: those of FD waits, wake-ups of a
// sleeping loop, deadlines, cancellation, descriptor and goroutine
// counts, allocations and many sockets at once.
var fallbackTests = []string{
	// rt
	"TestFDRefusesUseAfterClose", "TestSpareReadWait", "TestPostsWakeSleepingLoop",
	// rt/anet
	"TestDialStdServer", "TestListenStdClient", "TestUnixBothSides", "TestSlowPeer",
	"TestWriteBackpressure", "TestPeerClosesMidMessage", "TestCancelRead", "TestWaitForRead",
	"TestVirtualTimeIO", "TestNoFDLeak", "TestIdleConnectionsNoGoroutines", "TestManyReadyAtOnce",
	"TestReadWriteAllocateNothing", "TestReadWhileSpareInUse", "TestWriteAfterPeerCloses",
	"TestDialRace", "TestDialRaceFailureStartsNext", "TestDialRaceFirstWins", "TestDialRaceCancelled",
	"TestCancelledWriteReportsSent", "TestTLSCancelMidRead", "TestTLSHandshakeTimeout", "TestTLSCancelHandshake",
}

// TestPollFallback runs fallbackTests with the portable poller
// (rt/poll_other.go: a helper goroutine in poll(2)), the one of the Unix
// systems without epoll, which a Linux build does not compile: go test in
// a subprocess with -tags asyncgen_pollfallback, so that the ordinary
// go test on Linux covers that poller too. Its cost is mostly building
// rt's and rt/anet's test binaries once more (then cached).
func TestPollFallback(t *testing.T) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build the portable poller with: %v", err)
	}
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-5*time.Second))
		defer cancel()
	}
	pkgs := []string{"github.com/asyncgen/asyncgen/rt", "github.com/asyncgen/asyncgen/rt/anet"}
	args := append([]string{"test", "-tags", "asyncgen_pollfallback", "-count=1", "-v",
		"-run", "^(" + strings.Join(fallbackTests, "|") + ")$"}, pkgs...)
	out, err := exec.CommandContext(ctx, gocmd, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	// Every test of the list ran (a renamed test would otherwise drop out
	// of the list unnoticed) and passed.
	for _, name := range fallbackTests {
		if !strings.Contains(string(out), "--- PASS: "+name+" ") {
			t.Errorf("%s did not run and pass with the portable poller", name)
		}
	}
	if t.Failed() {
		t.Logf("go %s:\n%s", strings.Join(args, " "), out)
	}
}
