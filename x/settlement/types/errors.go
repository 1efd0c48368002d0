package types

import (
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"
)

// Errors of the settlement module. Codes are stable: clients match on them.
var (
	ErrInvalidEthAddress    = errorsmod.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid Ethereum address")
	ErrInvalidProof         = errorsmod.Register(ModuleName, 3, "invalid proof of possession")
	ErrNotValidator         = errorsmod.Register(ModuleName, 4, "not a validator operator")
	ErrEthAddressTaken      = errorsmod.Register(ModuleName, 5, "Ethereum address bound to another validator")
	ErrSignerNotFound       = errorsmod.RegisterWithGRPCCode(ModuleName, 6, codes.NotFound, "signer not found")
	ErrCheckpointNotFound   = errorsmod.RegisterWithGRPCCode(ModuleName, 7, codes.NotFound, "checkpoint not found")
	ErrInvalidSignature     = errorsmod.Register(ModuleName, 8, "invalid checkpoint signature")
	ErrSigningWindowClosed  = errorsmod.Register(ModuleName, 9, "signing window closed")
	ErrDuplicateSignature   = errorsmod.Register(ModuleName, 10, "signer already signed")
	ErrInvalidParams        = errorsmod.Register(ModuleName, 11, "invalid params")
	ErrUnauthorized         = errorsmod.Register(ModuleName, 12, "unauthorized")
	ErrInvalidGenesis       = errorsmod.Register(ModuleName, 13, "invalid genesis")
	ErrInvalidVoteExtension = errorsmod.Register(ModuleName, 14, "invalid vote extension")
	ErrInvalidInjectedTx    = errorsmod.Register(ModuleName, 15, "invalid injected checkpoint signatures")
	ErrSameEthAddress       = errorsmod.Register(ModuleName, 16, "validator already signs with this key")
	ErrInvalidRequest       = errorsmod.RegisterWithGRPCCode(ModuleName, 17, codes.InvalidArgument, "invalid request")
	ErrRecordNotFound       = errorsmod.RegisterWithGRPCCode(ModuleName, 18, codes.NotFound, "settlement record not found")
)
