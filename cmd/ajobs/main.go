//go:build unix

// Command ajobs inspects the job queues of rt/ajobs on a Redis server.
//
//	ajobs [-redis addr|socket] [-queue Q] [-n N] stats
//	ajobs ... pending | scheduled | dead | workers
//	ajobs ... job ID                    (a job of -queue, default "default")
//	ajobs ... retry ID | delete ID      (a dead job of -queue, default "default")
//	ajobs ... -force purge QUEUE
//
// stats prints a line per queue with its counts (queued, running,
// scheduled, dead, workers); pending, scheduled, dead and workers print a
// table per queue (all queues, or -queue), at most -n rows each, with ages
// such as 3m12s; pending, scheduled and dead show each job's last
// checkpoint (rt/ajobs's SaveCheckpoint): its name, age and fingerprint.
// job prints one job: its state, tries, last error and checkpoint. -redis is a Unix socket's path (starting with '/') or a
// TCP host:port; it defaults to $AJOBS_REDIS, else 127.0.0.1:6379.
// Purge deletes every job of a queue and asks for -force.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/asyncgen/asyncgen/rt/ajobs"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "ajobs: ") { // the package's errors say it already
			msg = "ajobs: " + msg
		}
		fmt.Fprintln(os.Stderr, msg)
		os.Exit(1)
	}
}

