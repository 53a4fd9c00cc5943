// Package ajobs is a job queue on Redis Streams: producers enqueue calls
// of async functions, from async code or from ordinary Go, and workers
// (processes running a loop) run them as tasks, at least once, across
// machines. It knows leases, retries and results; the wire protocol is
// rt/aredis's.
//
//	// shared by producers and workers
//	//
//	//async
//	func countWords(url string) (int, error) { ... }
//
//	var CountWords = ajobs.Define("count_words/v1", countWordsAsync)
//
//	// producer (async code, or ordinary code: the calls then block)
//	q := ajobs.NewQueue(cl, "default")
//	id, err := CountWords.Enqueue(q, "https://example.com", ajobs.Retries(5))
//	n, err := CountWords.Wait(q, id)
//
//	// worker
//	w := ajobs.NewWorker(cl, ajobs.WorkerOptions{Concurrency: 100}, q)
//	rt.Run(w.RunUntilSignalAsync(10 * time.Second)) // until SIGINT or SIGTERM, then drain for 10 s
//
// # Job types
//
// Define binds a stable name to the companion of an async function
// func(A) (R, error). Enqueue and Wait are methods of the *JobType it
// returns, so the argument and result types are checked by the compiler
// and no call site spells the name. The name is what travels: an old
// producer and a new worker agree as long as the name and the encoding of
// A agree; change A incompatibly under a new name ("count_words/v2") and
// keep the old type defined until its jobs are drained.
//
// Arguments and results are encoded with encoding/json: it is in the
// standard library, readable in redis-cli and by an inspection command, and
// tolerant of added and removed struct fields, which is what lets
// producers and workers of different versions interoperate; its cost
// (reflection, a few allocations) is small beside a round trip to Redis.
// Define checks A and R at initialisation and panics, naming the type and
// the field, when they hold something JSON cannot carry (channels,
// functions, unsafe pointers, complex numbers, maps with other keys than
// strings and integers, structs with fields but none exported). asyncgen
// reports the same at the Define call as a positioned error and generates
// nothing, and asyncvet (analyze's job-type check, which asyncgen shares)
// reports it while the code is written.
//
// # Delivery: at least once, one source of truth
//
// Each queue is a stream read by the consumer group "workers"; an entry
// names a job, whose arguments and state are in a hash. Who holds a job is
// only what Redis's pending entries list (PEL) says: a worker reads
// entries with XREADGROUP, for as many as it has free slots
// (Concurrency), and runs each as a task. While the tasks run, the
// worker's heartbeat renews their leases, all of a queue's in one script
// call per Heartbeat (XCLAIM with JUSTID for each entry still this
// worker's, with the same delivery count): each entry's idle time,
// measured by Redis, stays below Lease.
// Workers reclaim entries idle for longer than Lease with XAUTOCLAIM, so
// a worker that was killed, or is frozen, loses its jobs to another one
// within about Lease plus ReclaimInterval; no worker's clock is trusted.
//
// Completion is fenced: a Lua script checks that the entry is still in
// the PEL, owned by this worker, with the delivery count this attempt was
// given (XAUTOCLAIM increments it), and only then acks it (XACK), deletes
// it from the stream (XDEL, which keeps streams short) and writes the
// result, all at once. A worker that lost its lease — frozen past it,
// then resumed — has its completion refused (Stats.Refused), and the
// newer attempt's result stands; a heartbeat that finds the lease lost
// cancels the job's task. A job therefore completes exactly once as seen
// by its result, and a completed job is never delivered again; its code
// may run more than once (a worker killed mid-job), so jobs with outside
// effects should be idempotent.
//
// # What a running job costs
//
// A running job is one task, whose bottom frame is the worker's record of
// the attempt (80 bytes: entry and job ids, delivery count, try): the
// job's own frames sit right above it, and no second task waits for it.
// The worker keeps nothing of the job's hash as read (the arguments are
// decoded by the job's first step, the type's name is the registered
// one), the stream entry's id and the job's id are one small string of
// their own (not pointers into the read's reply, which would keep all of
// it), and the task has no name (task dumps name the job from the
// attempt's frame). When the task ends, the worker's reaper task records
// the outcome in a short-lived task. Jobs' hashes are read in pipelines
// of up to 256, and a read asks for at most 256 entries.
//
// TestInFlightMemory measures the live heap of 5,000 sleeping jobs: 568
// bytes a job (1,843 before this layout: a second task per job waiting for
// the first, two task names, the read's reply buffers, a frame to decode
// the arguments); of them the task is 144, the attempt 80, the job's
// arguments and its frame 48 and 64, the task's frames above its two
// inline slots 112 (the task's extra part, 96 bytes, which holds them
// since rt's Coro shrank from 160 to 128 bytes, and their array), the ids
// 48, the map that finds the attempt from the task 29, the sleep's timer
// 34. (Before Coro shrank, the task was 176 and its upper frames 40: 532
// to 542 bytes a job.) A process's memory is more than its live
// heap: with Go's default GOGC the heap grows to up to twice what was
// live at the last collection before it is collected, so bench/jobs's
// PSS per sleeping job is about twice this (1.1 to 1.3 KB).
//
// What starting a job allocates beyond what stays live is garbage, and
// the less of it, the less the heap overshoots between collections.
// TestInFlightMemory prints it: 1,908 bytes in 16.3 allocations a job
// started (2,501 in 22.3 before rt/aredis's Values shrank from 80 to 48
// bytes, a reply's aggregates took one backing array, and a pipeline's
// buffered replies were parsed together without coroutines). Of it,
// about 450 bytes are the Values of the read's entries and of the hashes'
// replies, 310 the read buffers and reply copies, 210 encoding/json
// decoding the arguments, 50 the pipeline's results and 45 the hash's
// key; some 140 are the test's own polling.
//
// # Retries, dead jobs, timeouts, delays, uniqueness
//
// A failed attempt is retried after a delay that doubles each time from
// WorkerOptions.Backoff up to MaxBackoff, with jitter (each delay is
// between half and all of its value), at most Retries times (default 3);
// then the job is dead: it is kept, with its last error and, when it
// panicked, the panic's stack (from *rt.PanicError), in the hash and in
// the queue's dead set (a sorted set by time). Arguments that do not
// decode and job types this worker does not know are dead at once, with
// an error that says so; the worker goes on with the next job.
//
// Timeout bounds an attempt: past it the job's task is cancelled, its
// deferred calls run, and the attempt fails with rt.ErrTimeout. In and At
// delay a job: it waits in the queue's delayed set, scored by the time it
// is due, computed by Redis (TIME) from the delay; each worker runs a
// mover that moves due jobs to the stream in a script that reads Redis's
// clock, and sleeps until the next is due (by Redis's reckoning) or
// MoveInterval. Retries wait in the same set. Unique makes a job unique
// by key in its queue (SET NX with a TTL) until it is done or dead.
//
// NewWorker takes several queues, most urgent first: a worker with free
// slots takes from the first queue that has jobs. When all are empty it
// blocks on all of them at once; Redis counts COUNT per stream, so such a
// read can return an entry from each, and those beyond the free slots are
// given back to the tail of their stream at once.
//
// # Checkpoints and durable sleep
//
// A job that runs long, or in steps, can save checkpoints so that a later
// attempt of the same job goes on from the last one instead of from the
// start: after its worker was killed (the job is reclaimed by another
// worker, XAUTOCLAIM), after a failed attempt (a retry), after RetryDead,
// and after a durable sleep. Any job type can; there is nothing to
// declare. From the job's own task (its handler and the async functions
// it awaits):
//
//	cp, err := ajobs.LastCheckpoint() // nil: none yet
//	... // decode cp.Data, skip the steps it covers
//	err = ajobs.SaveCheckpoint(ajobs.Checkpoint{Name: "fetched 3 of 10", Fingerprint: "crawl/v1", Data: state})
//
// ajobs does not look inside a checkpoint: Data is opaque bytes (a
// durable function's encoded frames, or the job's own state), Name and
// Fingerprint are for people and for the code that decodes Data (which
// shape it has); inspection shows them, with the checkpoint's age.
// SaveCheckpoint is one Lua script that checks that this attempt still
// holds the job (the completion's fence: owner and delivery count), renews
// the lease and stores the checkpoint in the job's hash, all at once: a
// worker frozen past its lease whose job was taken over gets ErrLeaseLost
// and writes nothing, so the new owner's checkpoints stand (tested with a
// SIGSTOPped worker process). A checkpoint is written whole or not at all
// — a Redis command runs only once it has arrived whole, so a worker
// killed while sending one leaves the previous checkpoint (tested by
// cutting a 600 KB checkpoint mid-command and killing the worker) — and,
// as for every write, it survives a crash of redis-server as far as its
// persistence settings say (see Durability; tested with redis-server
// killed and restarted, appendfsync always, while workers write 200 KB
// checkpoints). Data is bounded by
// WorkerOptions.MaxCheckpoint (default 1 MiB; ErrCheckpointTooLarge, before
// anything is sent), Name and Fingerprint by MaxCheckpointName.
//
// A job's code still runs at least once per step: what ran after the
// last checkpoint runs again after a crash. An outside effect between two
// checkpoints should be idempotent, keyed by the job and the step
// (CurrentJob gives the job's queue, id and try); the tests count such
// effects, and each lands exactly once however the workers are killed.
//
// A job that must wait — hours, days — returns SleepUntil(t) or
// SleepFor(d) as its error (wrapped or not): the attempt ends without
// failing, the job waits in the delayed set (state sleeping) until t by
// Redis's clock, and then runs again from the start of its handler, where
// LastCheckpoint tells it where it was. No worker holds a sleeping job,
// and a sleep counts neither as a try nor against Retries. Save the
// checkpoint that says "sleeping until t" before returning: a worker
// killed in between leaves a job that is reclaimed and decides again.
//
// Checkpoints live in the job's hash, so they go with it: a dead job
// keeps its last checkpoint (RetryDead resumes from it; DeleteDead drops
// it), a done job keeps the checkpoint's name, fingerprint, size and time
// for its result TTL but not its data (like its arguments).
//
// BenchmarkCheckpoint measures a checkpoint against a plain Enqueue in
// the same run (2 cores shared with other work, load average 10 to 15, so
// the figures are rough): 100 B costs 1.2 to 1.5 enqueues, 10 KB 2.3 to 5,
// 1 MB 34 to 140 (about 5 to 7 ms, the copy into the command buffer and
// through the socket into Redis); 31 allocations per checkpoint, 42 at
// 1 MB.
//
// # Durable jobs
//
// DefineDurable makes a job type of a durable function (rt/durable,
// //async durable): each attempt runs it as a durable run whose id is the
// job's id and whose snapshots are the job's checkpoints (Name the resume
// point, "step:fetch"; Fingerprint the frames' fingerprints; Data the
// encoded snapshot). The first attempt starts it; any later one resumes
// it from the last checkpoint, so its finished steps are not run again.
// A checkpoint this build cannot resume (durable.ErrUnknownFingerprint,
// durable.ErrCorrupt, a failed migration: *durable.MigrationError) makes
// the job dead at once, checkpoint kept. A
// durable.Sleep longer than WorkerOptions.DurableHold saves its
// checkpoint and ends the attempt with ErrDurableSleep, turned into
// SleepUntil(the wake time): durable functions must return Sleep's error.
// TestDurableJobs runs them in process (start, retry from the checkpoint,
// release and resume of a sleep, unknown fingerprint, corrupt snapshot);
// TestKilledDurableJobsResume SIGKILLs two worker processes at random
// under six durable jobs: every result is right and each step's effect,
// keyed by its step key, lands once.
//
// BenchmarkDurable measures a durable job's checkpoint (encoding the
// frame, marshalling the snapshot, the fenced script) and resume (reading
// the checkpoint, decoding the snapshot, running the frames to their end)
// per frame size, against a plain Enqueue in the same run (2 cores shared,
// load average about 4, two runs of 200 iterations, so rough): a
// checkpoint of a frame holding 100 B costs 1.6 to 1.8 enqueues (about
// 80 µs), 10 KB 3.3 to 4.1, 1 MB 88 to 153 (about 9.5 ms; the data is
// copied several times on the way, 8 MB allocated per checkpoint); a
// resume 0.6 to 0.7 enqueues at 100 B (one HMGET and a decode), 1.1 to 2
// at 10 KB, 47 to 194 at 1 MB (about 7 ms, 10,000 strings decoded). The
// example examples/workflow checkpoints 573 to 986 bytes for 10 pages.
//
// # Results
//
// A job's result (or, for a dead job, its *JobError) is written to its
// hash by the completing script and kept for ResultTTL (default 24 h).
// Wait waits for it without polling: it blocks (BLPOP) on a per-job list
// the completing script pushes to. Result reads it without waiting. Both
// work from ordinary code too, blocking the calling goroutine.
//
// # Shutdown
//
// Worker.Stop stops reading; running jobs get the grace period to finish,
// then their tasks are cancelled (their deferred calls run) and they are
// left in the PEL, not failed: another worker reclaims them when their
// lease runs out. A worker killed with SIGKILL loses nothing either, in
// the same way. Deliveries a cancelled blocking read may have received
// without the worker seeing them are given back to their stream at the
// end of Stop (best effort: otherwise they wait for their lease).
// Worker.RunUntilSignal is Run that does Stop(grace) on SIGINT or SIGTERM
// (or the signals given): the main of a worker process.
//
// # Keys
//
// A queue named q keeps, each with the hash tag {q}: ajobs:{q}:stream (the
// stream, group "workers"; an entry per queued or running attempt, field
// job), ajobs:{q}:job:<id> (a hash: type, args, state — queued, scheduled,
// retry, sleeping, done, dead —, tries, max, timeout, ttl, result, error,
// stack, enqueued and finished in Redis's milliseconds, and the last
// checkpoint: cp_name, cp_fp, cp_data, cp_size, cp_seq (how many the job
// saved), cp_at), ajobs:{q}:delayed
// (sorted set of due times, delays and retries), ajobs:{q}:dead (sorted
// set of dead jobs by time), ajobs:{q}:done:<id> (the list Wait blocks
// on) and ajobs:{q}:unique:<key>. The Lua scripts are in scripts/, each
// with its KEYS and ARGV in a header comment.
//
// # Durability
//
// Nothing here is more durable than Redis. A write Redis acknowledged
// (an Enqueue that returned, a completion) survives a crash of
// redis-server only with AOF and appendfsync always (tested here: a
// server killed and restarted mid-run loses no acknowledged job); with
// appendfsync everysec up to a second of writes can be lost, and without
// AOF everything since the last snapshot. With replication, a failover
// to a replica that had not received the last writes loses them too,
// whatever the fsync policy: Redis replication is asynchronous. A job
// lost that way after its Enqueue returned is never run; a completion
// lost that way makes the job run again (at least once still holds as
// long as the enqueue survived). The queue option WaitReplicas makes Enqueue
// and every completion wait (WAIT) until that many replicas have the
// write, failing Enqueue with ErrNotReplicated when they do not within
// WaitTimeout: it narrows the window, costs a replica round trip per
// write and a connection held meanwhile, and is still not a consensus
// (WAIT does not make a write roll back when it times out).
//
// Not supported: Redis Cluster (the keys of a queue share a hash tag,
// {name}, but some scripts touch keys they compute), cron schedules,
// cancelling a queued job.
//
// # Inspection
//
// Queues lists the queues on a server; a Queue's Stats, Pending,
// Scheduled, DeadJobs, Job and Workers read what cmd/ajobs prints (with
// each job's last checkpoint: name, fingerprint, size, age), RetryDead
// and DeleteDead act on a dead job, and Purge empties a queue. They are
// ordinary code (they block), use plain commands beside the delivery
// scripts, and report snapshots.
package ajobs
