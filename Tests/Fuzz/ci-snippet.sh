# Hostile input (issue 7), to add to .ci/run after `swift test` (it needs the debug build
# that `swift test` made). About 3 minutes on the 2-core machine: 40 s for the scale test,
# 80 s to build the fuzzer (a cold build in its own folder, .build/fuzz) and 60 s of
# fuzzing. Any finding fails the run (run.sh exits non-zero) and saves the input under
# fuzz-findings/.

# A real batch: 11,000 virtual interfaces, 20 MB, read, parsed, decoded and validated
# (about 25 s in a debug build; `swift test` skips it without PEERCONF_SCALE_TEST=1).
PEERCONF_SCALE_TEST=1 swift test --filter "InputLimitTests/realBatchValidates"

# libFuzzer + AddressSanitizer over load -> validate -> render for every vendor.
bash Tests/Fuzz/run.sh 60
