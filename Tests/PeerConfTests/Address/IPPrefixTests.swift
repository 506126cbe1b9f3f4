import Testing
@testable import PeerConf

/// Parses test fixtures that are known to be valid; a failure here is a test bug.
private func prefix(_ text: String) throws -> IPPrefix {
    try IPPrefix.parse(text)
}

private func address(_ text: String) throws -> IPAddress {
    try IPAddress.parse(text)
}

@Suite("IPPrefix")
struct IPPrefixTests {
    @Test("valid prefixes parse and print canonically", arguments: [
        ("10.0.0.0/16", "10.0.0.0/16", AddressFamily.ipv4, 16),
        ("0.0.0.0/0", "0.0.0.0/0", .ipv4, 0),
        ("192.168.0.1/32", "192.168.0.1/32", .ipv4, 32),
        ("192.168.0.2/31", "192.168.0.2/31", .ipv4, 31),
        ("2001:db8::/32", "2001:db8::/32", .ipv6, 32),
        ("2001:DB8:0:0::/64", "2001:db8::/64", .ipv6, 64),
        ("::/0", "::/0", .ipv6, 0),
        ("::1/128", "::1/128", .ipv6, 128),
        ("::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104", .ipv6, 104),
    ])
    func parsesValid(text: String, canonical: String, family: AddressFamily, length: Int) throws {
        let parsed = try IPPrefix.parse(text)
        #expect(parsed.description == canonical)
        #expect(parsed.family == family)
        #expect(parsed.prefixLength == length)
        #expect(try IPPrefix.parse(canonical) == parsed)
        #expect(try IPPrefix.parse(text, family: family) == parsed)
    }

    @Test("host bits set are rejected with the containing block as suggestion", arguments: [
        ("192.168.52.1/24", "192.168.52.0/24"),
        ("10.0.0.1/8", "10.0.0.0/8"),
        ("10.0.0.0/0", "0.0.0.0/0"),
        ("192.168.0.3/31", "192.168.0.2/31"),
        ("192.168.0.255/25", "192.168.0.128/25"),
        ("2001:db8::1/64", "2001:db8::/64"),
        ("2001:db8::1/127", "2001:db8::/127"),
        ("2001:db8:ffff::/31", "2001:db8::/31"),
        ("::1/0", "::/0"),
    ])
    func hostBitsSet(text: String, suggestion: String) throws {
        let expected = try prefix(suggestion)
        #expect(throws: IPParseError.hostBitsSet(suggestion: expected)) { try IPPrefix.parse(text) }
        // The same text is a perfectly good interface address in that block.
        #expect(try IPInterfaceAddress.parse(text).network == expected)
    }

    @Test("syntax and range errors", arguments: [
        ("", nil, IPParseError.empty),
        ("/24", nil, .empty),
        ("10.0.0.0", nil, .missingPrefixLength),
        ("::", nil, .missingPrefixLength),
        ("10.0.0.0/", nil, .prefixLengthInvalid("")),
        ("10.0.0.0/abc", nil, .prefixLengthInvalid("abc")),
        ("10.0.0.0/+24", nil, .prefixLengthInvalid("+24")),
        ("10.0.0.0/-1", nil, .prefixLengthInvalid("-1")),
        ("10.0.0.0/024", nil, .prefixLengthInvalid("024")),
        ("10.0.0.0/00", nil, .prefixLengthInvalid("00")),
        ("10.0.0.0/ 24", nil, .prefixLengthInvalid(" 24")),
        ("10.0.0.0/24 ", nil, .prefixLengthInvalid("24 ")),
        ("10.0.0.0 /24", nil, .invalidCharacter(" ")),
        ("10.0.0.0/24/24", nil, .prefixLengthInvalid("24/24")),
        ("10.0.0.0/\u{662}\u{664}", nil, .prefixLengthInvalid("\u{662}\u{664}")),
        ("10.0.0.0/0x18", nil, .prefixLengthInvalid("0x18")),
        ("10.0.0.0/99999999999999999999", nil, .prefixLengthInvalid("99999999999999999999")),
        ("10.0.0.0/33", nil, .prefixLengthOutOfRange(33, max: 32)),
        ("10.0.0.0/128", nil, .prefixLengthOutOfRange(128, max: 32)),
        ("10.0.0.0/1000", nil, .prefixLengthOutOfRange(1000, max: 32)),
        ("::/129", nil, .prefixLengthOutOfRange(129, max: 128)),
        ("10.0.0/24", nil, .ipv4WrongOctetCount(3)),
        ("010.0.0.0/8", nil, .ipv4LeadingZero("010")),
        ("fe80::%eth0/64", nil, .zoneIdentifier("eth0")),
        ("fe80::/64%eth0", nil, .prefixLengthInvalid("64%eth0")),
        ("10.0.0.0/8", AddressFamily.ipv6, .wrongFamily(expected: .ipv6, found: .ipv4)),
        ("10.0.0.0/33", .ipv6, .wrongFamily(expected: .ipv6, found: .ipv4)),
        ("10.0.0.1/24", .ipv6, .wrongFamily(expected: .ipv6, found: .ipv4)),
        ("2001:db8::/32", .ipv4, .wrongFamily(expected: .ipv4, found: .ipv6)),
        ("10.0.0.0", .ipv6, .wrongFamily(expected: .ipv6, found: .ipv4)),
    ] as [(String, AddressFamily?, IPParseError)])
    func errors(text: String, family: AddressFamily?, error: IPParseError) {
        #expect(throws: error) { try IPPrefix.parse(text, family: family) }
    }

