// Package flow holds durable functions for rt/durable's tests: a workflow
// with checkpoints, steps and a sleep, and frames with every encodable kind.
package flow

import (
	"fmt"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/durable"
)

//go:generate go tool asyncgen

// Item is one unit of work of Process.
type Item struct {
	Name  string
	Size  int
	Tags  []string
	Attrs map[string]float64
	Next  *Item
}

// Report is what Process returns.
type Report struct {
	Lines []string
	Total int
	At    [2]uint8
	When  time.Time
}

// Effects does the side effects of a workflow's steps; tests count them.
var Effects func(key, what string) (int, error)

// async
func effect(key, what string) (int, error) {
	rt.Sleep(0)
	return Effects(key, what)
}

// Process runs a workflow: a step per item, a checkpoint after each, a
// sub-workflow, a durable sleep.
//
// async durable
func Process(items []*Item, pause time.Duration) (Report, error) {
	var rep Report
	shared := &Item{Name: "shared"}
	a, b := shared, shared
	for i, it := range items {
		n, err := durable.Step("item", func(key string) rt.Awaitable[int] {
			return effectAsync(key, "item "+it.Name)
		})
		if err != nil {
			return rep, err
		}
		rep.Lines = append(rep.Lines, fmt.Sprintf("%d %s %d", i, it.Name, n))
		rep.Total += n
		a.Size++
		if err := durable.Checkpoint("item done"); err != nil {
			return rep, err
		}
	}
	sub, err := summarize(rep.Lines, 3)
	if err != nil {
		return rep, err
	}
	if err := durable.Sleep("pause", pause); err != nil {
		return rep, err
	}
	rep.Lines = append(rep.Lines, sub, fmt.Sprintf("aliased %v %d", a == b, b.Size))
	return rep, nil
}

// async durable
func summarize(lines []string, width int) (string, error) {
	var parts []string
	for _, l := range lines {
		if len(l) > width {
			l = l[:width]
		}
		parts = append(parts, l)
		if err := durable.Checkpoint("part"); err != nil {
			return "", err
		}
	}
	n, err := durable.Step("summary", func(key string) rt.Awaitable[int] {
		return effectAsync(key, "summary")
	})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s (%d)", strings.Join(parts, ","), n), nil
}

// Explode makes Fragile panic right after its checkpoint at this index.
var Explode = -1

// Fragile sums 0..n-1 with a checkpoint per number, and panics where
// Explode says.
//
// async durable
func Fragile(n int) (int, error) {
	total := 0
	for i := 0; i < n; i++ {
		total += i
		if err := durable.Checkpoint("loop"); err != nil {
			return 0, err
		}
		if Explode == i {
			panic(fmt.Sprintf("boom at %d", i))
		}
	}
	return total, nil
}

// Tally is a receiver for a durable method.
type Tally struct {
	Seen []string
}

// Add records names, a checkpoint after each; the receiver is part of the
// frame, and Sum, a durable method too, is awaited from it.
//
// async durable
func (t *Tally) Add(names ...string) (int, error) {
	for _, n := range names {
		t.Seen = append(t.Seen, n)
		if err := durable.Checkpoint("added"); err != nil {
			return 0, err
		}
	}
	n, err := rt.Await(t.SumAsync()) // the explicit form of t.Sum()
	return n + 100*len(t.Seen), err
}

// Sum counts the bytes seen.
//
// async durable
func (t *Tally) Sum() (int, error) {
	if err := durable.Checkpoint("sum"); err != nil {
		return 0, err
	}
	t.Seen = append(t.Seen, "+")
	n := 0
	for _, s := range t.Seen {
		n += len(s)
	}
	return n, nil
}
