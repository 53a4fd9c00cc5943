package transform_test

import (
	"bytes"
	"go/importer"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/internal/testmod"
	"github.com/asyncgen/asyncgen/transform"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// GenerateSource, the fuzzer's in-memory entry point, generates the same
// bytes as Generate for every golden case that is one main.go.
func TestGenerateSourceAgreesWithGenerate(t *testing.T) {
	root := testmod.Root(t)
	cases, err := filepath.Glob(filepath.Join(root, "testdata", "*.txtar"))
	require.NoError(t, err)
	impFset := token.NewFileSet()
	imp := &cachingImporter{imp: importer.ForCompiler(impFset, "source", nil).(types.ImporterFrom), pkgs: map[string]*types.Package{}, errs: map[string]error{}}
	compared := 0
	for _, c := range cases {
		ar, err := txtar.ParseFile(c)
		require.NoError(t, err)
		var src, want []byte
		goFiles := 0
		for _, f := range ar.Files {
			switch {
			case f.Name == "main.go":
				src = f.Data
				goFiles++
			case f.Name == "want/main_async.go":
				want = f.Data
			case strings.HasSuffix(f.Name, ".go") && !strings.HasPrefix(f.Name, "want/"):
				goFiles++
			}
		}
		// Durable functions are named by their package's import path (in
		// the generated code and their fingerprints), which a lone source
		// file does not have: those cases are compared by TestGolden only.
		if goFiles != 1 || src == nil || want == nil || bytes.Contains(src, []byte(`"github.com/asyncgen/asyncgen/rt/durable"`)) {
			continue
		}
		t.Run(filepath.Base(c), func(t *testing.T) {
			fset := token.NewFileSet()
			fset.AddFile("", -1, impFset.Base())
			res, err := transform.GenerateSource(fset, filepath.Join(root, "transform", "main.go"), src, imp)
			require.NoError(t, err)
			require.False(t, res.Diags.HasErrors(), "%v", res.Diags)
			// The generated file, and a durable.lock when the source has
			// durable functions.
			var gen []string
			var out []byte
			for _, ch := range res.Changes {
				gen = append(gen, filepath.Base(ch.Path))
				if filepath.Base(ch.Path) == "main_async.go" {
					out = ch.New
				}
			}
			require.Subset(t, []string{"main_async.go", "durable.lock"}, gen)
			require.NotNil(t, out, "no main_async.go among %v", gen)
			require.Equal(t, string(want), string(out))
		})
		compared++
	}
	require.NotZero(t, compared)
}