    @Test("the failable initializer enforces the invariant")
    func failableInit() throws {
        let v4 = try address("10.0.0.0")
        #expect(IPPrefix(address: v4, prefixLength: 8)?.description == "10.0.0.0/8")
        #expect(IPPrefix(address: v4, prefixLength: 32)?.description == "10.0.0.0/32")
        #expect(IPPrefix(address: v4, prefixLength: 0) == nil)   // 10.x has bits inside /0's host part
        #expect(IPPrefix(address: v4, prefixLength: 33) == nil)
        #expect(IPPrefix(address: v4, prefixLength: -1) == nil)
        #expect(IPPrefix(address: try address("10.0.0.1"), prefixLength: 31) == nil)
        #expect(IPPrefix(address: try address("0.0.0.0"), prefixLength: 0)?.description == "0.0.0.0/0")
        #expect(IPPrefix(address: try address("2001:db8::"), prefixLength: 128)?.description == "2001:db8::/128")
        #expect(IPPrefix(address: try address("2001:db8::"), prefixLength: 129) == nil)
        #expect(IPPrefix(address: try address("2001:db8::1"), prefixLength: 127) == nil)
    }

    @Test("truncating clears exactly the host bits", arguments: [
        ("192.168.52.77", 24, "192.168.52.0/24"),
        ("192.168.52.77", 32, "192.168.52.77/32"),
        ("192.168.52.77", 0, "0.0.0.0/0"),
        ("255.255.255.255", 1, "128.0.0.0/1"),
        ("2001:db8:1:2:3:4:5:6", 48, "2001:db8:1::/48"),
        ("2001:db8:1:2:3:4:5:6", 128, "2001:db8:1:2:3:4:5:6/128"),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 127, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"),
    ])
    func truncating(text: String, length: Int, expected: String) throws {
        let truncated = IPPrefix(truncating: try address(text), prefixLength: length)
        #expect(truncated.description == expected)
        #expect(truncated == (try prefix(expected)))
    }

