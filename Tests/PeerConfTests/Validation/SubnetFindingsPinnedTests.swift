import Testing
@testable import PeerConf

/// Every subnet finding of one definition whose lists nest, repeat and overlap in many
/// ways, pinned word for word: which entry a nested subnet is said to lie inside (the
/// first one in the list), which earlier entry a duplicate names, and every overlapping
/// pair. The subnet rules are written for speed (sorting instead of comparing every
/// pair), and this proves they still say exactly what the plain pairwise rules said.
@Suite("Rules: subnet findings pinned")
struct SubnetFindingsPinnedTests {
    static let text = """
        virtual_interface:
          name: vif-test
          connection: dc-1
          vlan: 100
          local_subnets: [10.0.0.0/16, "2001:db8:100::/56", 10.0.0.0/16, 10.0.4.0/24, 10.0.0.1/16, "2001:db8::/32", 192.168.52.0/22]
          peers:
            - name: peer-v4
              address_family: ipv4
              local_gateway: 192.168.0.1/30
              remote_gateway: 192.168.0.2/30
              remote_subnets: [172.16.8.0/24, 172.16.0.0/12, bad, 172.16.8.0/24, 172.16.0.0/16, 172.16.8.128/25, 172.16.8.0/24, 10.0.4.0/23, 192.168.0.0/16, 100.64.0.0/9, 127.0.0.0/8, 224.0.0.0/4]
              routing_mode: bgp
              bgp_asn: 65010
              bgp_md5_key_env: TEST_MD5_KEY
              description: Test link
            - name: peer-v6
              address_family: ipv6
              local_gateway: "2001:db8:ffff::1/64"
              remote_gateway: "2001:db8:ffff::2/64"
              remote_subnets: ["2001:db8:52::/48", "2001:db8::/31", "2001:db8:52:1::/64", "fe80::/64", "::1/128", "::ffff:1.2.3.0/120", "2001:db8:100::/56", "2001:db8:100::/56"]
              routing_mode: bgp
              bgp_asn: 65010
              bgp_md5_key_env: TEST_MD5_KEY
        """

