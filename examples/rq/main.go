//go:build unix

// Command rq is the seed's RQ program on rt/ajobs: count_words_at_url,
// enqueued by a producer for a list of URLs and run by worker processes,
// with the producer printing each result as it completes.
//
//	go run ./examples/rq -all    # a private redis-server, two workers, the producer
//
//	redis-server --port 0 --unixsocket /tmp/rq.sock --save '' &
//	go run ./examples/rq -redis /tmp/rq.sock -worker &   # twice: two workers
//	go run ./examples/rq -redis /tmp/rq.sock -worker &
//	go run ./examples/rq -redis /tmp/rq.sock -producer   # serves 20 pages itself
//	go run ./examples/rq -redis /tmp/rq.sock -producer http://host/a http://host/b
//
// Without URLs the producer serves pages on loopback (net/http, in its own
// process) whose word counts it knows, and checks every result. Workers
// stop on SIGTERM or SIGINT, letting running jobs finish.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/ahttp"
	"github.com/asyncgen/asyncgen/rt/ajobs"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// Count is count_words_at_url's result: the words and who counted them.
type Count struct {
	Words  int
	Worker int // pid
}

// countWordsAtURL fetches url with rt/ahttp's client and counts the words
// of its body.
//
// async
func countWordsAtURL(url string) (Count, error) {
	resp, err := ahttp.Get(url)
	if err != nil {
		return Count{}, err
	}
	defer resp.Body.Close()
	body, err := resp.Body.ReadAll()
	if err != nil {
		return Count{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return Count{}, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return Count{Words: len(strings.Fields(string(body))), Worker: os.Getpid()}, nil
}

// CountWordsAtURL is the job type, by its stable name.
var CountWordsAtURL = ajobs.Define("count_words_at_url/v1", countWordsAtURLAsync)

const queueName = "rq"

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "rq:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("rq", flag.ContinueOnError)
	addr := fs.String("redis", "/tmp/rq.sock", "Redis: a Unix socket path or host:port")
	producer := fs.Bool("producer", false, "enqueue the URLs (the arguments) and print the counts")
	worker := fs.Bool("worker", false, "run jobs until SIGTERM or SIGINT")
	pages := fs.Int("pages", 20, "pages the producer serves when given no URLs")
	delay := fs.Duration("delay", 0, "how long the producer's pages take to answer")
	all := fs.Bool("all", false, "start a private redis-server, two workers and the producer (with its pages)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *all {
		return runAll(*pages, *delay, stdout)
	}
	if *producer == *worker {
		return fmt.Errorf("give one of -producer and -worker")
	}
	name := "rq-producer-" + strconv.Itoa(os.Getpid())
	if *worker {
		name = "rq-worker-" + strconv.Itoa(os.Getpid()) // CLIENT LIST shows who is connected
	}
	cl := aredis.New(aredis.Options{Addr: *addr, DialTimeout: 5 * time.Second, CommandTimeout: 10 * time.Second, ClientName: name})
	defer cl.Close()
	q := ajobs.NewQueue(cl, queueName)
	if *worker {
		w := ajobs.NewWorker(cl, ajobs.WorkerOptions{Concurrency: 10, Lease: 10 * time.Second}, q)
		_, err := rt.Run(w.RunUntilSignalAsync(10 * time.Second)) // until SIGTERM or SIGINT, then drain
		return err
	}
	urls := fs.Args()
	var want map[string]int
	if len(urls) == 0 {
		var stop func()
		var err error
		urls, want, stop, err = serve(*pages, *delay)
		if err != nil {
			return err
		}
		defer stop()
	}
	_, err := rt.Run(produceAsync(q, urls, want, stdout))
	return err
}

// produce enqueues a job per URL, then prints each count as its job
// completes (a task waits for each), and checks it against want when known.
//
// async
func produce(q *ajobs.Queue, urls []string, want map[string]int, out io.Writer) error {
	tasks := make([]*rt.Task[struct{}], len(urls))
	errs := make([]error, len(urls))
	for i, u := range urls {
		id, err := CountWordsAtURL.Enqueue(q, u, ajobs.Retries(3), ajobs.Timeout(30*time.Second))
		if err != nil {
			return fmt.Errorf("enqueue %s: %w", u, err)
		}
		tasks[i] = rt.Spawn(printWhenDoneAsync(q, id, u, want, out, &errs[i]))
	}
	fmt.Fprintf(out, "enqueued %d jobs\n", len(urls))
	for _, t := range tasks {
		rt.Await(t)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// async
func printWhenDone(q *ajobs.Queue, id, url string, want map[string]int, out io.Writer, errp *error) {
	c, err := CountWordsAtURL.Wait(q, id)
	if err != nil {
		*errp = fmt.Errorf("%s: %w", url, err)
		fmt.Fprintf(out, "%s: %v\n", url, err)
		return
	}
	fmt.Fprintf(out, "%s: %d words (worker %d)\n", url, c.Words, c.Worker)
	if w, ok := want[url]; ok && w != c.Words {
		*errp = fmt.Errorf("%s: %d words, want %d", url, c.Words, w)
	}
}

// serve serves n pages on loopback, page i holding 10*i+3 words, each
// answered after delay.
func serve(n int, delay time.Duration) (urls []string, want map[string]int, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/page/"))
		if err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		time.Sleep(delay)
		fmt.Fprint(w, strings.Repeat("word ", 10*i+3))
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	want = map[string]int{}
	for i := 0; i < n; i++ {
		u := fmt.Sprintf("http://%s/page/%d", ln.Addr(), i)
		urls = append(urls, u)
		want[u] = 10*i + 3
	}
	return urls, want, func() { srv.Close() }, nil
}
