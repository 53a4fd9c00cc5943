//go:build unix

package ajobs

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/asyncgen/asyncgen/rt/aredis"
)

var (
	//go:embed scripts/enqueue.lua
	enqueueSrc string
	//go:embed scripts/lease.lua
	leaseSrc string
	//go:embed scripts/leases.lua
	leasesSrc string
	//go:embed scripts/complete.lua
	completeSrc string
	//go:embed scripts/giveback.lua
	givebackSrc string
	//go:embed scripts/movedue.lua
	moveDueSrc string

	enqueueScript  = aredis.NewScript(enqueueSrc)
	leaseScript    = aredis.NewScript(leaseSrc)
	leasesScript   = aredis.NewScript(leasesSrc)
	completeScript = aredis.NewScript(completeSrc)
	givebackScript = aredis.NewScript(givebackSrc)
	moveDueScript  = aredis.NewScript(moveDueSrc)

	scriptSources = map[*aredis.Script]string{enqueueScript: enqueueSrc, completeScript: completeSrc}
)

// ErrNotReplicated is returned (wrapped) when WaitReplicas asked for more
// replicas than acknowledged a write within its timeout. The write was
// made on the primary all the same: an Enqueue that returns it also
// returns the job's id, and the job will run unless a failover loses it.
var ErrNotReplicated = errors.New("ajobs: fewer replicas than asked acknowledged the write")

// A QueueOption changes how a Queue writes.
type QueueOption func(*Queue)

// WaitReplicas makes Enqueue and every completion wait (Redis WAIT) until
// n replicas have the write, for at most timeout; fewer is
// ErrNotReplicated. It narrows, without closing, the window in which a
// failover loses acknowledged writes (see the package doc), for a replica
// round trip per write.
func WaitReplicas(n int, timeout time.Duration) QueueOption {
	return func(q *Queue) { q.waitReplicas, q.waitTimeout = n, timeout }
}

// group is the consumer group every worker of a queue reads in.
const group = "workers"

// ErrDuplicate is returned by Enqueue, with the id of the job that holds
// the key, when a job with the same Unique key is already queued.
var ErrDuplicate = errors.New("ajobs: a job with this unique key is already queued")

// ErrNoJob is returned for a job id Redis does not know: never enqueued
// on that queue, or finished longer ago than its result TTL.
var ErrNoJob = errors.New("ajobs: no such job (unknown id, or its result expired)")

// JobError is the error of a job that died: its last attempt's error, and
// the panic's stack when it panicked.
type JobError struct {
	ID    string
	Msg   string
	Stack string
}

func (e *JobError) Error() string { return fmt.Sprintf("ajobs: job %s failed: %s", e.ID, e.Msg) }

// Queue is a named queue on a Redis server: a stream read by a consumer
// group, a sorted set of delayed jobs, a sorted set of dead ones and a
// hash per job. It is a small value; make as many as there are queues.
type Queue struct {
	cl           *aredis.Client
	name         string
	prefix       string // "ajobs:{name}:"
	waitReplicas int
	waitTimeout  time.Duration
}

// NewQueue returns the queue name on cl.
func NewQueue(cl *aredis.Client, name string, opts ...QueueOption) *Queue {
	q := &Queue{cl: cl, name: name, prefix: "ajobs:{" + name + "}:"}
	for _, o := range opts {
		o(q)
	}
	return q
}

// write runs a script that writes (enqueue, complete). With WaitReplicas
// it sends WAIT after it in one pipeline: WAIT counts the writes of its
// own connection, and a pipeline runs on one.
//
// async
func (q *Queue) write(s *aredis.Script, keys []string, args ...any) (aredis.Value, error) {
	if q.waitReplicas <= 0 {
		return s.Run(q.cl, keys, args...)
	}
	cmd := make([]any, 0, 3+len(keys)+len(args))
	cmd = append(cmd, "EVALSHA", s.SHA(), len(keys))
	for _, k := range keys {
		cmd = append(cmd, k)
	}
	cmd = append(cmd, args...)
	vals, err := q.cl.Pipeline().Add(cmd...).Add("WAIT", q.waitReplicas, q.waitTimeout.Milliseconds()).Exec()
	if err != nil {
		return aredis.Value{}, err
	}
	var re *aredis.RedisError
	if err := vals[0].Err(); errors.As(err, &re) && re.Code() == "NOSCRIPT" {
		cmd[0], cmd[1] = "EVAL", scriptSources[s]
		if vals, err = q.cl.Pipeline().Add(cmd...).Add("WAIT", q.waitReplicas, q.waitTimeout.Milliseconds()).Exec(); err != nil {
			return aredis.Value{}, err
		}
	}
	if err := vals[0].Err(); err != nil {
		return vals[0], err
	}
	if vals[1].Int() < int64(q.waitReplicas) {
		return vals[0], fmt.Errorf("%w (%d of %d within %v)", ErrNotReplicated, vals[1].Int(), q.waitReplicas, q.waitTimeout)
	}
	return vals[0], nil
}

