package main

import "flag"

// go test ./... -update rewrites the golden files of the packages that have
// them; this package has none, but must accept the flag.
var _ = flag.Bool("update", false, "no golden files here")
