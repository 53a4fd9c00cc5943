//go:build unix

package ajobs

import (
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt/aredis"
)

// Inspection: what cmd/ajobs shows. These functions are ordinary code (they
// block the calling goroutine on each command) and read Redis with plain
// commands; none of them takes part in delivery, so what they report is a
// snapshot that may be stale by the time it is printed.

var (
	//go:embed scripts/retrydead.lua
	retryDeadSrc string
	//go:embed scripts/deletedead.lua
	deleteDeadSrc string

	retryDeadScript  = aredis.NewScript(retryDeadSrc)
	deleteDeadScript = aredis.NewScript(deleteDeadSrc)
)

// QueueStats counts a queue's jobs. Queued are in the stream and not yet
// read by a worker; Running are read and not completed (the group's
// pending entries, including those of dead workers not yet reclaimed);
// Scheduled wait in the delayed set (delays, At and retries); Dead are in
// the dead set.
type QueueStats struct {
	Name                             string
	Queued, Running, Scheduled, Dead int64
	Workers                          int // consumers of the group
}

// PendingJob is a job a worker holds: its stream entry, the consumer that
// holds it, how long Redis has seen no heartbeat for it (Idle) and how many
// times it was delivered.
type PendingJob struct {
	Entry, ID, Type, Consumer string
	Idle                      time.Duration
	Deliveries                int64
	Checkpoint                *CheckpointInfo // nil: none saved
}

// CheckpointInfo describes a job's last checkpoint (see SaveCheckpoint)
// without its data: its name, fingerprint, the job's count of checkpoints
// (Seq), the data's size, and when it was saved (Saved) and how long ago
// (Age), both by Redis's clock. A finished job keeps it, without the data
// once done.
type CheckpointInfo struct {
	Name, Fingerprint string
	Seq, Size         int64
	Saved             time.Time
	Age               time.Duration
}

// JobInfo is what Job reports of one job.
type JobInfo struct {
	ID, Type, State string // state: queued, scheduled, retry, sleeping, done, dead
	Tries, Max      int64
	Enqueued        time.Time // by Redis's clock
	Finished        time.Time // zero until done or dead
	Error           string    // the last failed attempt's
	Checkpoint      *CheckpointInfo
}

// ScheduledJob is a job in the delayed set, due In from now by Redis's
// clock (negative: overdue, waiting for a worker's mover).
type ScheduledJob struct {
	ID, Type, State string // state: scheduled, retry or sleeping
	In              time.Duration
	Tries           int64
	Checkpoint      *CheckpointInfo
}

// DeadJob is a dead job, with its last error and, when it panicked, stack.
type DeadJob struct {
	ID, Type, Error, Stack string
	Tries                  int64
	Died                   time.Time // by Redis's clock
	Checkpoint             *CheckpointInfo
}

// WorkerInfo is a consumer of a queue's group: a worker process that read
// from it. Idle is the time since it last read or claimed (Redis's XINFO
// CONSUMERS idle). Redis (7.0) lists a consumer once it has been handed
// an entry, so a worker that never got a job is not listed; one that
// stopped stays listed until deleted from the group.
type WorkerInfo struct {
	Queue, Name string
	Pending     int64
	Idle        time.Duration
}

// Queues returns the names of the queues on cl's server (the streams
// named ajobs:{name}:stream), sorted. It walks the keyspace with SCAN.
func Queues(cl *aredis.Client) ([]string, error) {
	var names []string
	cursor := "0"
	for {
		v, err := cl.Do("SCAN", cursor, "MATCH", "ajobs:{*}:stream", "COUNT", 1000, "TYPE", "stream")
		if err != nil {
			return nil, fmt.Errorf("ajobs: listing queues: %w", err)
		}
		if len(v.Elems) != 2 {
			return nil, fmt.Errorf("ajobs: listing queues: unexpected SCAN reply")
		}
		cursor, _ = v.Elems[0].Text()
		keys, err := v.Elems[1].Strings()
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			names = append(names, strings.TrimSuffix(strings.TrimPrefix(k, "ajobs:{"), "}:stream"))
		}
		if cursor == "0" {
			break
		}
	}
	sort.Strings(names)
	return names, nil
}

