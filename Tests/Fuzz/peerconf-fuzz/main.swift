import CLibFuzzer
import Foundation
import PeerConf
import PeerConfFuzzing

// The libFuzzer target: every input goes through `FuzzOracle.check` (load, validate,
// render for every vendor) and any broken invariant aborts, which libFuzzer reports as
// a finding with the input saved. Build and run with `Tests/Fuzz/run.sh`.
//
// libFuzzer's `main` cannot be used: SwiftPM links every executable with its entry point
// renamed, so this one starts libFuzzer's driver itself.

/// How far the inputs went, printed at exit so a run shows that rendering was reached.
nonisolated(unsafe) var inputs = 0, validated = 0, rendered = 0

atexit {
    FileHandle.standardError.write(Data("peerconf-fuzz: \(inputs) inputs, \(validated) valid definitions, \(rendered) vendor renderings checked\n".utf8))
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, size in
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    inputs += 1
    // An input is a file (the whole path, mostly refused by validation). Every other one
    // (by length, so a finding replays the same way) is also the free text of a valid
    // definition, rendered for one vendor chosen by its length: rendering every vendor
    // for every input would slow the search of the reading path fiftyfold.
    var modes: [(Data, [VendorID])] = [(data, VendorID.allCases)]
    if data.first != FuzzOracle.structuredMarker && data.count % 2 == 0 {
        modes.append((Data([FuzzOracle.structuredMarker]) + data, [VendorID.allCases[(data.count / 2) % VendorID.allCases.count]]))
    }
    for (input, vendors) in modes {
        let outcome = FuzzOracle.check(input, vendors: vendors)
        if outcome.validated { validated += 1 }
        rendered += outcome.rendered
        guard outcome.violations.isEmpty else {
            for violation in outcome.violations.prefix(20) {
                FileHandle.standardError.write(Data("peerconf-fuzz: invariant broken: \(violation)\n".utf8))
            }
            abort()
        }
    }
    return 0
})
