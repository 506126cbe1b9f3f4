import Testing
@testable import PeerConf

/// A peer block for hand-written documents; `indent` is the column of the dash.
func peerYAML(name: String = "p4", family: String = "ipv4", local: String = "192.168.0.1/30", remote: String = "192.168.0.2/30",
              subnets: String = "[192.168.52.0/24]", mode: String = "bgp", indent: Int = 6) -> String {
    let pad = String(repeating: " ", count: indent)
    var text = """
    \(pad)- name: \(name)
    \(pad)  address_family: \(family)
    \(pad)  local_gateway: "\(local)"
    \(pad)  remote_gateway: "\(remote)"
    \(pad)  remote_subnets: \(subnets)
    \(pad)  routing_mode: \(mode)

    """
    if mode == "bgp" {
        text += "\(pad)  bgp_asn: 65010\n\(pad)  bgp_md5_key_env: TEST_MD5_KEY\n"
    }
    return text
}

private let key = ["TEST_MD5_KEY": DefinitionDocument.goodKey]

@Suite("Rules across peers and virtual interfaces")
struct InterfaceRuleTests {
    static let threePeers = """
    virtual_interface:
      vlan: 100
      peers:
    \(peerYAML())\(peerYAML(name: "p6", family: "ipv6", local: "2001:db8::1/64", remote: "2001:db8::2/64", subnets: "[\"2001:db8:52::/48\"]"))\(peerYAML(name: "p7", local: "192.168.1.1/30", remote: "192.168.1.2/30", subnets: "[192.168.60.0/24]"))
    """

    static func twoInterfaces(connections: (String, String), vlans: (Int, Int), mode: String = "bgp") -> String {
        """
        virtual_interfaces:
          - name: a
            connection: \(connections.0)
            vlan: \(vlans.0)
            local_subnets: [10.0.0.0/16]
            peers:
        \(peerYAML(mode: mode, indent: 6))  - name: b
            connection: \(connections.1)
            vlan: \(vlans.1)
            local_subnets: [10.0.0.0/16]
            peers:
        \(peerYAML(local: "192.168.1.1/30", remote: "192.168.1.2/30", subnets: "[192.168.60.0/24]", mode: mode, indent: 6))
        """
    }

    static let cases: [RuleCase] = [
        .failing("three peers", .peerCount, text: threePeers, at: "virtual_interface.peers", line: 4, column: 7, environment: key),
        .failing("empty peer list", .peerCount, text: "virtual_interface:\n  vlan: 100\n  peers: []\n", at: "virtual_interface.peers", line: 3, column: 10),
        .passing("one peer", .peerCount, text: DefinitionDocument.validStatic.text),
        .failing("VLAN used twice on a connection", .vlanConflict, text: twoInterfaces(connections: ("dc-1", "dc-1"), vlans: (100, 100)),
                 at: "virtual_interfaces[1].vlan", line: 17, column: 11, environment: key),
        .failing("VLAN 0 sharing its connection", .vlanConflict, text: twoInterfaces(connections: ("dc-1", "dc-1"), vlans: (0, 100)),
                 at: "virtual_interfaces[0].vlan", line: 4, column: 11, environment: key),
        .passing("same VLAN on two connections", .vlanConflict, text: twoInterfaces(connections: ("dc-1", "dc-2"), vlans: (100, 100)), environment: key),
        .failing("static routing over two connections", .multipleConnectionsNeedBGP,
                 text: twoInterfaces(connections: ("dc-1", "dc-2"), vlans: (100, 200), mode: "static"),
                 at: "virtual_interfaces[0].peers[0].routing_mode", line: 12, column: 23),
        .passing("static routing on one connection", .multipleConnectionsNeedBGP,
                 text: twoInterfaces(connections: ("dc-1", "dc-1"), vlans: (100, 200), mode: "static")),
        .passing("BGP over two connections", .multipleConnectionsNeedBGP,
                 text: twoInterfaces(connections: ("dc-1", "dc-2"), vlans: (100, 200)), environment: key),

        .failing("51 static routes on one interface", .routeQuota, text: """
            virtual_interface:
              vlan: 100
              local_subnets: [10.0.0.0/16, "2001:db8:100::/56"]
              peers:
            \(peerYAML(subnets: subnetList(26), mode: "static"))\(peerYAML(name: "p6", family: "ipv6", local: "2001:db8::1/64", remote: "2001:db8::2/64",
                subnets: "[" + (0..<25).map { "\"2001:db8:\($0 + 1)::/48\"" }.joined(separator: ", ") + "]", mode: "static"))
            """, at: "virtual_interface.peers", line: 5, column: 7),
        .passing("50 static routes on one interface", .routeQuota, text: """
            virtual_interface:
              vlan: 100
              local_subnets: [10.0.0.0/16, "2001:db8:100::/56"]
              peers:
            \(peerYAML(subnets: subnetList(25), mode: "static"))\(peerYAML(name: "p6", family: "ipv6", local: "2001:db8::1/64", remote: "2001:db8::2/64",
                subnets: "[" + (0..<25).map { "\"2001:db8:\($0 + 1)::/48\"" }.joined(separator: ", ") + "]", mode: "static"))
            """),
        .failing("102 BGP routes on one interface", .routeQuota, text: """
            virtual_interface:
              vlan: 100
              peers:
            \(peerYAML(subnets: subnetList(51)))\(peerYAML(name: "p6", family: "ipv6", local: "2001:db8::1/64", remote: "2001:db8::2/64",
                subnets: "[" + (0..<51).map { "\"2001:db8:\($0 + 1)::/48\"" }.joined(separator: ", ") + "]"))
            """, at: "virtual_interface.peers", line: 4, column: 7, environment: key),
        .passing("100 BGP routes on one interface", .routeQuota, text: """
            virtual_interface:
              vlan: 100
              peers:
            \(peerYAML(subnets: subnetList(50)))\(peerYAML(name: "p6", family: "ipv6", local: "2001:db8::1/64", remote: "2001:db8::2/64",
                subnets: "[" + (0..<50).map { "\"2001:db8:\($0 + 1)::/48\"" }.joined(separator: ", ") + "]"))
            """, environment: key),

        .failing("a list at the top", .structure, text: "- vlan: 1\n", at: "(document)", line: 1, column: 1),
        .failing("no virtual interface", .structure, text: "version: 1\n", at: "(document)", line: 1, column: 1),
        .failing("unsupported version", .structure, text: "version: 2\n" + DefinitionDocument.valid.text, at: "version", line: 1, column: 10, environment: key),
    ]

    @Test(arguments: cases)
    func rule(_ ruleCase: RuleCase) {
        ruleCase.verify()
    }
}
