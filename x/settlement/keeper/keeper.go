// Package keeper holds x/settlement state: registered signing keys,
// signer sets, checkpoints with their signatures, and the records of the
// current epoch that its settlement root commits to.
package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// SignerIndexes are the secondary indexes of the signers map.
type SignerIndexes struct {
	// EthAddress maps a checksummed Ethereum address to its validator;
	// unique, so one key signs for one validator.
	EthAddress *indexes.Unique[string, sdk.ValAddress, types.Signer]
}

// IndexesList implements collections.Indexes.
func (i SignerIndexes) IndexesList() []collections.Index[sdk.ValAddress, types.Signer] {
	return []collections.Index[sdk.ValAddress, types.Signer]{i.EthAddress}
}

// Keeper owns the settlement store.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	valCodec     address.Codec
	staking      types.StakingKeeper
	authority    string

	Schema     collections.Schema
	Params     collections.Item[types.Params]
	Signers    *collections.IndexedMap[sdk.ValAddress, types.Signer, SignerIndexes]
	SignerSets collections.Map[uint64, types.SignerSet]
	// Checkpoints by number; the newest is the last key.
	Checkpoints collections.Map[uint64, types.SignedCheckpoint]
	// EpochRecords are the settlement leaves written since the last
	// checkpoint, in write order.
	EpochRecords   collections.Map[uint64, types.SettlementRecord]
	EpochRecordSeq collections.Sequence
	// RegistrationNonces counts each validator's registrations. It outlives
	// RemoveSigner, so a proof made for an earlier nonce never verifies again.
	RegistrationNonces collections.Map[sdk.ValAddress, uint64]
	// RecordIndex maps (kind, key) to the sequence of its latest record.
	RecordIndex collections.Map[collections.Pair[string, string], uint64]
}

// NewKeeper returns the settlement keeper.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, addressCodec, valCodec address.Codec, staking types.StakingKeeper, authority string) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid settlement authority %q: %w", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		valCodec:     valCodec,
		staking:      staking,
		authority:    authority,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Signers: collections.NewIndexedMap(sb, types.SignersKey, "signers", sdk.ValAddressKey, codec.CollValue[types.Signer](cdc),
			SignerIndexes{
				EthAddress: indexes.NewUnique(sb, types.SignersByEthKey, "signers_by_eth", collections.StringKey, sdk.ValAddressKey,
					func(_ sdk.ValAddress, s types.Signer) (string, error) { return s.EthAddress, nil }),
			}),
		SignerSets:         collections.NewMap(sb, types.SignerSetsKey, "signer_sets", collections.Uint64Key, codec.CollValue[types.SignerSet](cdc)),
		Checkpoints:        collections.NewMap(sb, types.CheckpointsKey, "checkpoints", collections.Uint64Key, codec.CollValue[types.SignedCheckpoint](cdc)),
		EpochRecords:       collections.NewMap(sb, types.EpochRecordsKey, "epoch_records", collections.Uint64Key, codec.CollValue[types.SettlementRecord](cdc)),
		EpochRecordSeq:     collections.NewSequence(sb, types.EpochRecordSeqKey, "epoch_record_seq"),
		RegistrationNonces: collections.NewMap(sb, types.RegistrationNonce, "registration_nonces", sdk.ValAddressKey, collections.Uint64Value),
		RecordIndex: collections.NewMap(sb, types.RecordIndexKey, "record_index",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), collections.Uint64Value),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the address allowed to change params.
func (k Keeper) Authority() string { return k.authority }

// LatestSignerSet returns the newest signer set; found is false before
// the first one exists.
func (k Keeper) LatestSignerSet(ctx context.Context) (set types.SignerSet, found bool, err error) {
	return lastValue(ctx, k.SignerSets)
}

// LatestCheckpoint returns the newest checkpoint; found is false before
// the first one exists.
func (k Keeper) LatestCheckpoint(ctx context.Context) (cp types.SignedCheckpoint, found bool, err error) {
	return lastValue(ctx, k.Checkpoints)
}

// lastValue returns the value under the largest key of m.
func lastValue[V any](ctx context.Context, m collections.Map[uint64, V]) (V, bool, error) {
	var zero V
	it, err := m.Iterate(ctx, new(collections.Range[uint64]).Descending())
	if err != nil {
		return zero, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return zero, false, nil
	}
	v, err := it.Value()
	return v, err == nil, err
}

// GetCheckpoint returns checkpoint number or ErrCheckpointNotFound.
func (k Keeper) GetCheckpoint(ctx context.Context, number uint64) (types.SignedCheckpoint, error) {
	cp, err := k.Checkpoints.Get(ctx, number)
	if errors.Is(err, collections.ErrNotFound) {
		return cp, errorsmod.Wrapf(types.ErrCheckpointNotFound, "checkpoint %d", number)
	}
	return cp, err
}
