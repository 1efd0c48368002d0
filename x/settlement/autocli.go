package settlement

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	settlementv1 "github.com/socialchain/socialchain/api/socialchain/settlement/v1"
)

// AutoCLIOptions describes the query commands generated from the protobuf
// services. Transactions need an Ethereum signature, which the hand-written
// `settlement` commands compute.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: settlementv1.Query_ServiceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "LatestCheckpoint", Use: "latest-checkpoint", Short: "Show the newest checkpoint with its signatures"},
				{
					RpcMethod: "Checkpoint", Use: "checkpoint [number]", Short: "Show checkpoint number with its signatures",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "epoch"}},
				},
				{RpcMethod: "LatestSignerSet", Use: "signer-set", Short: "Show the current signer set"},
				{
					RpcMethod: "SignerSet", Use: "signer-set-at [nonce]", Short: "Show the signer set with a given nonce",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "nonce"}},
				},
				{RpcMethod: "Signers", Use: "signers", Short: "List registered validator signing keys"},
				{
					RpcMethod: "Registration", Use: "registration [validator]", Short: "Show a validator's signer and next registration nonce",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "validator"}},
				},
				{RpcMethod: "RecordProof", Use: "record-proof [kind] [key]", Short: "Show a post or profile record with its checkpoint and Merkle proof",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "kind"}, {ProtoField: "key"}}},
				{RpcMethod: "Params", Use: "params", Short: "Show the settlement params"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              settlementv1.Msg_ServiceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "RemoveSigner", Use: "remove-signer", Short: "Unbind your validator's checkpoint-signing key"},
				{
					RpcMethod: "SubmitCheckpointSig", Use: "submit-checkpoint-sig [number] [signature-hex]",
					Short:          "Add a late checkpoint signature",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "number"}, {ProtoField: "signature"}},
				},
				{RpcMethod: "RegisterSigner", Skip: true},
				{RpcMethod: "UpdateParams", Skip: true},
			},
		},
	}
}
