package keeper_test

import (
	"strings"
	"testing"

	gogotypes "github.com/cosmos/gogoproto/types"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/profiles/types"
)

const validCID = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"

func TestCreateProfile(t *testing.T) {
	cases := []struct {
		name    string
		setup   func(f *fixture)
		msg     func(f *fixture) *types.MsgCreateProfile
		wantErr error
	}{
		{
			name: "valid profile is created",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", DisplayName: "Alice", Bio: "hi\nthere",
					AvatarCID: validCID, BannerCID: "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", Website: "https://alice.example"}
			},
		},
		{name: "handle with uppercase is refused", msg: withHandle("Alice"), wantErr: types.ErrInvalidHandle},
		{name: "handle shorter than the minimum is refused", msg: withHandle("al"), wantErr: types.ErrInvalidHandle},
		{name: "handle longer than the maximum is refused", msg: withHandle(strings.Repeat("a", 31)), wantErr: types.ErrInvalidHandle},
		{name: "handle with a leading underscore is refused", msg: withHandle("_alice"), wantErr: types.ErrInvalidHandle},
		{name: "handle with a trailing underscore is refused", msg: withHandle("alice_"), wantErr: types.ErrInvalidHandle},
		{name: "handle with a double underscore is refused", msg: withHandle("al__ice"), wantErr: types.ErrInvalidHandle},
		{name: "handle with a dash is refused", msg: withHandle("al-ice"), wantErr: types.ErrInvalidHandle},
		{name: "handle with non-ASCII letters is refused", msg: withHandle("alïce"), wantErr: types.ErrInvalidHandle},
		{name: "reserved handle is refused", msg: withHandle("admin"), wantErr: types.ErrHandleReserved},
		{
			name:    "handle held by another profile is refused",
			setup:   func(f *fixture) { f.create(t, 1, "alice") },
			msg:     withHandle("alice"),
			wantErr: types.ErrHandleTaken,
		},
		{
			name:    "second profile for the same address is refused",
			setup:   func(f *fixture) { f.create(t, 0, "alice") },
			msg:     withHandle("alice2"),
			wantErr: types.ErrProfileExists,
		},
		{
			name: "display name over the limit is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", DisplayName: strings.Repeat("é", 65)}
			},
			wantErr: types.ErrInvalidText,
		},
		{
			name: "display name with a newline is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", DisplayName: "Al\nice"}
			},
			wantErr: types.ErrInvalidText,
		},
		{
			name: "bio with a control character is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", Bio: "bell\a"}
			},
			wantErr: types.ErrInvalidText,
		},
		{
			name: "bio that is not UTF-8 is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", Bio: "bad \xff byte"}
			},
			wantErr: types.ErrInvalidText,
		},
		{
			name: "bio over the limit is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", Bio: strings.Repeat("x", 501)}
			},
			wantErr: types.ErrInvalidText,
		},
		{
			name: "avatar that is not a CID is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", AvatarCID: "not-a-cid"}
			},
			wantErr: types.ErrInvalidCID,
		},
		{
			name: "banner that is not a CID is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", BannerCID: "Qm123"}
			},
			wantErr: types.ErrInvalidCID,
		},
		{
			name: "website that is not http(s) is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", Website: "javascript:alert(1)"}
			},
			wantErr: types.ErrInvalidWebsite,
		},
		{
			name: "malformed owner address is refused",
			msg: func(f *fixture) *types.MsgCreateProfile {
				return &types.MsgCreateProfile{Owner: "social1bad", Handle: "alice"}
			},
			wantErr: types.ErrInvalidAddress,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			before := f.state(t)
			msg := tc.msg(f)
			_, err := f.msg.CreateProfile(f.ctx, msg)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Equal(t, before, f.state(t), "a refused message must not change state")
				return
			}
			require.NoError(t, err)
			p := f.profile(t, 0)
			require.Equal(t, msg.Handle, p.Handle)
			require.Equal(t, msg.Bio, p.Bio)
			require.Equal(t, int64(10), p.CreatedHeight)
			require.Equal(t, blockTime, p.CreatedAt)
			owner, err := f.k.AddressByHandle(f.ctx, msg.Handle)
			require.NoError(t, err)
			require.Equal(t, f.addrs[0], owner)
			require.Equal(t, "socialchain.profiles.v1.EventProfileCreated", f.lastEvent())
		})
	}
}

