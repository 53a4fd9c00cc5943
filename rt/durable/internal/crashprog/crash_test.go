//go:build unix

package main

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/rt/durable"
	"github.com/asyncgen/asyncgen/transform"
)

// binary returns this program, linked once per build cache (see
// testmod.Executable).
func binary(t *testing.T) string {
	t.Helper()
	return testmod.Executable(t, ".", ".")
}

type result struct {
	out    string
	killed bool // ended by SIGKILL
	code   int
	stderr string
}

func runProg(t *testing.T, bin, dir string, env ...string) result {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), append([]string{"DURABLE_DIR=" + dir}, env...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return outcome(t, cmd, err, &stdout, &stderr)
}

func outcome(t *testing.T, cmd *exec.Cmd, err error, stdout, stderr *bytes.Buffer) result {
	t.Helper()
	r := result{out: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		ws := ee.Sys().(syscall.WaitStatus)
		r.killed = ws.Signaled() && ws.Signal() == syscall.SIGKILL
		r.code = ws.ExitStatus()
	default:
		t.Fatal(err)
	}
	return r
}

// effects returns the keys of the steps that ran, one per run, sorted.
func effects(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "effects.log"))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		keys = append(keys, strings.Fields(line)[0])
	}
	sort.Strings(keys)
	return keys
}

// clean runs the program to the end without a kill; it returns the
// output, the step keys and the number of checkpoints.
func clean(t *testing.T, bin string) (string, []string, uint64) {
	t.Helper()
	oracleDir := t.TempDir()
	oracle := runProg(t, bin, oracleDir, "ORACLE=1")
	if oracle.code != 0 || oracle.killed {
		t.Fatalf("oracle run failed: %+v", oracle)
	}
	dir := t.TempDir()
	r := runProg(t, bin, dir)
	if r.code != 0 || r.killed {
		t.Fatalf("clean run failed: %+v", r)
	}
	if r.out != oracle.out {
		t.Fatalf("durable run printed %q, plain Go %q", r.out, oracle.out)
	}
	snap, ok, err := durable.FileStore{Dir: dir}.Load("crawl-1")
	if err != nil || !ok {
		t.Fatalf("no snapshot after a clean run: %v", err)
	}
	keys := effects(t, dir)
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] {
			t.Fatalf("step %s ran twice in a clean run", keys[i])
		}
	}
	return oracle.out, keys, snap.Seq
}

// TestKillAfterEachCheckpoint SIGKILLs the program right after each of its
// checkpoints is saved and starts it again: it resumes there, prints what
// plain Go prints, and no step whose result was checkpointed runs again.
func TestKillAfterEachCheckpoint(t *testing.T) {
	bin := binary(t)
	want, keys, n := clean(t, bin)
	if n < 10 {
		t.Fatalf("only %d checkpoints", n)
	}
	for k := uint64(1); k <= n; k++ {
		dir := t.TempDir()
		r := runProg(t, bin, dir, "KILL_AT_SEQ="+itoa(k))
		if !r.killed {
			t.Fatalf("k=%d: the first run was not killed: %+v", k, r)
		}
		r = runProg(t, bin, dir)
		if r.code != 0 || r.killed {
			t.Fatalf("k=%d: the resumed run failed: %+v", k, r)
		}
		if r.out != want {
			t.Fatalf("k=%d: resumed run printed %q, want %q", k, r.out, want)
		}
		if !strings.Contains(r.stderr, "resuming at #"+itoa(k)+" ") {
			t.Fatalf("k=%d: did not resume at checkpoint %d: %q", k, k, r.stderr)
		}
		if got := effects(t, dir); strings.Join(got, " ") != strings.Join(keys, " ") {
			t.Fatalf("k=%d: steps ran %q, want each of %q once", k, got, keys)
		}
	}
}

// TestKillInWrite SIGKILLs the program halfway through writing a
// checkpoint: the previous checkpoint stands, the restart resumes from it
// (running again the step whose result the lost checkpoint held, with its
// key), and the result is plain Go's.
func TestKillInWrite(t *testing.T) {
	bin := binary(t)
	want, keys, n := clean(t, bin)
	for _, k := range []uint64{2, 3, n} {
		dir := t.TempDir()
		if r := runProg(t, bin, dir, "KILL_IN_WRITE="+itoa(k)); !r.killed {
			t.Fatalf("k=%d: not killed: %+v", k, r)
		}
		tmps, _ := filepath.Glob(filepath.Join(dir, ".crawl-1.snap.tmp*"))
		if len(tmps) != 1 {
			t.Fatalf("k=%d: the half-written file is missing: %v", k, tmps)
		}
		r := runProg(t, bin, dir)
		if r.code != 0 || r.out != want || !strings.Contains(r.stderr, "resuming at #"+itoa(k-1)+" ") {
			t.Fatalf("k=%d: restart %+v, want a resume at #%d printing %q", k, r, k-1, want)
		}
		got := effects(t, dir)
		if len(got) < len(keys) || len(got) > len(keys)+1 {
			t.Fatalf("k=%d: steps ran %q, want %q with at most one repeat", k, got, keys)
		}
	}
}

