// Package p2p is socialchain's IPFS peer and gossip participant: a libp2p
// host (TCP and QUIC, Noise, yamux, identify), bitswap client and server over
// an on-disk blockstore, a UnixFS importer, a persistent pin queue, gossipsub
// announcements, and an HTTP content API with the IPFS gateway.
//
// The parts are composed the way boxo composes them:
//
//	flatfs datastore → blockstore → bitswap (exchange) → blockservice → merkledag DAG service → importer / DAG reader
//	leveldb datastore → PinStore
//	libp2p host → bitswap network, gossipsub, peering (bootstrap peers)
package p2p

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"cosmossdk.io/log/v2"
	"github.com/ipfs/boxo/bitswap"
	"github.com/ipfs/boxo/bitswap/network/bsnet"
	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/peering"
	flatfs "github.com/ipfs/go-ds-flatfs"
	leveldb "github.com/ipfs/go-ds-leveldb"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/libp2p/go-libp2p"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/routing"
	yamux "github.com/libp2p/go-libp2p/p2p/muxer/yamux"
	"github.com/libp2p/go-libp2p/p2p/net/connmgr"
	"github.com/libp2p/go-libp2p/p2p/security/noise"
	libp2pquic "github.com/libp2p/go-libp2p/p2p/transport/quic"
	"github.com/libp2p/go-libp2p/p2p/transport/tcp"
	ma "github.com/multiformats/go-multiaddr"
)

// UserAgent is what the node tells peers in identify.
const UserAgent = "socialchain/p2p"

// Node is one IPFS peer of the chain. Build it with New and stop it with
// Close; every goroutine it starts runs under a context Close cancels, and
// Close waits for them.
type Node struct {
	cfg    Config
	logger log.Logger

	// ctx is the owner context of everything the node starts.
	ctx       context.Context
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	mu        sync.Mutex // guards closing against wg.Add racing wg.Wait
	closing   bool
	closeOnce sync.Once
	closeErr  error

	host         host.Host
	router       routing.ContentDiscovery
	peering      *peering.PeeringService
	blockDS      *flatfs.Datastore
	metaDS       *leveldb.Datastore
	blocks       blockstore.Blockstore
	bitswap      *bitswap.Bitswap
	blockService blockservice.BlockService
	dag          ipld.DAGService

	pins     *PinStore
	pinQueue *PinQueue
	prefetch *prefetcher
	gossip   *gossip // nil when gossip is disabled
	counters gossipCounters
	subs     *announcementHub
	stream   *StreamHub
}

// New validates cfg, opens (or creates) the stores under cfg.DataDir, loads
// (or creates) the identity key, starts the libp2p host, bitswap, gossip and
// the pin workers, resumes pending pins, and dials the bootstrap peers in the
// background. ctx bounds only the start-up; the node runs until Close.
func New(ctx context.Context, cfg Config, opts ...Option) (n *Node, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	bootstrap, err := parseBootstrapPeers(cfg.BootstrapPeers)
	if err != nil {
		return nil, err
	}
	key := o.key
	if key == nil {
		if key, err = LoadOrCreateIdentity(cfg.IdentityKeyFile); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("p2p data dir: %w", err)
	}

	n = &Node{
		cfg:    cfg,
		logger: o.logger.With("module", "p2p"),
		subs:   newAnnouncementHub(),
		stream: NewStreamHub(),
	}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	defer func() {
		if err != nil {
			_ = n.Close()
			n = nil
		}
	}()

	if n.blockDS, err = flatfs.CreateOrOpen(filepath.Join(cfg.DataDir, "blocks"), flatfs.NextToLast(2), true); err != nil {
		return nil, fmt.Errorf("open blockstore: %w", err)
	}
	if n.metaDS, err = leveldb.NewDatastore(filepath.Join(cfg.DataDir, "datastore"), nil); err != nil {
		return nil, fmt.Errorf("open datastore: %w", err)
	}
	// The flatfs directory holds blocks only, so keys need no /blocks prefix.
	n.blocks = blockstore.NewBlockstore(n.blockDS, blockstore.NoPrefix())

	if n.host, err = newHost(key, cfg.ListenAddrs); err != nil {
		return nil, err
	}
	if o.routing != nil {
		if n.router, err = o.routing(n.host); err != nil {
			return nil, fmt.Errorf("content routing: %w", err)
		}
	}
	// A nil router makes bitswap broadcast wants to connected peers only.
	n.bitswap = bitswap.New(n.ctx, bsnet.NewFromIpfsHost(n.host), n.router, n.blocks)
	n.blockService = blockservice.New(n.blocks, n.bitswap)
	n.dag = merkledag.NewDAGService(n.blockService)

	n.pins = NewPinStore(n.metaDS)
	n.pinQueue = newPinQueue(n)
	n.prefetch = newPrefetcher(n)
	if cfg.GossipEnabled {
		if n.gossip, err = newGossip(n); err != nil {
			return nil, err
		}
	}
	if err := n.pinQueue.start(ctx); err != nil {
		return nil, err
	}

	n.peering = peering.NewPeeringService(n.host)
	for _, ai := range bootstrap {
		n.peering.AddPeer(ai)
	}
	if err := n.peering.Start(); err != nil {
		return nil, fmt.Errorf("start peering: %w", err)
	}

	addrs := make([]string, 0, 4)
	for _, a := range n.P2PAddrs() {
		addrs = append(addrs, a.String())
	}
	n.logger.Info("p2p node started", "peer_id", n.ID().String(), "addrs", addrs,
		"pin_policy", string(cfg.PinPolicy), "gossip", cfg.GossipEnabled, "bootstrap_peers", len(bootstrap))
	return n, nil
}

