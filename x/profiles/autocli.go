package profiles

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	profilesv1 "github.com/socialchain/socialchain/api/socialchain/profiles/v1"
)

// AutoCLIOptions describes the tx and query commands generated from the
// protobuf services.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              profilesv1.Msg_ServiceDesc.ServiceName,
			EnhanceCustomCommand: true, // adds these to GetTxCmd's app-key commands
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "CreateProfile",
					Use:            "create-profile [handle]",
					Short:          "Create your profile with a unique handle",
					Example:        `socialchaind tx profiles create-profile alice --display-name "Alice" --bio "hi" --from alice`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "handle"}},
					FlagOptions:    profileFieldFlags(""),
				},
				{
					RpcMethod:   "UpdateProfile",
					Use:         "update-profile",
					Short:       "Change profile fields; only the flags you pass change (pass \"\" to clear)",
					Example:     `socialchaind tx profiles update-profile --bio "new bio" --website https://alice.example --from alice`,
					FlagOptions: profileFieldFlags(` (left out: unchanged; "" clears it)`),
				},
				{
					RpcMethod: "DeleteProfile",
					Use:       "delete-profile",
					Short:     "Delete your profile, free its handle and remove your follows",
					Example:   `socialchaind tx profiles delete-profile --from alice`,
				},
				{
					RpcMethod:      "ChangeHandle",
					Use:            "change-handle [new-handle]",
					Short:          "Move your profile to a new free handle",
					Example:        `socialchaind tx profiles change-handle alice_b --from alice`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "new_handle"}},
				},
				{
					RpcMethod:      "Follow",
					Use:            "follow [address]",
					Short:          "Follow an account",
					Example:        `socialchaind tx profiles follow social1… --from alice`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "followee"}},
				},
				{
					RpcMethod:      "Unfollow",
					Use:            "unfollow [address]",
					Short:          "Stop following an account",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "followee"}},
				},
				{
					RpcMethod:      "Block",
					Use:            "block [address]",
					Short:          "Block an account: removes follows both ways and stops it following or replying to you",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "blocked"}},
				},
				{
					RpcMethod:      "Unblock",
					Use:            "unblock [address]",
					Short:          "Unblock an account",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "blocked"}},
				},
				{
					RpcMethod: "AddAppKey",
					Skip:      true, // client/cli add-app-key: takes a key name or a public key
				},
				{
					RpcMethod: "RevokeAppKey",
					Skip:      true, // client/cli revoke-app-key: takes a key name or a public key
				},
				{
					RpcMethod: "UpdateParams",
					Skip:      true, // only gov can send it, inside a proposal
				},
			},
		},
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: profilesv1.Query_ServiceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Profile",
					Use:            "profile [address]",
					Short:          "Show the profile of an address",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "ProfileByHandle",
					Use:            "handle [handle]",
					Short:          "Show the profile holding a handle",
					Example:        `socialchaind query profiles handle alice`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "handle"}},
				},
				{
					RpcMethod: "Profiles",
					Use:       "profiles",
					Short:     "List all profiles",
				},
				{
					RpcMethod:      "Followers",
					Use:            "followers [address]",
					Short:          "List who follows an address",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "Following",
					Use:            "following [address]",
					Short:          "List whom an address follows",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "Blocks",
					Use:            "blocks [address]",
					Short:          "List the addresses an address has blocked",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod:      "Relationship",
					Use:            "relationship [a] [b]",
					Short:          "Show follows and blocks between a and b, from a's side",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "a"}, {ProtoField: "b"}},
				},
				{
					RpcMethod:      "AppKeys",
					Use:            "app-keys [address]",
					Short:          "List the app keys of a profile (expired ones included), ordered by public key",
					Example:        `socialchaind query profiles app-keys social1… --output json`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the profiles params",
				},
			},
		},
	}
}

// profileFieldFlags is the help of the profile field flags of
// create-profile and update-profile; suffix says what leaving one out does.
func profileFieldFlags(suffix string) map[string]*autocliv1.FlagOptions {
	return map[string]*autocliv1.FlagOptions{
		"display_name": {Usage: "the free-form name shown next to the handle (at most the max_display_name_len param)" + suffix},
		"bio":          {Usage: "a short description of you (at most the max_bio_len param)" + suffix},
		"avatar_cid":   {Usage: "IPFS CID of the avatar image (upload it with `content add`)" + suffix},
		"banner_cid":   {Usage: "IPFS CID of the banner image (upload it with `content add`)" + suffix},
		"website":      {Usage: "a URL you link to" + suffix},
	}
}
