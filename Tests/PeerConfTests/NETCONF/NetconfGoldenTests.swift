import Foundation
import Testing
@testable import PeerConf

/// Every model x scenario (configuration and rollback), and one session per model,
/// compared byte for byte with Golden/netconf/<model>/<scenario>[.rollback].xml (or
/// `.error` when the model cannot express the scenario). Record with
/// `PEERCONF_RECORD_GOLDEN=1 swift test --filter NetconfGolden`, then read every changed
/// file as that platform's NETCONF engineer would before committing it.
@Suite("NETCONF golden files: every model x scenario")
struct NetconfGoldenTests {
    static let sessionScenario = "bgp-ipv4"
    static let sessionOptions = NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 300))

    @Test(arguments: NetconfScenarios.cases())
    func golden(_ testCase: NetconfScenarios.Case) throws {
        let output = try NetconfScenarios.text(testCase)
        try compare(output, model: testCase.model, baseName: testCase.baseName, description: testCase.testDescription)
    }

    @Test("a confirmed-commit session per model", arguments: NetconfModel.allCases)
    func session(_ model: NetconfModel) throws {
        let testCase = NetconfScenarios.Case(model: model, scenario: Self.sessionScenario, rollback: false)
        let output = try NetconfScenarios.text(testCase, options: Self.sessionOptions)
        try compare(output, model: model, baseName: "\(Self.sessionScenario).session", description: "\(model.rawValue) session")
    }

    private func compare(_ output: (text: String, isError: Bool), model: NetconfModel, baseName: String, description: String) throws {
        try GoldenFile.check(output, folder: NetconfScenarios.goldenRoot.appendingPathComponent(model.rawValue),
                             baseName: baseName, fileExtension: "xml", description: description)
    }

    @Test("every NETCONF golden file belongs to a case (no stale files)")
    func noStaleGoldenFiles() throws {
        for model in NetconfModel.allCases {
            let folder = NetconfScenarios.goldenRoot.appendingPathComponent(model.rawValue)
            let expected = Set(NetconfScenarios.cases(for: [model]).map(\.baseName) + ["\(Self.sessionScenario).session"])
            let stale = try GoldenFile.stale(in: folder, expected: expected)
            #expect(stale.isEmpty, "stale golden files in netconf/\(model.rawValue): \(stale)")
        }
    }
}
