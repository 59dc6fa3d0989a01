# exosim — build, run and test targets. `make test` is what CI runs.
GO      ?= go
BIN     := bin/exosim
PKGS    := ./...
# RACE_PKGS run under the race detector in `make test`: the storage engine
# and the PowerShell runtime with the packages split out of it (beneath it,
# and the .NET pieces under shell/dotnet; a package split out elsewhere is
# added here), the code that runs on more than one goroutine. RACE_ONLY of
# them run only so; shell/runtime, whose memory-budget tests skip under the
# race detector, runs both ways. The store's domain areas run once,
# without it (the engine's race tests link them instrumented).
RACE_PKGS := ./store ./store/codec ./store/exportdoc ./shell/runtime/... ./shell/dotnet/... ./shell/numeric ./shell/provider ./shell/hostui ./shell/validate ./shell/params ./shell/binder ./shell/textops ./shell/ops ./shell/classes ./shell/pserror ./shell/members ./shell/prelude ./shell/strict ./shell/command ./shell/invocation ./shell/redirect ./shell/scope ./shell/scriptcmd ./shell/flow ./shell/lazy ./shell/assign ./shell/trycatch ./shell/module ./shell/modmember
RACE_ONLY := ./store ./store/codec ./store/exportdoc ./shell/dotnet/... ./shell/numeric ./shell/provider ./shell/hostui ./shell/validate ./shell/params ./shell/binder ./shell/textops ./shell/ops ./shell/classes ./shell/pserror ./shell/members ./shell/prelude ./shell/strict ./shell/command ./shell/invocation ./shell/redirect ./shell/scope ./shell/scriptcmd ./shell/flow ./shell/lazy ./shell/assign ./shell/trycatch ./shell/module ./shell/modmember
FUZZTIME ?= 20s

.PHONY: build run test test-plain test-race vet fmt-check bench fuzz clean

# exosim is linked statically (no cgo): the dynamic loader and C library
# start-up would otherwise be a large part of a one-shot command (a
# dependency of cobra imports net, which links the C resolver with cgo).
#
# On linux/amd64 it starts at cmd/exosim/internal/hugetext's entry point,
# which asks the kernel to keep the program's code in 2 MB pages before
# the Go runtime starts, and its segments start on 2 MB boundaries
# (LINKFLAGS, the package's LinkFlags; see its comment). Elsewhere
# LINKFLAGS is empty and the program starts at the runtime's entry.
LINKFLAGS := $(if $(filter linux/amd64,$(shell $(GO) env GOOS)/$(shell $(GO) env GOARCH)),-E=github.com/exosim/exosim/cmd/exosim/internal/hugetext.entry -R=0x200000)
build:
	CGO_ENABLED=0 $(GO) build -ldflags='$(LINKFLAGS)' -o $(BIN) ./cmd/exosim

# Starts the REPL on the default tenant (created and seeded on first use).
run: build
	./$(BIN)

# The checks run side by side: the plain tests and the race tests build
# different variants of every package (a 2-core machine has idle moments in
# each). Each `go test` also runs every vet check (-vet=all) on the packages
# it tests, from the compiled packages it has anyway, so vet compiles
# nothing twice. Test binaries are linked without DWARF (-w): a panic's or a
# race report's stack needs only the symbol table, and linking about forty
# of them is a large part of a cold run. -trimpath keeps the checkout's own
# path out of every compiled package, so a fresh clone elsewhere reuses the
# build cache instead of compiling the whole module again. The plain tests
# build without cgo, as `make build` does: only the race detector needs it,
# and the C parts of the runtime and net are then compiled once, not twice.
# Each one's output is shown whole when it ends.
TESTFLAGS := -vet=all -ldflags=-w -trimpath

test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target fmt-check test-plain test-race

test-plain:
	CGO_ENABLED=0 $(GO) test $(TESTFLAGS) $$($(GO) list $(PKGS) | grep -v -x -F "$$($(GO) list $(RACE_ONLY))")

test-race:
	$(GO) test $(TESTFLAGS) -race $(RACE_PKGS)

# The benchfloor build (cmd/exosim/floor_on.go, used by make bench) is
# vetted too.
vet:
	$(GO) vet $(PKGS)
	$(GO) vet -tags benchfloor ./cmd/exosim

fmt-check:
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './tmp/*' -not -path './bin/*')); \
	if [ -n "$$out" ]; then echo "gofmt needs to reformat:"; echo "$$out"; exit 1; fi

# Go benchmarks, then the issue-8 figure table (exosim beside a physical
# bbolt baseline, 100,000 mailboxes; see cmd/exosim/figures_test.go).
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)
	EXOSIM_BENCH=1 $(GO) test -run '^TestBenchFigures$$' -v -timeout 60m ./cmd/exosim

# Runs every fuzz target for $(FUZZTIME) each.
fuzz:
	@set -e; for pkg in $$($(GO) list $(PKGS)); do \
	  dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
	  for t in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/^func //'); do \
	    echo "== $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

clean:
	rm -rf bin
