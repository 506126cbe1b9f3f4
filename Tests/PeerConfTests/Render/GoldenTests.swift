import Foundation
import Testing
@testable import PeerConf

/// Every vendor has its dialect and templates; the golden tests cover each of them.
let renderedVendors: [VendorID] = VendorID.allCases

@Suite("Golden files: every vendor x scenario")
struct GoldenTests {
    @Test(arguments: Scenarios.cases(for: renderedVendors))
    func golden(_ testCase: Scenarios.Case) throws {
        let output = try Scenarios.render(testCase.scenario, vendor: testCase.vendor, rollback: testCase.rollback)
        let folder = Scenarios.goldenRoot.appendingPathComponent(testCase.vendor.rawValue)
        let expected = folder.appendingPathComponent("\(testCase.baseName).\(output.isError ? "error" : "cfg")")
        let other = folder.appendingPathComponent("\(testCase.baseName).\(output.isError ? "cfg" : "error")")
        if ProcessInfo.processInfo.environment["PEERCONF_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try output.text.write(to: expected, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: other)
            return
        }
        let golden = try? String(contentsOf: expected, encoding: .utf8)
        #expect(golden != nil, "missing golden file \(expected.path) (output was \(output.isError ? "an error" : "a configuration")); record with PEERCONF_RECORD_GOLDEN=1 and review it")
        if let golden {
            #expect(output.text == golden, "\(testCase.testDescription) differs from \(expected.lastPathComponent)")
        }
    }

    @Test("every golden file belongs to a scenario (no stale files)")
    func noStaleGoldenFiles() throws {
        // While recording, other tests are writing these folders.
        guard ProcessInfo.processInfo.environment["PEERCONF_RECORD_GOLDEN"] != "1" else { return }
        for vendor in renderedVendors {
            let folder = Scenarios.goldenRoot.appendingPathComponent(vendor.rawValue)
            let expected = Set(Scenarios.cases(for: [vendor]).map(\.baseName))
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let base = (file as NSString).deletingPathExtension
                #expect(expected.contains(base), "stale golden file \(vendor.rawValue)/\(file)")
            }
        }
    }
}
