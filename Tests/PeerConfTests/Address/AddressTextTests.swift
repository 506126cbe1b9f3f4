import Testing
@testable import PeerConf

/// The text of addresses with a length after them (prefixes, interface addresses), at the
/// edges of the writer's buffer: the longest texts of each family, every digit count of
/// an octet and a length, and the zero runs RFC 5952 treats specially.
@Suite("Address text")
struct AddressTextTests {
    @Test("prefixes print exactly", arguments: [
        ("0.0.0.0/0", "0.0.0.0/0"),
        ("255.255.255.255/32", "255.255.255.255/32"),
        ("10.0.0.0/8", "10.0.0.0/8"),
        ("100.64.0.0/10", "100.64.0.0/10"),
        ("192.168.100.128/25", "192.168.100.128/25"),
        ("::/0", "::/0"),
        ("::1/128", "::1/128"),
        ("1::/16", "1::/16"),
        ("fe80::/10", "fe80::/10"),
        ("2001:db8::/32", "2001:db8::/32"),
        ("2001:0:0:1::/64", "2001:0:0:1::/64"),
        ("0:0:1:0:0:1::/96", "::1:0:0:1:0:0/96"),
        ("1:0:0:1:0:0:1:0/127", "1::1:0:0:1:0/127"),
        ("0:1:0:0:1:0:0:1/128", "0:1::1:0:0:1/128"),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
        ("1:2:3:4:5:6:7:0/128", "1:2:3:4:5:6:7:0/128"),
        ("0:2:3:4:5:6:7:8/128", "0:2:3:4:5:6:7:8/128"),
        ("::ffff:255.255.255.255/128", "::ffff:255.255.255.255/128"),
        ("::ffff:0.0.0.0/96", "::ffff:0.0.0.0/96"),
    ])
    func prefix(text: String, expected: String) throws {
        #expect(try IPPrefix.parse(text).description == expected)
    }

    @Test("interface addresses print exactly", arguments: [
        ("192.168.0.1/30", "192.168.0.1/30"),
        ("255.255.255.254/31", "255.255.255.254/31"),
        ("2001:db8:ffff::1/64", "2001:db8:ffff::1/64"),
        ("fe80:0:0:0:0:0:0:ffff/64", "fe80::ffff/64"),
        ("2001:DB8:0:0:1:0:0:1/127", "2001:db8::1:0:0:1/127"),
    ])
    func interfaceAddress(text: String, expected: String) throws {
        #expect(try IPInterfaceAddress.parse(text).description == expected)
    }

    @Test("every octet value prints as the reference does")
    func everyOctet() {
        for octet in UInt32(0)...255 {
            let value = octet << 24 | octet << 16 | (255 - octet) << 8 | octet
            #expect(IPv4Address(value).description == AddressReference.dotted(value))
        }
    }

    @Test("netmasks and hostmasks of every length")
    func masks() throws {
        for length in 0...32 {
            let block = try IPPrefix.parse("0.0.0.0/\(length)")
            let mask: UInt32 = length == 0 ? 0 : UInt32.max << UInt32(32 - length)
            #expect(block.netmask.description == AddressReference.dotted(mask))
            #expect(block.hostmask.description == AddressReference.dotted(~mask))
        }
        for length in 0...128 {
            let block = try IPPrefix.parse("::/\(length)")
            let mask: UInt128 = length == 0 ? 0 : UInt128.max << UInt128(128 - length)
            #expect(block.netmask.description == AddressReference.canonical(mask))
            #expect(block.hostmask.description == AddressReference.canonical(~mask))
        }
    }

    @Test("decimal numbers of every digit count, at the edges of the short and the long way")
    func decimals() {
        // Every power of ten and the number before it, up to 19 digits.
        var values = [0, 128, 255, 256, 4094, 65535, 4_294_967_295, Int.max]
        var power = 1
        for _ in 0...18 {
            values += [power - 1, power]
            power &*= 10
        }
        for value in values {
            let text = AddressText.string(capacity: 20) { AddressText.writeDecimal(value, into: $0, at: 0) }
            #expect(text == String(value))
        }
    }
}
