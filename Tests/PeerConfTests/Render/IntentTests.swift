import Foundation
import Testing
@testable import PeerConf

@Suite("Intent")
struct IntentTests {
    @Test("two interfaces with the same name cannot be rendered together")
    func duplicateNames() throws {
        let text = InterfaceRuleTests.twoInterfaces(connections: ("dc-1", "dc-2"), vlans: (100, 200)).replacingOccurrences(of: "name: b", with: "name: a")
        let result = DefinitionLoader.load(text: text, source: "two.yaml", options: LoadOptions(environment: ["TEST_MD5_KEY": DefinitionDocument.goodKey]))
        let definition = try #require(result.definition, "\(result.dump)")
        guard case .failure(let failure) = IntentBuilder.intents(for: definition) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.problems.map(\.path) == ["virtual_interfaces[1].name"])
    }

    @Test("BGP peers of one interface with different ASNs cannot share a router's BGP process")
    func differentASNs() throws {
        let document = DefinitionDocument.valid.setting("virtual_interface.peers[1].bgp_asn", "65020")
        let definition = try #require(document.load().definition)
        guard case .failure(let failure) = IntentBuilder.intents(for: definition) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.problems.first?.message.contains("different ASNs (65010 and 65020)") == true)
    }

    @Test("the intent sorts peers IPv4 first and subnets ascending, and derives unique names")
    func ordering() throws {
        let document = DefinitionDocument.valid
            .setting("virtual_interface.peers[0].remote_subnets", "[192.168.54.0/24, 192.168.52.0/24]")
        let definition = try #require(document.load().definition)
        var swapped = definition
        swapped.virtualInterfaces[0].peers.reverse()
        for candidate in [definition, swapped] {
            let intent = try IntentBuilder.intents(for: candidate).get()[0]
            #expect(intent.peers.map(\.family) == [.ipv4, .ipv6])
            #expect(intent.peers[0].bgp?.advertised.map(\.description) == ["192.168.52.0/24", "192.168.54.0/24"])
            #expect(intent.peers[0].bgp?.names.exportPolicy == "vif-test-peer-v4-OUT")
            #expect(intent.peers[1].bgp?.names.exportPolicy == "vif-test-peer-v6-OUT")
        }
    }
}

@Suite("Empty descriptions")
struct EmptyDescriptionTests {
    @Test("an empty description (the API's default) renders no description line on any vendor")
    func empty() throws {
        let definition = try #require(DefinitionDocument.valid.setting("virtual_interface.peers[0].description", "\"\"").load().definition)
        #expect(definition.virtualInterfaces[0].peers[0].description == nil)
        for vendor in renderedVendors {
            let text = try ConfigRenderer.render(definition, vendor: vendor).get().map(\.text).joined()
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(!lines.contains { $0.hasSuffix("description") || $0.hasSuffix("description \"\"") || $0.hasSuffix("description \"\";") }, "\(vendor.rawValue)")
        }
    }
}
