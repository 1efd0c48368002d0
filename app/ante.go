package app

import (
	"slices"
	"strings"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	"github.com/cosmos/cosmos-sdk/x/auth/posthandler"
	"github.com/cosmos/cosmos-sdk/x/authz"

	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// msgRouter finds the Msg service handler the block runs a message with.
type msgRouter interface {
	Handler(msg sdk.Msg) baseapp.MsgServiceHandler
}

// CheckTxMsgsDecorator makes CheckTx refuse what the block would refuse.
// The SDK runs only the ante handler in CheckTx, so a tx breaking a
// module rule (a taken handle, a reply to a missing post, text over the
// limit) was accepted at broadcast, gossiped, and failed only in a block.
// In CheckTx and ReCheckTx this decorator runs every message of a tx that
// carries a message of a checked module through the same Msg service
// handler the block uses, on a branch of the check state that is never
// written back, and refuses the tx with the handler's error, wrapped as
// the block wraps it: the same codespace, code and log.
//
// Nothing the messages do reaches the check state, so a tx that depends
// on another one not yet in a block (a post right after its author's
// create-profile) is refused with the error the block would give it now;
// clients wait for inclusion between dependent txs.
//
// Gas: the branch shares the tx's gas meter, so CheckTx charges the ante
// handler and the messages, as the block does; a gas limit too low for the
// messages is refused at broadcast with out of gas. Simulation (gas
// estimation) runs the messages itself and skips this decorator.
type CheckTxMsgsDecorator struct {
	router   msgRouter
	packages []string // proto package prefixes, "/socialchain.posts.v1."
}

// NewCheckTxMsgsDecorator returns the decorator for the modules of
// samples: one message of each module whose txs CheckTx runs.
func NewCheckTxMsgsDecorator(router msgRouter, samples ...sdk.Msg) CheckTxMsgsDecorator {
	d := CheckTxMsgsDecorator{router: router}
	for _, m := range samples {
		d.packages = append(d.packages, protoPackage(m))
	}
	return d
}

// protoPackage returns the type URL of msg up to its message name.
func protoPackage(msg sdk.Msg) string {
	url := sdk.MsgTypeURL(msg)
	return url[:strings.LastIndexByte(url, '.')+1]
}

// AnteHandle runs tx's messages on a discarded branch in CheckTx and
// ReCheckTx when one of them belongs to a checked module.
func (d CheckTxMsgsDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if !ctx.IsCheckTx() || simulate || !d.checks(tx.GetMsgs()) {
		return next(ctx, tx, simulate)
	}
	branch, _ := ctx.CacheContext() // never written: CheckTx only asks
	for i, msg := range tx.GetMsgs() {
		handler := d.router.Handler(msg)
		if handler == nil {
			// runTx refused unroutable messages before the ante handler.
			continue
		}
		if _, err := handler(branch.WithMsgIndex(i), msg); err != nil {
			// The block's wrapping (baseapp runMsgs), so the log matches.
			return ctx, errorsmod.Wrapf(err, "failed to execute message; message index: %d", i)
		}
	}
	return next(ctx, tx, simulate)
}

// checks reports whether msgs hold a message of a checked module, directly
// or inside an authz MsgExec.
func (d CheckTxMsgsDecorator) checks(msgs []sdk.Msg) bool {
	for _, msg := range msgs {
		if exec, ok := msg.(*authz.MsgExec); ok {
			inner, err := exec.GetMessages()
			if err == nil && d.checks(inner) {
				return true
			}
			continue
		}
		if slices.Contains(d.packages, protoPackage(msg)) {
			return true
		}
	}
	return false
}

func (app *SocialApp) setAnteHandler(txConfig client.TxConfig) {
	anteHandler, err := ante.NewAnteHandler(ante.HandlerOptions{
		AccountKeeper:   app.AccountKeeper,
		BankKeeper:      app.BankKeeper,
		FeegrantKeeper:  app.FeeGrantKeeper,
		SignModeHandler: txConfig.SignModeHandler(),
		SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
	})
	if err != nil {
		panic(err)
	}
	checkMsgs := NewCheckTxMsgsDecorator(app.MsgServiceRouter(),
		&profilestypes.MsgCreateProfile{}, &poststypes.MsgCreatePost{}, &messagestypes.MsgBuyUnits{})
	// The SDK's chain first (fees, signatures, sequence), then the social
	// rules, so a tx that fails both reports what the SDK reports today.
	app.SetAnteHandler(func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		ctx, err := anteHandler(ctx, tx, simulate)
		if err != nil {
			return ctx, err
		}
		return checkMsgs.AnteHandle(ctx, tx, simulate, noNextAnte)
	})
}

// noNextAnte ends an ante chain.
func noNextAnte(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil }

func (app *SocialApp) setPostHandler() {
	postHandler, err := posthandler.NewPostHandler(posthandler.HandlerOptions{})
	if err != nil {
		panic(err)
	}
	app.SetPostHandler(postHandler)
}
