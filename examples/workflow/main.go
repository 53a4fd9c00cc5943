//go:build unix

// Command workflow is a durable workflow run as a job of rt/ajobs: it
// fetches an index of URLs, fetches and counts each page as a step of its
// own, and writes a report. The workflow is a durable function (rt/durable):
// after each step its frame is checkpointed in the job, so a worker killed
// mid-way loses nothing but the step it was in; another worker resumes the
// job from its last checkpoint and the finished pages are not fetched
// again.
//
//	go run ./examples/workflow                 # all in one: a private redis-server, a worker, the pages
//
//	redis-server --port 0 --unixsocket /tmp/wf.sock --save '' --daemonize yes
//	go run ./examples/workflow -redis /tmp/wf.sock -producer -delay 500ms &   # serves the pages, waits for the report
//	go run ./examples/workflow -redis /tmp/wf.sock -worker &                  # kill -9 it mid-way,
//	go run ./examples/workflow -redis /tmp/wf.sock -worker                    # and start another
//
// The producer serves the index and the pages on loopback (net/http), with
// page i holding 10*i+3 words, counts the fetches of each page by the
// step's idempotency key (a header), and checks the report.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/ajobs"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/asyncgen/asyncgen/rt/durable"
)

//go:generate go tool asyncgen

// Args are the workflow's arguments.
type Args struct {
	Index string        // the index: one page URL per line
	Out   string        // the report file to write
	Pause time.Duration // a durable sleep before the report (0: none)
}

// Page is what the workflow learnt of one page.
type Page struct {
	URL    string
	Title  string
	Words  int
	Worker int // the pid of the worker that fetched it
}

// Report is the workflow's result.
type Report struct {
	Pages []Page
	Words int
	File  string // where the report was written
}

// crawl is the workflow: each fetch is a step (recorded once, never run
// again after its checkpoint), the report's write is a step, and a durable
// sleep may wait in between without holding a worker.
//
// async durable
func crawl(a Args) (Report, error) {
	var rep Report
	urls, err := durable.Step("index", func(key string) rt.Awaitable[[]string] {
		return fetchIndexAsync(a.Index, key)
	})
	if err != nil {
		return rep, err
	}
	for _, u := range urls {
		p, err := durable.Step("page", func(key string) rt.Awaitable[Page] {
			return fetchPageAsync(u, key)
		})
		if err != nil {
			return rep, err
		}
		rep.Pages = append(rep.Pages, p)
		rep.Words += p.Words
	}
	if a.Pause > 0 {
		if err := durable.Sleep("pause", a.Pause); err != nil {
			return rep, err // ajobs.ErrDurableSleep: the job sleeps in the queue
		}
	}
	pages := rep.Pages
	file, err := durable.Step("report", func(key string) rt.Awaitable[string] {
		return writeReportAsync(a.Out, pages)
	})
	if err != nil {
		return rep, err
	}
	rep.File = file
	return rep, nil
}

// Crawl is the job type.
var Crawl = ajobs.DefineDurable("workflow.crawl/v1", crawlAsync)

// logOut is where a worker prints the steps it runs.
var logOut io.Writer = os.Stdout

// get fetches url with key as its Idempotency-Key header, trying three
// times: a step's error is recorded like its value (a retry of the job
// resumes after the step, with its error), so transient failures are
// retried inside the step.
//
// async
func get(url, key string) (string, error) {
	var err error
	for try := 0; try < 3; try++ {
		if try > 0 {
			rt.Sleep(time.Duration(try) * 200 * time.Millisecond)
		}
		var body string
		if body, err = getOnce(url, key); err == nil {
			return body, nil
		}
	}
	return "", err
}

// async
func getOnce(url, key string) (string, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Idempotency-Key", key)
	resp, err := ahttp.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := resp.Body.ReadAll()
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return string(body), nil
}

// async
func fetchIndex(url, key string) ([]string, error) {
	body, err := get(url, key)
	if err != nil {
		return nil, err
	}
	urls := strings.Fields(body)
	fmt.Fprintf(logOut, "worker %d: step %s: %d URLs\n", os.Getpid(), key, len(urls))
	return urls, nil
}

