package relayer_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1/relayer"
	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestDeployAdoptsTheChainsSignerSet(t *testing.T) {
	setA := newSignerGroup(t, "A", 7, 40, 30, 20, 10)
	l1 := newTestL1(t, setA)

	nonce, hash := l1.signerSet()
	require.Equal(t, uint64(7), nonce)
	require.Equal(t, setA.hash(), hash)
	require.Zero(t, l1.last())
	id, err := bind.Call(l1.instance, nil, l1.contract.PackCosmosChainId(), l1.contract.UnpackCosmosChainId)
	require.NoError(t, err)
	require.Equal(t, testCosmosChainID, id)
}

func TestDeployRefusesBadInput(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	withMembers := func(f func([]types.SignerSetMember)) types.SignerSet {
		s := setA.set
		s.Members = append([]types.SignerSetMember(nil), s.Members...)
		f(s.Members)
		return s
	}
	for _, tc := range []struct {
		name    string
		chainID string
		set     types.SignerSet
		wantErr string
	}{
		{"an empty set", testCosmosChainID, types.SignerSet{}, "empty"},
		{"members that do not hash to the stated hash", testCosmosChainID,
			withMembers(func(m []types.SignerSetMember) { m[0].Power = 26 }), "stated hash"},
		{"a malformed address", testCosmosChainID,
			withMembers(func(m []types.SignerSetMember) { m[1].EthAddress = "0x1234" }), "invalid Ethereum address"},
		{"a repeated address", testCosmosChainID, func() types.SignerSet {
			s := withMembers(func(m []types.SignerSetMember) { m[1].EthAddress = m[0].EthAddress })
			s.Hash = nil
			return s
		}(), "repeated"},
		{"no cosmos chain id", "", setA.set, "no cosmos chain id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			deployer := testKey(t, "deployer")
			from := crypto.PubkeyToAddress(deployer.PublicKey)
			backend := simulated.NewBackend(ethtypes.GenesisAlloc{from: {Balance: new(big.Int).Lsh(big.NewInt(1), 100)}})
			t.Cleanup(func() { _ = backend.Close() })
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()

			_, err := relayer.Deploy(ctx, backend.Client(), deployer, tc.chainID, tc.set)
			require.ErrorContains(t, err, tc.wantErr)
			nonce, err := backend.Client().PendingNonceAt(ctx, from)
			require.NoError(t, err)
			require.Zero(t, nonce, "no transaction sent")
		})
	}
}
