package relayer_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/socialchain/socialchain/l1/relayer"
)

func TestRelaysCheckpointsInOrder(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 40, 30, 20, 10)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	for range 5 {
		chain.checkpoint(0, nil, true)
	}
	conn := newL1Conn(l1)
	r := newRelayer(t, chain.src, conn, l1.address, key)

	n, err := relayOnce(t, r)
	require.NoError(t, err)
	require.Equal(t, 5, n)
	require.Equal(t, upTo(5), l1.submitted())
	st := r.Status()
	require.Equal(t, uint64(5), st.LastCheckpoint)
	require.Equal(t, uint64(5), st.Submitted)
	require.Equal(t, uint64(5), st.LastSubmitted)
	require.Equal(t, uint64(simulatedChainID), st.L1ChainID)
	require.NotZero(t, st.L1Head)
	require.Zero(t, st.Failures)

	// Nothing new: a round sends nothing.
	n, err = relayOnce(t, r)
	require.NoError(t, err)
	require.Zero(t, n)
	require.Equal(t, map[uint64]int{1: 1, 2: 1, 3: 1, 4: 1, 5: 1}, conn.sends())
}

func TestResumesFromContractState(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	first, second := testKey(t, "first relayer"), testKey(t, "second relayer")
	l1 := newTestL1(t, setA, first, second)
	chain := newTestChain(t, l1.domain, setA)
	for range 3 {
		chain.checkpoint(0, nil, true)
	}
	n, err := relayOnce(t, newRelayer(t, chain.src, newL1Conn(l1), l1.address, first))
	require.NoError(t, err)
	require.Equal(t, 3, n)

	// The chain moves on while no relayer runs; a new one, with no state
	// of its own, starts from what the contract holds.
	for range 4 {
		chain.checkpoint(0, nil, true)
	}
	readsBefore := len(chain.src.CheckpointReads())
	conn := newL1Conn(l1)
	n, err = relayOnce(t, newRelayer(t, chain.src, conn, l1.address, second))
	require.NoError(t, err)
	require.Equal(t, 4, n)
	require.Equal(t, upTo(7), l1.submitted(), "every epoch on L1, once, in order")
	require.Equal(t, []uint64{4, 5, 6, 7}, chain.src.CheckpointReads()[readsBefore:], "read nothing the contract already holds")
	require.Equal(t, map[uint64]int{4: 1, 5: 1, 6: 1, 7: 1}, conn.sends())
}

func TestHandoverThenCheckpointOfNewSet(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	setB := newSignerGroup(t, "B", 1, 50, 30, 20)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	chain.checkpoint(0, nil, true)
	chain.addSet(setB)
	chain.checkpoint(0, &setB, true) // handover, signed by A
	chain.checkpoint(1, nil, true)   // signed by B
	chain.checkpoint(1, nil, true)

	n, err := relayOnce(t, newRelayer(t, chain.src, newL1Conn(l1), l1.address, key))
	require.NoError(t, err)
	require.Equal(t, 4, n)
	require.Equal(t, upTo(4), l1.submitted())
	nonce, hash := l1.signerSet()
	require.Equal(t, uint64(1), nonce)
	require.Equal(t, setB.hash(), hash)
}

func TestWaitsForFinality(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	chain.checkpoint(0, nil, true)
	chain.checkpoint(0, nil, false) // one signature of four
	chain.checkpoint(0, nil, true)
	conn := newL1Conn(l1)
	r := newRelayer(t, chain.src, conn, l1.address, key)

	n, err := relayOnce(t, r)
	require.NoError(t, err)
	require.Equal(t, 1, n, "stops before the checkpoint that is not final")
	require.Equal(t, uint64(2), r.Status().WaitingFor)
	require.Equal(t, map[uint64]int{1: 1}, conn.sends(), "neither 2 nor the final 3 behind it is sent")

	chain.finalize(2)
	n, err = relayOnce(t, r)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.Equal(t, upTo(3), l1.submitted())
	require.Zero(t, r.Status().WaitingFor)
}

