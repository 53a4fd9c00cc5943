//go:build unix

package ahttp

import (
	"math/rand/v2"
	"net/url"
	"testing"
)

// TestPlainPathParses: every target plainPath takes without asking
// url.ParseRequestURI is one that url.ParseRequestURI takes, over random
// targets from an alphabet with every byte class the check tells apart;
// and it takes the usual ones.
func TestPlainPathParses(t *testing.T) {
	for _, s := range []string{"/", "/hello", "/a/b?x=1&y=%20z", "/~user/a.b-c_d", "//x", "/a:b@c"} {
		if !plainPath([]byte(s)) {
			t.Errorf("plainPath(%q) = false", s)
		}
	}
	for _, s := range []string{"", "*", "x/y", "http://h/", "/a b", "/%zz", "/%4", "/a#b", "/\x7f", "/\x01", "/é"} {
		if plainPath([]byte(s)) {
			t.Errorf("plainPath(%q) = true", s)
		}
	}
	const alphabet = "/aZ09-._~!$&'()*+,;=:@?%fG# \"<>[]\\^`{|}\x00\x1f\x7f\x80\xff"
	r := rand.New(rand.NewPCG(1, 2))
	taken := 0
	for range 200000 {
		b := make([]byte, 1+r.IntN(8))
		b[0] = '/'
		if r.IntN(8) == 0 {
			b[0] = alphabet[r.IntN(len(alphabet))]
		}
		for i := 1; i < len(b); i++ {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if plainPath(b) {
			taken++
			if _, err := url.ParseRequestURI(string(b)); err != nil {
				t.Fatalf("plainPath(%q) = true, but url.ParseRequestURI fails: %v", b, err)
			}
		}
	}
	if taken < 1000 {
		t.Fatalf("only %d random targets taken: the test checks too little", taken)
	}
}