// async
func fetchPage(url, key string) (Page, error) {
	body, err := get(url, key)
	if err != nil {
		return Page{}, err
	}
	title, text, _ := strings.Cut(body, "\n")
	p := Page{URL: url, Title: title, Words: len(strings.Fields(text)), Worker: os.Getpid()}
	fmt.Fprintf(logOut, "worker %d: step %s: %s: %d words\n", os.Getpid(), key, p.Title, p.Words)
	return p, nil
}

// writeReport writes the report file (on rt's thread pool) and returns
// its path.
//
// async
func writeReport(path string, pages []Page) (string, error) {
	return rt.Await(rt.ToThreadAsync(func() (string, error) {
		var b strings.Builder
		total := 0
		for _, p := range pages {
			fmt.Fprintf(&b, "%-10s %5d words  %s (worker %d)\n", p.Title, p.Words, p.URL, p.Worker)
			total += p.Words
		}
		fmt.Fprintf(&b, "%d pages, %d words\n", len(pages), total)
		return path, os.WriteFile(path, []byte(b.String()), 0o644)
	}))
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "workflow:", err)
		os.Exit(1)
	}
}

const queueName = "workflow"

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("workflow", flag.ContinueOnError)
	addr := fs.String("redis", "", "Redis: a Unix socket path or host:port (default: start a private redis-server, run a worker and the producer in this process)")
	producer := fs.Bool("producer", false, "serve the pages, enqueue the workflow, wait for its report")
	worker := fs.Bool("worker", false, "run jobs until SIGTERM or SIGINT")
	pages := fs.Int("pages", 10, "how many pages the producer serves")
	delay := fs.Duration("delay", 100*time.Millisecond, "how long each page takes to answer")
	pause := fs.Duration("pause", 0, "a durable sleep before the report is written")
	out := fs.String("out", filepath.Join(os.TempDir(), "workflow-report.txt"), "the report file")
	lease := fs.Duration("lease", 2*time.Second, "the worker's lease: how soon another worker takes over a killed one's job")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *producer && *worker {
		return fmt.Errorf("give at most one of -producer and -worker")
	}
	if (*producer || *worker) && *addr == "" {
		return fmt.Errorf("-producer and -worker need -redis")
	}
	if *addr == "" {
		sock, stop, err := startRedis()
		if err != nil {
			return err
		}
		defer stop()
		*addr = sock
	}
	name := fmt.Sprintf("workflow-%d", os.Getpid())
	if *worker {
		name = fmt.Sprintf("workflow-worker-%d", os.Getpid())
	}
	cl := aredis.New(aredis.Options{Addr: *addr, DialTimeout: 5 * time.Second, CommandTimeout: 10 * time.Second, ClientName: name})
	defer cl.Close()
	q := ajobs.NewQueue(cl, queueName)
	opts := ajobs.WorkerOptions{Concurrency: 4, Lease: *lease, MoveInterval: 200 * time.Millisecond}
	if *worker {
		logOut = stdout
		w := ajobs.NewWorker(cl, opts, q)
		_, err := rt.Run(w.RunUntilSignalAsync(10 * time.Second)) // until SIGTERM or SIGINT, then drain
		return err
	}
	site, err := serve(*pages, *delay)
	if err != nil {
		return err
	}
	defer site.close()
	a := Args{Index: site.url + "/index", Out: *out, Pause: *pause}
	if *producer {
		_, err = rt.Run(produceAsync(q, a, site, stdout))
		return err
	}
	logOut = stdout
	w := ajobs.NewWorker(cl, opts, q)
	_, err = rt.Run(allInOneAsync(w, q, a, site, stdout))
	return err
}

// allInOne runs a worker beside the producer.
//
// async
func allInOne(w *ajobs.Worker, q *ajobs.Queue, a Args, s *site, out io.Writer) error {
	run := rt.Spawn(w.RunAsync())
	err := produce(q, a, s, out)
	w.Stop(time.Second)
	_, werr := rt.Await(run)
	return errors.Join(err, werr)
}

