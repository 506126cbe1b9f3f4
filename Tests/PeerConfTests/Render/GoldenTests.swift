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
        try GoldenFile.check(output, folder: Scenarios.goldenRoot.appendingPathComponent(testCase.vendor.rawValue),
                             baseName: testCase.baseName, fileExtension: "cfg", description: testCase.testDescription)
    }

    @Test("every golden file belongs to a scenario (no stale files)")
    func noStaleGoldenFiles() throws {
        for vendor in renderedVendors {
            let folder = Scenarios.goldenRoot.appendingPathComponent(vendor.rawValue)
            let stale = try GoldenFile.stale(in: folder, expected: Set(Scenarios.cases(for: [vendor]).map(\.baseName)))
            #expect(stale.isEmpty, "stale golden files in \(vendor.rawValue): \(stale)")
        }
    }
}
