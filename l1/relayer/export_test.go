package relayer

import (
	"context"
	"time"
)

// WithSleep replaces Run's wait between rounds, so tests can see the
// backoff it chose.
func WithSleep(f func(context.Context, time.Duration) error) Option {
	return func(c *config) { c.sleep = f }
}
