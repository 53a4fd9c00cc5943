// Cake bakes a cake and buys groceries, first one thing at a time, then
// shopping while the cake is in the oven.
//
// It ports the seeds' cake story: the dough takes 15 minutes of our own
// work, the oven 45 minutes that need nobody, the groceries 20 minutes. One
// thing at a time that is 80 minutes. Asynchronously we make the dough, spawn
// the oven as a task and go shopping while it bakes: back home at minute 35,
// all done at minute 60. The oven task first runs when the main coroutine
// parks in the shop, so "off to the store" prints before "into the oven".
//
// One unit is one minute of the story. cake.py beside this file is the same
// program for CPython's asyncio, and prints the same lines.
//
//	go run ./examples/cake [-unit 25ms]
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

//go:generate go tool asyncgen

// story prints what happens, stamped with the minute since it began.
// Sleeps end late, never early, so the minute is rounded down, after
// allowing a tenth of a minute for the clock's granularity.
type story struct {
	w     io.Writer
	unit  time.Duration // one minute of the story
	start time.Time
}

func (s *story) say(now time.Time, what string) {
	fmt.Fprintf(s.w, "minute %d: %s\n", (now.Sub(s.start)+s.unit/10)/s.unit, what)
}

// async
func makeDough(s *story) {
	s.say(rt.Now(), "cake: making the dough")
	rt.Sleep(15 * s.unit)
	s.say(rt.Now(), "cake: the dough is ready")
}

// async
func bake(s *story) {
	s.say(rt.Now(), "cake: into the oven")
	rt.Sleep(45 * s.unit)
	s.say(rt.Now(), "cake: out of the oven")
}

// async
func buyGroceries(s *story) {
	s.say(rt.Now(), "groceries: off to the store")
	rt.Sleep(20 * s.unit)
	s.say(rt.Now(), "groceries: back home")
}

// oneThingAtATime: dough, oven, then the store: 15 + 45 + 20 = 80 minutes.
//
// async
func oneThingAtATime(w io.Writer, unit time.Duration) {
	fmt.Fprintln(w, "== one thing at a time")
	s := &story{w: w, unit: unit, start: rt.Now()}
	makeDough(s)
	bake(s)
	buyGroceries(s)
	s.say(rt.Now(), "all done")
}

// shoppingWhileBaking: the dough needs us, the oven does not:
// 15 + max(45, 20) = 60 minutes.
//
// async
func shoppingWhileBaking(w io.Writer, unit time.Duration) error {
	fmt.Fprintln(w, "== shopping while the cake bakes")
	s := &story{w: w, unit: unit, start: rt.Now()}
	makeDough(s)
	oven := rt.Spawn(bakeAsync(s), rt.Name("oven"))
	buyGroceries(s)
	if _, err := rt.Await(oven); err != nil {
		return err
	}
	s.say(rt.Now(), "all done")
	return nil
}

// async
func both(w io.Writer, unit time.Duration) error {
	oneThingAtATime(w, unit)
	return shoppingWhileBaking(w, unit)
}

// run prints the program's output to w; one unit (a minute of the story)
// lasts unit.
func run(w io.Writer, unit time.Duration, opts ...rt.LoopOption) error {
	_, err := rt.Run(bothAsync(w, unit), opts...)
	return err
}

func main() {
	unit := flag.Duration("unit", 25*time.Millisecond, "how long one minute of the story lasts")
	flag.Parse()
	if err := run(os.Stdout, *unit); err != nil {
		log.Fatal(err)
	}
}
