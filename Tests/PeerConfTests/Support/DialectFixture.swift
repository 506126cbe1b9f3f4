@testable import PeerConf

/// A one-interface BGP definition rendered for any vendor, with the key, ASN, description
/// and BFD of each peer chosen by the test; `PORT` stands for the platform's usual port.
enum DialectFixture {
    struct Peer {
        var key = "Str0ng-Key.2026"
        var asn = "65010"
        var description: String?
        var bfd: String?
    }

    static func yaml(vlan: Int = 100, interface: String? = "PORT", v4: Peer = Peer(), v6: Peer? = nil) -> String {
        func peer(_ name: String, _ family: String, _ local: String, _ remote: String, _ subnet: String, _ peer: Peer, _ variable: String) -> String {
            var text = """
                - name: \(name)
                  address_family: \(family)
                  local_gateway: "\(local)"
                  remote_gateway: "\(remote)"
                  remote_subnets: ["\(subnet)"]
                  routing_mode: bgp
                  bgp_asn: "\(peer.asn)"
                  bgp_md5_key_env: \(variable)

            """
            if let description = peer.description {
                text += "      description: '\(description.replacingOccurrences(of: "'", with: "''"))'\n"
            }
            if let bfd = peer.bfd { text += "      bfd: \(bfd)\n" }
            return text
        }
        var text = """
        virtual_interface:
          name: vif-test
          vlan: \(vlan)
          local_subnets: [10.0.0.0/16]

        """
        if let interface { text += "  router:\n    interface: \(interface)\n" }
        text += "  peers:\n"
        text += peer("peer-v4", "ipv4", "192.168.0.1/30", "192.168.0.2/30", "192.168.52.0/24", v4, "KEY_V4")
        if let v6 { text += peer("peer-v6", "ipv6", "2001:db8:ffff::1/64", "2001:db8:ffff::2/64", "2001:db8:52::/48", v6, "KEY_V6") }
        return text
    }

    /// The rendered configuration, or the problems as `vendor: path: message` lines.
    struct Rendered {
        var text: String?
        var problems: [String] = []
        var renderProblems: [RenderProblem] = []
        var lines: [String] { text.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? [] }
    }

    static func render(_ vendor: VendorID, vlan: Int = 100, interface: String? = "PORT", v4: Peer = Peer(), v6: Peer? = nil,
                       rollback: Bool = false) -> Rendered {
        var environment = ["KEY_V4": v4.key]
        if let v6 { environment["KEY_V6"] = v6.key }
        let port = Dialects.dialect(for: vendor).sampleParentInterface
        let text = yaml(vlan: vlan, interface: interface.map { $0 == "PORT" ? port : $0 }, v4: v4, v6: v6)
        let loaded = DefinitionLoader.load(text: text, source: "test.yaml", options: LoadOptions(environment: environment))
        guard let definition = loaded.definition else { return Rendered(problems: ["does not load: \(loaded.dump)"]) }
        switch ConfigRenderer.render(definition, vendor: vendor, options: RenderOptions(rollback: rollback)) {
        case .success(let configs): return Rendered(text: configs.map(\.text).joined())
        case .failure(let failure): return Rendered(problems: failure.problems.map(\.description), renderProblems: failure.problems)
        }
    }
}