func withHandle(h string) func(f *fixture) *types.MsgCreateProfile {
	return func(f *fixture) *types.MsgCreateProfile {
		return &types.MsgCreateProfile{Owner: f.str[0], Handle: h}
	}
}

func TestCreateProfileNormalizesToNFC(t *testing.T) {
	f := newFixture(t)
	decomposed := "Jose\u0301" // e + combining acute
	_, err := f.msg.CreateProfile(f.ctx, &types.MsgCreateProfile{Owner: f.str[0], Handle: "jose", DisplayName: decomposed})
	require.NoError(t, err)
	require.Equal(t, "Jos\u00e9", f.profile(t, 0).DisplayName)
}

func TestUpdateProfileChangesOnlyGivenFields(t *testing.T) {
	f := newFixture(t)
	_, err := f.msg.CreateProfile(f.ctx, &types.MsgCreateProfile{Owner: f.str[0], Handle: "alice", DisplayName: "Alice", Bio: "old", Website: "https://a.example"})
	require.NoError(t, err)

	f.ctx = f.ctx.WithBlockHeight(11)
	_, err = f.msg.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Owner: f.str[0], Bio: &gogotypes.StringValue{Value: "new"}, Website: &gogotypes.StringValue{}})
	require.NoError(t, err)
	p := f.profile(t, 0)
	require.Equal(t, "Alice", p.DisplayName, "display name was not given and must not change")
	require.Equal(t, "new", p.Bio)
	require.Empty(t, p.Website, "an empty value clears the field")
	require.Equal(t, int64(11), p.UpdatedHeight)
	require.Equal(t, int64(10), p.CreatedHeight)

	refused := []struct {
		name    string
		msg     *types.MsgUpdateProfile
		wantErr error
	}{
		{"update with no field set is refused", &types.MsgUpdateProfile{Owner: f.str[0]}, types.ErrNoChanges},
		{"update of an address without a profile is refused", &types.MsgUpdateProfile{Owner: f.str[1], Bio: &gogotypes.StringValue{Value: "x"}}, types.ErrProfileNotFound},
		{"update with an over-long bio is refused", &types.MsgUpdateProfile{Owner: f.str[0], Bio: &gogotypes.StringValue{Value: strings.Repeat("b", 501)}}, types.ErrInvalidText},
		{"update with a bad avatar CID is refused", &types.MsgUpdateProfile{Owner: f.str[0], AvatarCID: &gogotypes.StringValue{Value: "zzz"}}, types.ErrInvalidCID},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			before := f.state(t)
			_, err := f.msg.UpdateProfile(f.ctx, tc.msg)
			require.ErrorIs(t, err, tc.wantErr)
			require.Equal(t, before, f.state(t))
		})
	}
}

func TestChangeHandle(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")

	refused := []struct {
		name, handle string
		owner        int
		wantErr      error
	}{
		{"handle held by another profile is refused", "bob", 0, types.ErrHandleTaken},
		{"the same handle is refused", "alice", 0, types.ErrNoChanges},
		{"an invalid handle is refused", "Bob2", 0, types.ErrInvalidHandle},
		{"a reserved handle is refused", "root", 0, types.ErrHandleReserved},
		{"an address without a profile is refused", "carol", 2, types.ErrProfileNotFound},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			before := f.state(t)
			_, err := f.msg.ChangeHandle(f.ctx, &types.MsgChangeHandle{Owner: f.str[tc.owner], NewHandle: tc.handle})
			require.ErrorIs(t, err, tc.wantErr)
			require.Equal(t, before, f.state(t))
		})
	}

	_, err := f.msg.ChangeHandle(f.ctx, &types.MsgChangeHandle{Owner: f.str[0], NewHandle: "alice_b"})
	require.NoError(t, err)
	require.Equal(t, "alice_b", f.profile(t, 0).Handle)
	old, err := f.k.AddressByHandle(f.ctx, "alice")
	require.NoError(t, err)
	require.Nil(t, old, "the old handle is freed")
	f.create(t, 2, "alice")
}

