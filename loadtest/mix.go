package loadtest

import (
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/socialchain/socialchain/app"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// Mix names the kind of transactions a run sends.
type Mix string

// The mixes of the issue: posts, a social mix, and plain bank sends as the
// reference ceiling (the cheapest SDK tx), all as transactions; and posts
// through the message lane (x/messages), signed by app keys.
const (
	MixPosts Mix = "posts"
	MixMixed Mix = "mixed"
	MixBank  Mix = "bank"
	MixLane  Mix = "lane"
)

// Mixes lists every mix, for flag help and validation.
var Mixes = []Mix{MixPosts, MixMixed, MixBank, MixLane}

// ParseMix returns the mix called name.
func ParseMix(name string) (Mix, error) {
	for _, m := range Mixes {
		if string(m) == name {
			return m, nil
		}
	}
	return "", fmt.Errorf("mix %q is not one of %v", name, Mixes)
}

// NeedsProfiles reports whether the mix's senders must have profiles.
func (m Mix) NeedsProfiles() bool { return m != MixBank }

// IsLane reports whether the mix sends lane messages instead of
// transactions: no gas, no sequences, counted by EventMessageApplied.
func (m Mix) IsLane() bool { return m == MixLane }

// Unit is what the mix sends and counts: "tx" or "message".
func (m Mix) Unit() string {
	if m.IsLane() {
		return "message"
	}
	return "tx"
}

// NeedsSeedPosts reports whether the mix refers to existing posts (replies,
// reactions), so every account must have one post before the run.
func (m Mix) NeedsSeedPosts() bool { return m == MixMixed }

// PostRunes is the length of every load post, in runes: a full tweet.
const PostRunes = 140

// mixedCycle is the order of the mixed mix per account. Every state change
// is undone later in the cycle (react/unreact, follow/unfollow), so an
// account's cycle never conflicts with itself and reruns start clean.
var mixedCycle = []string{"post", "follow", "reply", "react", "post", "unreact", "reply", "unfollow"}

// undoes maps each undo kind of mixedCycle to the kind it undoes.
var undoes = map[string]string{"unreact": "react", "unfollow": "follow"}

// relation returns the edge a kind makes or undoes ("react" for react
// and unreact), or false for kinds that change no edge.
func relation(kind string) (string, bool) {
	if do, ok := undoes[kind]; ok {
		return do, true
	}
	for _, do := range undoes {
		if do == kind {
			return do, true
		}
	}
	return "", false
}

// DependsOn returns the index (in this run, same account) of the tx that
// must be in a block before tx i is broadcast, if any. CheckTx checks
// against committed state only: an unreact sent while its react waits in
// the mempool is refused with "reaction not found", and the next cycle's
// react sent while the unreact waits with "already reacted". So a tx that
// makes or undoes an edge waits for the account's previous tx on that edge.
func (m Mix) DependsOn(i uint64) (uint64, bool) {
	if m != MixMixed {
		return 0, false
	}
	edge, ok := relation(m.KindAt(i))
	if !ok {
		return 0, false
	}
	for j := i; j > 0; j-- {
		if prev, ok := relation(m.KindAt(j - 1)); ok && prev == edge {
			return j - 1, true
		}
	}
	return 0, false
}

// Kinds returns the message kinds a mix sends, in cycle order; gas is
// simulated once per kind.
func (m Mix) Kinds() []string {
	switch m {
	case MixPosts:
		return []string{"post"}
	case MixBank:
		return []string{"send"}
	case MixLane:
		return []string{"create_post"}
	default:
		seen := map[string]bool{}
		var kinds []string
		for _, k := range mixedCycle {
			if !seen[k] {
				seen[k] = true
				kinds = append(kinds, k)
			}
		}
		return kinds
	}
}

// CycleLen is how many txs make one unit of the mix per account; senders
// stop between units so a run never leaves a follow without its unfollow.
func (m Mix) CycleLen() int {
	if m == MixMixed {
		return len(mixedCycle)
	}
	return 1
}

// World is what messages refer to besides their sender: the other load
// accounts and one existing post per account.
type World struct {
	Accounts  []*Account
	SeedPosts []uint64 // by account index; set for mixes that need them
}

// KindAt returns the message kind of the i-th tx (0-based, in this run) of
// an account.
func (m Mix) KindAt(i uint64) string {
	kinds := m.Kinds()
	if m == MixMixed {
		return mixedCycle[i%uint64(len(mixedCycle))]
	}
	return kinds[0]
}

// Msg builds the i-th message of account a in this run.
func (m Mix) Msg(w *World, a *Account, i uint64) (sdk.Msg, error) {
	return w.msg(m.KindAt(i), a, i)
}

func (w *World) msg(kind string, a *Account, i uint64) (sdk.Msg, error) {
	// The peer is the next account, so every account is followed, replied
	// to and reacted to by exactly one other.
	peer := w.Accounts[(a.Index+1)%len(w.Accounts)]
	self := a.Address.String()
	switch kind {
	case "send":
		return banktypes.NewMsgSend(a.Address, peer.Address, sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1))), nil
	case "post":
		return &poststypes.MsgCreatePost{Author: self, Text: PostText(a.Index, i)}, nil
	}
	if len(w.Accounts) < 2 {
		return nil, fmt.Errorf("%s messages need at least 2 accounts", kind)
	}
	switch kind {
	case "follow":
		return &profilestypes.MsgFollow{Follower: self, Followee: peer.Address.String()}, nil
	case "unfollow":
		return &profilestypes.MsgUnfollow{Follower: self, Followee: peer.Address.String()}, nil
	}
	if peer.Index >= len(w.SeedPosts) || w.SeedPosts[peer.Index] == 0 {
		return nil, fmt.Errorf("%s needs a seed post of account %d", kind, peer.Index)
	}
	target := w.SeedPosts[peer.Index]
	switch kind {
	case "reply":
		return &poststypes.MsgCreatePost{Author: self, Text: PostText(a.Index, i), ReplyTo: target}, nil
	case "react":
		return &poststypes.MsgReact{User: self, PostID: target, Kind: "like"}, nil
	case "unreact":
		return &poststypes.MsgUnreact{User: self, PostID: target, Kind: "like"}, nil
	}
	return nil, fmt.Errorf("unknown message kind %q", kind)
}

// PostText is the text of account's i-th load post: exactly PostRunes runes,
// unique per (account, i), plain words without hashtags or mentions so the
// post costs what an ordinary post costs.
func PostText(account int, i uint64) string {
	head := fmt.Sprintf("load test post %d-%d: ", account, i)
	filler := "the quick brown fox jumps over the lazy dog while the chain keeps producing blocks "
	var b strings.Builder
	b.WriteString(head)
	for b.Len() < PostRunes {
		b.WriteString(filler)
	}
	return b.String()[:PostRunes]
}
