package types

import "fmt"

// StateNotKeptError says a node cannot prove a record against a checkpoint
// because it does not hold the state at the checkpoint's height: it pruned
// it, or it joined by state sync after that height. An inclusion proof is
// always made against the state at the checkpoint height, so only a node
// that keeps that height can make it.
type StateNotKeptError struct {
	Checkpoint uint64
	// Height is the checkpoint's height, the state the proof needs.
	Height int64
	// Reason is the node's answer to a read at Height.
	Reason error
}

func (e *StateNotKeptError) Error() string {
	return fmt.Sprintf("this node does not keep the state at height %d that checkpoint %d was taken at "+
		"(it pruned that height, or joined by state sync after it): %v; "+
		"ask an archive node (app.toml pruning = \"nothing\"), or a node whose pruning keeps height %d "+
		"(pruning-keep-recent reaching back to it), with --node", e.Height, e.Checkpoint, e.Reason, e.Height)
}

// Unwrap returns the node's answer.
func (e *StateNotKeptError) Unwrap() error { return e.Reason }
