package flow_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/durable"
	"github.com/asyncgen/asyncgen/rt/durable/internal/flow"
)

// allStore keeps every snapshot, in order.
type allStore struct{ snaps []durable.Snapshot }

func (s *allStore) Save(snap durable.Snapshot) rt.Awaitable[struct{}] {
	s.snaps = append(s.snaps, snap)
	return (&durable.MemStore{}).Save(snap)
}

func items() []*flow.Item {
	c := &flow.Item{Name: "c", Size: 3}
	return []*flow.Item{
		{Name: "a", Size: 1, Tags: []string{"x"}, Attrs: map[string]float64{"w": 1.5}, Next: c},
		{Name: "bb", Size: 2},
		c,
	}
}

// counting installs an Effects that records each effect's key and returns
// the length of what it did.
func counting(t *testing.T) *[]string {
	var keys []string
	flow.Effects = func(key, what string) (int, error) {
		keys = append(keys, key+"="+what)
		return len(what), nil
	}
	t.Cleanup(func() { flow.Effects = nil })
	return &keys
}

// TestResumeFromEveryCheckpoint runs Process under Start, then resumes it
// from each snapshot it took: every resume gives the plain Go result, and
// runs only the steps after its snapshot.
func TestResumeFromEveryCheckpoint(t *testing.T) {
	keys := counting(t)
	want, err := flow.Process(items(), 0) // the natural function: the oracle
	if err != nil {
		t.Fatal(err)
	}
	*keys = nil

	store := &allStore{}
	got, err := rt.Run(durable.Start(store, "job1", flow.ProcessAsync(items(), time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("durable run = %+v, plain Go = %+v", got, want)
	}
	all := append([]string(nil), *keys...)
	wantKeys := []string{"job1/0/item=item a", "job1/1/item=item bb", "job1/2/item=item c", "job1/3/summary=summary"}
	if !reflect.DeepEqual(all, wantKeys) {
		t.Fatalf("steps = %q, want %q", all, wantKeys)
	}
	var points []string
	for _, s := range store.snaps {
		points = append(points, s.Checkpoint)
	}
	wantPoints := "step:item checkpoint:item done step:item checkpoint:item done step:item checkpoint:item done checkpoint:part checkpoint:part checkpoint:part step:summary sleep:pause"
	if strings.Join(points, " ") != wantPoints {
		t.Fatalf("checkpoints = %s\nwant          %s", strings.Join(points, " "), wantPoints)
	}
	for k, snap := range store.snaps {
		*keys = nil
		steps := 0
		for _, s := range store.snaps[:k+1] {
			if strings.HasPrefix(s.Checkpoint, "step:") {
				steps++
			}
		}
		rest := &allStore{}
		got, err := rt.Run(durable.Resume[flow.Report](rest, snap))
		if err != nil {
			t.Fatalf("resume from #%d (%s): %v", k, snap.Checkpoint, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("resume from #%d (%s) = %+v, want %+v", k, snap.Checkpoint, got, want)
		}
		if strings.Join(*keys, ";") != strings.Join(all[steps:], ";") {
			t.Fatalf("resume from #%d (%s) ran steps %q, want %q", k, snap.Checkpoint, *keys, all[steps:])
		}
		if len(rest.snaps) != len(store.snaps)-k-1 {
			t.Fatalf("resume from #%d took %d checkpoints, want %d", k, len(rest.snaps), len(store.snaps)-k-1)
		}
		if len(rest.snaps) > 0 && rest.snaps[0].Seq != snap.Seq+1 {
			t.Fatalf("resume from #%d: next seq %d, want %d", k, rest.snaps[0].Seq, snap.Seq+1)
		}
	}
}

func TestStepErrorRecorded(t *testing.T) {
	n := 0
	flow.Effects = func(key, what string) (int, error) {
		n++
		if what == "item bb" {
			return 0, errors.New("card declined")
		}
		return 1, nil
	}
	defer func() { flow.Effects = nil }()
	store := &allStore{}
	_, err := rt.Run(durable.Start(store, "j", flow.ProcessAsync(items(), 0)))
	if err == nil || err.Error() != "card declined" {
		t.Fatalf("err = %v", err)
	}
	last := store.snaps[len(store.snaps)-1]
	if last.Checkpoint != "step:item" {
		t.Fatalf("last checkpoint %s", last.Checkpoint)
	}
	n = 0
	_, err = rt.Run(durable.Resume[flow.Report](&allStore{}, last))
	var re *durable.RestoredError
	if !errors.As(err, &re) || re.Msg != "card declined" || n != 0 {
		t.Fatalf("resumed err = %v (%T), effects run %d, want the recorded error and none", err, err, n)
	}
}

func TestUnknownFingerprint(t *testing.T) {
	counting(t)
	store := &allStore{}
	if _, err := rt.Run(durable.Start(store, "j", flow.ProcessAsync(items(), 0))); err != nil {
		t.Fatal(err)
	}
	snap := store.snaps[1]
	// Rewrite the root frame's fingerprint in Data, as a build with a
	// changed frame would have written it.
	data := string(snap.Data)
	name := "github.com/asyncgen/asyncgen/rt/durable/internal/flow.Process"
	if !strings.HasPrefix(snap.Fingerprint, name+"@") {
		t.Fatalf("fingerprint %q", snap.Fingerprint)
	}
	i := strings.Index(data, name) + len(name)
	snap.Data = []byte(data[:i] + corrupt(data[i:]))
	_, err := rt.Run(durable.Resume[flow.Report](&allStore{}, snap))
	var fe *durable.FingerprintError
	if !errors.Is(err, durable.ErrUnknownFingerprint) || !errors.As(err, &fe) || fe.Func != name || len(fe.Known) != 4 {
		t.Fatalf("err = %v", err)
	}
	t.Log(err)
}

// corrupt changes the first byte of the fingerprint uvarint that starts s.
func corrupt(s string) string {
	b := []byte(s)
	b[0] ^= 0x01
	return string(b)
}

// TestPanicKeepsLastCheckpoint: a panic in a durable function ends the run
// with the *rt.PanicError as any task's panic does; nothing is saved for
// it, so the store keeps the checkpoint before it, and a resume continues
// from there.
func TestPanicKeepsLastCheckpoint(t *testing.T) {
	flow.Explode = 2
	defer func() { flow.Explode = -1 }()
	store := &durable.MemStore{}
	_, err := rt.Run(durable.Start(store, "p", flow.FragileAsync(5)))
	var pe *rt.PanicError
	if !errors.As(err, &pe) || pe.Value != "boom at 2" {
		t.Fatalf("err = %v (%T), want the panic", err, err)
	}
	snap, ok := store.Latest("p")
	if !ok || snap.Seq != 3 || snap.Checkpoint != "checkpoint:loop" {
		t.Fatalf("latest = %+v", snap)
	}
	flow.Explode = -1
	got, err := rt.Run(durable.Resume[int](store, snap))
	if err != nil || got != 0+1+2+3+4 {
		t.Fatalf("resumed = %d, %v", got, err)
	}
	if snap, _ := store.Latest("p"); snap.Seq != 5 {
		t.Fatalf("after the resume the latest is #%d, want #5", snap.Seq)
	}
	// The run is over: the same task can start another.
	if _, err := rt.Run(durable.Start(store, "q", flow.FragileAsync(1))); err != nil {
		t.Fatal(err)
	}
}

// TestOutsideRun: a durable function awaited without Start runs as a
// plain async function: checkpoints do nothing, steps run.
func TestOutsideRun(t *testing.T) {
	keys := counting(t)
	got, err := rt.Run(flow.ProcessAsync(items(), 0))
	if err != nil || got.Total == 0 || len(*keys) != 4 || (*keys)[0] != "local/item=item a" {
		t.Fatalf("got %+v, %v, steps %q", got, err, *keys)
	}
}

// TestNotDurable: Start refuses a coroutine that is not durable.
func TestNotDurable(t *testing.T) {
	_, err := rt.Run(durable.Start(&durable.MemStore{}, "x", rt.SleepAsync(0)))
	if !errors.Is(err, durable.ErrNotDurable) {
		t.Fatalf("err = %v", err)
	}
}

// TestResumeWrongType: Resume with another result type than the root's.
func TestResumeWrongType(t *testing.T) {
	store := &durable.MemStore{}
	if _, err := rt.Run(durable.Start(store, "w", flow.FragileAsync(2))); err != nil {
		t.Fatal(err)
	}
	snap, _ := store.Latest("w")
	_, err := rt.Run(durable.Resume[string](store, snap))
	if err == nil || !strings.Contains(err.Error(), "whose result is not a string") {
		t.Fatalf("err = %v", err)
	}
}

// TestCorruptSnapshot: truncated data is an error, not a panic.
func TestCorruptSnapshot(t *testing.T) {
	counting(t)
	store := &allStore{}
	if _, err := rt.Run(durable.Start(store, "c", flow.ProcessAsync(items(), 0))); err != nil {
		t.Fatal(err)
	}
	snap := store.snaps[3]
	for n := 0; n < len(snap.Data); n++ {
		s := snap
		s.Data = snap.Data[:n]
		if _, err := rt.Run(durable.Resume[flow.Report](&durable.MemStore{}, s)); !errors.Is(err, durable.ErrCorrupt) {
			t.Fatalf("data cut at %d/%d: err = %v", n, len(snap.Data), err)
		}
	}
}

// TestSnapshotFile: a Snapshot survives MarshalBinary and a FileStore.
func TestSnapshotFile(t *testing.T) {
	fs := durable.FileStore{Dir: t.TempDir()}
	s := durable.Snapshot{RunID: "a/b c", Seq: 7, Checkpoint: "sleep:x", Fingerprint: "p.F@01", At: time.Unix(5, 6), WakeAt: time.Unix(0, 12345), Data: []byte{1, 2, 3}}
	if _, err := rt.Run(fs.Save(s)); err != nil {
		t.Fatal(err)
	}
	got, ok, err := fs.Load("a/b c")
	if err != nil || !ok || !reflect.DeepEqual(got, s) {
		t.Fatalf("got %+v %v %v, want %+v", got, ok, err, s)
	}
	if _, ok, err := fs.Load("other"); ok || err != nil {
		t.Fatalf("missing run: %v %v", ok, err)
	}
}

// sleepCrash records every snapshot and fails the save of a sleep's, as
// if the process died right after writing it.
type sleepCrash struct{ allStore }

func (s *sleepCrash) Save(snap durable.Snapshot) rt.Awaitable[struct{}] {
	s.allStore.Save(snap)
	if strings.HasPrefix(snap.Checkpoint, "sleep:") {
		return rt.ToThreadAsync(func() (struct{}, error) { return struct{}{}, errors.New("crash") })
	}
	return (&durable.MemStore{}).Save(snap)
}

// TestDurableSleep: the sleep's snapshot carries its wake time, and a
// resume from it, started at once, does not continue before then.
func TestDurableSleep(t *testing.T) {
	counting(t)
	store := &sleepCrash{}
	before := time.Now()
	_, err := rt.Run(durable.Start(store, "s", flow.ProcessAsync(items(), 300*time.Millisecond)))
	if err == nil || !strings.Contains(err.Error(), "crash") {
		t.Fatalf("err = %v", err)
	}
	snap := store.snaps[len(store.snaps)-1]
	if snap.Checkpoint != "sleep:pause" || snap.WakeAt.Before(before.Add(300*time.Millisecond)) {
		t.Fatalf("last snapshot %s wakes at %v, started %v", snap.Checkpoint, snap.WakeAt, before)
	}
	wake := snap.WakeAt
	snap.WakeAt = time.Time{} // the wake time that counts is in Data
	if _, err := rt.Run(durable.Resume[flow.Report](&durable.MemStore{}, snap)); err != nil {
		t.Fatal(err)
	}
	if now := time.Now(); now.Before(wake) {
		t.Fatalf("resumed at %v, before the wake time %v", now, wake)
	}
}

// TestDurableMethod: a durable method's receiver is restored with the
// frame, and the method it awaits is a frame of the same snapshot (the
// receiver pointer shared by both decodes to one Tally).
func TestDurableMethod(t *testing.T) {
	store := &allStore{}
	tl := &flow.Tally{}
	n, err := rt.Run(durable.Start(store, "m", tl.AddAsync("ab", "cde")))
	if err != nil || n != 306 {
		t.Fatalf("n = %d, %v", n, err)
	}
	last := store.snaps[len(store.snaps)-1]
	if last.Checkpoint != "checkpoint:sum" || len(strings.Fields(last.Fingerprint)) != 2 {
		t.Fatalf("last = %s %s", last.Checkpoint, last.Fingerprint)
	}
	for _, snap := range store.snaps {
		got, err := rt.Run(durable.Resume[int](&durable.MemStore{}, snap))
		if err != nil || got != 306 {
			t.Fatalf("resume from %s: %d, %v", snap.Checkpoint, got, err)
		}
	}
}

// BenchmarkCheckpoint measures a checkpoint (encode and a MemStore save)
// of Process's frame stack, and reports the snapshot's size.
func BenchmarkCheckpoint(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			var its []*flow.Item
			for i := 0; i < n; i++ {
				its = append(its, &flow.Item{Name: fmt.Sprintf("item%d", i), Size: i, Tags: []string{"a", "b"}, Attrs: map[string]float64{"w": float64(i)}})
			}
			flow.Effects = func(key, what string) (int, error) { return 1, nil }
			defer func() { flow.Effects = nil }()
			store := &durable.MemStore{}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := rt.Run(durable.Start(store, "b", flow.ProcessAsync(its, 0))); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			snap, _ := store.Latest("b")
			perRun := float64(store.Saves()) / float64(b.N)
			// The whole run's time per checkpoint: steps and loop included.
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(store.Saves()), "run-ns/checkpoint")
			b.ReportMetric(float64(len(snap.Data)), "snapshot-bytes")
			b.ReportMetric(perRun, "checkpoints/run")
		})
	}
}