    static let expected: [String] = [
        "a.yaml:5:53: error: virtual_interface.local_subnets[2]: 10.0.0.0/16 is listed twice in local_subnets (also entry [0])",
        "a.yaml:5:79: error: virtual_interface.local_subnets[4]: local_subnets entry '10.0.0.1/16' has host bits set; did you mean 10.0.0.0/16?",
        "a.yaml:9:22: error: virtual_interface.peers[0].local_gateway: the link subnet 192.168.0.0/30 overlaps remote subnet 192.168.0.0/16; gateway addresses must not collide with the customer's subnets",
        "a.yaml:11:24: warning: virtual_interface.peers[0].remote_subnets[0]: 172.16.8.0/24 lies inside 172.16.0.0/12 (entry [1] of remote_subnets); advertising both is redundant",
        "a.yaml:11:54: error: virtual_interface.peers[0].remote_subnets[2]: remote_subnets entry 'bad' is not a valid CIDR block: invalid character 'b'",
        "a.yaml:11:59: error: virtual_interface.peers[0].remote_subnets[3]: 172.16.8.0/24 is listed twice in remote_subnets (also entry [0])",
        "a.yaml:11:74: warning: virtual_interface.peers[0].remote_subnets[4]: 172.16.0.0/16 lies inside 172.16.0.0/12 (entry [1] of remote_subnets); advertising both is redundant",
        "a.yaml:11:89: warning: virtual_interface.peers[0].remote_subnets[5]: 172.16.8.128/25 lies inside 172.16.8.0/24 (entry [0] of remote_subnets); advertising both is redundant",
        "a.yaml:11:106: error: virtual_interface.peers[0].remote_subnets[6]: 172.16.8.0/24 is listed twice in remote_subnets (also entry [0])",
        "a.yaml:11:121: error: virtual_interface.peers[0].remote_subnets[7]: remote subnet 10.0.4.0/23 overlaps local subnet 10.0.0.0/16 (virtual_interface.local_subnets[0]); remote subnets cannot overlap local subnets",
        "a.yaml:11:121: error: virtual_interface.peers[0].remote_subnets[7]: remote subnet 10.0.4.0/23 overlaps local subnet 10.0.4.0/24 (virtual_interface.local_subnets[3]); remote subnets cannot overlap local subnets",
        "a.yaml:11:134: error: virtual_interface.peers[0].remote_subnets[8]: remote subnet 192.168.0.0/16 overlaps local subnet 192.168.52.0/22 (virtual_interface.local_subnets[6]); remote subnets cannot overlap local subnets",
        "a.yaml:11:150: error: virtual_interface.peers[0].remote_subnets[9]: remote_subnets entry '100.64.0.0/9' has host bits set; did you mean 100.0.0.0/9?",
        "a.yaml:11:164: error: virtual_interface.peers[0].remote_subnets[10]: 127.0.0.0/8 is loopback space (127.0.0.0/8) and cannot be a remote subnet",
        "a.yaml:11:177: error: virtual_interface.peers[0].remote_subnets[11]: 224.0.0.0/4 is multicast and reserved space (224.0.0.0/3) and cannot be a remote subnet",
        "a.yaml:18:22: error: virtual_interface.peers[1].local_gateway: the link subnet 2001:db8:ffff::/64 overlaps local subnet 2001:db8::/32; gateway addresses must not collide with the cloud's subnets",
        "a.yaml:18:22: error: virtual_interface.peers[1].local_gateway: the link subnet 2001:db8:ffff::/64 overlaps remote subnet 2001:db8::/31; gateway addresses must not collide with the customer's subnets",
        "a.yaml:20:24: error: virtual_interface.peers[1].remote_subnets[0]: remote subnet 2001:db8:52::/48 overlaps local subnet 2001:db8::/32 (virtual_interface.local_subnets[5]); remote subnets cannot overlap local subnets",
        "a.yaml:20:24: warning: virtual_interface.peers[1].remote_subnets[0]: 2001:db8:52::/48 lies inside 2001:db8::/31 (entry [1] of remote_subnets); advertising both is redundant",
        "a.yaml:20:44: error: virtual_interface.peers[1].remote_subnets[1]: remote subnet 2001:db8::/31 overlaps local subnet 2001:db8:100::/56 (virtual_interface.local_subnets[1]); remote subnets cannot overlap local subnets",
        "a.yaml:20:44: error: virtual_interface.peers[1].remote_subnets[1]: remote subnet 2001:db8::/31 overlaps local subnet 2001:db8::/32 (virtual_interface.local_subnets[5]); remote subnets cannot overlap local subnets",
        "a.yaml:20:61: error: virtual_interface.peers[1].remote_subnets[2]: remote subnet 2001:db8:52:1::/64 overlaps local subnet 2001:db8::/32 (virtual_interface.local_subnets[5]); remote subnets cannot overlap local subnets",
        "a.yaml:20:61: warning: virtual_interface.peers[1].remote_subnets[2]: 2001:db8:52:1::/64 lies inside 2001:db8:52::/48 (entry [0] of remote_subnets); advertising both is redundant",
        "a.yaml:20:83: error: virtual_interface.peers[1].remote_subnets[3]: fe80::/64 is link-local space (fe80::/10) and cannot be a remote subnet",
        "a.yaml:20:96: error: virtual_interface.peers[1].remote_subnets[4]: ::1/128 is loopback space (::1/128) and cannot be a remote subnet",
        "a.yaml:20:107: error: virtual_interface.peers[1].remote_subnets[5]: remote_subnets entry '::ffff:1.2.3.0/120' is IPv4-mapped IPv6 space; write IPv4 subnets in IPv4 form",
        "a.yaml:20:129: error: virtual_interface.peers[1].remote_subnets[6]: remote subnet 2001:db8:100::/56 overlaps local subnet 2001:db8:100::/56 (virtual_interface.local_subnets[1]); remote subnets cannot overlap local subnets",
        "a.yaml:20:129: error: virtual_interface.peers[1].remote_subnets[6]: remote subnet 2001:db8:100::/56 overlaps local subnet 2001:db8::/32 (virtual_interface.local_subnets[5]); remote subnets cannot overlap local subnets",
        "a.yaml:20:129: warning: virtual_interface.peers[1].remote_subnets[6]: 2001:db8:100::/56 lies inside 2001:db8::/31 (entry [1] of remote_subnets); advertising both is redundant",
        "a.yaml:20:150: error: virtual_interface.peers[1].remote_subnets[7]: 2001:db8:100::/56 is listed twice in remote_subnets (also entry [5])",
    ]

    @Test("nested, duplicate and overlapping subnets: every finding, word for word")
    func everyFinding() {
        let result = DefinitionLoader.load(text: Self.text, source: "a.yaml", options: LoadOptions(environment: ["TEST_MD5_KEY": "Str0ng-Key.2026"]))
        let found = result.diagnostics.map(DiagnosticFormatter.text)
        #expect(found == Self.expected)
        for (line, (actual, expected)) in zip(found, Self.expected).enumerated() where actual != expected {
            Issue.record("finding \(line):\n  found    \(actual)\n  expected \(expected)")
        }
    }
}