// Stats counts q's jobs and workers.
func (q *Queue) Stats() (QueueStats, error) {
	st := QueueStats{Name: q.name}
	vals, err := q.cl.Pipeline().
		Add("XLEN", q.stream()).
		Add("XPENDING", q.stream(), group).
		Add("ZCARD", q.delayed()).
		Add("ZCARD", q.dead()).
		Add("XINFO", "CONSUMERS", q.stream(), group).
		Exec()
	if err != nil {
		return st, fmt.Errorf("ajobs: stats of %s: %w", q.name, err)
	}
	xlen, _ := vals[0].Int64()
	if vals[1].Err() == nil && len(vals[1].Elems) > 0 {
		st.Running, _ = vals[1].Elems[0].Int64()
	}
	st.Queued = xlen - st.Running
	if st.Queued < 0 { // entries deleted under pending ids (a purge)
		st.Queued = 0
	}
	st.Scheduled, _ = vals[2].Int64()
	st.Dead, _ = vals[3].Int64()
	if vals[4].Err() == nil {
		st.Workers = len(vals[4].Elems)
	}
	return st, nil
}

// Pending returns at most n of the jobs workers hold, oldest entry first.
func (q *Queue) Pending(n int) ([]PendingJob, error) {
	v, err := q.cl.Do("XPENDING", q.stream(), group, "-", "+", n)
	if err != nil {
		if isNoGroup(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("ajobs: pending of %s: %w", q.name, err)
	}
	out := make([]PendingJob, 0, len(v.Elems))
	for _, e := range v.Elems {
		if len(e.Elems) < 4 {
			continue
		}
		var p PendingJob
		p.Entry, _ = e.Elems[0].Text()
		p.Consumer, _ = e.Elems[1].Text()
		idle, _ := e.Elems[2].Int64()
		p.Idle = time.Duration(idle) * time.Millisecond
		p.Deliveries, _ = e.Elems[3].Int64()
		out = append(out, p)
	}
	if len(out) == 0 {
		return out, nil
	}
	pl := q.cl.Pipeline()
	for _, p := range out {
		pl.Add("XRANGE", q.stream(), p.Entry, p.Entry)
	}
	vals, err := pl.Exec()
	if err != nil {
		return nil, err
	}
	for i, r := range vals {
		if len(r.Elems) == 1 && len(r.Elems[0].Elems) == 2 {
			fields, _ := r.Elems[0].Elems[1].Strings()
			for j := 0; j+1 < len(fields); j += 2 {
				if fields[j] == "job" {
					out[i].ID = fields[j+1]
				}
			}
		}
	}
	types, err := q.types(len(out), func(i int) string { return out[i].ID })
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Type, out[i].Checkpoint = types[i].f[0], types[i].cp
	}
	return out, nil
}

// jobFields are the fields of a job hash that inspection reads.
type jobFields struct {
	f  [jobFieldCount]string // "" when missing
	cp *CheckpointInfo
}

var inspectFields = []any{"type", "state", "tries", "error", "stack", "max", "enqueued", "finished",
	"cp_name", "cp_fp", "cp_seq", "cp_size", "cp_at"}

const jobFieldCount = 13

// types reads the inspected fields of n jobs ("" when the id is empty or
// the job is gone): type, state, tries, error, stack, max, enqueued,
// finished, and the checkpoint's, with the checkpoint's age by Redis's
// clock.
func (q *Queue) types(n int, id func(int) string) ([]jobFields, error) {
	out := make([]jobFields, n)
	pl := q.cl.Pipeline().Add("TIME")
	for i := 0; i < n; i++ {
		pl.Add(append([]any{"HMGET", q.jobKey(id(i))}, inspectFields...)...)
	}
	vals, err := pl.Exec()
	if err != nil {
		return nil, err
	}
	var now int64
	if t, err := vals[0].Strings(); err == nil && len(t) == 2 {
		s, _ := strconv.ParseInt(t[0], 10, 64)
		us, _ := strconv.ParseInt(t[1], 10, 64)
		now = s*1000 + us/1000
	}
	for i, v := range vals[1:] {
		f, _ := v.Strings()
		copy(out[i].f[:], f)
		out[i].cp = checkpointInfo(out[i].f[8:], now)
	}
	return out, nil
}

// checkpointInfo reads cp_name, cp_fp, cp_seq, cp_size and cp_at; nil when
// the job has no checkpoint.
func checkpointInfo(f []string, now int64) *CheckpointInfo {
	if f[2] == "" {
		return nil
	}
	cp := &CheckpointInfo{Name: f[0], Fingerprint: f[1]}
	cp.Seq, _ = strconv.ParseInt(f[2], 10, 64)
	cp.Size, _ = strconv.ParseInt(f[3], 10, 64)
	at, _ := strconv.ParseInt(f[4], 10, 64)
	cp.Saved = time.UnixMilli(at)
	cp.Age = time.Duration(now-at) * time.Millisecond
	return cp
}

