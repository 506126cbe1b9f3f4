import CLibFuzzer
import Foundation
import PeerConfFuzzing

// The libFuzzer target: every input goes through `FuzzOracle.check` (load, validate,
// render for every vendor) and any broken invariant aborts, which libFuzzer reports as
// a finding with the input saved. Build and run with `Tests/Fuzz/run.sh`.
//
// libFuzzer's `main` cannot be used: SwiftPM links every executable with its entry point
// renamed, so this one starts libFuzzer's driver itself.

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, size in
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    let outcome = FuzzOracle.check(data)
    guard outcome.violations.isEmpty else {
        for violation in outcome.violations.prefix(20) {
            FileHandle.standardError.write(Data("peerconf-fuzz: invariant broken: \(violation)\n".utf8))
        }
        abort()
    }
    return 0
})