func newHost(key crypto.PrivKey, listen []string) (host.Host, error) {
	cm, err := connmgr.NewConnManager(100, 400, connmgr.WithGracePeriod(time.Minute))
	if err != nil {
		return nil, err
	}
	h, err := libp2p.New(
		libp2p.Identity(key),
		libp2p.ListenAddrStrings(listen...),
		libp2p.Transport(tcp.NewTCPTransport),
		libp2p.Transport(libp2pquic.NewTransport),
		libp2p.Security(noise.ID, noise.New),
		libp2p.Muxer(yamux.ID, yamux.DefaultTransport),
		libp2p.ConnectionManager(cm),
		libp2p.UserAgent(UserAgent),
	)
	if err != nil {
		return nil, fmt.Errorf("start libp2p host: %w", err)
	}
	return h, nil
}

// Close stops gossip, the pin workers and prefetches, bitswap and the host,
// waits for every goroutine the node started, and closes the stores. Pins
// still pending stay pending on disk and resume on the next New. Close is
// safe to call more than once.
func (n *Node) Close() error {
	n.closeOnce.Do(func() {
		n.mu.Lock()
		n.closing = true
		n.mu.Unlock()
		if n.gossip != nil {
			n.gossip.close()
		}
		n.cancel()
		if n.peering != nil {
			n.peering.Stop()
		}
		n.wg.Wait()
		n.subs.close()
		n.stream.Close()

		var errs []error
		if n.bitswap != nil {
			errs = append(errs, n.bitswap.Close())
		}
		if c, ok := n.router.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
		if n.host != nil {
			errs = append(errs, n.host.Close())
		}
		if n.blockDS != nil {
			errs = append(errs, n.blockDS.Close())
		}
		if n.metaDS != nil {
			errs = append(errs, n.metaDS.Close())
		}
		n.closeErr = errors.Join(errs...)
	})
	return n.closeErr
}

// ID is the node's peer id.
func (n *Node) ID() peer.ID { return n.host.ID() }

// Addrs are the addresses the node listens on, without the /p2p suffix.
func (n *Node) Addrs() []ma.Multiaddr { return n.host.Addrs() }

// AddrInfo is the node's peer id with its listen addresses, what another
// node passes to Connect.
func (n *Node) AddrInfo() peer.AddrInfo {
	return peer.AddrInfo{ID: n.host.ID(), Addrs: n.host.Addrs()}
}

// P2PAddrs are the listen addresses with the /p2p/<peer-id> suffix, the form
// bootstrap-peers and `ipfs swarm connect` take.
func (n *Node) P2PAddrs() []ma.Multiaddr {
	addrs, err := peer.AddrInfoToP2pAddrs(&peer.AddrInfo{ID: n.host.ID(), Addrs: n.host.Addrs()})
	if err != nil {
		return nil
	}
	return addrs
}

// Peers lists the connected peers with the remote address of each connection.
func (n *Node) Peers() []peer.AddrInfo {
	byPeer := map[peer.ID]int{}
	var out []peer.AddrInfo
	for _, c := range n.host.Network().Conns() {
		id := c.RemotePeer()
		i, ok := byPeer[id]
		if !ok {
			i = len(out)
			byPeer[id] = i
			out = append(out, peer.AddrInfo{ID: id})
		}
		out[i].Addrs = append(out[i].Addrs, c.RemoteMultiaddr())
	}
	return out
}

// Connect dials a peer. Bitswap then asks it for wanted blocks, and gossip
// exchanges topic subscriptions with it.
func (n *Node) Connect(ctx context.Context, ai peer.AddrInfo) error {
	if err := n.host.Connect(ctx, ai); err != nil {
		return fmt.Errorf("connect to %s: %w", ai.ID, err)
	}
	return nil
}

// Config returns the configuration the node runs with.
func (n *Node) Config() Config { return n.cfg }

// Host is the libp2p host, for services built beside the node (a DHT, say).
func (n *Node) Host() host.Host { return n.host }

// BlockService is the node's block service: local blockstore first, then
// bitswap.
func (n *Node) BlockService() blockservice.BlockService { return n.blockService }

// Stream is the node's hub of client-facing events: gossip announcements are
// published on it as "announced"; the application publishes "final".
func (n *Node) Stream() *StreamHub { return n.stream }

// goroutine runs f under the node's wait group; once Close has begun it
// starts nothing and reports false.
func (n *Node) goroutine(f func()) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closing {
		return false
	}
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		f()
	}()
	return true
}
