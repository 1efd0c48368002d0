package relayer

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// DialNode connects to a socialchain node's gRPC server (plaintext, for
// loopback and trusted networks), for NewGRPCSource and DeployFromChain.
func DialNode(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(codec.NewProtoCodec(nil).GRPCCodec())))
}

// DeployFromChain waits for the chain's first signer set (nonce 0) on the
// node behind conn and deploys the contract with it, for the chain id the
// node reports. Cancel ctx to stop waiting.
func DeployFromChain(ctx context.Context, backend L1Client, conn *grpc.ClientConn, key *ecdsa.PrivateKey) (common.Address, error) {
	query := types.NewQueryClient(conn)
	chainID, err := chainIDOf(ctx, conn)
	if err != nil {
		return common.Address{}, err
	}
	for {
		res, err := query.SignerSet(ctx, &types.QuerySignerSetRequest{Nonce: 0})
		if err == nil {
			return Deploy(ctx, backend, key, chainID, res.SignerSet)
		}
		select {
		case <-ctx.Done():
			return common.Address{}, fmt.Errorf("waiting for the chain's first signer set: %w", errors.Join(ctx.Err(), err))
		case <-time.After(time.Second):
		}
	}
}

// chainIDOf asks a node for its chain id (from its latest block header).
func chainIDOf(ctx context.Context, conn *grpc.ClientConn) (string, error) {
	res, err := cmtservice.NewServiceClient(conn).GetLatestBlock(ctx, &cmtservice.GetLatestBlockRequest{})
	if err != nil {
		return "", fmt.Errorf("reading the chain id: %w", err)
	}
	return res.SdkBlock.Header.ChainID, nil
}

// RunForNode relays for the node behind conn, as a relayer embedded in a
// node does: it waits for the chain's l1_contract param (polling every
// 5 s), calls started with the relayer once it exists, and runs it until
// ctx is done, retrying every 3 s when Run stops on a misconfiguration
// (the contract not deployed yet, say), as an operator would. It returns
// nil when ctx is done, and logs instead of failing when the relayer
// cannot be built.
func RunForNode(ctx context.Context, conn *grpc.ClientConn, l1c L1Client, key *ecdsa.PrivateKey, logger log.Logger, started func(*Relayer)) error {
	query := types.NewQueryClient(conn)
	var contract string
	for contract == "" {
		if res, err := query.Params(ctx, &types.QueryParamsRequest{}); err == nil {
			contract = res.Params.L1Contract
		}
		if contract == "" {
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(5 * time.Second):
			}
		}
	}
	r, err := New(NewGRPCSource(query), l1c, common.HexToAddress(contract), key, WithLogger(logger))
	if err != nil {
		logger.Error("relayer not started", "err", err)
		return nil
	}
	if started != nil {
		started(r)
	}
	for {
		err := r.Run(ctx)
		if err == nil || ctx.Err() != nil {
			return nil
		}
		logger.Error("relayer paused; retrying in 3s", "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(3 * time.Second):
		}
	}
}