// Job returns what q knows of job id: its state, tries and last error,
// and its last checkpoint; ErrNoJob when there is no such job.
func (q *Queue) Job(id string) (JobInfo, error) {
	fs, err := q.types(1, func(int) string { return id })
	if err != nil {
		return JobInfo{}, fmt.Errorf("ajobs: job %s: %w", id, err)
	}
	f := fs[0].f
	if f[1] == "" {
		return JobInfo{}, fmt.Errorf("ajobs: job %s of queue %s: %w", id, q.name, ErrNoJob)
	}
	ji := JobInfo{ID: id, Type: f[0], State: f[1], Error: f[3], Checkpoint: fs[0].cp}
	ji.Tries, _ = strconv.ParseInt(f[2], 10, 64)
	ji.Max, _ = strconv.ParseInt(f[5], 10, 64)
	if ms, err := strconv.ParseInt(f[6], 10, 64); err == nil {
		ji.Enqueued = time.UnixMilli(ms)
	}
	if ms, err := strconv.ParseInt(f[7], 10, 64); err == nil {
		ji.Finished = time.UnixMilli(ms)
	}
	return ji, nil
}

// now returns Redis's clock in milliseconds.
func (q *Queue) now() (int64, error) {
	t, err := q.cl.Strings("TIME")
	if err != nil || len(t) != 2 {
		return 0, fmt.Errorf("ajobs: TIME: %v", err)
	}
	var s, us int64
	fmt.Sscan(t[0], &s)
	fmt.Sscan(t[1], &us)
	return s*1000 + us/1000, nil
}

// Scheduled returns at most n jobs of the delayed set, soonest first.
func (q *Queue) Scheduled(n int) ([]ScheduledJob, error) {
	now, err := q.now()
	if err != nil {
		return nil, err
	}
	v, err := q.cl.Strings("ZRANGE", q.delayed(), 0, n-1, "WITHSCORES")
	if err != nil {
		return nil, fmt.Errorf("ajobs: scheduled of %s: %w", q.name, err)
	}
	out := make([]ScheduledJob, len(v)/2)
	for i := range out {
		out[i].ID = v[2*i]
		var due float64
		fmt.Sscan(v[2*i+1], &due)
		out[i].In = time.Duration(int64(due)-now) * time.Millisecond
	}
	f, err := q.types(len(out), func(i int) string { return out[i].ID })
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Type, out[i].State, out[i].Checkpoint = f[i].f[0], f[i].f[1], f[i].cp
		fmt.Sscan(f[i].f[2], &out[i].Tries)
	}
	return out, nil
}

// DeadJobs returns at most n dead jobs, the latest first.
func (q *Queue) DeadJobs(n int) ([]DeadJob, error) {
	v, err := q.cl.Strings("ZRANGE", q.dead(), 0, n-1, "REV", "WITHSCORES")
	if err != nil {
		return nil, fmt.Errorf("ajobs: dead jobs of %s: %w", q.name, err)
	}
	out := make([]DeadJob, len(v)/2)
	for i := range out {
		out[i].ID = v[2*i]
		var ms float64
		fmt.Sscan(v[2*i+1], &ms)
		out[i].Died = time.UnixMilli(int64(ms))
	}
	f, err := q.types(len(out), func(i int) string { return out[i].ID })
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Type, out[i].Error, out[i].Stack, out[i].Checkpoint = f[i].f[0], f[i].f[3], f[i].f[4], f[i].cp
		fmt.Sscan(f[i].f[2], &out[i].Tries)
	}
	return out, nil
}