func TestConcurrentRelayersNeverDoubleSubmit(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	setB := newSignerGroup(t, "B", 1, 40, 30, 20, 10)
	k1, k2 := testKey(t, "relayer 1"), testKey(t, "relayer 2")
	l1 := newTestL1(t, setA, k1, k2)
	chain := newTestChain(t, l1.domain, setA)
	conns := [2]*l1Conn{newL1Conn(l1), newL1Conn(l1)}
	relayers := [2]*relayer.Relayer{
		newRelayer(t, chain.src, conns[0], l1.address, k1),
		newRelayer(t, chain.src, conns[1], l1.address, k2),
	}
	for _, r := range relayers {
		runInBackground(t, r)
	}

	// Checkpoints appear while both run, a handover among them.
	const total = 8
	for i := uint64(1); i <= total; i++ {
		switch {
		case i < 4:
			chain.checkpoint(0, nil, true)
		case i == 4:
			chain.addSet(setB)
			chain.checkpoint(0, &setB, true)
		default:
			chain.checkpoint(1, nil, true)
		}
		time.Sleep(15 * time.Millisecond)
	}
	require.Eventually(t, func() bool {
		return relayers[0].Status().LastCheckpoint == total && relayers[1].Status().LastCheckpoint == total
	}, 15*time.Second, 10*time.Millisecond)

	require.Equal(t, upTo(total), l1.submitted(), "each checkpoint accepted once, in order")
	var landed uint64
	for i, r := range relayers {
		landed += r.Status().Submitted
		for number, sends := range conns[i].sends() {
			require.Equal(t, 1, sends, "relayer %d sent checkpoint %d more than once", i, number)
		}
	}
	require.Equal(t, uint64(total), landed, "every checkpoint credited to exactly one relayer")
}

// TestOutageBacksOffThenCatchesUp takes the L1, or the chain, away from a
// running relayer while checkpoints keep coming.
func TestOutageBacksOffThenCatchesUp(t *testing.T) {
	for _, tc := range []struct {
		name string
		down func(conn *l1Conn, chain *testChain, down bool)
	}{
		{"L1 unreachable", func(conn *l1Conn, _ *testChain, down bool) { conn.down.Store(down) }},
		{"chain unreachable", func(_ *l1Conn, chain *testChain, down bool) {
			if down {
				chain.src.SetError(errConnRefused)
			} else {
				chain.src.SetError(nil)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
			key := testKey(t, "relayer")
			l1 := newTestL1(t, setA, key)
			chain := newTestChain(t, l1.domain, setA)
			conn := newL1Conn(l1)

			var (
				mu      sync.Mutex
				backoff []time.Duration
				r       *relayer.Relayer
			)
			sleep := func(ctx context.Context, d time.Duration) error {
				if r.Status().Failures > 0 {
					mu.Lock()
					backoff = append(backoff, d)
					mu.Unlock()
				}
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(d):
					return nil
				}
			}
			r = newRelayer(t, chain.src, conn, l1.address, key, relayer.WithSleep(sleep))
			chain.checkpoint(0, nil, true)
			chain.checkpoint(0, nil, true)
			runInBackground(t, r)
			require.Eventually(t, func() bool { return r.Status().LastCheckpoint == 2 }, 10*time.Second, 5*time.Millisecond)

			tc.down(conn, chain, true)
			for range 4 {
				chain.checkpoint(0, nil, true)
			}
			require.Eventually(t, func() bool { return r.Status().Failures >= 5 }, 10*time.Second, 5*time.Millisecond)
			st := r.Status()
			require.Contains(t, st.LastError, "connection refused")
			require.Equal(t, uint64(2), l1.last(), "nothing lands while down")

			tc.down(conn, chain, false)
			require.Eventually(t, func() bool { return r.Status().LastCheckpoint == 6 }, 10*time.Second, 5*time.Millisecond)
			require.Eventually(t, func() bool { return r.Status().Failures == 0 }, 10*time.Second, 5*time.Millisecond)
			st = r.Status()
			require.Empty(t, st.LastError, "a good round clears the error that no longer holds")
			require.True(t, st.LastErrorAt.IsZero())

			require.Equal(t, upTo(6), l1.submitted(), "no epoch skipped")
			require.Equal(t, uint64(6), r.Status().Submitted)
			mu.Lock()
			defer mu.Unlock()
			require.GreaterOrEqual(t, len(backoff), 4)
			require.Equal(t, []time.Duration{10 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond, 40 * time.Millisecond},
				backoff[:4], "doubling from the initial backoff, capped at the max")
		})
	}
}

func TestLostSendReplyIsNotResent(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	for range 3 {
		chain.checkpoint(0, nil, true)
	}
	conn := newL1Conn(l1)
	r := newRelayer(t, chain.src, conn, l1.address, key)

	// The node takes the transaction for checkpoint 1, but the relayer
	// hears only a connection error.
	conn.loseSendReply.Store(true)
	n, err := relayOnce(t, r)
	require.ErrorContains(t, err, "connection refused")
	require.Zero(t, n)
	conn.loseSendReply.Store(false)

	n, err = relayOnce(t, r)
	require.NoError(t, err)
	require.Equal(t, 3, n, "the lost transaction is found and credited, then 2 and 3 follow")
	require.Equal(t, upTo(3), l1.submitted())
	require.Equal(t, map[uint64]int{1: 1, 2: 1, 3: 1}, conn.sends(), "checkpoint 1 was not sent again")
}

