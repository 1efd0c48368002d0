package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the settlement module.
	ModuleName = "settlement"
	// StoreKey is the KV store key of the settlement module.
	StoreKey = ModuleName
)

// SigningKeyFile is where a validator's checkpoint-signing key lives,
// relative to the node home, in the format of internal/ethkey. It never
// goes on chain.
const SigningKeyFile = "config/settlement_key.json"

// Record kinds in the settlement tree (SettlementRecord.Kind, the kind of
// a RecordProof query).
const (
	RecordKindPost    = "post"
	RecordKindProfile = "profile"
)

// Collection prefixes: one byte each, never reused.
var (
	ParamsKey         = collections.NewPrefix(0)
	SignersKey        = collections.NewPrefix(1) // validator → Signer
	SignersByEthKey   = collections.NewPrefix(2) // eth address → validator (unique)
	SignerSetsKey     = collections.NewPrefix(3) // nonce → SignerSet
	CheckpointsKey    = collections.NewPrefix(4) // number → SignedCheckpoint
	EpochRecordsKey   = collections.NewPrefix(5) // (epoch, seq) → SettlementRecord
	EpochRecordSeqKey = collections.NewPrefix(6)
	RecordIndexKey    = collections.NewPrefix(7) // (kind, key) → latest record sequence
	RegistrationNonce = collections.NewPrefix(8) // validator → registrations so far, kept after removal
)
