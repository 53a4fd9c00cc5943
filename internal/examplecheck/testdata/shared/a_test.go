package a_test

import "fmt"

// async
func helper() string { return "h" }

func ExampleOne() {
	fmt.Println(helperAsync())
	// Output: h
}

func ExampleTwo() {
	fmt.Println("self-contained")
	// Output: self-contained
}