func TestFollowRules(t *testing.T) {
	cases := []struct {
		name     string
		setup    func(t *testing.T, f *fixture)
		from, to int
		wantErr  error
	}{
		{name: "following another profile works", from: 0, to: 1},
		{name: "following yourself is refused", from: 0, to: 0, wantErr: types.ErrSelfRelation},
		{name: "follower without a profile is refused", from: 3, to: 1, wantErr: types.ErrProfileNotFound},
		{name: "followee without a profile is refused", from: 0, to: 3, wantErr: types.ErrProfileNotFound},
		{name: "following twice is refused", setup: func(t *testing.T, f *fixture) { f.follow(t, 0, 1) }, from: 0, to: 1, wantErr: types.ErrAlreadyFollowing},
		{
			name: "a blocked account cannot follow the blocker",
			setup: func(t *testing.T, f *fixture) {
				_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[1], Blocked: f.str[0]})
				require.NoError(t, err)
			},
			from: 0, to: 1, wantErr: types.ErrBlocked,
		},
		{
			name: "the blocker cannot follow whom it blocks",
			setup: func(t *testing.T, f *fixture) {
				_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: f.str[1]})
				require.NoError(t, err)
			},
			from: 0, to: 1, wantErr: types.ErrBlocked,
		},
		{
			name: "following beyond max_follows_per_account is refused",
			setup: func(t *testing.T, f *fixture) {
				p := types.DefaultParams()
				p.MaxFollowsPerAccount = 1
				_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: p})
				require.NoError(t, err)
				f.follow(t, 0, 2)
			},
			from: 0, to: 1, wantErr: types.ErrFollowLimit,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.create(t, 0, "alice")
			f.create(t, 1, "bob")
			f.create(t, 2, "carol")
			if tc.setup != nil {
				tc.setup(t, f)
			}
			before := f.state(t)
			_, err := f.msg.Follow(f.ctx, &types.MsgFollow{Follower: f.str[tc.from], Followee: f.str[tc.to]})
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Equal(t, before, f.state(t))
				return
			}
			require.NoError(t, err)
			require.Equal(t, uint64(1), f.profile(t, tc.from).FollowingCount)
			require.Equal(t, uint64(1), f.profile(t, tc.to).FollowersCount)
			rel, err := f.query.Relationship(f.ctx, &types.QueryRelationshipRequest{A: f.str[tc.from], B: f.str[tc.to]})
			require.NoError(t, err)
			require.True(t, rel.Follows)
			require.False(t, rel.FollowedBy)
		})
	}
}

func TestUnfollow(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")

	before := f.state(t)
	_, err := f.msg.Unfollow(f.ctx, &types.MsgUnfollow{Follower: f.str[0], Followee: f.str[1]})
	require.ErrorIs(t, err, types.ErrNotFollowing)
	require.Equal(t, before, f.state(t))
	_, err = f.msg.Unfollow(f.ctx, &types.MsgUnfollow{Follower: f.str[0], Followee: f.str[0]})
	require.ErrorIs(t, err, types.ErrSelfRelation)

	f.follow(t, 0, 1)
	_, err = f.msg.Unfollow(f.ctx, &types.MsgUnfollow{Follower: f.str[0], Followee: f.str[1]})
	require.NoError(t, err)
	require.Zero(t, f.profile(t, 0).FollowingCount)
	require.Zero(t, f.profile(t, 1).FollowersCount)
	following, err := f.k.IsFollowing(f.ctx, f.addrs[0], f.addrs[1])
	require.NoError(t, err)
	require.False(t, following)
	has, err := f.k.Followers.Has(f.ctx, collections.Join(f.addrs[1], f.addrs[0]))
	require.NoError(t, err)
	require.False(t, has, "the reverse edge goes too")
}