// BenchmarkResume measures decoding a snapshot and running the rest of
// the run from it (its last checkpoint: little is left to run).
func BenchmarkResume(b *testing.B) {
	flow.Effects = func(key, what string) (int, error) { return 1, nil }
	defer func() { flow.Effects = nil }()
	var its []*flow.Item
	for i := 0; i < 10; i++ {
		its = append(its, &flow.Item{Name: fmt.Sprintf("item%d", i), Tags: []string{"a"}})
	}
	store := &durable.MemStore{}
	if _, err := rt.Run(durable.Start(store, "r", flow.ProcessAsync(its, 0))); err != nil {
		b.Fatal(err)
	}
	snap, _ := store.Latest("r")
	for b.Loop() {
		if _, err := rt.Run(durable.Resume[flow.Report](store, snap)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(snap.Data)), "snapshot-bytes")
}

// TestEveryKind round-trips a value with a field of every encodable kind
// through a snapshot: resumed, the dump after the checkpoint (of the
// decoded value) equals the one before it (taken before the snapshot).
func TestEveryKind(t *testing.T) {
	seven := 7
	p7 := &seven
	note := "note"
	shared := &flow.Item{Name: "s", Size: 2, Tags: []string{}, Attrs: map[string]float64{"x": -1.25}}
	shared.Next = shared // a cycle
	pt := &flow.Point3{X: 1, Y: -2, Z: 3}
	k := flow.Kinds{
		I8: -128, U64: 1<<64 - 1, F32: 1.5, C: complex(-2, 0.5), B: [3]bool{true, false, true},
		L: "label", R: 'é', U: 12345, By: []byte{0, 1, 255},
		Nested: map[string][]int{"a": {1, 2}, "b": nil, "c": {}},
		ByID:   map[int]*flow.Item{1: shared, 2: shared, 3: {Name: "t"}},
		Empty:  []int{}, PP: &p7,
		In: flow.Inner{Point3: flow.Point3{X: 4, Y: 5, Z: -6}, Note: &note},
		M:  flow.NewMoney(-1999), T: time.Date(2026, 12, 3, 4, 5, 6, 7, time.FixedZone("X", 3600)),
		Err: errors.New("bad thing"), Labels: []flow.Label{"x", ""}, Matrix: [2][2]float64{{1, 2}, {3, 4}},
		Ptrs: []*flow.Point3{pt, pt},
	}
	k.Shared1 = map[string]int{"one": 1}
	k.Shared2 = k.Shared1
	k.SetPrivate("secret")
	store := &durable.MemStore{}
	first, err := rt.Run(durable.Start(store, "k", flow.EchoAsync(k)))
	if err != nil {
		t.Fatal(err)
	}
	before, _, _ := strings.Cut(first, "\n")
	if first != before+"\n"+before {
		t.Fatalf("the run changed k:\n%s", first)
	}
	snap, _ := store.Latest("k")
	got, err := rt.Run(durable.Resume[string](store, snap))
	if err != nil {
		t.Fatal(err)
	}
	if got != before+"\n"+before {
		t.Fatalf("restored value differs:\nbefore   %s\nrestored %s", before, strings.TrimPrefix(got, before+"\n"))
	}
	for _, want := range []string{"alias=true", `"secret"`, "-1999", "bad thing", "[{1 -2 3} {1 -2 3}]", "map[one:1] maps=true"} {
		if !strings.Contains(before, want) {
			t.Fatalf("dump %s lacks %s", before, want)
		}
	}
}

