package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Default params. The allowance follows Farcaster's storage units: a unit is
// a quota, not a fee per message (docs/messages.md compares the two).
const (
	DefaultMaxMessageBytes        = 4096
	DefaultMaxMessagesPerBlock    = 20_000
	DefaultTimestampWindowSeconds = 600
	DefaultMaxFutureSeconds       = 60
	DefaultPeriodSeconds          = 86_400
	DefaultMessagesPerUnit        = 5_000
	DefaultFreeUnits              = 1
	DefaultMaxUnits               = 1_000
	DefaultUnitPriceAmount        = 1_000_000 // 1 SOCIAL
	DefaultUnitPriceDenom         = "usocial"

	// MessageBytesCeiling bounds max_message_bytes: a post at the posts
	// module's ceiling (10,000 runes) with attachments fits.
	MessageBytesCeiling = 64 << 10
	// MessagesPerBlockCeiling bounds max_messages_per_block.
	MessagesPerBlockCeiling = 200_000
	// WindowSecondsCeiling bounds timestamp_window_seconds: receipts live
	// that long, so it bounds the replay-protection state.
	WindowSecondsCeiling = 7 * 86_400
)

// DefaultParams returns the genesis defaults.
func DefaultParams() Params {
	return Params{
		MaxMessageBytes:        DefaultMaxMessageBytes,
		MaxMessagesPerBlock:    DefaultMaxMessagesPerBlock,
		TimestampWindowSeconds: DefaultTimestampWindowSeconds,
		MaxFutureSeconds:       DefaultMaxFutureSeconds,
		PeriodSeconds:          DefaultPeriodSeconds,
		MessagesPerUnit:        DefaultMessagesPerUnit,
		FreeUnits:              DefaultFreeUnits,
		MaxUnits:               DefaultMaxUnits,
		UnitPrice:              sdk.NewCoin(DefaultUnitPriceDenom, sdkmath.NewInt(DefaultUnitPriceAmount)),
	}
}

// Validate checks every param and names the one that is wrong.
func (p Params) Validate() error {
	switch {
	case p.MaxMessageBytes < 256 || p.MaxMessageBytes > MessageBytesCeiling:
		return errorsmod.Wrapf(ErrInvalidParams, "max_message_bytes %d is outside 256-%d", p.MaxMessageBytes, MessageBytesCeiling)
	case p.MaxMessagesPerBlock < 1 || p.MaxMessagesPerBlock > MessagesPerBlockCeiling:
		return errorsmod.Wrapf(ErrInvalidParams, "max_messages_per_block %d is outside 1-%d", p.MaxMessagesPerBlock, MessagesPerBlockCeiling)
	case p.TimestampWindowSeconds < 10 || p.TimestampWindowSeconds > WindowSecondsCeiling:
		return errorsmod.Wrapf(ErrInvalidParams, "timestamp_window_seconds %d is outside 10-%d", p.TimestampWindowSeconds, WindowSecondsCeiling)
	case p.MaxFutureSeconds > p.TimestampWindowSeconds:
		return errorsmod.Wrapf(ErrInvalidParams, "max_future_seconds %d is above timestamp_window_seconds %d", p.MaxFutureSeconds, p.TimestampWindowSeconds)
	case p.PeriodSeconds < 60:
		return errorsmod.Wrapf(ErrInvalidParams, "period_seconds %d is below 60", p.PeriodSeconds)
	case p.MessagesPerUnit < 1:
		return errorsmod.Wrap(ErrInvalidParams, "messages_per_unit must be at least 1")
	case p.MaxUnits < p.FreeUnits || p.MaxUnits < 1:
		return errorsmod.Wrapf(ErrInvalidParams, "max_units %d must be at least 1 and at least free_units %d", p.MaxUnits, p.FreeUnits)
	}
	if err := p.UnitPrice.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "unit_price: %v", err)
	}
	return nil
}

// Allowance is the messages per period that units allow.
func (p Params) Allowance(units uint32) uint64 { return uint64(units) * p.MessagesPerUnit }
