//go:build unix

package ajobs

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"sync"
	"time"
	"unsafe"

	"github.com/asyncgen/asyncgen/rt"
)

// JobType is a kind of job: a stable name and the async function that runs
// it, typed by its argument A and result R. Make one with Define, in a
// package-level var, in code shared by producers and workers.
type JobType[A, R any] struct {
	name string
	fn   func(A) rt.Awaitable[R]
}

// Name returns the job type's stable name.
func (jt *JobType[A, R]) Name() string { return jt.name }

// runner is what a worker knows of a job type: how to run a payload, for
// at most timeout when timeout > 0.
type runner interface {
	run(payload string, timeout time.Duration) jobRun
}

var (
	registryMu sync.Mutex
	registry   = map[string]runner{}
)

// Define declares the job type name run by fn (the companion of an async
// function: countWordsAsync for func countWords(url string) (int, error)).
// name is what travels in Redis: keep it stable (a version suffix, as in
// "count_words/v1", lets a changed argument type live beside the old one)
// and old producers and new workers keep understanding each other.
//
// Define panics, naming the type, when A or R cannot be encoded (a
// channel, a function, an unsafe pointer, a complex number, a map whose
// key is not a string or an integer, a struct with fields but none
// exported; asyncgen stops with the same error at the call, and asyncvet
// reports it while the code is written: see analyze's job-type check) and
// when name is empty or already defined: call it at package
// initialisation, where such a panic shows at once.
func Define[A, R any](name string, fn func(A) rt.Awaitable[R]) *JobType[A, R] {
	if name == "" {
		panic("ajobs.Define: empty job type name")
	}
	if fn == nil {
		panic(fmt.Sprintf("ajobs.Define(%q): nil function", name))
	}
	for _, t := range []reflect.Type{reflect.TypeFor[A](), reflect.TypeFor[R]()} {
		if err := checkEncodable(t, map[reflect.Type]bool{}); err != nil {
			panic(fmt.Sprintf("ajobs.Define(%q): %v", name, err))
		}
	}
	jt := &JobType[A, R]{name: name, fn: fn}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[name]; dup {
		panic(fmt.Sprintf("ajobs.Define(%q): job type defined twice", name))
	}
	registry[name] = jt
	return jt
}

func lookup(name string) runner {
	registryMu.Lock()
	defer registryMu.Unlock()
	return registry[name]
}

func knownTypes() []string {
	registryMu.Lock()
	defer registryMu.Unlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// checkEncodable reports why encoding/json cannot round-trip values of t.
func checkEncodable(t reflect.Type, seen map[reflect.Type]bool) error {
	if seen[t] {
		return nil
	}
	seen[t] = true
	if t.Implements(reflect.TypeFor[json.Marshaler]()) || reflect.PointerTo(t).Implements(reflect.TypeFor[json.Marshaler]()) {
		return nil
	}
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer, reflect.Complex64, reflect.Complex128:
		return fmt.Errorf("type %s cannot be encoded as a job's argument or result (a %s)", t, t.Kind())
	case reflect.Pointer, reflect.Slice, reflect.Array:
		if err := checkEncodable(t.Elem(), seen); err != nil {
			return fmt.Errorf("%v, in %s", err, t)
		}
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !t.Key().Implements(reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()) {
				return fmt.Errorf("type %s cannot be encoded as a job's argument or result (map key %s)", t, t.Key())
			}
		}
		if err := checkEncodable(t.Elem(), seen); err != nil {
			return fmt.Errorf("%v, in %s", err, t)
		}
	case reflect.Struct:
		exported := 0
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() && !f.Anonymous || f.Tag.Get("json") == "-" {
				continue
			}
			exported++
			if err := checkEncodable(f.Type, seen); err != nil {
				return fmt.Errorf("%v, in field %s of %s", err, f.Name, t)
			}
		}
		if t.NumField() > 0 && exported == 0 {
			return fmt.Errorf("type %s cannot be encoded as a job's argument or result (no exported field: it would arrive as its zero value)", t)
		}
	}
	return nil
}

func (jt *JobType[A, R]) run(payload string, timeout time.Duration) jobRun {
	return &typedRun[A, R]{jt: jt, buf: payload, timeout: timeout}
}

// errMalformed marks a payload that does not decode: retrying cannot help.
type errMalformed struct{ err error }

func (e errMalformed) Error() string { return "malformed job arguments: " + e.err.Error() }

// jobRun is an attempt's job as its task runs it, awaited by the attempt
// (its task's bottom frame, see attempt.Resume). It has no frame of its
// own: AwaitStart decodes the arguments and starts the job's coroutine,
// whose frame is pushed right above the attempt's; end takes the job's
// outcome once it returned and encodes its result, which output gives.
type jobRun interface {
	AwaitStart(c *rt.Coro) rt.Status
	end() error
	output() string
	typeName() string
}

