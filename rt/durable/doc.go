// Package durable runs durable async functions: coroutines whose frame
// stack is checkpointed at named points, so that a run whose process dies
// continues from its last checkpoint in another process, also one built
// from changed source when the frames kept their shape.
//
// # Writing a durable function
//
// Mark an async function durable:
//
//	// async durable
//	func order(o Order) (Receipt, error) {
//		total := price(o)
//		id, err := durable.Step("charge", func(key string) rt.Awaitable[string] {
//			return chargeAsync(key, o.Card, total) // key: an idempotency key
//		})
//		if err != nil {
//			return Receipt{}, err
//		}
//		if err := durable.Checkpoint("charged"); err != nil {
//			return Receipt{}, err
//		}
//		durable.Sleep("cool-off", 24*time.Hour)
//		return ship(o, id) // ship is //async durable too
//	}
//
//	r, err := rt.Run(durable.Start(store, "order-42", orderAsync(o)))
//	// in another process, after a crash:
//	snap, _, _ := store.Load("order-42")
//	r, err := rt.Run(durable.Resume[Receipt](store, snap))
//
// The generator checks a durable function (positioned errors, which
// asyncvet reports too):
//
//   - every frame field (parameters, results, locals live across an await,
//     the awaited results) is encodable: numbers, bools, strings; slices,
//     arrays, maps, structs and pointers of encodable types, named or not;
//     error (only its message survives: a resumed error is a
//     *RestoredError); types implementing Codec (DurableEncode, and
//     DurableDecode on the pointer); types implementing
//     encoding.BinaryMarshaler and BinaryUnmarshaler (time.Time). It
//     rejects channels, funcs and closures, iterators being ranged, other
//     interfaces, unsafe pointers, sync values, rt/anet/aredis/... handles,
//     other packages' structs with unexported fields;
//   - no &x of its variables (a pointer into a frame cannot be restored;
//     allocate with new or &T{} and hold the pointer: pointers are encoded
//     with their aliasing, so two fields pointing at one struct decode to
//     one struct, also across the frames of one snapshot, and a map held
//     twice decodes to one map; pointers of different types are
//     different objects; slices are encoded by value, so two slices
//     sharing an array decode to separate copies: share one through a
//     pointer);
//   - it awaits only durable functions (of any package), rt.Await of a
//     durable function's companion, and Checkpoint, Step and Sleep, whose
//     names are constant strings, unique per function and kind. Anything
//     else it awaits goes inside a Step;
//   - it hands no durable function's coroutine on (rt.Spawn, rt.Gather, a
//     Step's result, a variable): a durable function is part of the run
//     only as a frame of its stack, awaited; a coroutine given to
//     durable.Start is a run of its own and allowed. (A task spawned by
//     non-durable code the function awaits in a Step is out of the
//     generator's sight: a Checkpoint there belongs to no run and does
//     nothing, and a durable function awaited inside a Step fails its
//     first checkpoint.);
//   - no defer, no async closures (rt.Func), no generators, no type
//     parameters.
//
// # Checkpoints, steps, sleeps
//
// Checkpoint encodes the frame stack from the run's root down to the
// checkpoint and hands the Snapshot to the run's Store; the function
// continues once Save finished. Step runs a coroutine and checkpoints its
// result as soon as it finishes: after a resume it is never run again. A
// crash while the step runs, or before its result is saved, runs it again
// with the same key ("RUNID/INDEX/NAME"): pass the key to the external
// system as an idempotency key. Sleep checkpoints with its wake time
// (Snapshot.WakeAt), then sleeps; a resume sleeps only what is left. The
// wake time is the sleeping process's wall clock, and a resume measures
// what is left by its own: between machines whose clocks differ by S, a
// resumed sleep ends up to S early or late (rt/ajobs counts the queued
// part of a sleep by Redis's clock, see DefineDurable). With
// this package's stores the process sleeps. Run as a job of rt/ajobs
// (ajobs.DefineDurable), a long sleep instead ends the attempt: the
// store's Save returns ajobs.ErrDurableSleep once the sleep's checkpoint
// is written, Sleep returns it, the function returns it like any error,
// and the job waits in the queue, held by no worker, until WakeAt. So a
// durable function must return the errors of Sleep (and of Checkpoint
// and Step), not drop them.
//
// # Stores
//
// A Store's Save gets each snapshot in order and must write it atomically;
// an error it returns is returned by the Checkpoint, Step or Sleep that
// saved. rt/ajobs's DefineDurable is the store of durable jobs: a snapshot
// is the job's checkpoint, written in the Lua script that renews the
// worker's lease; an unknown fingerprint or a corrupt snapshot kills the
// job at once, keeping the checkpoint for inspection and RetryDead.
//
// Outside a durable run (awaited without Start, or the natural function
// called from plain Go) Checkpoint does nothing, Step runs its coroutine
// with the key "local/NAME", Sleep sleeps.
//
// # Panics, cancellation and deferred calls
//
// Deferred calls are not allowed in durable functions: a deferred call
// registered in one process would not exist in the one that resumes, so
// either rule (run it twice, or never) would surprise; call cleanups
// explicitly, or put them in a Step. A panic ends the run as it ends any
// task (the awaiting code gets the *rt.PanicError); nothing is saved for
// it, so the store keeps the last checkpoint and a resume re-executes
// from there. A cancelled run likewise keeps its last checkpoint.
//
// # Snapshots and versioning
//
// The codecs are generated (no reflection): for each durable frame the
// generator emits DurableEncode and DurableDecode and one encoder and
// decoder function per type, in the compact binary format documented in
// codec.go (versioned by its magic). A snapshot stores, for each frame,
// its function's name, the fingerprint of its shape at its resume point,
// and the fields live there: the variables the code after the point
// reads (in name order; a variable held in a cell is stored by value),
// the lowering's temporaries live there (a range loop's copy and index,
// in frame order) and the awaited operation's result. Nothing else is
// encoded or decoded: a field dead at the point is zero after a resume.
// The fingerprint is an FNV-1a hash of exactly that: the function, the
// resume point's identity ("checkpoint:NAME", "step:NAME", "sleep:NAME",
// or "call:pkg.G#K" for the K-th await of durable function G, never a
// state number), and each field's name (a temporary by its rank, "~K")
// and deep type. So code added or moved, and variables added, removed or
// retyped where a point does not see them, keep that point's
// fingerprint; a variable live at the point added, renamed or retyped
// changes it. A build resumes a snapshot only when it knows every
// frame's fingerprint (or migrates it, below); any other fails with
// ErrUnknownFingerprint (a *FingerprintError naming the frame and the
// points this build knows), and runs nothing: a job queue dead-letters
// such a run.
//
// asyncgen writes each package's points and fingerprints to durable.lock
// beside it. Commit it: generation refuses a change that drops a listed
// point or changes its fingerprint (an error at the lock line), and
// asyncgen -check fails on a lock that lacks new points, so CI catches a
// change that would orphan in-flight runs. To accept orphaning a point's
// snapshots (its runs have drained, or may be lost), delete its line and
// generate again.
//
// To change a durable function without orphaning its in-flight runs,
// either migrate their snapshots (below), or keep the old version beside
// the new one, renamed, with the directive //durable:was NAME in its doc
// comment:
//
//	// crawlV1 is crawl before retries were counted: runs checkpointed
//	// then finish here.
//	//
//	// async durable
//	//durable:was crawl
//	func crawlV1(urls []string) (Report, error) { ...the old body... }
//
// It registers under NAME with the fingerprints NAME had (they cover the
// function's name, its variables and their types, not its code), so the
// lock is satisfied and an old snapshot resumes in the old code, which
// may also hand over to new code (await the new helpers). The old types
// must still be those of the old frame: a changed named type changes the
// old version's fingerprints too.
//
// # Migrations
//
// A plain function marked //durable:migrate F FROM, or
// //durable:migrate F FROM -> TO, turns the state of F's snapshots taken
// at the point FROM by an older version into this version's frame at
// the point TO (FROM when omitted):
//
//	// crawl now counts retries, live at its fetch checkpoint.
//	//
//	//durable:migrate crawl checkpoint:fetched
//	func migrateFetched(pages []*Page) (retries int, err error) {
//		return 0, nil
//	}
//
// Its parameters are the variables the old version had live at FROM, by
// name and type: they describe the old snapshot, and the generator
// computes its fingerprint from them and checks it against the lines
// durable.lock lists for F at FROM (a mismatch, an unknown point, a
// variable live at TO that is neither a result nor a parameter of its
// type, are errors at generation). Its results, named, are the variables
// of F live at TO that it sets, and a last error; the other variables
// live at TO are carried from the parameters of their names. The
// temporaries and the awaited operation are not the user's to name: the
// old point must have had those of TO (the same loops around it, the same
// kind of operation). The generated decoder reads the old fields into
// locals, calls the function and fills the frame; RegisterMigration
// records it under the old fingerprint, which stays in durable.lock. An
// error the function returns fails the resume with a *MigrationError
// (a job of rt/ajobs is dead at once, its checkpoint kept: fix the
// migration and RetryDead). One old frame is resumed one way: a
// migration of a fingerprint that a //durable:was copy also registers is
// an error at generation, since the copy would take every such snapshot.
//
// Compared with Temporal, nothing is replayed: the frame itself is the
// state, so the code need not be deterministic and there is no history to
// cap. Compared with dispatchrun/coroutine's durable mode, the state is
// encoded by generated code with a shape fingerprint per frame, not by
// reflection over memory, so it survives a rebuild whenever the frames'
// shapes did, and it refuses, clearly, when they did not.
package durable
