package p2p

import (
	"cosmossdk.io/log/v2"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/routing"
)

// Option configures the optional parts of a Node (model: libp2p.New).
type Option func(*options)

type options struct {
	logger  log.Logger
	key     crypto.PrivKey
	routing func(host.Host) (routing.ContentDiscovery, error)
}

func defaultOptions() options {
	return options{logger: log.NewNopLogger()}
}

// WithLogger sets the logger; the default discards everything.
func WithLogger(l log.Logger) Option {
	return func(o *options) { o.logger = l }
}

// WithIdentity uses key as the node's libp2p identity instead of the key in
// Config.IdentityKeyFile (which is then neither read nor created).
func WithIdentity(key crypto.PrivKey) Option {
	return func(o *options) { o.key = key }
}

// WithContentRouting lets bitswap look up providers of missing blocks, for
// example a go-libp2p-kad-dht instance that newRouting builds on the node's
// host. Without it bitswap asks the peers it is connected to, which include
// the bootstrap peers. If the router is an io.Closer, Close closes it.
func WithContentRouting(newRouting func(h host.Host) (routing.ContentDiscovery, error)) Option {
	return func(o *options) { o.routing = newRouting }
}
