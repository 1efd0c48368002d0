package loadtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkmath "cosmossdk.io/math"

	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// Setup txs are few and not measured, so they get generous fixed gas
// instead of a simulation each.
const (
	setupGasPerMsg   = 400_000
	fundGasBase      = 200_000
	fundGasPerOutput = 40_000
	// gasMargin covers state growing between the simulation and the run.
	gasMargin = 1.3
	// commitTimeout bounds the wait for one setup tx.
	commitTimeout = time.Minute
)

// setup brings the load accounts to the state the mix needs.
type setup struct {
	cfg   Config
	chain Chain
	world *World
	// lane is set for the lane mix by planLane: the lane's params and the
	// units each account buys before the run.
	lane *lanePlan
}

func (s *setup) prepare(ctx context.Context) error {
	if err := s.fund(ctx); err != nil {
		return err
	}
	if err := s.readAccounts(); err != nil {
		return err
	}
	if s.cfg.Mix.NeedsProfiles() {
		if err := s.ensureProfiles(ctx); err != nil {
			return err
		}
	}
	return s.readAccounts()
}

// fund tops up, with one multi-send from the funder, every account holding
// less than half of cfg.Fund, plus the price of the lane units it is to buy.
func (s *setup) fund(ctx context.Context) error {
	bank := banktypes.NewQueryClient(s.chain.Client)
	var outputs []banktypes.Output
	total := sdk.NewCoin(s.cfg.Fund.Denom, sdkmath.ZeroInt())
	for _, a := range s.world.Accounts {
		res, err := bank.Balance(ctx, &banktypes.QueryBalanceRequest{Address: a.Address.String(), Denom: s.cfg.Fund.Denom})
		if err != nil {
			return fmt.Errorf("balance of load account %d: %w", a.Index, err)
		}
		// Units are paid from the balance, so they come on top of the
		// half of --fund a load account keeps.
		extra := sdkmath.ZeroInt()
		if s.lane != nil {
			extra = s.lane.cost(a.Index)
		}
		if res.Balance.Amount.MulRaw(2).GTE(s.cfg.Fund.Amount.Add(extra.MulRaw(2))) {
			continue
		}
		top := s.cfg.Fund.AddAmount(extra).Sub(*res.Balance)
		if !top.IsPositive() {
			continue
		}
		outputs = append(outputs, banktypes.NewOutput(a.Address, sdk.NewCoins(top)))
		total = total.Add(top)
	}
	if len(outputs) == 0 {
		s.chain.logf("all %d load accounts are funded", len(s.world.Accounts))
		return nil
	}
	s.chain.logf("funding %d load accounts from %q with %s", len(outputs), s.chain.Funder, total)
	kr := s.chain.Client.Keyring
	if kr == nil {
		return fmt.Errorf("no keyring to sign the funding with: set --keyring-backend and --home")
	}
	rec, err := kr.Key(s.chain.Funder)
	if err != nil {
		return fmt.Errorf("funder key %q: %w", s.chain.Funder, err)
	}
	funder, err := rec.GetAddress()
	if err != nil {
		return err
	}
	num, seq, err := authtypes.AccountRetriever{}.GetAccountNumberSequence(s.chain.Client, funder)
	if err != nil {
		return fmt.Errorf("funder account %s: %w", funder, err)
	}
	msg := banktypes.NewMsgMultiSend(banktypes.NewInput(funder, sdk.NewCoins(total)), outputs)
	b := s.chain.Client.TxConfig.NewTxBuilder()
	if err := b.SetMsgs(msg); err != nil {
		return err
	}
	b.SetGasLimit(fundGasBase + fundGasPerOutput*uint64(len(outputs)))
	b.SetFeeAmount(s.cfg.Fees)
	txf := clienttx.Factory{}.
		WithKeybase(kr).WithTxConfig(s.chain.Client.TxConfig).WithChainID(s.chain.Client.ChainID).
		WithAccountNumber(num).WithSequence(seq).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	if err := clienttx.Sign(ctx, txf, s.chain.Funder, b, true); err != nil {
		return fmt.Errorf("signing the funding tx: %w", err)
	}
	bz, err := s.chain.Client.TxConfig.TxEncoder()(b.GetTx())
	if err != nil {
		return err
	}
	return s.deliver(ctx, "funding", [][]byte{bz})
}

