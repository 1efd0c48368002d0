// Package cliwait is the CLI's --wait: one pair of flags and one bounded
// poll loop for every command that waits for a block (the tx commands of
// our modules and the message-lane commands), and for tx commands the wait
// itself, which prints the outcome a user needs next: the ids of what the
// tx created, or why it failed, with a non-zero exit.
package cliwait

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"
)

// Flags shared by every waiting command.
const (
	FlagWait        = "wait"
	FlagWaitTimeout = "wait-timeout"
)

// DefaultTimeout bounds a wait unless --wait-timeout says otherwise: with
// 1 s dev blocks and 5 s production blocks a tx is in a block well before.
const DefaultTimeout = time.Minute

// pollInterval is how often a wait asks the node again: a few times per
// dev block, cheap for the node.
const pollInterval = 300 * time.Millisecond

// ErrTimeout is what Poll returns when the timeout passed first.
var ErrTimeout = errors.New("timed out")

// AddFlags adds --wait (with the given default and help) and
// --wait-timeout (default timeout) to cmd.
func AddFlags(cmd *cobra.Command, waitByDefault bool, waitHelp string, timeout time.Duration) {
	cmd.Flags().Bool(FlagWait, waitByDefault, waitHelp)
	cmd.Flags().Duration(FlagWaitTimeout, timeout, "how long --wait waits before giving up with an error")
}

// Poll calls done every pollInterval until it reports true or an error,
// the context ends, or timeout passes (then ErrTimeout). done runs at
// least once.
func Poll(ctx context.Context, timeout time.Duration, done func() (bool, error)) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := done()
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%w after %s", ErrTimeout, timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}
