import Testing
@testable import PeerConf

@Suite("IPInterfaceAddress")
struct IPInterfaceAddressTests {
    @Test("valid interface addresses keep their host bits", arguments: [
        ("192.168.0.2/30", "192.168.0.2/30", "192.168.0.0/30", AddressFamily.ipv4),
        ("192.168.52.1/24", "192.168.52.1/24", "192.168.52.0/24", .ipv4),
        ("169.254.0.1/31", "169.254.0.1/31", "169.254.0.0/31", .ipv4),
        ("10.0.0.1/32", "10.0.0.1/32", "10.0.0.1/32", .ipv4),
        ("10.0.0.1/0", "10.0.0.1/0", "0.0.0.0/0", .ipv4),
        ("2001:DB8::1/64", "2001:db8::1/64", "2001:db8::/64", .ipv6),
        ("2001:db8:0:0:0:0:0:5/125", "2001:db8::5/125", "2001:db8::/125", .ipv6),
        ("fe80::1/10", "fe80::1/10", "fe80::/10", .ipv6),
    ])
    func parsesValid(text: String, canonical: String, network: String, family: AddressFamily) throws {
        let interface = try IPInterfaceAddress.parse(text)
        #expect(interface.description == canonical)
        #expect(interface.network == (try IPPrefix.parse(network)))
        #expect(interface.family == family)
        #expect(interface.network.contains(interface.address))
        #expect(try IPInterfaceAddress.parse(text, family: family) == interface)
        #expect(try IPInterfaceAddress.parse(canonical) == interface)
    }

    @Test("errors", arguments: [
        ("", nil, IPParseError.empty),
        ("192.168.0.2", nil, .missingPrefixLength),
        ("192.168.0.2/", nil, .prefixLengthInvalid("")),
        ("192.168.0.2/030", nil, .prefixLengthInvalid("030")),
        ("192.168.0.2/33", nil, .prefixLengthOutOfRange(33, max: 32)),
        ("2001:db8::1/129", nil, .prefixLengthOutOfRange(129, max: 128)),
        ("192.168.0.02/30", nil, .ipv4LeadingZero("02")),
        ("fe80::1%eth0/64", nil, .zoneIdentifier("eth0")),
        ("192.168.0.2/30", AddressFamily.ipv6, .wrongFamily(expected: .ipv6, found: .ipv4)),
        ("2001:db8::1/64", .ipv4, .wrongFamily(expected: .ipv4, found: .ipv6)),
    ] as [(String, AddressFamily?, IPParseError)])
    func errors(text: String, family: AddressFamily?, error: IPParseError) {
        #expect(throws: error) { try IPInterfaceAddress.parse(text, family: family) }
    }

    @Test("network and broadcast detection (no such addresses in /31, /32, /127, /128)", arguments: [
        ("192.168.0.0/30", true, false),
        ("192.168.0.1/30", false, false),
        ("192.168.0.2/30", false, false),
        ("192.168.0.3/30", false, true),
        ("192.168.0.4/30", true, false),
        ("192.168.0.0/31", false, false),
        ("192.168.0.1/31", false, false),
        ("192.168.0.0/32", false, false),
        ("192.168.0.255/32", false, false),
        ("10.0.0.0/8", true, false),
        ("10.255.255.255/8", false, true),
        ("10.255.255.254/8", false, false),
        ("0.0.0.0/0", true, false),
        ("255.255.255.255/0", false, true),
        ("2001:db8::/64", true, false),
        ("2001:db8::1/64", false, false),
        ("2001:db8::ffff:ffff:ffff:ffff/64", false, false),  // IPv6 has no broadcast
        ("2001:db8::/126", true, false),
        ("2001:db8::3/126", false, false),
        ("2001:db8::/127", false, false),
        ("2001:db8::1/127", false, false),
        ("2001:db8::/128", false, false),
    ])
    func networkAndBroadcast(text: String, isNetwork: Bool, isBroadcast: Bool) throws {
        let interface = try IPInterfaceAddress.parse(text)
        #expect(interface.isNetworkAddress == isNetwork)
        #expect(interface.isBroadcastAddress == isBroadcast)
    }

    @Test("the failable initializer checks the length range")
    func failableInit() throws {
        let v4 = try IPAddress.parse("192.0.2.1")
        let v6 = try IPAddress.parse("2001:db8::1")
        #expect(IPInterfaceAddress(address: v4, prefixLength: 24)?.description == "192.0.2.1/24")
        #expect(IPInterfaceAddress(address: v4, prefixLength: 0) != nil)
        #expect(IPInterfaceAddress(address: v4, prefixLength: 32) != nil)
        #expect(IPInterfaceAddress(address: v4, prefixLength: 33) == nil)
        #expect(IPInterfaceAddress(address: v4, prefixLength: -1) == nil)
        #expect(IPInterfaceAddress(address: v6, prefixLength: 128) != nil)
        #expect(IPInterfaceAddress(address: v6, prefixLength: 129) == nil)
    }
}
