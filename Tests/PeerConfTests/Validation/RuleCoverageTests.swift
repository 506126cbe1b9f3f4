import Foundation
import Testing
@testable import PeerConf

@Suite("Every rule is tested and documented")
struct RuleCoverageTests {
    static let allCases = TextRuleTests.cases + GatewayRuleTests.cases + SubnetRuleTests.cases
        + RoutingRuleTests.cases + InterfaceRuleTests.cases + APIRuleTests.cases

    /// Rules about unreadable input are tested in `InputTests` and `InputLimitTests` (they have no document to vary).
    static let testedElsewhere: Set<Rule> = [.syntax, .unreadable, .limit]

    @Test("every rule has a failing and a passing case")
    func coverage() {
        for rule in Rule.allCases where !Self.testedElsewhere.contains(rule) {
            let cases = Self.allCases.filter { $0.rule == rule }
            #expect(cases.contains { $0.expected != nil }, "no failing case for \(rule.rawValue)")
            #expect(cases.contains { $0.expected == nil }, "no passing case for \(rule.rawValue)")
        }
    }

    @Test("the README's rules table lists every rule with its severity")
    func readme() throws {
        let readme = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in Rule.allCases {
            #expect(readme.contains("| `\(rule.rawValue)` | \(rule.severity.rawValue) |"), "README lacks \(rule.rawValue)")
        }
    }
}

@Suite("Rules: API documents and generic structure")
struct APIRuleTests {
    static let apiText = (try? String(contentsOfFile: fixture("api-bgp-dual-stack.json"), encoding: .utf8)) ?? ""
    static let key = ["K": DefinitionDocument.goodKey]

    static let cases: [RuleCase] = [
        .failing("an API field peerconf does not know", .apiKeyIgnored, text: apiText, at: "virtual_interface.vif_peers[1].bgp_community",
                 line: 31, column: 9, environment: key, options: LoadOptions(commandLineKey: .environment("K"))),
        .passing("only documented API fields", .apiKeyIgnored,
                 text: (try? String(contentsOfFile: fixture("api-virtual-interface.json"), encoding: .utf8)) ?? ""),
        .passing("known keys only", .unknownKey, DefinitionDocument.valid),
        .passing("all required fields", .missingField, DefinitionDocument.valid),
        .passing("every value of the right type", .type, DefinitionDocument.valid),
        .passing("a well-formed document", .structure, DefinitionDocument.valid),
        .passing("one key source", .conflictingFields, DefinitionDocument.valid),
        .passing("a key present", .md5KeyRequired, DefinitionDocument.valid),
        .passing("a key variable that is set", .md5KeySource, DefinitionDocument.valid),
        .passing("a named router interface", .routerInterface, DefinitionDocument.valid),
        .passing("names by the cloud's rule", .name, DefinitionDocument.valid),
        .passing("IPv4 gateways in one subnet", .gatewayNotSameSubnet, DefinitionDocument.valid),
        .passing("equal gateway prefix lengths", .gatewayPrefixLengthMismatch, DefinitionDocument.valid),
        .passing("distinct gateways", .gatewayIdentical, DefinitionDocument.valid),
        .passing("valid remote subnets", .subnetSyntax, DefinitionDocument.valid),
        .passing("network addresses only", .subnetHostBits, DefinitionDocument.valid),
        .passing("2 of 50 remote subnets", .remoteSubnetCount, DefinitionDocument.valid),
        .passing("a one-line description", .description, DefinitionDocument.valid),
        .passing("a known vendor", .routerVendor, DefinitionDocument.valid),
        .passing("a known address family", .addressFamily, DefinitionDocument.valid),
        .passing("a known routing mode", .routingMode, DefinitionDocument.valid),
        .passing("a key of ordinary length", .md5KeyLength, DefinitionDocument.valid),
        .passing("a key of allowed characters", .md5KeyCharacters, DefinitionDocument.valid),
        .passing("a key of three character types", .md5KeyClasses, DefinitionDocument.valid),
    ]

    @Test(arguments: cases)
    func rule(_ ruleCase: RuleCase) {
        ruleCase.verify()
    }
}
