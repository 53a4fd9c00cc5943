package analyze

import (
	"fmt"
	"go/token"
	"sort"
)

// Severity says whether a diagnostic stops generation.
type Severity int

const (
	// Error diagnostics stop generation for the package.
	Error Severity = iota
	// Warning diagnostics are reported but do not stop generation.
	Warning
)

// Diagnostic is one positioned message, printed as file:line:col: message.
type Diagnostic struct {
	Pos      token.Position
	Message  string
	Severity Severity
}

func (d Diagnostic) String() string {
	msg := d.Message
	if d.Severity == Warning {
		msg = "warning: " + msg
	}
	if !d.Pos.IsValid() {
		return msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", d.Pos.Filename, d.Pos.Line, d.Pos.Column, msg)
}

// Diagnostics is a list of diagnostics that can be sorted and deduplicated.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sorted returns the diagnostics ordered by file, line, column and message,
// without duplicates.
func (ds Diagnostics) Sorted() Diagnostics {
	out := append(Diagnostics(nil), ds...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return out[i].Message < out[j].Message
	})
	dedup := out[:0]
	for i, d := range out {
		if i > 0 && d == out[i-1] {
			continue
		}
		dedup = append(dedup, d)
	}
	return dedup
}
