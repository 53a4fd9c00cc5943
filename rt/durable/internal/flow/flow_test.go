package flow_test

import (
	"errors"
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
