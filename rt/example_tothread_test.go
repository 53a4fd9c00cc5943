package rt_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/asyncgen/asyncgen/rt"
)

// readConfig reads a file without blocking the loop.
//
// async
func readConfig() (int, error) {
	// os.ReadFile blocks: run it on rt's thread pool, not on the loop.
	data, err := rt.ToThread(func() ([]byte, error) { return os.ReadFile("doc.go") })
	if err != nil {
		return 0, err
	}
	return strings.Count(string(data), "\n") / 1000, nil
}

func ExampleToThread() {
	n, err := rt.Run(readConfigAsync())
	fmt.Println(n, err)
	// Output: 0 <nil>
}
