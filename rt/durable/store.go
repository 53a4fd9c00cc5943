package durable

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// MarshalBinary encodes the snapshot whole (its metadata and Data), for a
// store that keeps it as one value.
func (s Snapshot) MarshalBinary() ([]byte, error) {
	e := &Encoder{buf: []byte("agsnap2")}
	e.String(s.RunID)
	e.Uvarint(s.Seq)
	e.String(s.Checkpoint)
	e.String(s.Fingerprint)
	for _, t := range []time.Time{s.At, s.WakeAt} {
		var ns int64
		if !t.IsZero() {
			ns = t.UnixNano()
		}
		e.Varint(ns)
	}
	e.String(string(s.Data))
	return e.buf, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Snapshot) UnmarshalBinary(b []byte) error {
	if len(b) < 7 || string(b[:7]) != "agsnap2" {
		return fmt.Errorf("%w: not a snapshot file", ErrCorrupt)
	}
	d := &Decoder{data: b, off: 7}
	s.RunID = d.String()
	s.Seq = d.Uvarint()
	s.Checkpoint = d.String()
	s.Fingerprint = d.String()
	for _, t := range []*time.Time{&s.At, &s.WakeAt} {
		*t = time.Time{}
		if ns := d.Varint(); ns != 0 {
			*t = time.Unix(0, ns)
		}
	}
	s.Data = []byte(d.String())
	if d.err == nil && d.off != len(b) {
		d.corrupt("trailing bytes")
	}
	return d.err
}

// MemStore keeps each run's latest snapshot in memory, for tests and for
// runs that need only survive a cancellation, not a crash.
type MemStore struct {
	mu    sync.Mutex
	snaps map[string]Snapshot
	saves int
}

// Save records snap; it finishes at once.
func (m *MemStore) Save(snap Snapshot) rt.Awaitable[struct{}] {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.snaps == nil {
		m.snaps = map[string]Snapshot{}
	}
	snap.Data = append([]byte(nil), snap.Data...)
	m.snaps[snap.RunID] = snap
	m.saves++
	return &doneOp[struct{}]{}
}

// Latest returns the run's latest snapshot.
func (m *MemStore) Latest(runID string) (Snapshot, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.snaps[runID]
	return s, ok
}

// Saves counts the snapshots saved.
func (m *MemStore) Saves() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.saves
}

// FileStore keeps each run's latest snapshot in a file of Dir
// (RUNID.snap, the id path-escaped). A save writes a temporary file,
// syncs it and renames it over the old one, so a crash leaves the old
// snapshot or the new one, never a mix. The write runs on rt's thread
// pool (rt.ToThread), not on the loop.
type FileStore struct {
	Dir string
}

func (f FileStore) path(runID string) string {
	return filepath.Join(f.Dir, url.PathEscape(runID)+".snap")
}

// Save writes snap atomically.
func (f FileStore) Save(snap Snapshot) rt.Awaitable[struct{}] {
	return rt.ToThreadAsync(func() (struct{}, error) {
		return struct{}{}, f.write(snap)
	})
}

func (f FileStore) write(snap Snapshot) error {
	b, err := snap.MarshalBinary()
	if err != nil {
		return err
	}
	path := f.path(snap.RunID)
	tmp, err := os.CreateTemp(f.Dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(f.Dir); err == nil {
		d.Sync() // the rename itself; not every system can sync a directory
		d.Close()
	}
	return nil
}

// Load returns the run's latest snapshot; ok is false when it has none.
func (f FileStore) Load(runID string) (snap Snapshot, ok bool, err error) {
	b, err := os.ReadFile(f.path(runID))
	if errors.Is(err, os.ErrNotExist) {
		return Snapshot{}, false, nil
	}
	if err != nil {
		return Snapshot{}, false, err
	}
	if err := snap.UnmarshalBinary(b); err != nil {
		return Snapshot{}, false, fmt.Errorf("durable: %s: %w", f.path(runID), err)
	}
	return snap, true, nil
}