// Name returns the queue's name.
func (q *Queue) Name() string { return q.name }

func (q *Queue) stream() string           { return q.prefix + "stream" }
func (q *Queue) delayed() string          { return q.prefix + "delayed" }
func (q *Queue) dead() string             { return q.prefix + "dead" }
func (q *Queue) jobPrefix() string        { return q.prefix + "job:" }
func (q *Queue) jobKey(id string) string  { return q.prefix + "job:" + id }
func (q *Queue) doneKey(id string) string { return q.prefix + "done:" + id }

func newID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// enqueue stores and queues a job whose arguments are already encoded.
//
// async
func (q *Queue) enqueue(typ string, payload []byte, opts []Option) (string, error) {
	o := jobOptions{retries: 3, resultTTL: DefaultResultTTL}
	for _, f := range opts {
		f(&o)
	}
	id := newID()
	delay, at := int64(-1), int64(-1)
	if o.delay > 0 {
		delay = o.delay.Milliseconds()
	}
	if !o.at.IsZero() {
		at = o.at.UnixMilli()
	}
	unique := ""
	if o.unique != "" {
		unique = q.prefix + "unique:" + o.unique
		if o.uniqueTTL <= 0 {
			o.uniqueTTL = DefaultResultTTL
		}
	}
	ttl := int64(o.resultTTL / time.Second)
	if ttl < 1 {
		ttl = 1
	}
	v, err := q.write(enqueueScript, []string{q.jobKey(id), q.stream(), q.delayed(), unique},
		id, typ, payload, o.retries+1, o.timeout.Milliseconds(), delay, at, int64((o.uniqueTTL+time.Second-1)/time.Second), ttl)
	var notReplicated error
	if errors.Is(err, ErrNotReplicated) {
		notReplicated, err = err, nil
	}
	if err != nil {
		return "", fmt.Errorf("ajobs: enqueue %s on %s: %w", typ, q.name, err)
	}
	if len(v.Elems) != 2 {
		return "", fmt.Errorf("ajobs: enqueue %s: unexpected reply %v", typ, v)
	}
	got, _ := v.Elems[1].Text()
	if v.Elems[0].Int() == 0 {
		return got, ErrDuplicate
	}
	return got, notReplicated
}

// result reads job id's outcome: done reports whether it has finished;
// res is its encoded result, err its *JobError.
//
// async
func (q *Queue) result(id string) (res []byte, done bool, err error) {
	v, err := q.cl.Do("HMGET", q.jobKey(id), "state", "result", "error", "stack")
	if err != nil {
		return nil, false, err
	}
	if len(v.Elems) != 4 {
		return nil, false, fmt.Errorf("ajobs: unexpected HMGET reply %v", v)
	}
	if v.Elems[0].IsNull() {
		return nil, false, ErrNoJob
	}
	switch v.Elems[0].Str {
	case "done":
		return []byte(v.Elems[1].Str), true, nil
	case "dead":
		return nil, true, &JobError{ID: id, Msg: v.Elems[2].Str, Stack: v.Elems[3].Str}
	}
	return nil, false, nil
}

// wait waits until job id has finished: it reads the outcome and, while
// there is none, blocks on the job's done list, which the completing
// script pushes to. A waiter that pops the token pushes it back, for the
// other waiters of the same job.
//
// async
func (q *Queue) wait(id string) ([]byte, error) {
	for {
		res, done, err := q.result(id)
		if err != nil || done {
			return res, err
		}
		v, err := q.cl.Do("BLPOP", q.doneKey(id), 5)
		if err != nil {
			return nil, err
		}
		if !v.IsNull() {
			if _, err := q.cl.Pipeline().Add("RPUSH", q.doneKey(id), 1).Add("EXPIRE", q.doneKey(id), 60).Exec(); err != nil {
				return nil, err
			}
		}
	}
}
