import Foundation
import Testing
@testable import PeerConf

/// The rendering scenarios: definition files under Fixtures/scenarios, rendered for every
/// vendor and compared byte for byte with Golden/<vendor>/<scenario>.cfg (or `.error`
/// when the platform cannot express the scenario). Record new golden files with
/// `PEERCONF_RECORD_GOLDEN=1 swift test --filter Golden`, then read every changed file
/// as that platform's engineer would before committing it.
enum Scenarios {
    static let names = [
        "static-ipv4", "static-ipv6", "bgp-ipv4", "bgp-ipv6", "dual-stack", "bfd", "vlan0", "no-interface",
        "asn-4byte", "subnets-50", "special-description", "special-key",
    ]
    static let rollbackNames = ["dual-stack", "static-ipv4", "bfd", "vlan0"]

    static let environment = [
        "PEERCONF_TEST_KEY": "Str0ng-Key.2026",
        // Every special character a platform may need to quote or escape.
        "PEERCONF_SPECIAL_KEY": "Ab1~$?\"\\{}|;#!x",
    ]

    static let goldenRoot = CommandRunner.packageRoot.appendingPathComponent("Tests/PeerConfTests/Golden")

    /// The scenario's definition with the platform's usual port name filled in.
    static func definition(_ scenario: String, vendor: VendorID) throws -> Definition {
        let url = Bundle.module.url(forResource: "Fixtures/scenarios/\(scenario)", withExtension: "yaml")!
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "PARENT", with: Dialects.dialect(for: vendor).sampleParentInterface)
        let result = DefinitionLoader.load(text: text, source: "\(scenario).yaml", options: LoadOptions(environment: environment))
        guard let definition = result.definition else {
            throw ScenarioError(message: "scenario \(scenario) does not validate:\n\(result.dump)")
        }
        return definition
    }

    /// The rendered text, or the failure as the CLI would print it.
    static func render(_ scenario: String, vendor: VendorID, rollback: Bool = false) throws -> (text: String, isError: Bool) {
        let definition = try definition(scenario, vendor: vendor)
        switch ConfigRenderer.render(definition, vendor: vendor, options: RenderOptions(rollback: rollback)) {
        case .success(let configs): return (configs.map(\.text).joined(separator: "\n"), false)
        case .failure(let failure): return (failure.problems.map { "error: \($0)" }.joined(separator: "\n") + "\n", true)
        }
    }

    struct ScenarioError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var vendor: VendorID
        var scenario: String
        var rollback: Bool
        var testDescription: String { "\(vendor.rawValue) \(scenario)\(rollback ? " rollback" : "")" }
        var baseName: String { rollback ? "\(scenario).rollback" : scenario }
    }

    static func cases(for vendors: [VendorID]) -> [Case] {
        vendors.flatMap { vendor in
            names.map { Case(vendor: vendor, scenario: $0, rollback: false) }
                + rollbackNames.map { Case(vendor: vendor, scenario: $0, rollback: true) }
        }
    }
}
