package types

import (
	"runtime"
	"sync"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"

	errorsmod "cosmossdk.io/errors"
)

// minBatchPerWorker is the smallest share of a batch worth a goroutine: below
// it the batch verifier's fixed cost outweighs the parallelism.
const minBatchPerWorker = 64

// VerifySignatures checks every message's signature, in ed25519 batches
// spread over all cores, and returns one error per message (nil if valid).
// A batch that fails is rechecked one by one to find the culprits, so an
// honest message in the same batch as a forged one still passes.
func VerifySignatures(msgs []*Message) []error {
	errs := make([]error, len(msgs))
	if len(msgs) == 0 {
		return errs
	}
	workers := min(runtime.GOMAXPROCS(0), (len(msgs)+minBatchPerWorker-1)/minBatchPerWorker)
	chunk := (len(msgs) + workers - 1) / workers
	var wg sync.WaitGroup
	for start := 0; start < len(msgs); start += chunk {
		end := min(start+chunk, len(msgs))
		wg.Add(1)
		go func(part []*Message, errs []error) {
			defer wg.Done()
			verifyChunk(part, errs)
		}(msgs[start:end], errs[start:end])
	}
	wg.Wait()
	return errs
}

func verifyChunk(msgs []*Message, errs []error) {
	if len(msgs) == 1 {
		errs[0] = msgs[0].VerifySignature()
		return
	}
	bv := cmted25519.NewBatchVerifier()
	added := make([]int, 0, len(msgs)) // batch position -> index in msgs
	for i, m := range msgs {
		if err := bv.Add(cmted25519.PubKey(m.Body.AppKey), SigningBytes(m.Signed.Body), m.Signed.Signature); err != nil {
			errs[i] = errorsmod.Wrapf(ErrInvalidSignature, "app_key %x: %v", m.Body.AppKey, err)
			continue
		}
		added = append(added, i)
	}
	if len(added) == 0 {
		return
	}
	if ok, valid := bv.Verify(); !ok {
		for pos, v := range valid {
			if !v {
				i := added[pos]
				errs[i] = errorsmod.Wrapf(ErrInvalidSignature, "signature does not verify with app_key %x", msgs[i].Body.AppKey)
			}
		}
	}
}
