import Foundation
import Testing
@testable import PeerConf

@Suite("VyOS dialect")
struct VyOSDialectTests {
    let dialect = VyOSDialect()

    /// The bgp-ipv4 scenario rendered for VyOS with the given key, neighbor description and ASN.
    static func render(key: String = "Str0ng-Key.2026", description: String = "Production link to FRA",
                       asn: String = "65010") throws -> Result<[RenderedConfig], RenderFailure> {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/scenarios/bgp-ipv4", withExtension: "yaml"))
        let yamlDescription = "\"" + description.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "PARENT", with: VyOSDialect().sampleParentInterface)
            .replacingOccurrences(of: "description: Production link to FRA", with: "description: \(yamlDescription)")
            .replacingOccurrences(of: "bgp_asn: 65010", with: "bgp_asn: \(asn)")
        let loaded = DefinitionLoader.load(text: text, source: "test.yaml", options: LoadOptions(environment: ["PEERCONF_TEST_KEY": key]))
        let definition = try #require(loaded.definition, "\(loaded.dump)")
        return ConfigRenderer.render(definition, vendor: .vyos)
    }

    static func problems(_ result: Result<[RenderedConfig], RenderFailure>) -> [RenderProblem] {
        if case .failure(let failure) = result { return failure.problems }
        return []
    }

    @Test("keys VyOS cannot take are refused with the reason; the rest stay single-quoted as one word")
    func keys() throws {
        for (key, reason) in [("Abcd123?x", "T9077"), ("Abcd123\"x", "T1246"), ("Abcd123\\x", "T1001"),
                              ("!Abcd123x", "'!'"), ("#Abcd123x", "'#'")] {
            let problems = Self.problems(try Self.render(key: key))
            #expect(problems.count == 1, "key \(key)")
            #expect(problems.first?.vendor == .vyos && problems.first?.path == "virtual_interface.peers[0].bgp_md5_key")
            #expect(problems.first?.message.contains(reason) == true, "key \(key): \(problems)")
        }
        let key = "Ab1~$!#;{}|&*x"
        let config = try #require(try Self.render(key: key).get().first).text
        #expect(config.contains("set protocols bgp neighbor 192.168.0.1 password '\(key)'\n"))
    }

    @Test("keys longer than 80 bytes are refused")
    func keyLength() throws {
        let problems = Self.problems(try Self.render(key: "Ab1" + String(repeating: "y", count: 78)))
        #expect(problems.contains { $0.message.contains("at most 80") })
    }

    @Test("ASN 4294967295 is refused, 4294967294 accepted")
    func asnRange() throws {
        let problems = Self.problems(try Self.render(asn: "4294967295"))
        #expect(problems.contains { $0.vendor == .vyos && $0.path == "virtual_interface.peers[0].bgp_asn" && $0.message.contains("1-4294967294") })
        #expect(throws: Never.self) { try Self.render(asn: "4294967294").get() }
    }

    @Test("descriptions: no quote can close the value, no word starts an FRR comment, never empty")
    func descriptions() {
        #expect(dialect.quoted(description: "it's \"x\" a\\b ok? !bang #hash a#b") == "'it_s _x_ a_b ok_ _bang _hash a#b'")
        #expect(dialect.quoted(description: "Zürich") == "'Z_rich'")
        #expect(dialect.quoted(description: " ") == "'-'")
    }

    @Test("a hostile description stays inside its single quotes")
    func hostileDescription() throws {
        let config = try #require(try Self.render(description: "x'; delete protocols bgp; echo '").get().first).text
        #expect(config.contains("set protocols bgp neighbor 192.168.0.1 description 'x_; delete protocols bgp; echo _'\n"))
    }

    @Test("names: letters, digits, - and _ only; distinct inputs stay distinct")
    func identifiers() {
        #expect(dialect.identifier("vif-a_b-peer-OUT") == "vif-a_b-peer-OUT")
        let dotted = dialect.identifier("vif.a-peer-OUT")
        #expect(!dotted.contains(".") && dotted != dialect.identifier("vif_a-peer-OUT"))
    }

    @Test("interface nodes: ethernet, bonding, bridge")
    func interfaceTypes() {
        #expect(VyOSDialect.interfaceType(of: "eth1") == "ethernet")
        #expect(VyOSDialect.interfaceType(of: "bond0") == "bonding")
        #expect(VyOSDialect.interfaceType(of: "br10") == "bridge")
        #expect(dialect.interfaceName(parent: "eth1", vlan: 100) == "eth1.100")
        #expect(dialect.interfaceName(parent: "eth1", vlan: 0) == "eth1")
    }
}
