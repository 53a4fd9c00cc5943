// Command chess ports the third tutorial's chess exhibition: one master
// plays 24 opponents at once. Each of the master's moves takes 5 seconds of
// the master's attention (a Lock: the master is one person), each
// opponent's reply 55 seconds of their own. Played one game after another,
// 24 games of 30 move pairs take 12 hours; played at once, the master moves
// while the opponents think, and all games end in about an hour.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

const (
	games      = 24
	movePairs  = 30
	masterMove = 5  // seconds
	playerMove = 55 // seconds
)

var (
	out   io.Writer = os.Stdout
	unit  time.Duration
	start time.Time
)

// async
func elapsed() string {
	d := rt.Now().Sub(start)
	return fmt.Sprintf("%dh%02dm%02ds", int(d/(time.Hour/time.Second*unit)), int(d/(time.Minute/time.Second*unit))%60, int(d/unit)%60)
}

// game plays one game: the master (who can only think about one board at
// a time) moves, then the opponent replies.
//
// async
func game(n int, master *rt.Lock) {
	for move := 0; move < movePairs; move++ {
		master.Acquire()
		rt.Sleep(masterMove * unit)
		master.Release()
		rt.Sleep(playerMove * unit)
	}
	fmt.Fprintf(out, "%s game %d over\n", elapsed(), n)
}

// async
func oneAfterAnother() {
	start = rt.Now()
	master := &rt.Lock{}
	for n := 1; n <= games; n++ {
		game(n, master)
	}
	fmt.Fprintf(out, "one after another: %s\n", elapsed())
}

// async
func allAtOnce() error {
	start = rt.Now()
	master := &rt.Lock{}
	g := rt.NewTaskGroup()
	for n := 1; n <= games; n++ {
		rt.Spawn(gameAsync(n, master), rt.InGroup(g))
	}
	err := g.Wait()
	fmt.Fprintf(out, "all at once: %s\n", elapsed())
	return err
}

func run(w io.Writer, u time.Duration, opts ...rt.LoopOption) error {
	out, unit = w, u
	if _, err := rt.Run(oneAfterAnotherAsync(), opts...); err != nil {
		return err
	}
	_, err := rt.Run(allAtOnceAsync(), opts...)
	return err
}

func main() {
	u := flag.Duration("unit", time.Millisecond, "how long one second of the exhibition lasts")
	flag.Parse()
	if err := run(os.Stdout, *u); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
