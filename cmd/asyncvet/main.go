// Asyncvet reports misuse of asyncgen's //async functions and coroutines: the
// checks of analyze.Analyzer (run "asyncvet -help" for the list and their
// categories), as a vet tool.
//
// Install it, then run it through go vet, which hands it each package with
// its test files and build flags:
//
//	go install github.com/asyncgen/asyncgen/cmd/asyncvet
//	go vet -vettool=$(go env GOPATH)/bin/asyncvet ./...
//
// (or -vettool=$(which asyncvet) when GOBIN is on PATH). Findings print as
// file:line:col: message and go vet exits 1 when there are any. Blocking
// calls in async functions are only warnings for asyncgen, but a vet tool
// has no warnings: they make go vet fail like the rest.
//
// Run alone, asyncvet loads the packages itself:
//
//	asyncvet ./...        // report; exit 3 when there are findings
//	asyncvet -fix ./...   // also apply the suggested fixes (mark a caller //async)
//
// Apply fixes that way: "go vet -fix" hands the tool a protocol that the
// x/tools version this module builds with does not speak yet.
//
// Editors: gopls runs only the analyzers built into it and cannot load
// third-party ones (golang/go#59869), so asyncvet's findings reach an editor
// through its go vet integration instead. In VS Code, for example:
//
//	"go.vetOnSave": "package",
//	"go.vetFlags": ["-vettool=/absolute/path/to/asyncvet"]
//
// Other editors and CI can run the go vet command above. gopls itself works
// on packages that use asyncgen as on any Go code, since the generated
// companions are plain Go.
package main

import (
	"os"
	"strings"

	"github.com/asyncgen/asyncgen/analyze"
	_ "github.com/asyncgen/asyncgen/transform" // the generator's check of durable frames (analyze.DurableFrames)
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	redirectStdout(os.Args[1:])
	if len(os.Args) > 1 && os.Args[1] != "help" && !strings.HasPrefix(os.Args[1], "-V") && !strings.HasPrefix(os.Args[1], "-flags") {
		reportMissing(os.Args[1:], os.Stderr) // missing.go: before the type errors it explains
	}
	singlechecker.Main(analyze.Analyzer)
}