func TestDroppedTransactionIsResent(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	chain.checkpoint(0, nil, true)
	conn := newL1Conn(l1)
	r := newRelayer(t, chain.src, conn, l1.address, key)

	// The connection fails exactly at the send: the node never sees it.
	conn.failNextSend.Store(true)
	_, err := relayOnce(t, r)
	require.ErrorContains(t, err, "connection refused")
	require.Empty(t, conn.sends())

	n, err := relayOnce(t, r)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, upTo(1), l1.submitted())
}

func TestPendingTransactionOfAnotherRelayerIsNotDuplicated(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	k1, k2 := testKey(t, "relayer 1"), testKey(t, "relayer 2")
	l1 := newTestL1(t, setA, k1, k2)
	chain := newTestChain(t, l1.domain, setA)
	chain.checkpoint(0, nil, true)
	conn1, conn2 := newL1Conn(l1), newL1Conn(l1)
	r1 := newRelayer(t, chain.src, conn1, l1.address, k1)
	r2 := newRelayer(t, chain.src, conn2, l1.address, k2)

	// Relayer 1's transaction sits in the mempool.
	l1.paused.Store(true)
	done := make(chan int)
	go func() {
		n, err := relayOnce(t, r1)
		require.NoError(t, err)
		done <- n
	}()
	require.Eventually(t, func() bool { return conn1.sends()[1] == 1 }, 5*time.Second, 5*time.Millisecond)
	// geth rebuilds its pending block at most every 2s for the same head,
	// so a pending transaction shows in eth_call "pending" only then.
	require.Eventually(t, func() bool {
		out, err := l1.client.PendingCallContract(context.Background(), ethereum.CallMsg{To: &l1.address, Data: l1.contract.PackLastCheckpointNumber()})
		require.NoError(t, err)
		n, err := l1.contract.UnpackLastCheckpointNumber(out)
		return err == nil && n == 1
	}, 5*time.Second, 50*time.Millisecond)

	// Relayer 2's simulation on the pending state sees it: nothing sent.
	n, err := relayOnce(t, r2)
	require.NoError(t, err)
	require.Zero(t, n)
	require.Empty(t, conn2.sends())

	l1.paused.Store(false)
	require.Equal(t, 1, <-done)
	n, err = relayOnce(t, r2)
	require.NoError(t, err)
	require.Zero(t, n)
	require.Equal(t, uint64(1), r2.Status().LastCheckpoint)
	require.Empty(t, conn2.sends())
	require.Equal(t, upTo(1), l1.submitted())
}

// TestRefusesWhatTheContractWouldRefuse: checkpoints the contract would
// reject are reported, not sent, and change nothing on L1.
func TestRefusesWhatTheContractWouldRefuse(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	setB := newSignerGroup(t, "B", 1, 50, 50)
	corrupt := func(sig []byte) []byte {
		out := append([]byte(nil), sig...)
		out[10] ^= 0xff
		return out
	}
	for _, tc := range []struct {
		name    string
		setUp   func(t *testing.T, chain *testChain, l1 *testL1)
		wantErr string
		relayed int
	}{
		{
			name: "signatures over another contract's domain are not sent",
			setUp: func(t *testing.T, chain *testChain, l1 *testL1) {
				chain.domain.Contract = common.HexToAddress("0x00000000000000000000000000000000000000aa")
				chain.checkpoint(0, nil, true)
			},
			wantErr: "l1_contract",
		},
		{
			name: "a bad signature is dropped when the others carry more than 2/3",
			setUp: func(t *testing.T, chain *testChain, _ *testL1) {
				cp := chain.checkpoint(0, nil, true)
				cp.Signatures[0].Signature = corrupt(cp.Signatures[0].Signature)
				chain.put(cp)
			},
			relayed: 1,
		},
		{
			name: "too few valid signatures are not sent",
			setUp: func(t *testing.T, chain *testChain, _ *testL1) {
				cp := chain.checkpoint(0, nil, true)
				cp.Signatures[0].Signature = corrupt(cp.Signatures[0].Signature)
				cp.Signatures[3].Signature = corrupt(cp.Signatures[3].Signature)
				chain.put(cp)
			},
			wantErr: "not more than 2/3",
		},
		{
			name: "a checkpoint of a set the contract does not hold is not sent",
			setUp: func(t *testing.T, chain *testChain, _ *testL1) {
				chain.addSet(setB)
				chain.checkpoint(1, nil, true)
			},
			wantErr: "signed by signer set 1, but the contract holds set 0",
		},
		{
			name: "a handover to a set the chain does not serve is not sent",
			setUp: func(t *testing.T, chain *testChain, _ *testL1) {
				chain.checkpoint(0, &setB, true)
			},
			wantErr: "hands over to signer set 1",
		},
		{
			name: "a malformed checkpoint is not sent",
			setUp: func(t *testing.T, chain *testChain, _ *testL1) {
				cp := chain.checkpoint(0, nil, true)
				cp.Checkpoint.AppHash = cp.Checkpoint.AppHash[:31]
				chain.put(cp)
			},
			wantErr: "app hash: 31 bytes",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := testKey(t, "relayer")
			l1 := newTestL1(t, setA, key)
			chain := newTestChain(t, l1.domain, setA)
			tc.setUp(t, chain, l1)
			conn := newL1Conn(l1)
			r := newRelayer(t, chain.src, conn, l1.address, key)

			n, err := relayOnce(t, r)
			require.Equal(t, tc.relayed, n)
			if tc.wantErr == "" {
				require.NoError(t, err)
				require.Equal(t, upTo(uint64(tc.relayed)), l1.submitted())
				return
			}
			require.ErrorContains(t, err, tc.wantErr)
			require.Contains(t, r.Status().LastError, tc.wantErr)
			require.Empty(t, conn.sends())
			require.Zero(t, l1.last())
			nonce, hash := l1.signerSet()
			require.Zero(t, nonce)
			require.Equal(t, setA.hash(), hash)
		})
	}
}

