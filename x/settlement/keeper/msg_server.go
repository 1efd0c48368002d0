package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/types"
)

type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the settlement Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}

// RegisterSigner binds or rotates a validator's checkpoint-signing key
// after checking the key's proof of possession. A rotation takes effect
// with the next signer set, which the next checkpoint hands over to.
func (m msgServer) RegisterSigner(ctx context.Context, msg *types.MsgRegisterSigner) (*types.MsgRegisterSignerResponse, error) {
	operator, err := m.addressCodec.StringToBytes(msg.Operator)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrNotValidator, "operator %q: %s", msg.Operator, err)
	}
	if err := types.ValidateEthAddress("eth_address", msg.EthAddress); err != nil {
		return nil, err
	}
	eth := types.CanonicalEthAddress(msg.EthAddress)
	valAddr := sdk.ValAddress(operator)
	valStr, err := m.valCodec.BytesToString(valAddr)
	if err != nil {
		return nil, err
	}
	if _, err := m.staking.GetValidator(ctx, valAddr); err != nil {
		return nil, errorsmod.Wrapf(types.ErrNotValidator, "%s has no validator", msg.Operator)
	}

	existing, err := m.Signers.Get(ctx, valAddr)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if existing.EthAddress == eth {
		return nil, errorsmod.Wrapf(types.ErrSameEthAddress, "%s already signs with %s", valStr, eth)
	}
	if holder, err := m.Signers.Indexes.EthAddress.MatchExact(ctx, eth); err == nil && !holder.Equals(valAddr) {
		return nil, errorsmod.Wrapf(types.ErrEthAddressTaken, "%s", eth)
	} else if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	nonce, err := m.RegistrationNonces.Get(ctx, valAddr)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	digest := types.RegistrationDigest(valStr, sdkCtx.ChainID(), params.L1ChainId, nonce)
	recovered, err := types.RecoverSigner(digest, msg.Proof)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidProof, "%s", err)
	}
	if recovered.Hex() != eth {
		return nil, errorsmod.Wrapf(types.ErrInvalidProof, "proof is signed by %s, not %s (nonce %d, chain %s, L1 chain %d)",
			recovered.Hex(), eth, nonce, sdkCtx.ChainID(), params.L1ChainId)
	}

	signer := types.Signer{Validator: valStr, EthAddress: eth, Nonce: nonce + 1, RegisteredHeight: sdkCtx.BlockHeight()}
	if err := m.RegistrationNonces.Set(ctx, valAddr, nonce+1); err != nil {
		return nil, err
	}
	if err := m.Signers.Set(ctx, valAddr, signer); err != nil {
		return nil, err
	}
	return &types.MsgRegisterSignerResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventSignerRegistered{
		Validator: valStr, EthAddress: eth, OldEthAddress: existing.EthAddress,
	})
}

// RemoveSigner unbinds a validator's key.
func (m msgServer) RemoveSigner(ctx context.Context, msg *types.MsgRemoveSigner) (*types.MsgRemoveSignerResponse, error) {
	operator, err := m.addressCodec.StringToBytes(msg.Operator)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrNotValidator, "operator %q: %s", msg.Operator, err)
	}
	valAddr := sdk.ValAddress(operator)
	signer, err := m.Signers.Get(ctx, valAddr)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrSignerNotFound, "%s has no registered key", msg.Operator)
	} else if err != nil {
		return nil, err
	}
	if err := m.Signers.Remove(ctx, valAddr); err != nil {
		return nil, err
	}
	return &types.MsgRemoveSignerResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSignerRemoved{
		Validator: signer.Validator, EthAddress: signer.EthAddress,
	})
}

// SubmitCheckpointSig adds a signature that missed the vote extensions,
// while the checkpoint's signing window is open.
func (m msgServer) SubmitCheckpointSig(ctx context.Context, msg *types.MsgSubmitCheckpointSig) (*types.MsgSubmitCheckpointSigResponse, error) {
	cp, err := m.GetCheckpoint(ctx, msg.Number)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	if uint64(height-cp.Checkpoint.Height) > params.SigningWindow {
		return nil, errorsmod.Wrapf(types.ErrSigningWindowClosed, "checkpoint %d at height %d, window %d blocks, now %d",
			msg.Number, cp.Checkpoint.Height, params.SigningWindow, height)
	}
	if err := m.AddCheckpointSignature(ctx, msg.Number, msg.Signature); err != nil {
		return nil, err
	}
	return &types.MsgSubmitCheckpointSigResponse{}, nil
}

// UpdateParams replaces the params; only the authority (gov) may.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != m.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "authority is %s, got %s", m.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, m.Params.Set(ctx, msg.Params)
}