// readAccounts reads every account's number and next sequence.
func (s *setup) readAccounts() error {
	for _, a := range s.world.Accounts {
		num, seq, err := authtypes.AccountRetriever{}.GetAccountNumberSequence(s.chain.Client, a.Address)
		if err != nil {
			return fmt.Errorf("load account %d (%s): %w", a.Index, a.Address, err)
		}
		a.Number, a.Sequence = num, seq
	}
	return nil
}

// ensureProfiles creates the profiles that are missing and, for mixes that
// reply and react, a first post where an account has none; for the lane
// mix it registers each account's app key where missing and buys the
// planned units, in the same tx. Then it records each account's seed post.
func (s *setup) ensureProfiles(ctx context.Context) error {
	profiles := profilestypes.NewQueryClient(s.chain.Client)
	signer := Signer{TxConfig: s.chain.Client.TxConfig, ChainID: s.chain.Client.ChainID, Fees: s.cfg.Fees}
	var txs [][]byte
	missingProfiles, missingPosts, missingKeys, units := 0, 0, 0, 0
	for _, a := range s.world.Accounts {
		var msgs []sdk.Msg
		_, err := profiles.Profile(ctx, &profilestypes.QueryProfileRequest{Address: a.Address.String()})
		hasProfile := err == nil
		switch {
		case status.Code(err) == codes.NotFound:
			msgs = append(msgs, &profilestypes.MsgCreateProfile{
				Owner: a.Address.String(), Handle: a.Handle(), DisplayName: fmt.Sprintf("load account %d", a.Index),
			})
			missingProfiles++
		case err != nil:
			return fmt.Errorf("profile of load account %d: %w", a.Index, err)
		}
		if s.lane != nil {
			registered := false
			if hasProfile {
				if registered, err = s.hasAppKey(ctx, profiles, a); err != nil {
					return err
				}
			}
			if !registered {
				msgs = append(msgs, &profilestypes.MsgAddAppKey{Owner: a.Address.String(), PubKey: a.AppKey.Public().(ed25519.PublicKey), Scopes: LaneScopes})
				missingKeys++
			}
			if n := s.lane.buy[a.Index]; n > 0 {
				msgs = append(msgs, &messagestypes.MsgBuyUnits{Buyer: a.Address.String(), Units: n})
				units += int(n)
			}
		}
		if s.cfg.Mix.NeedsSeedPosts() {
			id, err := s.seedPost(ctx, a)
			if err != nil {
				return err
			}
			if id == 0 {
				msgs = append(msgs, &poststypes.MsgCreatePost{Author: a.Address.String(), Text: PostText(a.Index, 0)})
				missingPosts++
			}
		}
		if len(msgs) == 0 {
			continue
		}
		signer.Gas = setupGasPerMsg * uint64(len(msgs))
		tx, err := signer.Sign(ctx, a, a.Sequence, msgs...)
		if err != nil {
			return err
		}
		txs = append(txs, tx.Bytes)
	}
	if len(txs) > 0 {
		if s.lane != nil {
			s.chain.logf("creating %d profiles, registering %d app keys and buying %d lane units", missingProfiles, missingKeys, units)
		} else {
			s.chain.logf("creating %d profiles and %d seed posts", missingProfiles, missingPosts)
		}
		if err := s.deliver(ctx, "profile setup", txs); err != nil {
			return err
		}
	}
	if !s.cfg.Mix.NeedsSeedPosts() {
		return nil
	}
	s.world.SeedPosts = make([]uint64, len(s.world.Accounts))
	for _, a := range s.world.Accounts {
		id, err := s.seedPost(ctx, a)
		if err != nil {
			return err
		}
		if id == 0 {
			return fmt.Errorf("load account %d has no post after setup", a.Index)
		}
		s.world.SeedPosts[a.Index] = id
	}
	return nil
}

