package keeper

import (
	"context"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// This file exposes unexported helpers to the keeper_test package.

// CandidateSignerSet is candidateSignerSet.
func (k Keeper) CandidateSignerSet(ctx context.Context, nonce uint64) (types.SignerSet, error) {
	return k.candidateSignerSet(ctx, nonce)
}

// SignerSetChanged is signerSetChanged.
var SignerSetChanged = signerSetChanged
