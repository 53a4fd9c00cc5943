package examplecheck

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCheck: an example that calls a helper of a file holding two
// examples is reported (godoc shows only its body), the self-contained
// one is not; the same example alone in its file is a whole-file example.
func TestCheck(t *testing.T) {
	rec := &recorder{}
	names := Check(rec, "testdata/shared")
	assert.Len(t, rec.errs, 1, "ExampleOne shares its file and calls its helper")
	assert.Contains(t, rec.String(), "ExampleOne calls [helperAsync]")
	assert.Equal(t, []string{"ExampleOne", "ExampleTwo"}, names)

	assert.Equal(t, []string{"ExampleOne"}, Check(t, "testdata/whole"))
}

type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatal(a ...any) { panic(fmt.Sprint(a...)) }
func (r *recorder) String() string { return strings.Join(r.errs, "\n") }
