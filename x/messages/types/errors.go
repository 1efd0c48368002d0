package types

import (
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"
)

// Errors of the messages module. Codes are stable: clients match on them.
// Submit answers each with a gRPC code, so REST gives 400 for a refused
// message and 429 for an exhausted allowance.
var (
	ErrInvalidParams      = errorsmod.Register(ModuleName, 2, "invalid params")
	ErrInvalidGenesis     = errorsmod.Register(ModuleName, 3, "invalid genesis")
	ErrMalformedMessage   = errorsmod.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "malformed message")
	ErrMessageTooLarge    = errorsmod.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "message too large")
	ErrInvalidSignature   = errorsmod.RegisterWithGRPCCode(ModuleName, 6, codes.Unauthenticated, "invalid signature")
	ErrWrongChain         = errorsmod.RegisterWithGRPCCode(ModuleName, 7, codes.InvalidArgument, "message is for another chain")
	ErrTimestampTooOld    = errorsmod.RegisterWithGRPCCode(ModuleName, 8, codes.InvalidArgument, "message timestamp is before the window")
	ErrTimestampInFuture  = errorsmod.RegisterWithGRPCCode(ModuleName, 9, codes.InvalidArgument, "message timestamp is too far in the future")
	ErrDuplicateMessage   = errorsmod.RegisterWithGRPCCode(ModuleName, 10, codes.AlreadyExists, "message already in a block")
	ErrAllowanceExhausted = errorsmod.RegisterWithGRPCCode(ModuleName, 11, codes.ResourceExhausted, "message allowance exhausted")
	ErrInvalidAuthor      = errorsmod.RegisterWithGRPCCode(ModuleName, 12, codes.InvalidArgument, "invalid author")
	ErrInvalidAppKey      = errorsmod.RegisterWithGRPCCode(ModuleName, 13, codes.InvalidArgument, "invalid app key")
	ErrNoKind             = errorsmod.RegisterWithGRPCCode(ModuleName, 14, codes.InvalidArgument, "message has no kind")
	ErrPoolFull           = errorsmod.RegisterWithGRPCCode(ModuleName, 15, codes.Unavailable, "message pool full")
	ErrInvalidRequest     = errorsmod.RegisterWithGRPCCode(ModuleName, 16, codes.InvalidArgument, "invalid request")
	ErrInvalidUnits       = errorsmod.RegisterWithGRPCCode(ModuleName, 17, codes.InvalidArgument, "invalid units")
	ErrUnauthorized       = errorsmod.Register(ModuleName, 18, "unauthorized")
	ErrInvalidBatch       = errorsmod.Register(ModuleName, 19, "invalid message batch")
	ErrInvalidField       = errorsmod.RegisterWithGRPCCode(ModuleName, 20, codes.InvalidArgument, "invalid field")
)
