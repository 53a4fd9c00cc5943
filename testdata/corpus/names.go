package main

import "fmt"

// User names that the generated code also uses (ag is the frame receiver,
// ag_co is reserved, rt is the runtime's package name in generated code,
// utf8 the package that decodes strings for range): each as a frame field,
// as a Resume local, and declared inside a statement without awaits.
//
// async
func caseGeneratedNames() (string, error) {
	ag := tick(1)
	co := tick(2)
	zero := tick(3)
	s := tick(4)
	utf8 := 0
	for _, r := range "ab" {
		utf8 += tick(int(r))
	}
	return fmt.Sprint(ag, co, zero, s, utf8), nil
}
