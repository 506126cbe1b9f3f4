import Foundation
import Testing
@testable import PeerConf

@Suite("MikroTik RouterOS dialect")
struct RouterOSDialectTests {
    let dialect = RouterOSDialect()

    /// The given scenario rendered for RouterOS with the given key and neighbor description.
    static func render(_ scenario: String = "bgp-ipv4", key: String, description: String = "Production link to FRA",
                       rollback: Bool = false) throws -> Result<[RenderedConfig], RenderFailure> {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/scenarios/\(scenario)", withExtension: "yaml"))
        let yamlDescription = "\"" + description.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "PARENT", with: RouterOSDialect().sampleParentInterface)
            .replacingOccurrences(of: "description: Production link to FRA", with: "description: \(yamlDescription)")
        let loaded = DefinitionLoader.load(text: text, source: "test.yaml", options: LoadOptions(environment: ["PEERCONF_TEST_KEY": key]))
        let definition = try #require(loaded.definition, "\(loaded.dump)")
        return ConfigRenderer.render(definition, vendor: .routerOS, options: RenderOptions(rollback: rollback))
    }

    @Test("strings: \", \\, $ and ? are escaped inside double quotes; nothing else changes")
    func quoting() {
        #expect(RouterOSDialect.quotedString("Ab1~$?\"\\{}|;#!x") == "\"Ab1~\\$\\?\\\"\\\\{}|;#!x\"")
        #expect(RouterOSDialect.quotedString("plain-Key.1") == "\"plain-Key.1\"")
        #expect(dialect.quoted(key: "$(/system reset-configuration)") == "\"\\$(/system reset-configuration)\"")
    }

    @Test("comments keep printable ASCII only")
    func comments() {
        #expect(dialect.quoted(description: "Zürich \"HQ\"") == "\"Z_rich \\\"HQ\\\"\"")
    }

    @Test("a hostile description cannot end the comment or add a command")
    func hostileDescription() throws {
        let config = try #require(try Self.render(key: "Str0ng-Key.2026", description: "x\" disabled=yes comment=\"$y").get().first).text
        let line = try #require(config.split(separator: "\n").first { $0.hasPrefix("/routing/bgp/connection/add ") })
        #expect(line.hasSuffix(" comment=\"x\\\" disabled=yes comment=\\\"\\$y\""))
    }

    @Test("every key the cloud allows renders, up to 80 bytes (Linux TCP-MD5)")
    func keyLimits() throws {
        #expect(throws: Never.self) { try Self.render(key: "Ab1~$?\"\\{}|;#!x`").get() }
        let long = "Ab1" + String(repeating: "x", count: 78)
        guard case .failure(let failure) = try Self.render(key: long) else {
            Issue.record("an 81-character key rendered for RouterOS")
            return
        }
        let problem = try #require(failure.problems.first)
        #expect(problem.vendor == .routerOS && problem.path == "virtual_interface.peers[0].bgp_md5_key")
        #expect(problem.message.contains("at most 80"))
    }

    @Test("names: distinct inputs stay distinct, at most 63 characters")
    func identifiers() {
        #expect(dialect.identifier("vif-a.b-peer_1") == "vif-a.b-peer_1")
        #expect(dialect.identifier("vif a") != dialect.identifier("vif/a"))
        #expect(dialect.identifier(String(repeating: "n", count: 80)).count == 63)
    }

    @Test("both filter chains are set on the connection and the rollback removes the connection first")
    func policiesAndRollbackOrder() throws {
        let config = try #require(try Self.render(key: "Str0ng-Key.2026").get().first).text
        #expect(config.contains(" output.filter-chain=vif-bgp-v4-peer-v4-OUT input.filter=vif-bgp-v4-peer-v4-IN"))
        let rollback = try #require(try Self.render(key: "Str0ng-Key.2026", rollback: true).get().first).text
        let commands = rollback.split(separator: "\n").filter { $0.hasPrefix("/") }
        #expect(commands.first?.hasPrefix("/routing/bgp/connection/remove ") == true)
        #expect(commands.last == "/interface/vlan/remove [find where name=ether1-vlan100]")
    }

    @Test("the VLAN interface, or the port itself for VLAN 0")
    func interfaceNames() {
        #expect(dialect.interfaceName(parent: "ether1", vlan: 100) == "ether1-vlan100")
        #expect(dialect.interfaceName(parent: "sfp-sfpplus1", vlan: 0) == "sfp-sfpplus1")
    }
}