func TestMisconfigurationStopsRun(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 25, 25, 25, 25)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	for _, tc := range []struct {
		name     string
		contract common.Address
		opts     []relayer.Option
		wantErr  string
	}{
		{"an L1 on another chain than configured", l1.address, []relayer.Option{relayer.WithL1ChainID(1)}, "on chain 1337, configured for 1"},
		{"no contract at the address", common.HexToAddress("0x00000000000000000000000000000000000000aa"), nil, "no contract at"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRelayer(t, chain.src, newL1Conn(l1), tc.contract, key, tc.opts...)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := r.Run(ctx)
			require.ErrorIs(t, err, relayer.ErrMisconfigured)
			require.ErrorContains(t, err, tc.wantErr)
		})
	}
}

func TestNewRefusesIncompleteConfig(t *testing.T) {
	src := relayer.NewMemorySource()
	key := testKey(t, "relayer")
	addr := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	conn := &l1Conn{}
	for _, tc := range []struct {
		name    string
		build   func() (*relayer.Relayer, error)
		wantErr string
	}{
		{"no source", func() (*relayer.Relayer, error) { return relayer.New(nil, conn, addr, key) }, "no source"},
		{"no L1 client", func() (*relayer.Relayer, error) { return relayer.New(src, nil, addr, key) }, "no L1 client"},
		{"no key", func() (*relayer.Relayer, error) { return relayer.New(src, conn, addr, nil) }, "no signer key"},
		{"no contract", func() (*relayer.Relayer, error) { return relayer.New(src, conn, common.Address{}, key) }, "no contract address"},
		{"backoff max below initial", func() (*relayer.Relayer, error) {
			return relayer.New(src, conn, addr, key, relayer.WithBackoff(time.Second, time.Millisecond))
		}, "invalid intervals"},
		{"zero poll interval", func() (*relayer.Relayer, error) {
			return relayer.New(src, conn, addr, key, relayer.WithPollInterval(0))
		}, "invalid intervals"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.build()
			require.ErrorContains(t, err, tc.wantErr)
			require.Nil(t, r)
		})
	}
}

func TestCatchUpLogsProgressEveryTenCheckpoints(t *testing.T) {
	setA := newSignerGroup(t, "A", 0, 40, 30, 20, 10)
	key := testKey(t, "relayer")
	l1 := newTestL1(t, setA, key)
	chain := newTestChain(t, l1.domain, setA)
	for range 12 {
		chain.checkpoint(0, nil, true)
	}
	var logs bytes.Buffer
	r := newRelayer(t, chain.src, newL1Conn(l1), l1.address, key,
		relayer.WithLogger(log.NewLogger(&logs, log.ColorOption(false))))

	n, err := relayOnce(t, r)
	require.NoError(t, err)
	require.Equal(t, 12, n)
	require.Contains(t, logs.String(), "catching up: relaying checkpoint 1 of 12")
	require.Contains(t, logs.String(), "catching up: relaying checkpoint 11 of 12")
	require.Equal(t, 2, strings.Count(logs.String(), "catching up"), "one line per ten checkpoints, none for the last")
}