// Workers returns the consumers of q's group.
func (q *Queue) Workers() ([]WorkerInfo, error) {
	v, err := q.cl.Do("XINFO", "CONSUMERS", q.stream(), group)
	if err != nil {
		if isNoGroup(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("ajobs: workers of %s: %w", q.name, err)
	}
	var out []WorkerInfo
	for _, c := range v.Elems {
		w := WorkerInfo{Queue: q.name}
		for j := 0; j+1 < len(c.Elems); j += 2 {
			k, _ := c.Elems[j].Text()
			switch k {
			case "name":
				w.Name, _ = c.Elems[j+1].Text()
			case "pending":
				w.Pending, _ = c.Elems[j+1].Int64()
			case "idle":
				ms, _ := c.Elems[j+1].Int64()
				w.Idle = time.Duration(ms) * time.Millisecond
			}
		}
		out = append(out, w)
	}
	return out, nil
}

// RetryDead puts dead job id back in q's stream with its tries reset; a
// job that is not dead is ErrNoJob. A job enqueued with Unique takes its
// key again; when another job holds the key meanwhile, the job stays dead
// and the error wraps ErrDuplicate, naming the holder.
func (q *Queue) RetryDead(id string) error {
	v, err := retryDeadScript.Run(q.cl, []string{q.dead(), q.jobKey(id), q.stream(), q.doneKey(id)}, id, int64(DefaultResultTTL/time.Second))
	if err != nil {
		return fmt.Errorf("ajobs: retrying %s: %w", id, err)
	}
	if len(v.Elems) != 2 {
		return fmt.Errorf("ajobs: retrying %s: unexpected reply %v", id, v)
	}
	switch v.Elems[0].Int() {
	case 1:
		return nil
	case -1:
		return fmt.Errorf("ajobs: retrying %s: job %s holds its unique key: %w", id, v.Elems[1].Str, ErrDuplicate)
	}
	return fmt.Errorf("ajobs: %s is not a dead job of queue %s: %w", id, q.name, ErrNoJob)
}

// DeleteDead forgets dead job id; a job that is not dead is ErrNoJob.
func (q *Queue) DeleteDead(id string) error {
	n, err := deleteDeadScript.Run(q.cl, []string{q.dead(), q.jobKey(id), q.doneKey(id)}, id)
	if err != nil {
		return fmt.Errorf("ajobs: deleting %s: %w", id, err)
	}
	if n.Int() != 1 {
		return fmt.Errorf("ajobs: %s is not a dead job of queue %s: %w", id, q.name, ErrNoJob)
	}
	return nil
}

// Purge deletes every job of q — queued, running, scheduled, dead and
// finished — and returns how many job hashes it deleted. The stream and
// its consumer group stay (emptied), so running workers keep reading;
// the entries workers hold are acknowledged, so a job that was running
// loses its lease: its next heartbeat cancels it, and its completion is
// refused.
// It is not atomic: a job enqueued during the purge may survive it.
// progress, when not nil, is called after each batch with the count so far.
func (q *Queue) Purge(progress func(deleted int)) (int, error) {
	if _, err := q.cl.Do("XTRIM", q.stream(), "MAXLEN", 0); err != nil {
		return 0, fmt.Errorf("ajobs: purging %s: %w", q.name, err)
	}
	for { // ack what workers hold: their heartbeats find the lease lost
		v, err := q.cl.Do("XPENDING", q.stream(), group, "-", "+", 1000)
		if err != nil && !isNoGroup(err) {
			return 0, fmt.Errorf("ajobs: purging %s: %w", q.name, err)
		}
		if err != nil || len(v.Elems) == 0 {
			break
		}
		args := []any{"XACK", q.stream(), group}
		for _, e := range v.Elems {
			if len(e.Elems) > 0 {
				args = append(args, e.Elems[0].Str)
			}
		}
		if _, err := q.cl.Do(args...); err != nil {
			return 0, fmt.Errorf("ajobs: purging %s: %w", q.name, err)
		}
	}
	if _, err := q.cl.Do("DEL", q.delayed(), q.dead()); err != nil {
		return 0, fmt.Errorf("ajobs: purging %s: %w", q.name, err)
	}
	deleted := 0
	for _, pat := range []string{q.jobPrefix() + "*", q.prefix + "done:*", q.prefix + "unique:*"} {
		cursor := "0"
		for {
			v, err := q.cl.Do("SCAN", cursor, "MATCH", pat, "COUNT", 1000)
			if err != nil || len(v.Elems) != 2 {
				return deleted, fmt.Errorf("ajobs: purging %s: SCAN: %v", q.name, err)
			}
			cursor, _ = v.Elems[0].Text()
			keys, _ := v.Elems[1].Strings()
			if len(keys) > 0 {
				args := []any{"UNLINK"}
				for _, k := range keys {
					args = append(args, k)
				}
				if _, err := q.cl.Do(args...); err != nil {
					return deleted, fmt.Errorf("ajobs: purging %s: %w", q.name, err)
				}
				if pat == q.jobPrefix()+"*" {
					deleted += len(keys)
					if progress != nil {
						progress(deleted)
					}
				}
			}
			if cursor == "0" {
				break
			}
		}
	}
	return deleted, nil
}

func isNoGroup(err error) bool {
	var re *aredis.RedisError
	return errors.As(err, &re) && (re.Code() == "NOGROUP" || strings.Contains(re.Msg, "no such key"))
}