// TestKillAtRandom SIGKILLs the program from outside at random moments
// (inside steps, inside checkpoint writes) until a run finishes: the
// result is plain Go's, every step ran under its stable key, and a step
// ran again only when a kill interrupted it before its checkpoint (at most
// once per kill).
func TestKillAtRandom(t *testing.T) {
	bin := binary(t)
	want, keys, _ := clean(t, bin)
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for round := 0; round < 3; round++ {
		dir := t.TempDir()
		kills := 0
		var final result
		for attempt := 0; ; attempt++ {
			if attempt > 300 {
				t.Fatalf("round %d: no run finished after %d kills", round, kills)
			}
			cmd := exec.Command(bin)
			cmd.Env = append(os.Environ(), "DURABLE_DIR="+dir)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			timer := time.AfterFunc(time.Duration(rng.Intn(25000))*time.Microsecond, func() {
				cmd.Process.Signal(syscall.SIGKILL)
			})
			err := cmd.Wait()
			timer.Stop()
			r := outcome(t, cmd, err, &stdout, &stderr)
			if r.killed {
				kills++
				continue
			}
			final = r
			break
		}
		if final.code != 0 || final.out != want {
			t.Fatalf("round %d (after %d kills): %+v, want output %q", round, kills, final, want)
		}
		got := effects(t, dir)
		seen := map[string]bool{}
		for _, k := range got {
			seen[k] = true
		}
		for _, k := range keys {
			if !seen[k] {
				t.Fatalf("round %d: step %s never ran", round, k)
			}
		}
		if len(seen) != len(keys) {
			t.Fatalf("round %d: step keys %q, want %q: a re-run step must keep its key", round, got, keys)
		}
		if extra := len(got) - len(keys); extra > kills {
			t.Fatalf("round %d: %d extra step runs for %d kills", round, extra, kills)
		}
		t.Logf("round %d: %d kills, %d steps re-run", round, kills, len(got)-len(keys))
	}
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

// rebuildHarness copies main.go into a scratch module and returns its
// source, the module's directory, gen (generate there, failing the test
// unless the diagnostics are as wantErr says: none, or one containing it)
// and build (build the program there into a binary of that name).
func rebuildHarness(t *testing.T) (src []byte, mod string, gen func(wantErr string), build func(name string) string) {
	t.Helper()
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	mod = testmod.New(t, map[string]string{"main.go": string(src)})
	gen = func(wantErr string) {
		t.Helper()
		res, err := transform.Generate(mod, ".")
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, d := range res.Diags {
			msgs = append(msgs, d.String())
		}
		if wantErr == "" && res.Diags.HasErrors() || wantErr != "" && !strings.Contains(strings.Join(msgs, "\n"), wantErr) {
			t.Fatalf("generate: %s (want error %q)", strings.Join(msgs, "\n"), wantErr)
		}
		if err := res.Write(); err != nil {
			t.Fatal(err)
		}
	}
	build = func(name string) string {
		t.Helper()
		bin := filepath.Join(t.TempDir(), name)
		// -trimpath: the scratch directory is not part of the build
		// cache's keys, so an unchanged version compiles once per cache.
		cmd := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
		cmd.Dir = mod
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", name, err, out)
		}
		return bin
	}
	return src, mod, gen, build
}

