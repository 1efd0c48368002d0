// Package relayer carries the chain's final checkpoints to the settlement
// contract on the L1.
//
// A Relayer reads what the contract holds (its last checkpoint number and
// signer-set nonce), fetches the next checkpoint from a Source (the chain's
// gRPC Query service, or MemorySource in tests), and submits it: with
// submitCheckpoint when the signer set stays, with updateSignerSet when the
// checkpoint hands over to the next set. It is permissionless and
// idempotent, so any number of relayers may run at once:
//
//   - it keeps no progress of its own; every round starts from the
//     contract's state, so a restart (or a relayer that starts late)
//     resumes exactly where the L1 is, and no checkpoint is skipped;
//   - every call is simulated (eth_call on the pending state, then a gas
//     estimate) before it is sent, so a checkpoint another relayer already
//     landed costs no gas, nor one whose transaction the node's pending
//     block already holds; a StaleCheckpoint refusal counts as done, and so
//     does a transaction of ours that reverts because another relayer's
//     landed first in the same block;
//   - it sends at most one transaction per checkpoint, tracks it across
//     rounds (a lost reply is not a reason to send again), and waits for
//     its receipt before the next checkpoint;
//   - any failure (L1 or chain unreachable, a refusal it does not expect)
//     ends the round, and Run retries with exponential backoff.
//
// Checkpoints that are not final on the chain (signatures of at most 2/3 of
// the power so far) are waited for, never skipped: the contract accepts
// only increasing numbers, so submitting a later one would drop the earlier
// one from the L1 for good.
//
// Deploy puts a new settlement contract on the L1 with the chain's signer
// set.
package relayer