// typedRun is the jobRun of a job type: it decodes the arguments (an
// error is errMalformed), runs the job, for at most timeout when timeout
// > 0 (inline in the job's task: rt.Timeout), and encodes its result.
type typedRun[A, R any] struct {
	jt      *JobType[A, R]
	buf     string          // the payload, then the encoded result
	aw      rt.Awaitable[R] // the job, or failed when the arguments did not decode
	timeout time.Duration
}

func (t *typedRun[A, R]) AwaitStart(c *rt.Coro) rt.Status {
	var a A
	// Unmarshal only reads its input: no copy of the payload.
	err := json.Unmarshal(unsafe.Slice(unsafe.StringData(t.buf), len(t.buf)), &a)
	t.buf = ""
	if err != nil {
		t.aw = failed[R]{errMalformed{err}}
		return rt.Ready
	}
	t.aw = t.jt.fn(a)
	if t.timeout > 0 {
		t.aw = rt.Timeout(t.timeout, t.aw)
	}
	return t.aw.AwaitStart(c)
}

func (t *typedRun[A, R]) end() error {
	r, err := t.aw.AwaitResult()
	t.aw = nil // the job's frames go with it
	if err != nil {
		return err
	}
	b, err := json.Marshal(r)
	if len(b) > 0 {
		t.buf = unsafe.String(&b[0], len(b)) // b is never written again
	}
	return err
}

func (t *typedRun[A, R]) output() string { return t.buf }

// failed is an awaitable that fails with err at once.
type failed[R any] struct{ err error }

func (f failed[R]) AwaitStart(*rt.Coro) rt.Status { return rt.Ready }

func (f failed[R]) AwaitResult() (R, error) {
	var zero R
	return zero, f.err
}

func (t *typedRun[A, R]) typeName() string { return t.jt.name }

// An Option changes how one job is enqueued.
type Option func(*jobOptions)

type jobOptions struct {
	delay     time.Duration
	at        time.Time
	retries   int
	timeout   time.Duration
	unique    string
	uniqueTTL time.Duration
	resultTTL time.Duration
}

// In runs the job no sooner than d from now (now by Redis's clock).
func In(d time.Duration) Option { return func(o *jobOptions) { o.delay = d } }

// At runs the job no sooner than t (compared with Redis's clock).
func At(t time.Time) Option { return func(o *jobOptions) { o.at = t } }

// Retries sets how many times a failed attempt is retried (default 3): the
// job runs at most n+1 times, then it is dead.
func Retries(n int) Option { return func(o *jobOptions) { o.retries = n } }

// Timeout bounds each attempt: past it the job's task is cancelled (its
// deferred calls run) and the attempt fails with rt.ErrTimeout.
func Timeout(d time.Duration) Option { return func(o *jobOptions) { o.timeout = d } }

// Unique makes the job unique by key within its queue for ttl, or until it
// is done or dead: an Enqueue with the same key meanwhile returns the
// first job's id and ErrDuplicate.
func Unique(key string, ttl time.Duration) Option {
	return func(o *jobOptions) { o.unique, o.uniqueTTL = key, ttl }
}

// ResultTTL sets how long the result of a finished job is kept (default
// DefaultResultTTL).
func ResultTTL(d time.Duration) Option { return func(o *jobOptions) { o.resultTTL = d } }

// DefaultResultTTL is how long a result is kept unless ResultTTL says.
const DefaultResultTTL = 24 * time.Hour

// Enqueue queues a job of this type with args on q and returns its id.
//
// async
func (jt *JobType[A, R]) Enqueue(q *Queue, args A, opts ...Option) (string, error) {
	payload, err := json.Marshal(args)
	if err != nil {
		return "", fmt.Errorf("ajobs: encoding the arguments of %s: %w", jt.name, err)
	}
	return q.enqueue(jt.name, payload, opts)
}

// Wait waits until job id of this type on q has finished and returns its
// result, or its error (a *JobError) when it died. It waits on a list
// the completing worker pushes to (BLPOP), not by polling. Called from
// ordinary code it blocks.
//
// async
func (jt *JobType[A, R]) Wait(q *Queue, id string) (R, error) {
	var r R
	res, err := q.wait(id)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return r, fmt.Errorf("ajobs: decoding the result of job %s (%s): %w", id, jt.name, err)
	}
	return r, nil
}

// Result returns the result of job id if it has finished: done is false
// while it is queued, scheduled, running or waiting for a retry.
//
// async
func (jt *JobType[A, R]) Result(q *Queue, id string) (r R, done bool, err error) {
	res, done, err := q.result(id)
	if err != nil || !done {
		return r, done, err
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return r, true, fmt.Errorf("ajobs: decoding the result of job %s (%s): %w", id, jt.name, err)
	}
	return r, true, nil
}
