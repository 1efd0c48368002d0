package app

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/baseapp"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// fakeTx is a tx of msgs; the decorator reads nothing else.
type fakeTx []sdk.Msg

func (tx fakeTx) GetMsgs() []sdk.Msg                    { return tx }
func (tx fakeTx) GetMsgsV2() ([]protov2.Message, error) { return nil, nil }

// recordingRouter routes every message to one handler that writes a key
// per message (as a keeper does), so a test sees whether writes escaped,
// and refuses a post whose reply_to is not a key written before.
type recordingRouter struct {
	key   *storetypes.KVStoreKey
	calls int
}

func (r *recordingRouter) Handler(sdk.Msg) baseapp.MsgServiceHandler {
	return func(ctx sdk.Context, msg sdk.Msg) (*sdk.Result, error) {
		r.calls++
		store := ctx.KVStore(r.key)
		if post, ok := msg.(*poststypes.MsgCreatePost); ok {
			if post.ReplyTo != 0 && !store.Has([]byte{byte(post.ReplyTo)}) {
				return nil, errorsmod.Wrapf(poststypes.ErrPostNotFound, "reply_to %d", post.ReplyTo)
			}
			store.Set([]byte{byte(ctx.MsgIndex() + 1)}, []byte(post.Text))
		}
		return &sdk.Result{}, nil
	}
}

func TestCheckTxMsgsDecorator(t *testing.T) {
	const author = "social1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5vst3f9"
	post := func(text string, replyTo uint64) *poststypes.MsgCreatePost {
		return &poststypes.MsgCreatePost{Author: author, Text: text, ReplyTo: replyTo}
	}
	exec := authz.NewMsgExec(sdk.AccAddress("grantee_____________"), []sdk.Msg{post("for alice", 7)})
	checkMode := func(ctx sdk.Context) sdk.Context { return ctx.WithIsCheckTx(true) }
	recheckMode := func(ctx sdk.Context) sdk.Context { return ctx.WithIsReCheckTx(true) }
	blockMode := func(ctx sdk.Context) sdk.Context { return ctx.WithIsCheckTx(false).WithExecMode(sdk.ExecModeFinalize) }

	cases := []struct {
		name     string
		mode     func(sdk.Context) sdk.Context
		simulate bool
		tx       fakeTx
		wantErr  *errorsmod.Error
		wantRuns int // handler calls
	}{
		{"CheckTx refuses a reply to a missing post with the handler's error", checkMode, false, fakeTx{post("hi", 9)}, poststypes.ErrPostNotFound, 1},
		{"ReCheckTx refuses it too", recheckMode, false, fakeTx{post("hi", 9)}, poststypes.ErrPostNotFound, 1},
		{"CheckTx accepts valid messages and writes nothing", checkMode, false, fakeTx{post("a", 0), post("b", 0)}, nil, 2},
		{"a later message sees the writes of an earlier one in the same tx", checkMode, false, fakeTx{post("root", 0), post("reply", 1)}, nil, 2},
		{"the second message's error names its index", checkMode, false, fakeTx{post("root", 0), post("reply", 5)}, poststypes.ErrPostNotFound, 2},
		{"a social message inside authz MsgExec is checked", checkMode, false, fakeTx{&exec}, nil, 1},
		{"a tx of profiles messages is checked", checkMode, false, fakeTx{&profilestypes.MsgCreateProfile{Owner: author, Handle: "alice"}}, nil, 1},
		{"a tx of lane unit purchases is checked", checkMode, false, fakeTx{&messagestypes.MsgBuyUnits{Buyer: author, Units: 1}}, nil, 1},
		{"a tx with a social message runs its other messages too", checkMode, false, fakeTx{&banktypes.MsgSend{}, post("x", 0)}, nil, 2},
		{"a tx without social messages is left to the block", checkMode, false, fakeTx{&banktypes.MsgSend{}}, nil, 0},
		{"the block does not run the messages twice", blockMode, false, fakeTx{post("hi", 9)}, nil, 0},
		{"simulation does not run the messages twice", checkMode, true, fakeTx{post("hi", 9)}, nil, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			key := storetypes.NewKVStoreKey("test")
			ctx := tc.mode(testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient")))
			router := &recordingRouter{key: key}
			d := NewCheckTxMsgsDecorator(router, &profilestypes.MsgCreateProfile{}, &poststypes.MsgCreatePost{}, &messagestypes.MsgBuyUnits{})
			nextRan := false
			next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { nextRan = true; return ctx, nil }

			_, err := d.AnteHandle(ctx, tc.tx, tc.simulate, next)

			require.Equal(t, tc.wantRuns, router.calls, "handler calls")
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				// Wrapped as the block wraps it, with the failing message's index.
				require.Contains(t, err.Error(), fmt.Sprintf("failed to execute message; message index: %d: ", tc.wantRuns-1))
				require.False(t, nextRan, "a refused tx stops the chain")
			} else {
				require.NoError(t, err)
				require.True(t, nextRan)
			}
			it := ctx.KVStore(key).Iterator(nil, nil)
			defer it.Close()
			require.False(t, it.Valid(), "the messages' writes reached the check state")
		})
	}
}

// TestCheckTxMsgsDecoratorChargesTheTxGasMeter: the messages' gas counts
// against the tx's limit in CheckTx, so a limit too low for them is refused
// at broadcast (runTx turns the out-of-gas panic into code 11).
func TestCheckTxMsgsDecoratorChargesTheTxGasMeter(t *testing.T) {
	key := storetypes.NewKVStoreKey("test")
	base := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient")).WithIsCheckTx(true)
	d := NewCheckTxMsgsDecorator(&recordingRouter{key: key}, &poststypes.MsgCreatePost{})
	tx := fakeTx{&poststypes.MsgCreatePost{Text: "gas"}}
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil }

	ctx := base.WithGasMeter(storetypes.NewGasMeter(1_000_000))
	_, err := d.AnteHandle(ctx, tx, false, next)
	require.NoError(t, err)
	used := ctx.GasMeter().GasConsumed()
	require.Positive(t, used, "the write's gas is on the tx's meter")

	short := base.WithGasMeter(storetypes.NewGasMeter(used - 1))
	var recovered any
	func() {
		defer func() { recovered = recover() }()
		_, _ = d.AnteHandle(short, tx, false, next)
	}()
	require.IsType(t, storetypes.ErrorOutOfGas{}, recovered, "one gas short of the messages' cost")
}
