package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	pruningtypes "github.com/cosmos/cosmos-sdk/store/v2/pruning/types"
	"github.com/cosmos/cosmos-sdk/testutil/network"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/socialchain/socialchain/app"
)

// newNetworkConfig returns an in-process network config running SocialApp.
func newNetworkConfig(t *testing.T, validators int) network.Config {
	t.Helper()
	tempApp := app.NewSocialApp(log.NewNopLogger(), dbm.NewMemDB(), false, simAppOptions{})

	cfg := network.DefaultConfig(func() network.TestFixture { return network.TestFixture{} })
	cfg.Codec = tempApp.AppCodec()
	cfg.TxConfig = tempApp.TxConfig()
	cfg.LegacyAmino = tempApp.LegacyAmino()
	cfg.InterfaceRegistry = tempApp.InterfaceRegistry()
	cfg.GenesisState = tempApp.DefaultGenesis()
	cfg.ChainID = "socialchain-net-1"
	cfg.NumValidators = validators
	cfg.BondDenom = app.BondDenom
	cfg.MinGasPrices = "0" + app.BondDenom
	cfg.TimeoutCommit = 500 * time.Millisecond
	cfg.AppConstructor = func(val network.ValidatorI) servertypes.Application {
		return app.NewSocialApp(val.GetCtx().Logger, dbm.NewMemDB(), true, simAppOptions{},
			baseapp.SetPruning(pruningtypes.NewPruningOptionsFromString(val.GetAppConfig().Pruning)),
			baseapp.SetMinGasPrices(val.GetAppConfig().MinGasPrices),
			baseapp.SetChainID(cfg.ChainID),
		)
	}
	return cfg
}

type simAppOptions map[string]any

func (o simAppOptions) Get(key string) any { return o[key] }

// TestNetworkProducesBlocksAndProcessesBankSend runs two validators in
// process, sends usocial between them with a signed tx, and checks that
// malformed txs are refused without changing balances.
func TestNetworkProducesBlocksAndProcessesBankSend(t *testing.T) {
	if testing.Short() {
		t.Skip("in-process network test; run without -short")
	}
	cfg := newNetworkConfig(t, 2)
	net, err := network.New(t, t.TempDir(), cfg)
	require.NoError(t, err)
	t.Cleanup(net.Cleanup)

	_, err = net.WaitForHeight(3)
	require.NoError(t, err)

	sender, receiver := net.Validators[0], net.Validators[1]
	bank := banktypes.NewQueryClient(sender.ClientCtx)
	balance := func(addr sdk.AccAddress) math.Int {
		res, err := bank.Balance(context.Background(), &banktypes.QueryBalanceRequest{Address: addr.String(), Denom: app.BondDenom})
		require.NoError(t, err)
		return res.Balance.Amount
	}
	senderBefore, receiverBefore := balance(sender.Address), balance(receiver.Address)

	// sign builds and signs msg from the sender's key for chainID.
	sign := func(chainID string, msg sdk.Msg) []byte {
		t.Helper()
		txf := clienttx.Factory{}.
			WithChainID(chainID).
			WithKeybase(sender.ClientCtx.Keyring).
			WithTxConfig(sender.ClientCtx.TxConfig).
			WithAccountRetriever(sender.ClientCtx.AccountRetriever).
			WithGas(200_000)
		txf, err := txf.Prepare(sender.ClientCtx.WithFromAddress(sender.Address).WithFromName(sender.Moniker))
		require.NoError(t, err)
		txb, err := txf.BuildUnsignedTx(msg)
		require.NoError(t, err)
		require.NoError(t, clienttx.Sign(context.Background(), txf, sender.Moniker, txb, true))
		bz, err := sender.ClientCtx.TxConfig.TxEncoder()(txb.GetTx())
		require.NoError(t, err)
		return bz
	}
	// deliver broadcasts and returns the code the tx ended with, in
	// CheckTx or, once committed, in its block.
	deliver := func(txBytes []byte) (uint32, string) {
		t.Helper()
		res, err := sender.ClientCtx.BroadcastTxSync(txBytes)
		require.NoError(t, err)
		if res.Code != 0 {
			return res.Code, res.RawLog
		}
		var committed *sdk.TxResponse
		require.NoError(t, net.RetryForBlocks(func() error {
			committed, err = authtx.QueryTx(sender.ClientCtx, res.TxHash)
			return err
		}, 10))
		return committed.Code, committed.RawLog
	}

	amount := math.NewInt(12_345)
	send := banktypes.NewMsgSend(sender.Address, receiver.Address, sdk.NewCoins(sdk.NewCoin(app.BondDenom, amount)))
	code, log := deliver(sign(cfg.ChainID, send))
	require.Zero(t, code, log)
	require.Equal(t, senderBefore.Sub(amount), balance(sender.Address))
	require.Equal(t, receiverBefore.Add(amount), balance(receiver.Address))

	refused := []struct {
		name    string
		chainID string
		msg     sdk.Msg
		wantLog string
	}{
		{
			name:    "tx signed for another chain id is refused",
			chainID: "other-chain-1",
			msg:     send,
			wantLog: "signature verification failed",
		},
		{
			name:    "send to a malformed address is refused",
			chainID: cfg.ChainID,
			msg:     &banktypes.MsgSend{FromAddress: sender.Address.String(), ToAddress: "social1notanaddress", Amount: send.Amount},
			wantLog: "invalid to address",
		},
		{
			name:    "negative amount is refused",
			chainID: cfg.ChainID,
			msg: &banktypes.MsgSend{FromAddress: sender.Address.String(), ToAddress: receiver.Address.String(),
				Amount: sdk.Coins{sdk.Coin{Denom: app.BondDenom, Amount: math.NewInt(-5)}}},
			wantLog: "invalid coins",
		},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			senderBefore, receiverBefore := balance(sender.Address), balance(receiver.Address)
			code, log := deliver(sign(tc.chainID, tc.msg))
			require.NotZero(t, code)
			require.Contains(t, log, tc.wantLog)
			require.Equal(t, senderBefore, balance(sender.Address))
			require.Equal(t, receiverBefore, balance(receiver.Address))
		})
	}
}