    @Test("netmask, hostmask and last address", arguments: [
        ("0.0.0.0/0", "0.0.0.0", "255.255.255.255", "255.255.255.255"),
        ("10.0.0.0/8", "255.0.0.0", "0.255.255.255", "10.255.255.255"),
        ("172.16.0.0/12", "255.240.0.0", "0.15.255.255", "172.31.255.255"),
        ("192.168.0.0/30", "255.255.255.252", "0.0.0.3", "192.168.0.3"),
        ("192.168.0.4/31", "255.255.255.254", "0.0.0.1", "192.168.0.5"),
        ("192.168.0.7/32", "255.255.255.255", "0.0.0.0", "192.168.0.7"),
        ("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ("2001:db8::/64", "ffff:ffff:ffff:ffff::", "::ffff:ffff:ffff:ffff", "2001:db8::ffff:ffff:ffff:ffff"),
        ("2001:db8::/126", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffc", "::3", "2001:db8::3"),
        ("2001:db8::1/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::", "2001:db8::1"),
        // A /80 hostmask happens to lie in ::ffff:0:0/96, so RFC 5952 prints it dotted.
        ("2001:db8::/80", "ffff:ffff:ffff:ffff:ffff::", "::ffff:255.255.255.255", "2001:db8::ffff:ffff:ffff"),
    ])
    func masks(text: String, netmask: String, hostmask: String, last: String) throws {
        let block = try prefix(text)
        #expect(block.netmask == (try address(netmask)))
        #expect(block.hostmask == (try address(hostmask)))
        #expect(block.lastAddress == (try address(last)))
        #expect(block.netmask.description == netmask)
        #expect(block.hostmask.description == hostmask)
    }

    @Test("prefix containment", arguments: [
        ("10.0.0.0/8", "10.0.0.0/8", true),
        ("10.0.0.0/8", "10.1.0.0/16", true),
        ("10.0.0.0/8", "10.255.255.255/32", true),
        ("10.1.0.0/16", "10.0.0.0/8", false),
        ("10.0.0.0/16", "10.0.0.0/8", false),       // same network address, but wider
        ("192.168.0.0/31", "192.168.0.0/30", false),
        ("::/1", "::/0", false),
        ("10.0.0.0/8", "11.0.0.0/8", false),
        ("10.0.0.0/8", "11.0.0.0/32", false),
        ("0.0.0.0/0", "0.0.0.0/0", true),
        ("0.0.0.0/0", "255.255.255.255/32", true),
        ("0.0.0.0/0", "128.0.0.0/1", true),
        ("192.168.0.1/32", "192.168.0.1/32", true),
        ("192.168.0.1/32", "192.168.0.0/32", false),
        ("192.168.0.0/31", "192.168.0.1/32", true),
        ("192.168.0.0/31", "192.168.0.2/32", false),
        ("2001:db8::/32", "2001:db8:ffff::/48", true),
        ("2001:db8::/32", "2001:db9::/48", false),
        ("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", true),
        ("::1/128", "::1/128", true),
        ("::1/128", "::/128", false),
        ("::/0", "0.0.0.0/0", false),
        ("0.0.0.0/0", "::/0", false),
        ("0.0.0.0/0", "::ffff:0.0.0.0/96", false),
    ])
    func containsPrefix(outer: String, inner: String, expected: Bool) throws {
        #expect(try prefix(outer).contains(prefix(inner)) == expected)
    }

    @Test("address containment", arguments: [
        ("10.0.0.0/8", "10.0.0.0", true),
        ("10.0.0.0/8", "10.255.255.255", true),
        ("10.0.0.0/8", "11.0.0.0", false),
        ("10.0.0.0/8", "9.255.255.255", false),
        ("0.0.0.0/0", "255.255.255.255", true),
        ("192.168.0.1/32", "192.168.0.1", true),
        ("192.168.0.1/32", "192.168.0.2", false),
        ("2001:db8::/64", "2001:db8::ffff:ffff:ffff:ffff", true),
        ("2001:db8::/64", "2001:db8:0:1::", false),
        ("::1/128", "::1", true),
        ("::/128", "::1", false),
        ("::/0", "10.0.0.1", false),
        ("0.0.0.0/0", "::1", false),
        ("0.0.0.0/0", "::ffff:10.0.0.1", false),
        ("::ffff:0.0.0.0/96", "10.0.0.1", false),
    ])
    func containsAddress(block: String, text: String, expected: Bool) throws {
        #expect(try prefix(block).contains(address(text)) == expected)
    }

    @Test("overlap is symmetric and false across families", arguments: [
        ("10.0.0.0/8", "10.1.0.0/16", true),
        ("10.0.0.0/8", "10.0.0.0/8", true),
        ("10.0.0.0/8", "11.0.0.0/8", false),
        ("10.0.0.0/9", "10.128.0.0/9", false),
        ("0.0.0.0/0", "192.0.2.0/24", true),
        ("192.168.0.0/31", "192.168.0.1/32", true),
        ("192.168.0.0/31", "192.168.0.2/31", false),
        ("192.0.2.1/32", "192.0.2.1/32", true),
        ("192.0.2.1/32", "192.0.2.2/32", false),
        ("2001:db8::/32", "2001:db8:1::/48", true),
        ("2001:db8::/48", "2001:db8:1::/48", false),
        ("::/0", "::1/128", true),
        ("::1/128", "::2/128", false),
        ("0.0.0.0/0", "::/0", false),
        ("10.0.0.0/8", "::ffff:10.0.0.0/104", false),
    ])
    func overlaps(first: String, second: String, expected: Bool) throws {
        let a = try prefix(first)
        let b = try prefix(second)
        #expect(a.overlaps(b) == expected)
        #expect(b.overlaps(a) == expected)
    }

    @Test("ordering: family, then address, then length")
    func ordering() throws {
        let texts = ["2001:db8::/48", "10.1.0.0/16", "::/0", "10.0.0.0/16", "192.168.0.0/24", "10.0.0.0/8",
                     "2001:db8::/32", "9.0.0.0/32"]
        let sorted = try texts.map(prefix).sorted().map(\.description)
        #expect(sorted == ["9.0.0.0/32", "10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16", "192.168.0.0/24",
                           "::/0", "2001:db8::/32", "2001:db8::/48"])
        #expect(!(try prefix("10.0.0.0/8") < prefix("10.0.0.0/8")))
        // Family decides before address, even where the IPv6 value is numerically smaller.
        #expect(try prefix("255.255.255.255/32") < prefix("::/0"))
    }

    @Test("equality and hashing follow the block, not the spelling")
    func hashing() throws {
        let set: Set<IPPrefix> = [try prefix("2001:DB8::/32"), try prefix("2001:0db8:0::/32"), try prefix("2001:db8::/33")]
        #expect(set.count == 2)
        #expect(try prefix("10.0.0.0/8") != prefix("10.0.0.0/9"))
    }
}
