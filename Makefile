# socialchain — build, test and run targets. `make help` lists them.

BINARY      := socialchaind
BUILD_DIR   := $(CURDIR)/build
VERSION     := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT      := $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS     := -X github.com/cosmos/cosmos-sdk/version.Name=socialchain \
               -X github.com/cosmos/cosmos-sdk/version.AppName=$(BINARY) \
               -X github.com/cosmos/cosmos-sdk/version.Version=$(VERSION) \
               -X github.com/cosmos/cosmos-sdk/version.Commit=$(COMMIT)
GO_TEST     := go test -count=1
LOCALNET_N  ?= 4
FUZZTIME    ?= 30s

.PHONY: help build install dev test test-unit test-e2e test-flakes bench-lane-keeper fuzz lint proto-gen proto-bundle ts-proto-gen web-bundle localnet-start localnet-stop localnet-status bench bench-localnet bench-keeper openapi clean

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

build: ## build ./build/socialchaind
	go build -ldflags '$(LDFLAGS)' -o $(BUILD_DIR)/$(BINARY) ./cmd/socialchaind

install: ## install socialchaind into $GOBIN
	go install -ldflags '$(LDFLAGS)' ./cmd/socialchaind

dev: build ## start the single-node dev chain (Ctrl-C stops; run again to resume)
	$(BUILD_DIR)/$(BINARY) dev

test: test-unit test-e2e ## the whole test suite: unit, in-process network, process and localnet tests

test-unit: ## unit and in-process integration tests
	$(GO_TEST) ./...

test-e2e: build ## process-level tests: dev chain, localnets, kubo interop, geth L1, on loopback
	bash scripts/install-kubo.sh
	bash scripts/install-geth.sh
	bash scripts/install-grpcurl.sh
	bash scripts/install-browser.sh
	bash scripts/install-protoc.sh
	SOCIALCHAIND_BIN=$(BUILD_DIR)/$(BINARY) KUBO_BIN=$(CURDIR)/.cache/bin/ipfs GETH_BIN=$(CURDIR)/.cache/bin/geth GRPCURL_BIN=$(CURDIR)/.cache/bin/grpcurl \
	  $(GO_TEST) -tags e2e -timeout 25m ./tests/e2e/...

fuzz: ## run every fuzz target for FUZZTIME (default 30s) each and print the execs each reached (outside CI)
	FUZZTIME=$(FUZZTIME) bash scripts/fuzz.sh

lint: ## gofmt, go vet, staticcheck (pinned, installed into .cache/bin) and go.mod/go.sum tidy
	go mod tidy -diff
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '\.pb\.\|\.pulsar\.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	# The generated pulsar code under api/ trips vet's unreachable-code check,
	# and vet reports it for every package that imports api/.
	go vet -unreachable=false ./...
	go vet -unreachable=false -tags e2e ./tests/e2e/...
	bash scripts/install-staticcheck.sh
	bash scripts/staticcheck.sh

proto-gen: ## regenerate Go code from proto/ (local include paths only)
	bash scripts/protocgen.sh

proto-bundle: ## write build/proto-bundle: proto/ plus exactly the third-party protos it imports, for protoc/protobufjs/buf clients (and its compiled build/proto-bundle.binpb)
	bash scripts/proto-bundle.sh

ts-proto-gen: clients/ts/node_modules/.package-lock.json ## regenerate the TypeScript codec clients/ts/src/generated from proto/
	bash scripts/ts-protogen.sh

web-bundle: clients/ts/node_modules/.package-lock.json ## rebuild the browser bundle web/app/social.js from clients/ts/src/browser.ts
	bash scripts/web-bundle.sh

# npm records what it installed in node_modules/.package-lock.json.
clients/ts/node_modules/.package-lock.json: clients/ts/package-lock.json
	cd clients/ts && npm ci --no-audit --no-fund

openapi: ## regenerate docs/openapi.json from the protos and docs/openapi-extra.json
	bash scripts/openapi-gen.sh

localnet-start: build ## start an N-validator localnet (LOCALNET_N, default 4)
	SOCIALCHAIND=$(BUILD_DIR)/$(BINARY) bash scripts/localnet.sh start $(LOCALNET_N)

localnet-stop: ## stop the localnet's processes by PID
	bash scripts/localnet.sh stop

localnet-status: ## show each localnet node's PID and height
	bash scripts/localnet.sh status

bench: build ## loadtest a fresh dev chain: posts, bank and lane mixes, 60 s each; prints posts/bank and lane/bank
	SOCIALCHAIND=$(BUILD_DIR)/$(BINARY) bash scripts/bench.sh dev

bench-localnet: build ## posts mix on a 4-validator localnet vs a single validator (prints the ratio), then the lane mix on the localnet
	SOCIALCHAIND=$(BUILD_DIR)/$(BINARY) bash scripts/bench.sh localnet

BENCH_POSTS ?= 10000|100000|1000000
bench-keeper: ## keeper benchmarks on on-disk fixtures of BENCH_POSTS posts (the first run builds them into .cache/, ~30 min for 1M)
	$(GO_TEST) -run '^$$' -bench '/posts=($(BENCH_POSTS))$$' -benchtime 3s -timeout 120m ./x/posts/keeper/
	$(GO_TEST) -run '^$$' -bench 'BenchmarkFollow' -benchtime 3s ./x/profiles/keeper/

N ?= 5
test-flakes: build ## run the process-level suite N times (default 5) and list every test that failed in any run; not part of `make test`
	SOCIALCHAIND=$(BUILD_DIR)/$(BINARY) bash scripts/test-flakes.sh $(N)

bench-lane-keeper: ## Go benchmarks of the lane's block work, submit check and batch signature verification
	$(GO_TEST) -run '^$$' -bench 'ApplyBatch|Validate|VerifySignatures' -benchtime 5000x ./x/messages/keeper/

clean:
	rm -rf $(BUILD_DIR)
