package types

import profilestypes "github.com/socialchain/socialchain/x/profiles/types"

// The app-key scopes each kind needs; x/profiles defines and checks them.
const (
	ScopePosts     = profilestypes.ScopePosts
	ScopeReactions = profilestypes.ScopeReactions
	ScopeReposts   = profilestypes.ScopeReposts
	ScopeFollows   = profilestypes.ScopeFollows
)
