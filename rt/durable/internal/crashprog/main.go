//go:build unix

// Command crashprog is the durable workflow that rt/durable's crash tests
// SIGKILL and restart: it crawls a list of made-up pages, one step per
// page and a checkpoint after each, summarizes them in a durable
// sub-function and writes a report in a last step. Each step's effect is
// appended (and synced) to DIR/effects.log, so a test can count how often
// each step ran.
//
// Environment: DURABLE_DIR (the FileStore's directory, required),
// KILL_AT_SEQ=n (SIGKILL this process right after checkpoint n is saved),
// KILL_IN_WRITE=n (SIGKILL it halfway through writing checkpoint n, as
// FileStore writes: half of the temporary file on disk, not renamed),
// ORACLE=1 (run the natural functions: plain Go, no loop, no store).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/durable"
)

//go:generate go tool asyncgen

// Page is what a fetch step learns about a page.
type Page struct {
	URL   string
	Len   int
	Words map[string]int
}

// Report is the workflow's result.
type Report struct {
	Pages  int
	Bytes  int
	Top    []string
	Digest string
}

var dir string

// effect records that the step with key did what, durably.
func effect(key, what string) error {
	f, err := os.OpenFile(filepath.Join(dir, "effects.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := fmt.Fprintf(f, "%s %s\n", key, what); err != nil {
		return err
	}
	return f.Sync()
}

// fetch makes up the body of url: its side effect is the log line.
//
// async
func fetch(key, url string) (string, error) {
	rt.Sleep(2 * time.Millisecond) // a window for a kill from outside
	if err := effect(key, "fetch "+url); err != nil {
		return "", err
	}
	n := len(url)
	return strings.Repeat(url+" word"+strconv.Itoa(n%3)+" ", n%4+1), nil
}

// writeReport is the last step's side effect.
//
// async
func writeReport(key string, r Report) (string, error) {
	rt.Sleep(time.Millisecond)
	if err := effect(key, "report"); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d pages, %d bytes, top %v", r.Pages, r.Bytes, r.Top), nil
}

// crawl is the workflow.
//
// async durable
func crawl(urls []string) (Report, error) {
	var pages []*Page
	for _, u := range urls {
		body, err := durable.Step("fetch", func(key string) rt.Awaitable[string] {
			return fetchAsync(key, u)
		})
		if err != nil {
			return Report{}, err
		}
		p := &Page{URL: u, Len: len(body), Words: map[string]int{}}
		for _, w := range strings.Fields(body) {
			p.Words[w]++
		}
		pages = append(pages, p)
		if err := durable.Checkpoint("fetched"); err != nil {
			return Report{}, err
		}
	}
	rep, err := summarize(pages)
	if err != nil {
		return Report{}, err
	}
	digest, err := durable.Step("report", func(key string) rt.Awaitable[string] {
		return writeReportAsync(key, rep)
	})
	if err != nil {
		return Report{}, err
	}
	rep.Digest = digest
	return rep, nil
}

// summarize totals the pages, a checkpoint after every second one.
//
// async durable
func summarize(pages []*Page) (Report, error) {
	var rep Report
	counts := map[string]int{}
	for i, p := range pages {
		rep.Pages++
		rep.Bytes += p.Len
		for w, n := range p.Words {
			counts[w] += n
		}
		if i%2 == 1 {
			if err := durable.Checkpoint("summed"); err != nil {
				return rep, err
			}
		}
	}
	for w, n := range counts {
		if n >= 3 {
			rep.Top = append(rep.Top, w)
		}
	}
	sortStrings(rep.Top)
	return rep, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// killStore is a FileStore that SIGKILLs the process once checkpoint
// killAt is on disk.
type killStore struct {
	durable.FileStore
	killAt, killInWrite uint64
}

func (k killStore) Save(snap durable.Snapshot) rt.Awaitable[struct{}] {
	if snap.Seq == k.killInWrite {
		return rt.ToThreadAsync(func() (struct{}, error) {
			b, _ := snap.MarshalBinary()
			f, err := os.CreateTemp(k.Dir, "."+snap.RunID+".snap.tmp*")
			if err == nil {
				f.Write(b[:len(b)/2])
				f.Sync()
			}
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		})
	}
	return &killAfter{inner: k.FileStore.Save(snap), kill: snap.Seq == k.killAt}
}

type killAfter struct {
	inner rt.Awaitable[struct{}]
	kill  bool
}

func (a *killAfter) AwaitStart(c *rt.Coro) rt.Status { return a.inner.AwaitStart(c) }
func (a *killAfter) AwaitResult() (struct{}, error) {
	v, err := a.inner.AwaitResult()
	if err == nil && a.kill {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
	return v, err
}

var urls = []string{"a.example/1", "b.example/22", "c.example/333", "d.example/4444", "e.example/55555", "f.example/6", "g.example/77"}

func main() {
	dir = os.Getenv("DURABLE_DIR")
	if dir == "" {
		fmt.Fprintln(os.Stderr, "crashprog: DURABLE_DIR is not set")
		os.Exit(2)
	}
	var rep Report
	var err error
	if os.Getenv("ORACLE") == "1" {
		rep, err = crawl(urls)
	} else {
		killAt, _ := strconv.ParseUint(os.Getenv("KILL_AT_SEQ"), 10, 64)
		killInWrite, _ := strconv.ParseUint(os.Getenv("KILL_IN_WRITE"), 10, 64)
		store := killStore{FileStore: durable.FileStore{Dir: dir}, killAt: killAt, killInWrite: killInWrite}
		snap, ok, lerr := store.Load("crawl-1")
		if lerr != nil {
			fmt.Fprintln(os.Stderr, "crashprog:", lerr)
			os.Exit(1)
		}
		if ok {
			fmt.Fprintf(os.Stderr, "resuming at #%d %s\n", snap.Seq, snap.Checkpoint)
			rep, err = rt.Run(durable.Resume[Report](store, snap))
		} else {
			rep, err = rt.Run(durable.Start(store, "crawl-1", crawlAsync(urls)))
		}
	}
	if errors.Is(err, durable.ErrUnknownFingerprint) {
		fmt.Fprintln(os.Stderr, "crashprog:", err)
		os.Exit(3)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "crashprog:", err)
		os.Exit(1)
	}
	out, _ := json.Marshal(rep)
	fmt.Println(string(out))
}
