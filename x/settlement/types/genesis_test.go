package types_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/socialchain/socialchain/x/settlement/types"
)

const (
	ethA = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
	ethB = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"
)

var vc = addresscodec.NewBech32Codec("socialvaloper")

func valoper(t testing.TB, b byte) string {
	t.Helper()
	s, err := vc.BytesToString(bytes.Repeat([]byte{b}, 20))
	require.NoError(t, err)
	return s
}

// validGenesis has two signers, two signer sets, two checkpoints and three
// records, every cross-reference consistent.
func validGenesis(t testing.TB) types.GenesisState {
	t.Helper()
	leaf := bytes.Repeat([]byte{7}, 32)
	return types.GenesisState{
		Params: types.DefaultParams(),
		Signers: []types.Signer{
			{Validator: valoper(t, 1), EthAddress: ethA, Nonce: 1},
			{Validator: valoper(t, 2), EthAddress: ethB, Nonce: 3},
		},
		SignerSets: []types.SignerSet{
			{Nonce: 4, Members: []types.SignerSetMember{{EthAddress: ethA, Power: 10}}},
			{Nonce: 5, Members: []types.SignerSetMember{{EthAddress: ethA, Power: 10}, {EthAddress: ethB, Power: 5}}},
		},
		Checkpoints: []types.SignedCheckpoint{
			{Checkpoint: types.Checkpoint{Number: 8, SignerSetNonce: 4}, RecordsFrom: 0, RecordsTo: 2},
			{Checkpoint: types.Checkpoint{Number: 9, SignerSetNonce: 5}, RecordsFrom: 2, RecordsTo: 3},
		},
		Records: []types.SettlementRecord{{Kind: "post", Key: "1", Leaf: leaf}, {Kind: "post", Key: "2", Leaf: leaf}, {Kind: "profile", Key: "a", Leaf: leaf}},
	}
}

func TestGenesisValidate(t *testing.T) {
	cases := []struct {
		name    string
		mutate  func(gs *types.GenesisState)
		wantErr string
	}{
		{name: "default genesis is valid", mutate: func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() }},
		{name: "consistent genesis is valid", mutate: func(*types.GenesisState) {}},
		{name: "bad params are refused", mutate: func(gs *types.GenesisState) { gs.Params.EpochLength = 0 }, wantErr: "params"},
		{name: "zero L1 chain id is refused", mutate: func(gs *types.GenesisState) { gs.Params.L1ChainId = 0 }, wantErr: "l1_chain_id"},
		{name: "malformed validator address is refused", mutate: func(gs *types.GenesisState) { gs.Signers[0].Validator = "socialvaloper1bad" }, wantErr: "validator"},
		{name: "malformed eth address is refused", mutate: func(gs *types.GenesisState) { gs.Signers[0].EthAddress = "0x12" }, wantErr: "eth_address"},
		{name: "zero eth address is refused", mutate: func(gs *types.GenesisState) {
			gs.Signers[0].EthAddress = "0x0000000000000000000000000000000000000000"
		}, wantErr: "zero address"},
		{name: "non-checksummed eth address is refused", mutate: func(gs *types.GenesisState) { gs.Signers[0].EthAddress = strings.ToLower(ethA) }, wantErr: "EIP-55"},
		{name: "the same validator listed twice is refused", mutate: func(gs *types.GenesisState) { gs.Signers[1].Validator = gs.Signers[0].Validator }, wantErr: "listed twice"},
		{name: "the same eth address listed twice is refused", mutate: func(gs *types.GenesisState) { gs.Signers[1].EthAddress = ethA }, wantErr: "listed twice"},
		{name: "a gap in signer set nonces is refused", mutate: func(gs *types.GenesisState) {
			gs.SignerSets[1].Nonce = 6
			gs.Checkpoints[1].Checkpoint.SignerSetNonce = 6
		}, wantErr: "does not follow"},
		{name: "signer sets out of order are refused", mutate: func(gs *types.GenesisState) {
			gs.SignerSets[0], gs.SignerSets[1] = gs.SignerSets[1], gs.SignerSets[0]
		}, wantErr: "does not follow"},
		{name: "a signer set without members is refused", mutate: func(gs *types.GenesisState) { gs.SignerSets[0].Members = nil }, wantErr: "no members"},
		{name: "a gap in checkpoint numbers is refused", mutate: func(gs *types.GenesisState) { gs.Checkpoints[1].Checkpoint.Number = 10 }, wantErr: "does not follow"},
		{name: "a repeated checkpoint number is refused", mutate: func(gs *types.GenesisState) { gs.Checkpoints[1].Checkpoint.Number = 8 }, wantErr: "does not follow"},
		{name: "a checkpoint whose signer set is missing is refused", mutate: func(gs *types.GenesisState) { gs.Checkpoints[0].Checkpoint.SignerSetNonce = 3 }, wantErr: "signer set 3 is missing"},
		{name: "a records range past the records is refused", mutate: func(gs *types.GenesisState) { gs.Checkpoints[1].RecordsTo = 4 }, wantErr: "out of range"},
		{name: "a records range ending before it starts is refused", mutate: func(gs *types.GenesisState) {
			gs.Checkpoints[1].RecordsFrom, gs.Checkpoints[1].RecordsTo = 3, 2
		}, wantErr: "out of range"},
		{name: "a leaf shorter than 32 bytes is refused", mutate: func(gs *types.GenesisState) { gs.Records[1].Leaf = gs.Records[1].Leaf[:31] }, wantErr: "leaf is 31 bytes"},
		{name: "a leaf longer than 32 bytes is refused", mutate: func(gs *types.GenesisState) {
			gs.Records[2].Leaf = append(bytes.Clone(gs.Records[2].Leaf), 0)
		}, wantErr: "leaf is 33 bytes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis(t)
			tc.mutate(&gs)
			err := gs.Validate(vc)
			if tc.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
			require.ErrorContains(t, err, tc.wantErr)
		})
	}
}
