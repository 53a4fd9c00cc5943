package fix

// step is async.
//
// async
func step() {}

// run does one step.
func run() {
	step() // want `call of async function step from ordinary code`
}

func lookup() (int, error) {
	step() // want `call of async function step from ordinary code`
	return 0, nil
}

func init() {
	step() // want `call of async function step from ordinary code`
}
