//go:build unix

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// asynqWorker runs one asynq server with conc goroutines until killed.
// For the reclaim phase (reclaim true), a recovered task is retried at
// once and retries are moved to the queue every second (asynq's
// defaults: 15 to 44 s for a first retry, checked every 5 s); the rest of
// its recovery is not configurable (see reclaim.go).
func asynqWorker(sock string, conc int, reclaim bool) error {
	rdb := redis.NewClient(&redis.Options{Network: "unix", Addr: sock})
	cfg := asynq.Config{Concurrency: conc, LogLevel: asynq.ErrorLevel}
	if reclaim {
		cfg.RetryDelayFunc = func(int, error, *asynq.Task) time.Duration { return 0 }
		cfg.DelayedTaskCheckInterval = time.Second
	}
	srv := asynq.NewServer(asynq.RedisClientOpt{Network: "unix", Addr: sock, PoolSize: 64}, cfg)
	mux := asynq.NewServeMux()
	mux.HandleFunc("bench", func(ctx context.Context, t *asynq.Task) error {
		var a Args
		if err := json.Unmarshal(t.Payload(), &a); err != nil {
			return err
		}
		if a.Rec {
			if err := rdb.RPush(ctx, latKey, time.Now().UnixNano()-a.Enq).Err(); err != nil {
				return err
			}
		}
		if a.Sleep > 0 {
			select {
			case <-time.After(time.Duration(a.Sleep) * time.Millisecond):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if holdJobs {
			select {
			case <-time.After(10 * time.Minute):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if a.Count {
			return rdb.Incr(ctx, doneKey).Err()
		}
		return nil
	})
	if err := srv.Start(mux); err != nil {
		return err
	}
	fmt.Println("ready")
	select {}
}

// produceAsynq enqueues n asynq tasks with a: par goroutines at full
// speed, or one every 1/rate s.
func produceAsynq(sock string, n int, a Args, rate int) error {
	cl := asynq.NewClient(asynq.RedisClientOpt{Network: "unix", Addr: sock, PoolSize: 64})
	defer cl.Close()
	enqueue := func(a Args) error {
		a.Enq = time.Now().UnixNano()
		b, _ := json.Marshal(a)
		_, err := cl.Enqueue(asynq.NewTask("bench", b))
		return err
	}
	var wg sync.WaitGroup
	errs := make(chan error, n)
	if rate > 0 {
		start := time.Now()
		for i := 0; i < n; i++ {
			time.Sleep(time.Until(start.Add(time.Duration(i) * time.Second / time.Duration(rate))))
			wg.Add(1)
			go func() { defer wg.Done(); errs <- enqueue(a) }()
		}
	} else {
		const par = 64
		for i := 0; i < par; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := 0; j < n/par+btoi(i < n%par); j++ {
					if err := enqueue(a); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return fmt.Errorf("asynq enqueue: %w", err)
		}
	}
	return nil
}