func TestBlockRemovesFollowsBothWays(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	f.follow(t, 0, 1)
	f.follow(t, 1, 0)

	_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: f.str[1]})
	require.NoError(t, err)
	rel, err := f.query.Relationship(f.ctx, &types.QueryRelationshipRequest{A: f.str[0], B: f.str[1]})
	require.NoError(t, err)
	require.Equal(t, types.QueryRelationshipResponse{Blocks: true}, *rel)
	for i := range 2 {
		p := f.profile(t, i)
		require.Zero(t, p.FollowersCount, mustJSON(p))
		require.Zero(t, p.FollowingCount, mustJSON(p))
	}

	refused := []struct {
		name    string
		run     func() error
		wantErr error
	}{
		{"blocking twice is refused", func() error {
			_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: f.str[1]})
			return err
		}, types.ErrAlreadyBlocked},
		{"blocking yourself is refused", func() error {
			_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: f.str[0]})
			return err
		}, types.ErrSelfRelation},
		{"blocker without a profile is refused", func() error {
			_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[3], Blocked: f.str[0]})
			return err
		}, types.ErrProfileNotFound},
		{"unblocking someone not blocked is refused", func() error {
			_, err := f.msg.Unblock(f.ctx, &types.MsgUnblock{Blocker: f.str[1], Blocked: f.str[0]})
			return err
		}, types.ErrNotBlocked},
		{"blocking a malformed address is refused", func() error {
			_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: "cosmos1xyz"})
			return err
		}, types.ErrInvalidAddress},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			before := f.state(t)
			require.ErrorIs(t, tc.run(), tc.wantErr)
			require.Equal(t, before, f.state(t))
		})
	}

	// An address without a profile can be blocked pre-emptively.
	_, err = f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: f.str[4]})
	require.NoError(t, err)

	_, err = f.msg.Unblock(f.ctx, &types.MsgUnblock{Blocker: f.str[0], Blocked: f.str[1]})
	require.NoError(t, err)
	blocked, err := f.k.HasBlocked(f.ctx, f.addrs[0], f.addrs[1])
	require.NoError(t, err)
	require.False(t, blocked)
	f.follow(t, 1, 0) // allowed again after unblock
}

func TestDeleteProfile(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	f.create(t, 2, "carol")
	f.create(t, 3, "dave")
	f.follow(t, 0, 1)
	f.follow(t, 2, 0)
	_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: f.str[4]})
	require.NoError(t, err)
	_, err = f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[3], Blocked: f.str[0]})
	require.NoError(t, err)

	_, err = f.msg.DeleteProfile(f.ctx, &types.MsgDeleteProfile{Owner: f.str[0]})
	require.NoError(t, err)

	_, err = f.k.GetProfile(f.ctx, f.addrs[0])
	require.ErrorIs(t, err, types.ErrProfileNotFound)
	require.Zero(t, f.profile(t, 1).FollowersCount, "bob lost alice as follower")
	require.Zero(t, f.profile(t, 2).FollowingCount, "carol no longer follows alice")
	for _, e := range []struct {
		name string
		has  func() (bool, error)
		want bool
	}{
		{"alice->bob follow", func() (bool, error) { return f.k.Follows.Has(f.ctx, collections.Join(f.addrs[0], f.addrs[1])) }, false},
		{"bob<-alice reverse edge", func() (bool, error) { return f.k.Followers.Has(f.ctx, collections.Join(f.addrs[1], f.addrs[0])) }, false},
		{"carol->alice follow", func() (bool, error) { return f.k.Follows.Has(f.ctx, collections.Join(f.addrs[2], f.addrs[0])) }, false},
		{"alice's block of eve", func() (bool, error) { return f.k.Blocks.Has(f.ctx, collections.Join(f.addrs[0], f.addrs[4])) }, false},
		{"dave's block of alice stays", func() (bool, error) { return f.k.Blocks.Has(f.ctx, collections.Join(f.addrs[3], f.addrs[0])) }, true},
	} {
		got, err := e.has()
		require.NoError(t, err)
		require.Equal(t, e.want, got, e.name)
	}

	before := f.state(t)
	_, err = f.msg.DeleteProfile(f.ctx, &types.MsgDeleteProfile{Owner: f.str[0]})
	require.ErrorIs(t, err, types.ErrProfileNotFound, "deleting twice is refused")
	require.Equal(t, before, f.state(t))

	f.create(t, 4, "alice") // the handle is free again
}

func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	p := types.DefaultParams()
	p.BioMaxRunes = 1000

	before := f.state(t)
	_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.str[0], Params: p})
	require.ErrorIs(t, err, types.ErrUnauthorized, "only the authority may change params")
	bad := p
	bad.HandleMaxLength = 2
	_, err = f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: bad})
	require.ErrorIs(t, err, types.ErrInvalidParams)
	require.Equal(t, before, f.state(t))

	_, err = f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: p})
	require.NoError(t, err)
	res, err := f.query.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, uint32(1000), res.Params.BioMaxRunes)
}
