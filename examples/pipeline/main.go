//go:build linux

// Command pipeline runs a shell-style pipeline, sort | uniq -c, with the
// event loop in the middle: one task feeds words to sort, another pumps
// sort's output into uniq, and the main task reads uniq's result; the
// three processes and three tasks run at once on one goroutine.
package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aproc"
)

//go:generate go tool asyncgen

var words = strings.Fields("the quick brown fox jumps over the lazy dog the fox")

// feed writes lines to p and closes it.
//
// async
func feed(p *aproc.Pipe, lines []string) error {
	for _, l := range lines {
		if _, err := p.Write([]byte(l + "\n")); err != nil {
			return err
		}
	}
	return p.Close()
}

// pump copies from one process's output to another's input.
//
// async
func pump(from, to *aproc.Pipe) error {
	defer from.Close()
	buf := make([]byte, 4096)
	for {
		n, err := from.Read(buf)
		if n > 0 {
			if _, err := to.Write(buf[:n]); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return to.Close()
		}
		if err != nil {
			return err
		}
	}
}

// async
func pipeline(w io.Writer) error {
	sortCmd := exec.Command("sort")
	sortCmd.Env = append(os.Environ(), "LC_ALL=C") // the same order everywhere
	sortP, err := aproc.Start(sortCmd)
	if err != nil {
		return err
	}
	uniqP, err := aproc.Start(exec.Command("uniq", "-c"))
	if err != nil {
		return err
	}
	sortP.Stderr.Close()
	uniqP.Stderr.Close()
	g := rt.NewTaskGroup()
	rt.Spawn(feedAsync(sortP.Stdin, words), rt.InGroup(g))
	rt.Spawn(pumpAsync(sortP.Stdout, uniqP.Stdin), rt.InGroup(g))
	out, err := uniqP.Stdout.ReadAll()
	uniqP.Stdout.Close()
	if err != nil {
		return err
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, p := range []*aproc.Process{sortP, uniqP} {
		if code, err := p.Wait(); err != nil || code != 0 {
			return fmt.Errorf("%s: exit %d, %v", p.Cmd.Path, code, err)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fmt.Fprintln(w, strings.Join(strings.Fields(line), " "))
	}
	return nil
}

func run(w io.Writer, _ time.Duration, opts ...rt.LoopOption) error {
	_, err := rt.Run(pipelineAsync(w), opts...)
	return err
}

func main() {
	if err := run(os.Stdout, 0); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
