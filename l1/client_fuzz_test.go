package l1_test

import (
	"bytes"
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/bindings"
)

// replyingCaller is an L1 node that has code at every address and answers
// every eth_call with out.
type replyingCaller struct{ out []byte }

func (c replyingCaller) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return []byte{0x60}, nil
}

func (c replyingCaller) CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error) {
	return bytes.Clone(c.out), nil
}

// realCallResults are what the contract returned on the simulated L1 for
// the reads client.go makes, after one checkpoint.
func realCallResults(t testing.TB) [][]byte {
	t.Helper()
	_, c, cp := chainWithOneCheckpoint(t)
	var out [][]byte
	for _, data := range [][]byte{
		c.contract.PackLastCheckpointNumber(),
		c.contract.PackCheckpointAt(1),
		c.contract.PackVerifyRecord(1, cp.SettlementRoot, nil),
	} {
		res, err := c.client.CallContract(context.Background(), ethereum.CallMsg{To: &c.domain.Contract, Data: data}, nil)
		require.NoError(t, err)
		out = append(out, res)
	}
	return out
}

// FuzzClientReads gives arbitrary eth_call results to the contract reads
// of client.go (LastCheckpoint, CheckpointAt, VerifyRecord): they never
// panic, and they return a value only for data that is its canonical ABI
// encoding (trailing words aside): short, misaligned or out-of-range data
// (a uint64 word above 2^64, a bool word other than 0 or 1) is an error.
func FuzzClientReads(f *testing.F) {
	genuine := realCallResults(f)
	ctx := context.Background()
	n, err := l1.LastCheckpoint(ctx, replyingCaller{genuine[0]}, common.Address{})
	require.NoError(f, err, "the contract's own answers decode")
	require.EqualValues(f, 1, n)
	stored, err := l1.CheckpointAt(ctx, replyingCaller{genuine[1]}, common.Address{}, 1)
	require.NoError(f, err)
	require.EqualValues(f, 10, stored.Height)
	verified, err := l1.VerifyRecord(ctx, replyingCaller{genuine[2]}, common.Address{}, 1, [32]byte{}, nil)
	require.NoError(f, err)
	require.True(f, verified)
	for _, out := range genuine {
		f.Add(out)
		f.Add(out[:len(out)-1])
	}
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0xff}, 32))
	f.Add(append(make([]byte, 31), 2))
	outputs := bindings.NewSocialchainSettlement().GetABI().Methods
	f.Fuzz(func(t *testing.T, out []byte) {
		caller := replyingCaller{out: out}
		var contract common.Address

		// canonical asserts that v packs, as method's outputs, to a prefix
		// of out made of whole words.
		canonical := func(method string, v any) {
			t.Helper()
			enc, err := outputs[method].Outputs.Pack(v)
			require.NoError(t, err)
			require.Zero(t, len(out)%32, "%s: misaligned data is refused", method)
			require.LessOrEqual(t, len(enc), len(out))
			require.Equal(t, enc, out[:len(enc)], "%s: only the canonical encoding decodes", method)
		}

		if n, err := l1.LastCheckpoint(ctx, caller, contract); err == nil {
			canonical("lastCheckpointNumber", n)
		} else {
			require.Zero(t, n)
		}
		if stored, err := l1.CheckpointAt(ctx, caller, contract, 1); err == nil {
			canonical("checkpointAt", stored)
		} else {
			require.Equal(t, bindings.SocialchainSettlementStoredCheckpoint{}, stored)
		}
		if ok, err := l1.VerifyRecord(ctx, caller, contract, 1, [32]byte{1}, nil); err == nil {
			canonical("verifyRecord", ok)
		} else {
			require.False(t, ok, "a failed check never reads as verified")
		}
	})
}
