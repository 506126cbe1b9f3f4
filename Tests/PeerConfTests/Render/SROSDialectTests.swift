import Foundation
import Testing
@testable import PeerConf

@Suite("Nokia SR OS dialect")
struct SROSDialectTests {
    let dialect = SROSDialect()

    /// The bgp-ipv4 scenario rendered for SR OS with the given key and neighbor description.
    static func render(key: String, description: String = "Production link to FRA") throws -> Result<[RenderedConfig], RenderFailure> {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/scenarios/bgp-ipv4", withExtension: "yaml"))
        let yamlDescription = "\"" + description.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "PARENT", with: SROSDialect().sampleParentInterface)
            .replacingOccurrences(of: "description: Production link to FRA", with: "description: \(yamlDescription)")
        let loaded = DefinitionLoader.load(text: text, source: "test.yaml", options: LoadOptions(environment: ["PEERCONF_TEST_KEY": key]))
        let definition = try #require(loaded.definition, "\(loaded.dump)")
        return ConfigRenderer.render(definition, vendor: .sros)
    }

    @Test("a key with a double quote or a backslash is refused, naming the vendor, the field and the character")
    func keyWithQuoteOrBackslash() throws {
        for key in ["Abc12345\"x", "Abc12345\\x"] {
            guard case .failure(let failure) = try Self.render(key: key) else {
                Issue.record("key \(key) rendered for SR OS")
                continue
            }
            #expect(failure.problems.count == 1)
            let problem = try #require(failure.problems.first)
            #expect(problem.vendor == .sros)
            #expect(problem.path == "virtual_interface.peers[0].bgp_md5_key")
            #expect(problem.message.contains(key.contains("\"") ? "'\"'" : "'\\'"))
            #expect(!problem.message.contains(key), "the message must not show the key")
        }
    }

    @Test("a key longer than 80 characters is refused with the limit")
    func keyTooLong() throws {
        let key = "Ab1" + String(repeating: "x", count: 78)
        guard case .failure(let failure) = try Self.render(key: key) else {
            Issue.record("an 81-character key rendered for SR OS")
            return
        }
        #expect(failure.problems.map(\.message).contains { $0.contains("81 characters") && $0.contains("at most 80") })
        #expect(throws: Never.self) { try Self.render(key: String(key.dropLast())).get() }
    }

    @Test("#, $, ? and other specials stay inside the double-quoted key, which is the whole value")
    func keyQuoting() throws {
        let key = "Ab1~$?#!;{}|[]x"
        let config = try #require(try Self.render(key: key).get().first).text
        #expect(config.contains("/configure router \"Base\" bgp neighbor \"192.168.0.1\" authentication-key \"\(key)\"\n"))
    }

    @Test("descriptions: quotes and backslashes replaced, printable ASCII only, 1 to 80 characters")
    func descriptions() {
        #expect(dialect.quoted(description: "say \"hi\" \\o/ ?#$") == "\"say _hi_ _o/ ?#$\"")
        #expect(dialect.quoted(description: "Zürich") == "\"Z_rich\"")
        #expect(dialect.quoted(description: "") == "\"-\"")
        #expect(dialect.quoted(description: "   ") == "\"-\"")
        let long = dialect.quoted(description: String(repeating: "a", count: 79) + " b c")
        #expect(long == "\"" + String(repeating: "a", count: 79) + "\"", "cut at 80 without a trailing space")
    }

    @Test("a hostile neighbor description stays one quoted value on one line")
    func hostileDescription() throws {
        let config = try #require(try Self.render(key: "Str0ng-Key.2026", description: "x\" authentication-key \"evil").get().first).text
        let line = try #require(config.split(separator: "\n").first { $0.contains(" description ") && $0.contains("neighbor") })
        #expect(line == "/configure router \"Base\" bgp neighbor \"192.168.0.1\" description \"x_ authentication-key _evil\"")
    }

    @Test("names: valid characters only, at most 32, distinct inputs stay distinct")
    func identifiers() {
        let plain = dialect.identifier("vif-a-peer-v4-OUT")
        #expect(plain == "vif-a-peer-v4-OUT")
        let spaced = dialect.identifier("vif a-peer-v4-OUT")
        let slashed = dialect.identifier("vif/a-peer-v4-OUT")
        #expect(spaced != slashed && spaced != plain)
        let long = dialect.identifier(String(repeating: "n", count: 40))
        #expect(long.count == 32)
        #expect(long != dialect.identifier(String(repeating: "n", count: 41)))
    }

    @Test("the router interface: dc-<virtual interface>, starts with a letter, at most 32 characters")
    func routerInterface() {
        #expect(dialect.routerInterfaceName("system") == "dc-system")
        #expect(dialect.routerInterfaceName("1.1.1.1") == "dc-1.1.1.1")
        let long = dialect.routerInterfaceName(String(repeating: "v", count: 64))
        #expect(long.count == 32 && long.hasPrefix("dc-"))
    }

    @Test("the port binding: port:vlan, the port itself for VLAN 0")
    func portBinding() {
        #expect(dialect.interfaceName(parent: "lag-1", vlan: 100) == "lag-1:100")
        #expect(dialect.interfaceName(parent: "lag-1", vlan: 0) == "lag-1")
    }
}
