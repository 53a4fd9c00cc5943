package main

import (
	"encoding/json"
	"log"
	"os"
	"strings"
)

// Since Go 1.26, go vet runs its tool with -json and names in the vet
// config (the .cfg file it passes) a file for the tool's stdout, which it
// then reads and prints as file:line:col: message, exiting 1 when there are
// findings. The unitchecker of the x/tools this module requires (v0.36)
// predates that field and writes to the real stdout, so go vet would show
// raw JSON and exit 0. redirectStdout does what newer unitcheckers do; with
// an older go command the field is absent and nothing changes.
func redirectStdout(args []string) {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return // unitchecker reports it
	}
	var cfg struct{ Stdout string }
	if json.Unmarshal(data, &cfg) != nil || cfg.Stdout == "" {
		return
	}
	f, err := os.Create(cfg.Stdout)
	if err != nil {
		log.Fatal(err)
	}
	os.Stdout = f
}
