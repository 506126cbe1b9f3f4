import Foundation
import Testing
@testable import PeerConf

func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
}

@Suite("The cloud's v3 API documents")
struct APIInputTests {
    @Test("the documented GET virtual-interfaces response is read as API input, with its findings located")
    func documentedResponse() {
        let result = DefinitionLoader.load(file: fixture("api-virtual-interface.json"), options: LoadOptions(environment: [:]))
        #expect(result.diagnostics.allSatisfy { $0.rule != .unknownKey && $0.rule != .apiKeyIgnored }, "\(result.dump)")
        // The documented IPv6 peer has no remote subnets, and without the gateway document
        // no static peer has a cloud subnet to route to.
        let empty = result.findings(.remoteSubnetCount)
        #expect(empty.map(\.path) == ["virtual_interface.vif_peers[1].remote_ep_group"])
        #expect(empty.first?.location.line == 81)
        #expect(Set(result.findings(.staticNeedsLocalSubnet).map(\.path)) == [
            "virtual_interface.vif_peers[0].route_mode", "virtual_interface.vif_peers[1].route_mode",
        ])
    }

    @Test("the gateway document supplies the cloud's subnets and ASN")
    func withGateway() {
        let result = DefinitionLoader.load(file: fixture("api-virtual-interface.json"),
                                           options: LoadOptions(gatewayFile: fixture("api-virtual-gateway.json"), environment: [:]))
        #expect(result.findings(.staticNeedsLocalSubnet).map(\.path) == ["virtual_interface.vif_peers[1].route_mode"], "\(result.dump)")
    }

    @Test("a BGP API document takes its key from --md5-key-env and becomes the same model as native input")
    func bgpWithCommandLineKey() throws {
        let result = DefinitionLoader.load(file: fixture("api-bgp-dual-stack.json"),
                                           options: LoadOptions(gatewayFile: fixture("api-virtual-gateway.json"),
                                                                commandLineKey: .environment("DX_KEY"), environment: ["DX_KEY": "Str0ng-Key.2026"]))
        #expect(result.errors.isEmpty, "\(result.dump)")
        // An API field peerconf does not know is ignored with a warning, not an error.
        #expect(result.warnings.map(\.rule) == [.apiKeyIgnored])
        let definition = try #require(result.definition)
        #expect(definition.format == .api)
        let vif = definition.virtualInterfaces[0]
        #expect(vif.name == "vif-fra-bgp" && vif.vlan == 1001 && vif.cloudASN == ASN(64512))
        #expect(vif.localSubnets.map(\.description) == ["192.168.1.0/24"])
        #expect(vif.peers.map(\.name) == ["peer-v4", "peer-v6"])
        #expect(vif.peers[0].routing.bgp?.asn == ASN(65010))
        #expect(vif.peers[0].routing.bgp?.md5Key.source == .environment("DX_KEY"))
        #expect(vif.peers[1].description == nil)
    }

    @Test("an API BGP peer without a key source is told where keys come from")
    func bgpWithoutKey() {
        let result = DefinitionLoader.load(file: fixture("api-bgp-dual-stack.json"), options: LoadOptions(environment: [:]))
        let findings = result.findings(.md5KeyRequired)
        #expect(findings.map(\.path) == ["virtual_interface.vif_peers[0].bgp_md5", "virtual_interface.vif_peers[1].bgp_md5"])
        #expect(findings.first?.message.contains("--md5-key-env") == true)
    }

    @Test("a lone vif_peer needs --vlan, and validates with it")
    func vifPeer() {
        let without = DefinitionLoader.load(file: fixture("api-vif-peer.json"), options: LoadOptions(environment: [:]))
        #expect(without.findings(.missingField).first?.message.contains("--vlan") == true, "\(without.dump)")
        let with = DefinitionLoader.load(file: fixture("api-vif-peer.json"),
                                         options: LoadOptions(gatewayFile: fixture("api-virtual-gateway.json"), vlan: 300, environment: [:]))
        #expect(with.errors.isEmpty, "\(with.dump)")
        #expect(with.definition?.virtualInterfaces[0].vlan == 300)
    }

    @Test("--input-format native on an API document reports its keys as unknown")
    func forcedFormat() {
        let result = DefinitionLoader.load(file: fixture("api-vif-peer.json"), options: LoadOptions(inputFormat: .native, environment: [:]))
        #expect(result.findings(.unknownKey).map(\.path) == ["vif_peer"])
    }
}

@Suite("The cloud documentation's own example values")
struct CloudDocumentationExampleTests {
    @Test("Table 1's IPv4 examples make a valid peer with no warnings")
    func ipv4Examples() {
        let result = DefinitionDocument.validStatic
            .setting("virtual_interface.peers[0].local_gateway", "192.168.0.1/30")
            .setting("virtual_interface.peers[0].remote_gateway", "192.168.0.2/30")
            .setting("virtual_interface.peers[0].remote_subnets", "[192.168.52.0/24, 192.168.54.0/24]")
            .load()
        #expect(result.diagnostics.isEmpty, "\(result.dump)")
        #expect(result.definition != nil)
    }

    @Test("Table 1's IPv6 gateway examples are accepted with warnings: different /64s, subnet-router anycast")
    func ipv6Examples() {
        let result = DefinitionDocument.valid
            .setting("virtual_interface.peers[1].local_gateway", "\"1050:326b::/64\"")
            .setting("virtual_interface.peers[1].remote_gateway", "\"1060:326b::/64\"")
            .setting("virtual_interface.peers[1].remote_subnets", "[\"1250:5:300c::/64\"]")
            .load()
        #expect(result.errors.isEmpty, "\(result.dump)")
        #expect(result.warnings.map(\.rule) == [.gatewaySubnetRouterAnycast, .gatewayIPv6NotSameSubnet, .gatewaySubnetRouterAnycast])
    }

    @Test("Table 1's IPv6 remote subnet example 1050:326b::/64 collides with its own local gateway example")
    func ipv6ExamplesCombined() {
        let result = DefinitionDocument.valid
            .setting("virtual_interface.peers[1].local_gateway", "\"1050:326b::/64\"")
            .setting("virtual_interface.peers[1].remote_gateway", "\"1060:326b::/64\"")
            .setting("virtual_interface.peers[1].remote_subnets", "[\"1050:326b::/64\", \"1250:5:300c::/64\"]")
            .load()
        #expect(result.errors.map(\.rule) == [.gatewayOverlap])
    }
}
