package keeper_test

import (
	"fmt"
	"testing"

	"cosmossdk.io/core/address"

	codecaddress "github.com/cosmos/cosmos-sdk/codec/address"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"

	"github.com/socialchain/socialchain/internal/addresscodec"
	"github.com/socialchain/socialchain/x/posts/types"
)

// BenchmarkMsgsByAddressCodec runs a reply (two address decodes, one
// encode, plus the block check's decode of the parent's author) and a
// reaction on the in-memory fixture with the SDK's codecs and with the
// app's (internal/addresscodec), to show what the codec costs a message.
func BenchmarkMsgsByAddressCodec(b *testing.B) {
	for _, c := range []struct {
		name string
		ac   address.Codec
	}{
		{"sdk-codec-address", codecaddress.NewBech32Codec("cosmos")},
		{"sdk-x-auth-codec", authcodec.NewBech32Codec("cosmos")},
		{"addresscodec", addresscodec.NewBech32Codec("cosmos")},
	} {
		b.Run(c.name+"/reply", func(b *testing.B) {
			f := newFixtureWithCodec(b, c.ac)
			f.withProfile("alice", "bob")
			root := f.post(b, "alice", "root")
			msg := &types.MsgCreatePost{Author: f.addr("bob"), Text: "a reply of 40 characters, #bench @alice", ReplyTo: root}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.msgs.CreatePost(f.ctx, msg); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/react", func(b *testing.B) {
			f := newFixtureWithCodec(b, c.ac)
			f.withProfile("alice", "bob")
			var ids []uint64
			for i := range 2000 {
				ids = append(ids, f.post(b, "alice", fmt.Sprint("post ", i)))
			}
			user := f.addr("bob")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// New (post, kind) pairs until the posts run out, then
				// unreact to reuse them.
				msg := &types.MsgReact{User: user, PostID: ids[i%len(ids)], Kind: "like"}
				if i/len(ids)%2 == 1 {
					if _, err := f.msgs.Unreact(f.ctx, &types.MsgUnreact{User: user, PostID: msg.PostID, Kind: "like"}); err != nil {
						b.Fatal(err)
					}
				} else if _, err := f.msgs.React(f.ctx, msg); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
