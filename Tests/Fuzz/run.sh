#!/usr/bin/env bash
# Fuzz peerconf with libFuzzer and AddressSanitizer: every input goes through
# FuzzOracle.check (Sources/PeerConfFuzzing): load, validate, render for every vendor.
#
#   Tests/Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]    (default: 60 seconds)
#
# Builds the `peerconf-fuzz` target (declared only when PEERCONF_FUZZ=1) in its own
# scratch folder, .build/fuzz, so the normal debug and release builds stay as they are.
# The corpus (.build/fuzz/corpus) starts from the test definitions and grows across runs.
# Exits non-zero on any finding: a crash, a broken invariant, a timeout (10 s for one
# input) or 4 GB of memory; the input is saved under fuzz-findings/. Replay one with
# `.build/fuzz/release/peerconf-fuzz FILE`; once fixed, copy it to Tests/Fuzz/regressions/,
# where `swift test` replays it for good.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
scratch=.build/fuzz

# SwiftPM links with gold on Linux, which fails on the sanitizer runtime; use the
# toolchain's lld.
swift_bin=$(dirname "$(readlink -f "$(command -v swift)")")
lld="$swift_bin/ld.lld"
[ -x "$lld" ] || lld=$(command -v ld.lld)
mkdir -p "$scratch"
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" > "$scratch/toolset.json"

# (lld warns about every ASan symbol it cannot export: those lines are dropped.)
if ! PEERCONF_FUZZ=1 swift build -c release --scratch-path "$scratch" --product peerconf-fuzz \
        --toolset "$scratch/toolset.json" \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address \
        > "$scratch/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$scratch/build.log"
    exit 1
fi
grep -v "Cannot export local symbol" "$scratch/build.log" | tail -n 1

corpus="$scratch/corpus"
mkdir -p "$corpus" fuzz-findings
for seed in Tests/PeerConfTests/Fixtures/scenarios/*.yaml Tests/PeerConfTests/Fixtures/*.json \
            Examples/*.yaml Tests/Fuzz/seeds/* Tests/Fuzz/regressions/*; do
    [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(basename "$(dirname "$seed")")-$(basename "$seed")"
done

# The Swift runtime's backtracer would hold on to a crashing process; libFuzzer reports
# it. Leaks are the valgrind check's business (the Swift runtime keeps caches for good).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:symbolize=1
exec "$scratch/release/peerconf-fuzz" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
    -dict=Tests/Fuzz/peerconf.dict -artifact_prefix=fuzz-findings/ -print_final_stats=1 \
    "$@" "$corpus"
