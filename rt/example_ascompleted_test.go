package rt_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// answer takes took to answer key.
//
// async
func answer(key string, took time.Duration) (string, error) {
	defer fmt.Println("answer", key, "ends")
	rt.Sleep(took)
	return strings.ToUpper(key), nil
}

// inOrderOfFinishing takes the answers as they come.
//
// async
func inOrderOfFinishing() error {
	done := rt.AsCompleted(
		answerAsync("three", 3*time.Second),
		answerAsync("one", time.Second),
		answerAsync("two", 2*time.Second),
	)
	for done.More() {
		v, err := done.Next()
		if err != nil {
			return err
		}
		fmt.Println("got", v)
	}
	return nil
}

func ExampleAsCompleted() {
	rt.Run(inOrderOfFinishingAsync(), rt.VirtualTime())
	// Output:
	// answer one ends
	// got ONE
	// answer two ends
	// got TWO
	// answer three ends
	// got THREE
}
