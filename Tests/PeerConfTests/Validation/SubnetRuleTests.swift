import Testing
@testable import PeerConf

private let doc = DefinitionDocument.valid
private let staticDoc = DefinitionDocument.validStatic
private let vif = "virtual_interface"
private let p0 = "virtual_interface.peers[0]"
private let p1 = "virtual_interface.peers[1]"

/// `count` distinct /24s in 172.16.0.0/12, as a flow list.
func subnetList(_ count: Int, thirdOctetBase: Int = 0) -> String {
    "[" + (0..<count).map { "172.\(16 + ($0 + thirdOctetBase) / 256).\(($0 + thirdOctetBase) % 256).0/24" }.joined(separator: ", ") + "]"
}

@Suite("Rules: subnets")
struct SubnetRuleTests {
    static let cases: [RuleCase] = [
        .failing("no remote subnets", .remoteSubnetCount, doc.setting("\(p0).remote_subnets", "[]"), at: "\(p0).remote_subnets"),
        .failing("51 remote subnets", .remoteSubnetCount, doc.setting("\(p0).remote_subnets", subnetList(51)), at: "\(p0).remote_subnets"),
        .passing("50 remote subnets", .remoteSubnetCount, doc.setting("\(p0).remote_subnets", subnetList(50))),
        .failing("51 local subnets", .localSubnetCount, doc.setting("\(vif).local_subnets", subnetList(51, thirdOctetBase: 300)), at: "\(vif).local_subnets"),
        .passing("50 local subnets", .localSubnetCount, doc.setting("\(vif).local_subnets", subnetList(50, thirdOctetBase: 300))),

        .failing("remote subnet without prefix length", .subnetSyntax, doc.setting("\(p0).remote_subnets", "[192.168.52.0, 192.168.54.0/24]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("192.168.52.0")),
        .failing("IPv6 remote subnet on the IPv4 peer", .subnetSyntax, doc.setting("\(p0).remote_subnets", "[\"2001:db8:52::/48\"]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("\"2001:db8:52::/48\"")),
        .failing("local subnet with a leading zero", .subnetSyntax, doc.setting("\(vif).local_subnets", "[10.0.0.0/16, 10.01.0.0/16]"),
                 at: "\(vif).local_subnets", pointingAt: .entry("10.01.0.0/16")),
        .failing("remote subnet with host bits", .subnetHostBits, doc.setting("\(p0).remote_subnets", "[192.168.52.1/24]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("192.168.52.1/24")),
        .failing("local subnet with host bits", .subnetHostBits, doc.setting("\(vif).local_subnets", "[10.0.0.1/16]"),
                 at: "\(vif).local_subnets", pointingAt: .entry("10.0.0.1/16")),
        .failing("duplicate remote subnet", .subnetDuplicate, doc.setting("\(p0).remote_subnets", "[192.168.52.0/24, 192.168.52.0/24]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("192.168.52.0/24", occurrence: 1)),
        .failing("duplicate local subnet", .subnetDuplicate, doc.setting("\(vif).local_subnets", "[10.0.0.0/16, 10.0.0.0/16]"),
                 at: "\(vif).local_subnets", pointingAt: .entry("10.0.0.0/16", occurrence: 1)),
        .passing("distinct subnets", .subnetDuplicate, doc),
        .failing("nested remote subnets", .subnetNested, doc.setting("\(p0).remote_subnets", "[192.168.52.0/24, 192.168.52.128/25]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("192.168.52.128/25")),
        .passing("adjacent remote subnets", .subnetNested, doc.setting("\(p0).remote_subnets", "[192.168.52.0/25, 192.168.52.128/25]")),

        .failing("remote subnet inside a local subnet", .remoteLocalOverlap, doc.setting("\(p0).remote_subnets", "[10.0.5.0/24]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("10.0.5.0/24")),
        .failing("IPv6 remote subnet around a local subnet", .remoteLocalOverlap, doc.setting("\(p1).remote_subnets", "[\"2001:db8::/32\"]"),
                 at: "\(p1).remote_subnets", pointingAt: .entry("\"2001:db8::/32\"")),
        .passing("remote subnets outside the local ones", .remoteLocalOverlap, doc.setting("\(p0).remote_subnets", "[10.1.0.0/16]")),

        .failing("remote subnet in 100.64.0.0/10", .sharedAddressSpace, doc.setting("\(p0).remote_subnets", "[100.64.1.0/24]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("100.64.1.0/24")),
        .passing("remote subnet next to 100.64.0.0/10", .sharedAddressSpace, doc.setting("\(p0).remote_subnets", "[100.128.0.0/16]")),
        .failing("loopback remote subnet", .reservedSubnet, doc.setting("\(p0).remote_subnets", "[127.0.0.0/8]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("127.0.0.0/8")),
        .failing("link-local remote subnet", .reservedSubnet, doc.setting("\(p0).remote_subnets", "[169.254.10.0/24]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("169.254.10.0/24")),
        .failing("multicast remote subnet", .reservedSubnet, doc.setting("\(p0).remote_subnets", "[239.1.0.0/16]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("239.1.0.0/16")),
        .failing("class E remote subnet", .reservedSubnet, doc.setting("\(p0).remote_subnets", "[240.0.0.0/8]"),
                 at: "\(p0).remote_subnets", pointingAt: .entry("240.0.0.0/8")),
        .failing("IPv6 loopback remote subnet", .reservedSubnet, doc.setting("\(p1).remote_subnets", "[\"::1/128\"]"),
                 at: "\(p1).remote_subnets", pointingAt: .entry("\"::1/128\"")),
        .failing("IPv6 link-local remote subnet", .reservedSubnet, doc.setting("\(p1).remote_subnets", "[\"fe80::/64\"]"),
                 at: "\(p1).remote_subnets", pointingAt: .entry("\"fe80::/64\"")),
        .failing("IPv6 multicast remote subnet", .reservedSubnet, doc.setting("\(p1).remote_subnets", "[\"ff02::/16\"]"),
                 at: "\(p1).remote_subnets", pointingAt: .entry("\"ff02::/16\"")),
        .passing("ordinary private subnets", .reservedSubnet, doc.setting("\(p0).remote_subnets", "[172.16.0.0/12, 223.255.255.0/24]")),

        .failing("static IPv4 peer with only IPv6 local subnets", .staticNeedsLocalSubnet,
                 staticDoc.setting("\(vif).local_subnets", "[\"2001:db8:100::/56\"]"), at: "\(p0).routing_mode"),
        .passing("static IPv4 peer with an IPv4 local subnet", .staticNeedsLocalSubnet, staticDoc),
    ]

    @Test(arguments: cases)
    func rule(_ ruleCase: RuleCase) {
        ruleCase.verify()
    }

    @Test("a host-bits error suggests the network address")
    func hostBitsSuggestion() {
        let result = doc.setting("\(p0).remote_subnets", "[192.168.52.1/24]").load()
        #expect(result.findings(.subnetHostBits).first?.message.contains("did you mean 192.168.52.0/24?") == true, "\(result.dump)")
    }

    @Test("one bad entry does not hide findings about the others")
    func allFindingsInOneRun() {
        let result = doc.setting("\(p0).remote_subnets", "[192.168.52.1/24, 127.0.0.0/8, 10.0.1.0/24]").load()
        #expect(result.findings(.subnetHostBits).count == 1)
        #expect(result.findings(.reservedSubnet).count == 1)
        #expect(result.findings(.remoteLocalOverlap).count == 1)
    }
}