// TestRebuild resumes one snapshot with programs built from changed
// source: a change that keeps the frames' shapes (code added and moved,
// in and around the durable functions) resumes; a change of a frame's
// shape is refused by durable.lock at generation, and once the lock line
// is deleted (accepting the orphaning), the rebuilt program refuses the
// old snapshot with ErrUnknownFingerprint instead of misreading it; with
// the old version kept beside the new one (//durable:was), the lock is
// satisfied and the old snapshot finishes in the old code.
func TestRebuild(t *testing.T) {
	src, mod, gen, build := rebuildHarness(t)
	edit := func(old, new string) {
		t.Helper()
		path := filepath.Join(mod, "main.go")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("main.go has no %q", old)
		}
		if err := os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gen("")
	lock, err := os.ReadFile(filepath.Join(mod, "durable.lock"))
	if err != nil {
		t.Fatal(err)
	}
	v1 := build("v1")
	oracle := runProg(t, v1, t.TempDir(), "ORACLE=1")
	killed := func() string {
		dir := t.TempDir()
		if r := runProg(t, v1, dir, "KILL_AT_SEQ=4"); !r.killed {
			t.Fatalf("v1 was not killed: %+v", r)
		}
		return dir
	}
	state := killed()

	// v2: code added before and inside the durable functions, no frame
	// field changed.
	edit("// crawl is the workflow.", "func unrelated() int { return 42 }\n\n// crawl is the workflow,\n// now with a guard.")
	edit("\tvar pages []*Page\n", "\tif len(urls) == 0 {\n\t\treturn Report{}, errors.New(\"no urls\")\n\t}\n\tvar pages []*Page\n")
	gen("")
	if now, _ := os.ReadFile(filepath.Join(mod, "durable.lock")); !bytes.Equal(now, lock) {
		t.Fatalf("an unrelated change rewrote durable.lock:\n%s\nwas\n%s", now, lock)
	}
	v2 := build("v2")
	r := runProg(t, v2, state)
	if r.code != 0 || r.out != oracle.out || !strings.Contains(r.stderr, "resuming at #4 ") {
		t.Fatalf("v2 resuming v1's snapshot: %+v, want output %q", r, oracle.out)
	}

	// v3: crawl's frame gains a variable live across its checkpoint.
	state = killed()
	edit("\tvar pages []*Page\n", "\tvar pages []*Page\n\tretries := 0\n")
	edit("\t\tpages = append(pages, p)\n", "\t\tpages = append(pages, p)\n\t\tretries += 0\n")
	edit("\trep.Digest = digest\n", "\trep.Digest = digest\n\trep.Pages += retries\n")
	gen("durable.lock:")
	if now, _ := os.ReadFile(filepath.Join(mod, "durable.lock")); !bytes.Equal(now, lock) {
		t.Fatal("a refused generation rewrote durable.lock")
	}

	// v4: v3 with the old crawl kept beside it as crawlV1, marked
	// //durable:was crawl: the lock is satisfied (its lines are crawlV1's
	// now, the new crawl's are added), and v1's snapshot finishes in the
	// old code.
	v3src, err := os.ReadFile(filepath.Join(mod, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(src, []byte("// crawl is the workflow.")), bytes.Index(src, []byte("// summarize totals"))
	oldCrawl := strings.Replace(string(src[i:j]), "func crawl(", "func crawlV1(", 1)
	oldCrawl = strings.Replace(oldCrawl, "// async durable\n", "// async durable\n//\n//durable:was crawl\n", 1)
	if err := os.WriteFile(filepath.Join(mod, "main.go"), append(append([]byte(nil), v3src...), "\n"+oldCrawl...), 0o644); err != nil {
		t.Fatal(err)
	}
	gen("")
	now, _ := os.ReadFile(filepath.Join(mod, "durable.lock"))
	for _, line := range strings.Split(string(lock), "\n") {
		if !strings.Contains(string(now), line) {
			t.Fatalf("durable.lock lost %q:\n%s", line, now)
		}
	}
	if len(now) <= len(lock) {
		t.Fatalf("durable.lock did not gain the new crawl's points:\n%s", now)
	}
	v4 := build("v4")
	if r := runProg(t, v4, state); r.code != 0 || r.out != oracle.out || !strings.Contains(r.stderr, "resuming at #4 ") {
		t.Fatalf("v4 resuming v1's snapshot in the kept old version: %+v, want output %q", r, oracle.out)
	}

	// v3 again, the old version dropped: accept orphaning by deleting the
	// lock, and v1's snapshot is refused.
	if err := os.WriteFile(filepath.Join(mod, "main.go"), v3src, 0o644); err != nil {
		t.Fatal(err)
	}
	state = killed()
	if err := os.Remove(filepath.Join(mod, "durable.lock")); err != nil { // accept orphaning
		t.Fatal(err)
	}
	gen("")
	v3 := build("v3")
	r = runProg(t, v3, state)
	if r.code != 3 || !strings.Contains(r.stderr, "unknown fingerprint") || !strings.Contains(r.stderr, "example.com/m.crawl at fingerprint") {
		t.Fatalf("v3 resuming v1's snapshot: %+v, want exit 3 with ErrUnknownFingerprint for crawl", r)
	}
	t.Log(strings.TrimSpace(r.stderr))
}

// TestRebuildMigrate resumes v1's snapshots with a program whose crawl
// keeps a running total of the pages' lengths, live at its step and its
// checkpoint (so both points' shapes changed), and checks it against the
// report before summarizing. Functions marked //durable:migrate compute
// the total from the old frame's pages: generation accepts the unchanged
// durable.lock, and the rebuilt program finishes v1's runs killed at
// either point with plain Go's result. A migration whose parameters do not
// describe the old frame, or that names a point crawl lacks, is an error
// at generation.
func TestRebuildMigrate(t *testing.T) {
	src, mod, gen, build := rebuildHarness(t)
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(mod, "main.go"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gen("")
	v1 := build("v1")
	oracle := runProg(t, v1, t.TempDir(), "ORACLE=1")
	killed := func(seq string) string {
		dir := t.TempDir()
		if r := runProg(t, v1, dir, "KILL_AT_SEQ="+seq); !r.killed {
			t.Fatalf("v1 was not killed: %+v", r)
		}
		return dir
	}
	atStep, atCheckpoint := killed("3"), killed("4") // step:fetch, checkpoint:fetched

	v2 := string(src)
	for _, e := range [][2]string{
		{"\tvar pages []*Page\n", "\tvar pages []*Page\n\ttotal := 0\n"},
		{"\t\tpages = append(pages, p)\n", "\t\tpages = append(pages, p)\n\t\ttotal += p.Len\n"},
		{"\trep, err := summarize(pages)\n", "\tif total != lenSum(pages) {\n\t\treturn Report{}, errors.New(\"total is wrong\")\n\t}\n\trep, err := summarize(pages)\n"},
	} {
		if !strings.Contains(v2, e[0]) {
			t.Fatalf("main.go has no %q", e[0])
		}
		v2 = strings.Replace(v2, e[0], e[1], 1)
	}
	v2 += `
func lenSum(pages []*Page) int {
	n := 0
	for _, p := range pages {
		n += p.Len
	}
	return n
}
`
	migrations := `
// migrateFetch gives crawl's runs taken at its fetch step before the
// total existed their total.
//
//durable:migrate crawl step:fetch
func migrateFetch(pages []*Page, u string) (total int, err error) {
	return lenSum(pages), nil
}

//durable:migrate crawl checkpoint:fetched
func migrateFetched(pages []*Page) (total int, err error) {
	return lenSum(pages), nil
}
`
	// Without the migrations, the lock refuses the change.
	write(v2)
	gen("durable.lock:")
	// A migration that does not describe the old frame (u was a string).
	write(v2 + strings.Replace(migrations, "u string", "u int", 1))
	gen("migration migrateFetch: parameter u has type int, and crawl's variable u at step:fetch has type string")
	write(v2 + strings.Replace(migrations, "pages []*Page, u string", "pages []*Page, u string, n int", 1))
	gen("migration migrateFetch: its parameters describe crawl at step:fetch with fingerprint")
	write(v2 + strings.Replace(migrations, "crawl checkpoint:fetched", "crawl checkpoint:fetched -> checkpoint:nowhere", 1))
	gen("migration migrateFetched: crawl has no resume point checkpoint:nowhere")
	write(v2 + strings.Replace(migrations, "crawl checkpoint:fetched", "crawl checkpoint:unheard -> checkpoint:fetched", 1))
	gen("durable.lock lists no resume point checkpoint:unheard of crawl")

	write(v2 + migrations)
	gen("")
	v3 := build("v3")
	for _, c := range []struct{ dir, seq string }{{atStep, "3"}, {atCheckpoint, "4"}} {
		r := runProg(t, v3, c.dir)
		if r.code != 0 || r.out != oracle.out || !strings.Contains(r.stderr, "resuming at #"+c.seq+" ") {
			t.Fatalf("v3 resuming v1's snapshot #%s through the migration: %+v, want output %q", c.seq, r, oracle.out)
		}
	}
	// A migration that gets the total wrong is caught by the new code's
	// check: the migration really set the variable.
	write(v2 + strings.ReplaceAll(migrations, "return lenSum(pages), nil", "return 0, nil"))
	gen("")
	bad := build("bad")
	if r := runProg(t, bad, killed("4")); r.code != 1 || !strings.Contains(r.stderr, "total is wrong") {
		t.Fatalf("a wrong migration: %+v, want the check's error", r)
	}
	// A migration's error fails the resume, naming the migration; the
	// snapshot stays for a fixed build.
	write(v2 + strings.Replace(migrations, "func migrateFetched(pages []*Page) (total int, err error) {\n\treturn lenSum(pages), nil", "func migrateFetched(pages []*Page) (total int, err error) {\n\treturn 0, errors.New(\"no total\")", 1))
	gen("")
	failing := build("failing")
	dir := killed("4")
	if r := runProg(t, failing, dir); r.code != 1 || !strings.Contains(r.stderr, "migrateFetched migrating example.com/m.crawl from checkpoint:fetched") || !strings.Contains(r.stderr, "no total") {
		t.Fatalf("a failing migration: %+v, want its error", r)
	}
	if r := runProg(t, v3, dir); r.code != 0 || r.out != oracle.out {
		t.Fatalf("v3 after a failed migration: %+v, want output %q", r, oracle.out)
	}
}
