package p2p

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"testing"

	"cosmossdk.io/log/v2"
)

const benchBlobSize = 10 << 20

func benchNode(b *testing.B) *Node {
	b.Helper()
	dir := b.TempDir()
	cfg := DefaultConfig()
	cfg.ChainID = testChainID
	cfg.ListenAddrs = []string{"/ip4/127.0.0.1/tcp/0"}
	cfg.DataDir = filepath.Join(dir, "ipfs")
	cfg.IdentityKeyFile = filepath.Join(dir, "identity.key")
	n, err := New(context.Background(), cfg, WithLogger(log.NewNopLogger()))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = n.Close() })
	return n
}

func benchData(b *testing.B) []byte {
	b.Helper()
	data := make([]byte, benchBlobSize)
	if _, err := rand.Read(data); err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkAdd10MB imports a fresh 10 MiB file into one node's blockstore
// (chunking, hashing, writing blocks).
func BenchmarkAdd10MB(b *testing.B) {
	n := benchNode(b)
	b.SetBytes(benchBlobSize)
	for b.Loop() {
		b.StopTimer()
		data := benchData(b)
		b.StartTimer()
		if _, _, err := n.AddFile(context.Background(), bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFetch10MBBetweenNodes fetches a fresh 10 MiB file that only
// node A holds through node B, over bitswap on loopback TCP.
func BenchmarkFetch10MBBetweenNodes(b *testing.B) {
	a, bNode := benchNode(b), benchNode(b)
	if err := bNode.Connect(context.Background(), a.AddrInfo()); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(benchBlobSize)
	for b.Loop() {
		b.StopTimer()
		c, _, err := a.AddFile(context.Background(), bytes.NewReader(benchData(b)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		r, err := bNode.Cat(context.Background(), c)
		if err != nil {
			b.Fatal(err)
		}
		if n, err := io.Copy(io.Discard, r); err != nil || n != benchBlobSize {
			b.Fatalf("fetched %d bytes: %v", n, err)
		}
		_ = r.Close()
	}
}

// BenchmarkLoopbackCopy10MB is the baseline: the same bytes over a plain
// loopback TCP connection.
func BenchmarkLoopbackCopy10MB(b *testing.B) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	data := benchData(b)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			_, _ = conn.Write(data)
			_ = conn.Close()
		}
	}()
	b.SetBytes(benchBlobSize)
	for b.Loop() {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			b.Fatal(err)
		}
		if n, err := io.Copy(io.Discard, conn); err != nil || n != benchBlobSize {
			b.Fatalf("copied %d bytes: %v", n, err)
		}
		_ = conn.Close()
	}
}