const usage = "usage: ajobs [-redis addr|socket] [-queue Q] [-n N] [-force] stats|pending|scheduled|dead|workers|job ID|retry ID|delete ID|purge QUEUE"

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("ajobs", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def := os.Getenv("AJOBS_REDIS")
	if def == "" {
		def = "127.0.0.1:6379"
	}
	addr := fs.String("redis", def, "Redis address: a Unix socket path or host:port")
	queue := fs.String("queue", "", "the queue (all queues when empty; \"default\" for retry and delete)")
	n := fs.Int("n", 20, "most rows per table")
	force := fs.Bool("force", false, "really purge")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%v\n%s", err, usage)
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return fmt.Errorf("no command\n%s", usage)
	}
	cmd, rest := rest[0], rest[1:]
	want := map[string]int{"stats": 0, "pending": 0, "scheduled": 0, "dead": 0, "workers": 0, "job": 1, "retry": 1, "delete": 1, "purge": 1}
	nargs, ok := want[cmd]
	if !ok {
		return fmt.Errorf("unknown command %q\n%s", cmd, usage)
	}
	if len(rest) != nargs {
		return fmt.Errorf("%s takes %d argument(s), got %d\n%s", cmd, nargs, len(rest), usage)
	}
	if *n <= 0 {
		return fmt.Errorf("-n must be positive, got %d", *n)
	}
	cl := aredis.New(aredis.Options{Addr: *addr, DialTimeout: 5 * time.Second, CommandTimeout: 30 * time.Second})
	defer cl.Close()

	queues := func() ([]*ajobs.Queue, error) {
		var names []string
		if *queue != "" {
			names = []string{*queue}
		} else {
			var err error
			if names, err = ajobs.Queues(cl); err != nil {
				return nil, err
			}
		}
		qs := make([]*ajobs.Queue, len(names))
		for i, name := range names {
			qs[i] = ajobs.NewQueue(cl, name)
		}
		return qs, nil
	}
	one := func() *ajobs.Queue {
		if *queue == "" {
			return ajobs.NewQueue(cl, "default")
		}
		return ajobs.NewQueue(cl, *queue)
	}

	switch cmd {
	case "job":
		ji, err := one().Job(rest[0])
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "job\t%s\ntype\t%s\nstate\t%s\ntries\t%d of %d\n", ji.ID, orDash(ji.Type), ji.State, ji.Tries, ji.Max)
		if !ji.Enqueued.IsZero() {
			fmt.Fprintf(tw, "enqueued\t%s ago\n", age(time.Since(ji.Enqueued)))
		}
		if !ji.Finished.IsZero() {
			fmt.Fprintf(tw, "finished\t%s ago\n", age(time.Since(ji.Finished)))
		}
		if ji.Error != "" {
			fmt.Fprintf(tw, "error\t%s\n", oneLine(ji.Error))
		}
		if cp := ji.Checkpoint; cp != nil {
			fmt.Fprintf(tw, "checkpoint\t%s (#%d, %d bytes)\ncheckpoint age\t%s\nfingerprint\t%s\n", orDash(cp.Name), cp.Seq, cp.Size, age(cp.Age), orDash(cp.Fingerprint))
		} else {
			fmt.Fprintf(tw, "checkpoint\t-\n")
		}
		return tw.Flush()
	case "retry":
		if err := one().RetryDead(rest[0]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "requeued %s\n", rest[0])
		return nil
	case "delete":
		if err := one().DeleteDead(rest[0]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "deleted %s\n", rest[0])
		return nil
	case "purge":
		q := ajobs.NewQueue(cl, rest[0])
		st, err := q.Stats()
		if err != nil {
			return err
		}
		if !*force {
			return fmt.Errorf("purge deletes every job of queue %s (%d queued, %d running, %d scheduled, %d dead); run again with -force",
				rest[0], st.Queued, st.Running, st.Scheduled, st.Dead)
		}
		last := time.Now()
		deleted, err := q.Purge(func(d int) {
			if time.Since(last) > time.Second {
				fmt.Fprintf(stdout, "purging %s: %d jobs deleted so far\n", rest[0], d)
				last = time.Now()
			}
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "purged %s: %d jobs deleted\n", rest[0], deleted)
		return nil
	}

	qs, err := queues()
	if err != nil {
		return err
	}
	if len(qs) == 0 {
		fmt.Fprintf(stdout, "no queues on %s\n", *addr)
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	switch cmd {
	case "stats":
		fmt.Fprintln(tw, "QUEUE\tQUEUED\tRUNNING\tSCHEDULED\tDEAD\tWORKERS")
		var tot ajobs.QueueStats
		for _, q := range qs {
			st, err := q.Stats()
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\n", st.Name, st.Queued, st.Running, st.Scheduled, st.Dead, st.Workers)
			tot.Queued += st.Queued
			tot.Running += st.Running
			tot.Scheduled += st.Scheduled
			tot.Dead += st.Dead
			tot.Workers += st.Workers
		}
		if len(qs) > 1 {
			fmt.Fprintf(tw, "total\t%d\t%d\t%d\t%d\t%d\n", tot.Queued, tot.Running, tot.Scheduled, tot.Dead, tot.Workers)
		}
	case "pending":
		fmt.Fprintln(tw, "QUEUE\tJOB\tTYPE\tWORKER\tIDLE\tDELIVERIES\tCHECKPOINT\tCP AGE\tFINGERPRINT")
		for _, q := range qs {
			ps, err := q.Pending(*n)
			if err != nil {
				return err
			}
			for _, p := range ps {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", q.Name(), orDash(p.ID), orDash(p.Type), p.Consumer, age(p.Idle), p.Deliveries, cpCols(p.Checkpoint))
			}
			if err := count(tw, q, len(ps), *n, func(st ajobs.QueueStats) int64 { return st.Running }); err != nil {
				return err
			}
		}
	case "scheduled":
		fmt.Fprintln(tw, "QUEUE\tJOB\tTYPE\tSTATE\tTRIES\tDUE IN\tCHECKPOINT\tCP AGE\tFINGERPRINT")
		for _, q := range qs {
			ss, err := q.Scheduled(*n)
			if err != nil {
				return err
			}
			for _, s := range ss {
				due := age(s.In)
				if s.In < 0 {
					due = "overdue " + age(-s.In)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", q.Name(), s.ID, orDash(s.Type), orDash(s.State), s.Tries, due, cpCols(s.Checkpoint))
			}
			if err := count(tw, q, len(ss), *n, func(st ajobs.QueueStats) int64 { return st.Scheduled }); err != nil {
				return err
			}
		}
	case "dead":
		fmt.Fprintln(tw, "QUEUE\tJOB\tTYPE\tTRIES\tDIED\tCHECKPOINT\tCP AGE\tFINGERPRINT\tERROR")
		for _, q := range qs {
			ds, err := q.DeadJobs(*n)
			if err != nil {
				return err
			}
			for _, d := range ds {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s ago\t%s\t%s\n", q.Name(), d.ID, orDash(d.Type), d.Tries, age(time.Since(d.Died)), cpCols(d.Checkpoint), oneLine(d.Error))
			}
			if err := count(tw, q, len(ds), *n, func(st ajobs.QueueStats) int64 { return st.Dead }); err != nil {
				return err
			}
		}
	case "workers":
		fmt.Fprintln(tw, "QUEUE\tWORKER\tRUNNING\tIDLE")
		for _, q := range qs {
			ws, err := q.Workers()
			if err != nil {
				return err
			}
			for _, w := range ws {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", w.Queue, w.Name, w.Pending, age(w.Idle))
			}
		}
	}
	return nil
}

// count prints "... and N more" when a table was cut at n rows.
func count(w io.Writer, q *ajobs.Queue, shown, n int, of func(ajobs.QueueStats) int64) error {
	if shown < n {
		return nil
	}
	st, err := q.Stats()
	if err != nil {
		return err
	}
	if total := of(st); total > int64(shown) {
		fmt.Fprintf(w, "%s\t... and %d more\t\t\t\t\n", q.Name(), total-int64(shown))
	}
	return nil
}

// age prints d the way a person reads it: 850ms, 12s, 3m12s, 2h05m, 3d04h.
func age(d time.Duration) string {
	switch {
	case d < 0:
		return "-" + age(-d)
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd%02dh", int(d.Hours())/24, int(d.Hours())%24)
}

// cpCols prints a job's last checkpoint as three columns: its name, its
// age (by Redis's clock) and its fingerprint; dashes when it has none.
func cpCols(cp *ajobs.CheckpointInfo) string {
	if cp == nil {
		return "-\t-\t-"
	}
	return fmt.Sprintf("%s\t%s\t%s", orDash(cp.Name), age(cp.Age), orDash(cp.Fingerprint))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine keeps an error's first line, cut at 100 characters.
func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " ..."
	}
	if len(s) > 100 {
		s = s[:97] + "..."
	}
	return s
}