// TestLoopsResume resumes Tour from each of its checkpoints: the loops'
// hidden state (the map's remaining keys, the string offset) is part of
// the snapshot, so every resume gives the plain Go result.
func TestLoopsResume(t *testing.T) {
	m := map[string]int{"a": 1, "b": 2, "c": 4, "d": 5, "e": 6}
	want, err := flow.Tour(m, "héllo")
	if err != nil {
		t.Fatal(err)
	}
	store := &allStore{}
	got, err := rt.Run(durable.Start(store, "t", flow.TourAsync(m, "héllo")))
	if err != nil || got != want {
		t.Fatalf("durable run = %q, %v; plain Go %q", got, err, want)
	}
	if len(store.snaps) != 3+3+5 {
		t.Fatalf("%d checkpoints", len(store.snaps))
	}
	for k, snap := range store.snaps {
		got, err := rt.Run(durable.Resume[string](&durable.MemStore{}, snap))
		if err != nil || got != want {
			t.Fatalf("resume from #%d %s = %q, %v; want %q", k+1, snap.Checkpoint, got, err, want)
		}
	}
}

// TestTupleResult: a durable function with a tuple result resumes.
func TestTupleResult(t *testing.T) {
	store := &durable.MemStore{}
	got, err := rt.Run(durable.Start(store, "p", flow.PairAsync(21)))
	if err != nil || got.V0 != 42 || got.V1 != "21" {
		t.Fatalf("got %+v, %v", got, err)
	}
	snap, _ := store.Latest("p")
	got, err = rt.Run(durable.Resume[rt.Tuple2[int, string]](store, snap))
	if err != nil || got.V0 != 42 || got.V1 != "21" {
		t.Fatalf("resumed %+v, %v", got, err)
	}
}
