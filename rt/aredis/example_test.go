//go:build unix

package aredis_test

import (
	"fmt"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
)

// counter increments a page's counter and reads the top of a list, in one
// round trip.
//
// async
func counter(cl *aredis.Client, page string) (int64, []string, error) {
	vals, err := cl.Pipeline().
		Add("INCR", "visits:"+page).
		Add("LRANGE", "recent", 0, 9).
		Exec()
	if err != nil {
		return 0, nil, err // the connection failed; it has been closed
	}
	n, err := vals[0].Int64() // an error reply would come back here
	if err != nil {
		return 0, nil, err
	}
	recent, err := vals[1].Strings()
	return n, recent, err
}

// Example_pipeline runs a pipeline on a loop. (Not run: it needs a
// server; the tests start their own.)
func Example_pipeline() {
	cl := aredis.New(aredis.Options{Addr: "/run/redis/redis.sock", Protocol: 3})
	res, err := rt.Run(counterAsync(cl, "home"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.V0, res.V1)
}
