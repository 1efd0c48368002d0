package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/messages/types"
)

// BenchmarkApplyBatch measures a block's lane work per message: the lane's
// checks and a create_post through the posts keeper, each on its own
// branch, plus the receipt (in-memory stores; IAVL commit not included).
func BenchmarkApplyBatch(b *testing.B) {
	f := newFixture(b)
	authors := make([]user, 50)
	for i := range authors {
		authors[i] = f.newUser(b, fmt.Sprintf("author%02d", i))
	}
	const perBlock = 1000
	msgs := make([]*types.Message, 0, b.N)
	for i := range b.N {
		msgs = append(msgs, f.message(b, authors[i%len(authors)], post(fmt.Sprintf("load post %d with a few words #bench", i)), 0))
	}
	b.ResetTimer()
	for start := 0; start < len(msgs); start += perBlock {
		end := min(start+perBlock, len(msgs))
		require.NoError(b, f.k.ApplyBatch(f.ctx, msgs[start:end]))
	}
}

// BenchmarkValidate measures the submit-time check of one message against
// the state, signature excluded.
func BenchmarkValidate(b *testing.B) {
	f := newFixture(b)
	alice := f.newUser(b, "alice")
	params := types.DefaultParams()
	m := f.message(b, alice, post("a post of ordinary length, checked at submit #bench"), 0)
	b.ResetTimer()
	for range b.N {
		if err := f.k.Validate(f.ctx, params, m, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifySignatures measures batch verification per message over
// all cores.
func BenchmarkVerifySignatures(b *testing.B) {
	f := newFixture(b)
	alice := f.newUser(b, "alice")
	msgs := make([]*types.Message, 1024)
	for i := range msgs {
		msgs[i] = f.message(b, alice, post(fmt.Sprintf("signed %d", i)), 0)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i += len(msgs) {
		for _, err := range types.VerifySignatures(msgs) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