// produce enqueues the workflow, waits for its report, prints it and
// checks it against what the site served.
//
// async
func produce(q *ajobs.Queue, a Args, s *site, out io.Writer) error {
	id, err := Crawl.Enqueue(q, a, ajobs.Retries(3))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "enqueued workflow job %s: %d pages at %s\n", id, s.n, a.Index)
	rep, err := Crawl.Wait(q, id)
	if err != nil {
		return err
	}
	workers := map[int]int{}
	for _, p := range rep.Pages {
		workers[p.Worker]++
	}
	fmt.Fprintf(out, "report: %d pages, %d words, written to %s\n", len(rep.Pages), rep.Words, rep.File)
	var pids []int
	for pid := range workers {
		pids = append(pids, pid)
	}
	sort.Ints(pids)
	for _, pid := range pids {
		fmt.Fprintf(out, "  %d pages fetched by worker %d\n", workers[pid], pid)
	}
	fetches, repeated := s.fetches()
	fmt.Fprintf(out, "the site served %d page fetches for %d pages (%d repeated: steps in progress when a worker died)\n", fetches, s.n, repeated)
	if ji, err := rt.Await(rt.ToThreadAsync(func() (ajobs.JobInfo, error) { return q.Job(id) })); err == nil && ji.Checkpoint != nil {
		fmt.Fprintf(out, "last checkpoint: %s, %d bytes, checkpoint %d of the job\n", ji.Checkpoint.Name, ji.Checkpoint.Size, ji.Checkpoint.Seq)
	}
	// The oracle: page i has 10*i+3 words, and every page is in the
	// report once, in order.
	if len(rep.Pages) != s.n {
		return fmt.Errorf("report has %d pages, the site %d", len(rep.Pages), s.n)
	}
	total := 0
	for i, p := range rep.Pages {
		if p.URL != s.page(i) || p.Words != 10*i+3 || p.Title != fmt.Sprintf("page-%d", i) {
			return fmt.Errorf("report line %d is %+v, want %s with %d words", i, p, s.page(i), 10*i+3)
		}
		total += p.Words
	}
	if rep.Words != total {
		return fmt.Errorf("report total %d, the pages' %d", rep.Words, total)
	}
	return nil
}

// site serves the index and the pages, counting page fetches by
// idempotency key.
type site struct {
	url string
	n   int
	srv *http.Server
	mu  sync.Mutex
	by  map[string]int // page fetches by Idempotency-Key
}

func (s *site) page(i int) string { return fmt.Sprintf("%s/page/%d", s.url, i) }

func (s *site) close() { s.srv.Close() }

// fetches returns the page fetches served, and how many repeated a key.
func (s *site) fetches() (n, repeated int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.by {
		n += c
		repeated += c - 1
	}
	return n, repeated
}

func serve(n int, delay time.Duration) (*site, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &site{url: "http://" + ln.Addr().String(), n: n, by: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/index", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < n; i++ {
			fmt.Fprintln(w, s.page(i))
		}
	})
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/page/"))
		if err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		time.Sleep(delay)
		s.mu.Lock()
		s.by[r.Header.Get("Idempotency-Key")]++
		s.mu.Unlock()
		fmt.Fprintf(w, "page-%d\n%s", i, strings.Repeat("word ", 10*i+3))
	})
	s.srv = &http.Server{Handler: mux}
	go s.srv.Serve(ln)
	return s, nil
}

// startRedis starts a private redis-server on a Unix socket in a
// temporary directory, without persistence.
func startRedis() (sock string, stop func(), err error) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return "", nil, fmt.Errorf("redis-server not found (Debian: apt-get install redis-server), or give -redis: %w", err)
	}
	dir, err := os.MkdirTemp("", "workflow-redis")
	if err != nil {
		return "", nil, err
	}
	sock = filepath.Join(dir, "redis.sock")
	cmd := exec.Command(bin, "--port", "0", "--unixsocket", sock, "--save", "", "--appendonly", "no", "--dir", dir)
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	stop = func() {
		cmd.Process.Kill()
		cmd.Wait()
		os.RemoveAll(dir)
	}
	for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
		if c, err := net.Dial("unix", sock); err == nil {
			c.Close()
			return sock, stop, nil
		}
		if time.Since(start) > 5*time.Second {
			stop()
			return "", nil, fmt.Errorf("redis-server did not listen on %s within 5s", sock)
		}
	}
}
