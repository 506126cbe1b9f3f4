import Testing
@testable import PeerConf

private let doc = DefinitionDocument.valid
private let p0 = "virtual_interface.peers[0]"
private let p1 = "virtual_interface.peers[1]"

@Suite("Rules: address family and gateways")
struct GatewayRuleTests {
    static let cases: [RuleCase] = [
        .failing("unknown address family", .addressFamily, doc.setting("\(p0).address_family", "ipv5"), at: "\(p0).address_family"),
        .passing("address family in capitals", .addressFamily, doc.setting("\(p0).address_family", "IPv4")),
        .failing("two IPv4 peers", .addressFamilyDuplicate,
                 doc.setting("\(p1).address_family", "ipv4").setting("\(p1).local_gateway", "192.168.1.1/30")
                    .setting("\(p1).remote_gateway", "192.168.1.2/30").setting("\(p1).remote_subnets", "[192.168.60.0/24]"),
                 at: "\(p1).address_family"),
        .passing("one IPv4 and one IPv6 peer", .addressFamilyDuplicate, doc),

        .failing("leading zero in an octet", .gatewayAddress, doc.setting("\(p0).local_gateway", "192.168.0.01/30"), at: "\(p0).local_gateway"),
        .failing("octet out of range", .gatewayAddress, doc.setting("\(p0).local_gateway", "192.168.0.256/30"), at: "\(p0).local_gateway"),
        .failing("missing prefix length", .gatewayAddress, doc.setting("\(p0).remote_gateway", "192.168.0.2"), at: "\(p0).remote_gateway"),
        .failing("IPv6 address on the IPv4 peer", .gatewayAddress, doc.setting("\(p0).remote_gateway", "\"2001:db8::2/64\""), at: "\(p0).remote_gateway"),
        .failing("zone identifier", .gatewayAddress, doc.setting("\(p1).local_gateway", "\"fe80::1%eth0/64\""), at: "\(p1).local_gateway"),
        .failing("IPv4-mapped IPv6 address", .gatewayAddress, doc.setting("\(p1).remote_gateway", "\"::ffff:192.168.0.2/126\""), at: "\(p1).remote_gateway"),
        .passing("the cloud's example IPv4 gateways", .gatewayAddress, doc),

        .failing("different prefix lengths", .gatewayPrefixLengthMismatch, doc.setting("\(p0).remote_gateway", "192.168.0.2/29"), at: "\(p0).remote_gateway"),
        .failing("identical addresses", .gatewayIdentical, doc.setting("\(p0).remote_gateway", "192.168.0.1/30"), at: "\(p0).remote_gateway"),
        .failing("IPv4 gateways in different subnets", .gatewayNotSameSubnet, doc.setting("\(p0).remote_gateway", "192.168.0.6/30"), at: "\(p0).remote_gateway"),
        .failing("broadcast address", .gatewayNetworkOrBroadcast, doc.setting("\(p0).remote_gateway", "192.168.0.3/30"), at: "\(p0).remote_gateway"),
        .failing("network address", .gatewayNetworkOrBroadcast, doc.setting("\(p0).local_gateway", "192.168.0.0/30"), at: "\(p0).local_gateway"),
        .passing("a /31 link uses both addresses (RFC 3021)", .gatewayNetworkOrBroadcast,
                 doc.setting("\(p0).local_gateway", "192.168.0.0/31").setting("\(p0).remote_gateway", "192.168.0.1/31")),
        .failing("a /29 link is not the recommended /30", .gatewayPrefixLengthRecommended,
                 doc.setting("\(p0).local_gateway", "192.168.0.1/29").setting("\(p0).remote_gateway", "192.168.0.2/29"), at: "\(p0).local_gateway"),
        .failing("a /31 link is not the recommended /30", .gatewayPrefixLengthRecommended,
                 doc.setting("\(p0).local_gateway", "192.168.0.0/31").setting("\(p0).remote_gateway", "192.168.0.1/31"), at: "\(p0).local_gateway"),
        .passing("a /30 link", .gatewayPrefixLengthRecommended, doc),

        .failing("IPv6 gateways in different /64s", .gatewayIPv6NotSameSubnet, doc.setting("\(p1).remote_gateway", "\"2001:db8:fffe::2/64\""), at: "\(p1).remote_gateway"),
        .passing("IPv6 gateways in one /64", .gatewayIPv6NotSameSubnet, doc),
        .failing("IPv6 subnet-router anycast address", .gatewaySubnetRouterAnycast, doc.setting("\(p1).local_gateway", "\"2001:db8:ffff::/64\""), at: "\(p1).local_gateway"),
        .passing("an IPv6 /127 link uses both addresses (RFC 6164)", .gatewaySubnetRouterAnycast,
                 doc.setting("\(p1).local_gateway", "\"2001:db8:ffff::/127\"").setting("\(p1).remote_gateway", "\"2001:db8:ffff::1/127\"")),

        .failing("link subnet inside a local subnet", .gatewayOverlap,
                 doc.setting("virtual_interface.local_subnets", "[192.168.0.0/16]"), at: "\(p0).local_gateway"),
        .failing("link subnet inside a remote subnet", .gatewayOverlap,
                 doc.setting("\(p0).remote_subnets", "[192.168.0.0/24]"), at: "\(p0).local_gateway"),
        .passing("link subnet next to the other subnets", .gatewayOverlap,
                 doc.setting("\(p0).remote_subnets", "[192.168.0.4/30, 192.168.1.0/24]")),
    ]

    @Test(arguments: cases)
    func rule(_ ruleCase: RuleCase) {
        ruleCase.verify()
    }
}
