package analyze

import (
	"go/token"
	"go/types"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The advice for blocking calls follows what rt declares: the analyzer's
// tests use a stand-in rt without queues, locks or ToThread, so the other
// branch is checked here.
func TestBlockingAdviceFollowsRT(t *testing.T) {
	bare := types.NewPackage(RTPath, "rt")
	full := types.NewPackage(RTPath, "rt")
	for _, name := range []string{"NewQueue", "Lock", "Condition", "ToThread"} {
		full.Scope().Insert(types.NewTypeName(token.NoPos, full, name, nil))
	}

	assert.Contains(t, channelAdvice(bare), "rt has no async queue yet")
	assert.Contains(t, channelAdvice(full), "an rt.Queue (rt.NewQueue)")
	assert.Contains(t, lockAdvice(bare), "rt has no async lock yet")
	assert.Contains(t, lockAdvice(full), "use an rt.Lock")
	assert.Contains(t, condAdvice(bare), "rt has no async condition variable yet")
	assert.Contains(t, condAdvice(full), "use an rt.Condition")
	assert.Contains(t, ioAdvice(bare), "rt has no rt.ToThread yet")
	assert.Equal(t, "run it on a worker thread with rt.ToThread", ioAdvice(full))
	assert.Contains(t, lockAdvice(nil), "rt has no async lock yet")
}