// hasAppKey reports whether a's profile holds a's app key.
func (s *setup) hasAppKey(ctx context.Context, profiles profilestypes.QueryClient, a *Account) (bool, error) {
	pub := a.AppKey.Public().(ed25519.PublicKey)
	req := &profilestypes.QueryAppKeysRequest{Address: a.Address.String(), Pagination: &query.PageRequest{Limit: 100}}
	for {
		res, err := profiles.AppKeys(ctx, req)
		if err != nil {
			return false, fmt.Errorf("app keys of load account %d: %w", a.Index, err)
		}
		for _, k := range res.AppKeys {
			if bytes.Equal(k.PubKey, pub) {
				return true, nil
			}
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return false, nil
		}
		req.Pagination = &query.PageRequest{Key: res.Pagination.NextKey, Limit: 100}
	}
}

// seedPost returns the newest live post of a, or 0 when it has none.
func (s *setup) seedPost(ctx context.Context, a *Account) (uint64, error) {
	res, err := poststypes.NewQueryClient(s.chain.Client).PostsByAuthor(ctx, &poststypes.QueryPostsByAuthorRequest{
		Address: a.Address.String(), Pagination: &query.PageRequest{Limit: 1},
	})
	if err != nil {
		return 0, fmt.Errorf("posts of load account %d: %w", a.Index, err)
	}
	if len(res.Posts) == 0 {
		return 0, nil
	}
	return res.Posts[0].Post.ID, nil
}

// deliver broadcasts txs and waits until each is in a block with code 0.
func (s *setup) deliver(ctx context.Context, what string, txs [][]byte) error {
	for _, tx := range txs {
		res, err := s.chain.Broadcaster.Broadcast(ctx, tx)
		if err != nil {
			return fmt.Errorf("%s: broadcasting: %w", what, err)
		}
		if res.Code != 0 {
			return fmt.Errorf("%s: refused: %s/%d %s", what, res.Codespace, res.Code, res.Log)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, commitTimeout)
	defer cancel()
	for _, tx := range txs {
		hash := TxHash(tx)
		for {
			res, err := s.chain.Client.Client.Tx(ctx, hash[:], false)
			if err == nil {
				if res.TxResult.Code != 0 {
					return fmt.Errorf("%s: tx %X failed: %s", what, hash, res.TxResult.Log)
				}
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("%s: tx %s not committed within %s", what, hex.EncodeToString(hash[:]), commitTimeout)
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
	return nil
}

// simulateGas simulates each message kind of the mix once, from the first
// account, and returns the largest gas with a margin. Undo kinds are
// simulated after the kind they undo, in one tx, which over-estimates them:
// gas limits cost nothing at zero fees.
func (s *setup) simulateGas(ctx context.Context, signer Signer) (uint64, error) {
	a := s.world.Accounts[0]
	var most uint64
	for _, kind := range s.cfg.Mix.Kinds() {
		var msgs []sdk.Msg
		for _, k := range []string{undoes[kind], kind} {
			if k == "" {
				continue
			}
			msg, err := s.world.msg(k, a, 0)
			if err != nil {
				return 0, err
			}
			msgs = append(msgs, msg)
		}
		tx, err := signer.Sign(ctx, a, a.Sequence, msgs...)
		if err != nil {
			return 0, err
		}
		res, err := txtypes.NewServiceClient(s.chain.Client).Simulate(ctx, &txtypes.SimulateRequest{TxBytes: tx.Bytes})
		if err != nil {
			return 0, fmt.Errorf("simulating a %s tx: %w", kind, err)
		}
		most = max(most, res.GasInfo.GasUsed)
	}
	return uint64(float64(most) * gasMargin), nil
}
