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
	ErrInvalidAppKey     = errorsmod.RegisterWithGRPCCode(ModuleName, 23, codes.InvalidArgument, "invalid app key")
	ErrAppKeyExists      = errorsmod.Register(ModuleName, 24, "app key already registered")
	ErrAppKeyNotFound    = errorsmod.RegisterWithGRPCCode(ModuleName, 25, codes.NotFound, "app key not found")
	ErrTooManyAppKeys    = errorsmod.Register(ModuleName, 26, "app key limit reached")
	ErrInvalidScope      = errorsmod.RegisterWithGRPCCode(ModuleName, 27, codes.InvalidArgument, "invalid app key scope")
	ErrAppKeyExpired     = errorsmod.RegisterWithGRPCCode(ModuleName, 28, codes.PermissionDenied, "app key expired")
	ErrAppKeyOutOfScope  = errorsmod.RegisterWithGRPCCode(ModuleName, 29, codes.PermissionDenied, "app key not authorised for this scope")
)
