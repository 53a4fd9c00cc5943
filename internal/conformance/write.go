package conformance

import (
	"os"
	"path/filepath"
	"slices"
)

// Write replaces the ported files of dir (case files and Generated) with
// p's, leaving the hand-written files alone.
func Write(dir string, p *Port) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if IsCaseFile(e.Name()) || slices.Contains(Generated, e.Name()) {
			if _, keep := p.Files[e.Name()]; !keep {
				if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
					return err
				}
			}
		}
	}
	for name, data := range p.Files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
