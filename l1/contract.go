package l1

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/socialchain/socialchain/l1/bindings"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// contractABI decodes revert data; the generated ABI is a constant, so a
// parse failure is a build defect.
var contractABI = bindings.NewSocialchainSettlement()

// CheckpointBinding is cp as the generated contract binding's struct.
func CheckpointBinding(cp types.L1Checkpoint) bindings.SocialchainSettlementCheckpoint {
	return bindings.SocialchainSettlementCheckpoint{
		Number:            cp.Number,
		Height:            cp.Height,
		AppHash:           cp.AppHash,
		SettlementRoot:    cp.SettlementRoot,
		SignerSetNonce:    cp.SignerSetNonce,
		NextSignerSetHash: cp.NextSignerSetHash,
		Time:              cp.Time,
	}
}

// SignerSetBinding is s as the generated contract binding's struct (two
// parallel arrays).
func SignerSetBinding(s types.L1SignerSet) bindings.SocialchainSettlementSignerSet {
	out := bindings.SocialchainSettlementSignerSet{
		Nonce:   s.Nonce,
		Signers: make([]common.Address, len(s.Signers)),
		Powers:  make([]uint64, len(s.Signers)),
	}
	for i, m := range s.Signers {
		out.Signers[i] = m.Address
		out.Powers[i] = m.Power
	}
	return out
}

// SignatureBinding is sig as the contract's Signature struct for the
// signer at signerIndex in the signing set.
func SignatureBinding(sig types.Signature, signerIndex uint32) bindings.SocialchainSettlementSignature {
	return bindings.SocialchainSettlementSignature{SignerIndex: signerIndex, V: sig.V(), R: sig.R(), S: sig.S()}
}

// SelectSignatures picks, from sigs keyed by signer address, the signatures
// to submit for a checkpoint signed by set: in set order (largest power
// first) until their power is more than 2/3 of the total, which keeps the
// number of ecrecover calls, and so the gas, minimal. It returns them in the
// strictly increasing index order the contract requires, with the power
// they carry; ok is false when all of sigs together do not reach the
// threshold. Signatures are not verified here: pass only checked ones.
func SelectSignatures(set types.L1SignerSet, sigs map[common.Address]types.Signature) (out []bindings.SocialchainSettlementSignature, signed uint64, ok bool) {
	total := set.TotalPower()
	for i, m := range set.Signers {
		sig, found := sigs[m.Address]
		if !found {
			continue
		}
		out = append(out, SignatureBinding(sig, uint32(i)))
		signed += m.Power
		if types.HasQuorum(signed, total) {
			return out, signed, true
		}
	}
	return out, signed, false
}

// Deploy deploys the settlement contract for cosmosChainID with initial as
// its first signer set. It returns once the transaction is sent; wait for
// it with bind.WaitDeployed.
func Deploy(opts *bind.TransactOpts, backend bind.ContractBackend, cosmosChainID string, initial types.L1SignerSet) (common.Address, *ethtypes.Transaction, error) {
	if err := initial.Validate(); err != nil {
		return common.Address{}, nil, err
	}
	input, err := contractABI.GetABI().Pack("", cosmosChainID, SignerSetBinding(initial))
	if err != nil {
		return common.Address{}, nil, err
	}
	return bind.DeployContract(opts, common.FromHex(bindings.SocialchainSettlementMetaData.Bin), backend, input)
}

// UnpackRevert extracts the contract's custom error from err, as returned
// by a call, a gas estimate or a transaction submission through an RPC
// client: a pointer to one of the bindings' error structs, e.g.
// *bindings.SocialchainSettlementStaleCheckpoint. ok is false when err
// carries no revert data of the contract.
func UnpackRevert(err error) (any, bool) {
	data, ok := RevertData(err)
	if !ok || len(data) < 4 {
		return nil, false
	}
	v, uerr := contractABI.UnpackError(data)
	if uerr != nil {
		return nil, false
	}
	return v, true
}

// RevertData is the raw revert data an RPC error carries (the "data" field
// of a JSON-RPC error, as go-ethereum's rpc.DataError exposes it).
func RevertData(err error) ([]byte, bool) {
	var de interface{ ErrorData() any }
	if !errors.As(err, &de) {
		return nil, false
	}
	switch d := de.ErrorData().(type) {
	case string:
		b, derr := hexutil.Decode(d)
		return b, derr == nil
	case []byte:
		return d, true
	default:
		return nil, false
	}
}

// DescribeRevert is a one-line description of a custom error decoded by
// UnpackRevert, e.g. "StaleCheckpoint(number=3, lastNumber=5)", for logs
// and CLI output. bytes32 fields print as 0x-prefixed hex.
func DescribeRevert(v any) string {
	rv := reflect.Indirect(reflect.ValueOf(v))
	if rv.Kind() != reflect.Struct {
		return fmt.Sprint(v)
	}
	var b strings.Builder
	b.WriteString(strings.TrimPrefix(rv.Type().Name(), "SocialchainSettlement"))
	b.WriteByte('(')
	for i := 0; i < rv.NumField(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		name := rv.Type().Field(i).Name
		b.WriteString(strings.ToLower(name[:1]) + name[1:])
		b.WriteByte('=')
		switch f := rv.Field(i).Interface().(type) {
		case [32]byte:
			b.WriteString(hexutil.Encode(f[:]))
		default:
			fmt.Fprint(&b, f)
		}
	}
	b.WriteByte(')')
	return b.String()
}
