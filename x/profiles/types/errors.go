package types

import (
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"
)

// Errors of the profiles module. Codes are stable: clients match on them.
// Errors a query can return carry a gRPC code, so REST answers 400 or 404.
var (
	ErrInvalidHandle     = errorsmod.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid handle")
	ErrHandleTaken       = errorsmod.Register(ModuleName, 3, "handle already taken")
	ErrHandleReserved    = errorsmod.Register(ModuleName, 4, "handle is reserved")
	ErrProfileExists     = errorsmod.Register(ModuleName, 5, "address already has a profile")
	ErrProfileNotFound   = errorsmod.RegisterWithGRPCCode(ModuleName, 6, codes.NotFound, "profile not found")
	ErrInvalidText       = errorsmod.Register(ModuleName, 7, "invalid text")
	ErrInvalidCID        = errorsmod.Register(ModuleName, 8, "invalid CID")
	ErrInvalidWebsite    = errorsmod.Register(ModuleName, 9, "invalid website")
	ErrSelfRelation      = errorsmod.Register(ModuleName, 10, "cannot follow or block yourself")
	ErrAlreadyFollowing  = errorsmod.Register(ModuleName, 11, "already following")
	ErrNotFollowing      = errorsmod.Register(ModuleName, 12, "not following")
	ErrAlreadyBlocked    = errorsmod.Register(ModuleName, 13, "already blocked")
	ErrNotBlocked        = errorsmod.Register(ModuleName, 14, "not blocked")
	ErrBlocked           = errorsmod.Register(ModuleName, 15, "blocked")
	ErrFollowLimit       = errorsmod.Register(ModuleName, 16, "follow limit reached")
	ErrInvalidAddress    = errorsmod.RegisterWithGRPCCode(ModuleName, 17, codes.InvalidArgument, "invalid address")
	ErrInvalidParams     = errorsmod.Register(ModuleName, 18, "invalid params")
	ErrUnauthorized      = errorsmod.Register(ModuleName, 19, "unauthorized")
	ErrNoChanges         = errorsmod.Register(ModuleName, 20, "nothing to change")
	ErrInvalidGenesis    = errorsmod.Register(ModuleName, 21, "invalid genesis")
	ErrInvalidPagination = errorsmod.RegisterWithGRPCCode(ModuleName, 22, codes.InvalidArgument, "invalid request")
)
