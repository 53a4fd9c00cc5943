// Command million parks 1,000,000 sleeping tasks in this process and
// reports the process's peak RSS (VmHWM from /proc/self/status) and the
// live heap while they sleep. Each mode runs in a fresh process of its own:
//
//	go run ./bench/million -mode coroutine   # rt tasks in rt.Sleep(1h)
//	go run ./bench/million -mode goroutine   # goroutines in time.Sleep(1h)
//	go run ./bench/million -both             # both, one child process each
//
// The live heap is HeapAlloc plus StackInuse after two collections, so a
// goroutine's stack counts as the task's memory.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/bench"
	"github.com/asyncgen/asyncgen/rt"
)

func main() {
	mode := flag.String("mode", "coroutine", "coroutine or goroutine")
	n := flag.Int("n", 1_000_000, "how many sleeping tasks")
	both := flag.Bool("both", false, "run each mode in a child process, one after the other")
	flag.Parse()
	if *both {
		for _, m := range []string{"coroutine", "goroutine"} {
			cmd := exec.Command(os.Args[0], "-mode", m, "-n", fmt.Sprint(*n))
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				fmt.Fprintln(os.Stderr, "million:", m, err)
				os.Exit(1)
			}
		}
		return
	}
	base := live()
	began := time.Now()
	var heap uint64
	var took time.Duration
	var parkedHWM string
	measure := func() {
		took = time.Since(began)
		parkedHWM = vmHWM()
		heap = live() - base
	}
	switch *mode {
	case "coroutine":
		if _, err := rt.Run(bench.SleepManyAsync(*n, time.Hour, measure)); err != nil {
			fmt.Fprintln(os.Stderr, "million:", err)
			os.Exit(1)
		}
	case "goroutine":
		var started sync.WaitGroup
		started.Add(*n)
		for i := 0; i < *n; i++ {
			go func() {
				started.Done()
				time.Sleep(time.Hour)
			}()
		}
		started.Wait()
		measure()
	default:
		fmt.Fprintf(os.Stderr, "million: unknown -mode %q (want coroutine or goroutine)\n", *mode)
		os.Exit(2)
	}
	fmt.Printf("%-9s n=%d  peak RSS %s (%s once all parked)  live heap %s (%.0f B/task)  parked in %v\n",
		*mode, *n, vmHWM(), parkedHWM, mib(heap), float64(heap)/float64(*n), took.Round(time.Millisecond))
}

func live() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}

func mib(b uint64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

// vmHWM is the process's peak resident set size, as the kernel reports it.
func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown (no VmHWM)"
}
