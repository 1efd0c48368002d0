package keeper_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

// msgGasBudget is what a text-only posts message may spend in its handler
// so that the whole tx (signature checks, fees, tx bytes) fits the CLI's
// default gas of 200 000.
const msgGasBudget = 120_000

// TestLargestTextPostFitsDefaultGas creates and edits the largest text-only
// post the default params allow (500 two-byte runes with 10 hashtags and 10
// resolved mentions), metering KV gas as the chain does, and logs the gas of
// a post with a body CID and 4 attachments with full alt texts, which needs
// more than the default (docs/posts.md: use --gas auto).
func TestLargestTextPostFitsDefaultGas(t *testing.T) {
	f := newFixture(t)
	var words []string
	for i := range 10 {
		name := fmt.Sprintf("user%02d", i)
		f.withProfile(name)
		words = append(words, "#tag"+fmt.Sprint(i), "@"+name)
	}
	text := strings.Join(words, " ") + " "
	text += strings.Repeat("é", types.DefaultMaxTextRunes-len([]rune(text)))
	author := f.addr("user00")

	gas := func(msg any) uint64 {
		t.Helper()
		f.ctx = f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		var err error
		switch m := msg.(type) {
		case *types.MsgCreatePost:
			_, err = f.msgs.CreatePost(f.ctx, m)
		case *types.MsgEditPost:
			_, err = f.msgs.EditPost(f.ctx, m)
		}
		require.NoError(t, err)
		return f.ctx.GasMeter().GasConsumed()
	}

	created := gas(&types.MsgCreatePost{Author: author, Text: text})
	edited := gas(&types.MsgEditPost{Author: author, PostID: 1, Text: text[1:]})
	t.Logf("largest text post: create %d gas, edit %d gas", created, edited)
	require.Less(t, created, uint64(msgGasBudget))
	require.Less(t, edited, uint64(msgGasBudget))

	atts := attachments(types.DefaultMaxAttachments)
	for i := range atts {
		atts[i].AltText = strings.Repeat("a", types.DefaultMaxAltTextRunes)
	}
	t.Logf("largest post with attachments: create %d gas",
		gas(&types.MsgCreatePost{Author: author, Text: text, BodyCID: cidV0, Attachments: atts}))
}
