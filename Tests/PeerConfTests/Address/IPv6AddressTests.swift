import Testing
@testable import PeerConf

@Suite("IPv6Address")
struct IPv6AddressTests {
    @Test("valid text parses and prints in RFC 5952 canonical form", arguments: [
        // RFC 5952 examples
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2001:0db8::0001", "2001:db8::1"),
        ("2001:db8:0:0:0:0:2:1", "2001:db8::2:1"),
        ("2001:db8::0:1", "2001:db8::1"),
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        ("2001:db8::1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
        ("2001:db8:0:0:1:0:0:0", "2001:db8:0:0:1::"),
        ("FD00::1", "fd00::1"),
        ("2001:DB8:AbCd::", "2001:db8:abcd::"),
        // "::" edge forms
        ("::", "::"),
        ("0:0:0:0:0:0:0:0", "::"),
        ("::1", "::1"),
        ("0000:0000:0000:0000:0000:0000:0000:0001", "::1"),
        ("1::", "1::"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
        ("1::8", "1::8"),
        ("1:2:3:4::5:6:7", "1:2:3:4:0:5:6:7"),
        // run selection: longest wins, first on ties, single zeros stay
        ("0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"),
        ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        ("0:0:0:1:0:0:0:0", "0:0:0:1::"),
        ("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"),
        ("0:1:0:1:0:1:0:1", "0:1:0:1:0:1:0:1"),
        ("fe80::1", "fe80::1"),
        ("ffff::", "ffff::"),
        ("FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ("0abc:00de:000f:0000:1:2:3:4", "abc:de:f:0:1:2:3:4"),
        // embedded IPv4: only the mapped range prints dotted (RFC 5952 section 5)
        ("::ffff:192.168.0.1", "::ffff:192.168.0.1"),
        ("::FFFF:c0a8:1", "::ffff:192.168.0.1"),
        ("0:0:0:0:0:ffff:192.168.0.1", "::ffff:192.168.0.1"),
        ("::ffff:0:0", "::ffff:0.0.0.0"),
        ("::ffff:255.255.255.255", "::ffff:255.255.255.255"),
        ("64:ff9b::192.0.2.1", "64:ff9b::c000:201"),
        ("::192.0.2.1", "::c000:201"),
        ("::0.0.0.0", "::"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        ("1::1.2.3.4", "1::102:304"),
        ("::fffe:1.2.3.4", "::fffe:102:304"),
        ("::1:ffff:1.2.3.4", "::1:ffff:102:304"),
    ])
    func canonicalForm(text: String, canonical: String) throws {
        let address = try IPv6Address.parse(text)
        #expect(address.description == canonical)
        #expect(try IPv6Address.parse(canonical) == address)
    }

    @Test("parsed values are placed in the right bits", arguments: [
        ("::", 0 as UInt128),
        ("::1", 1),
        ("1::", 1 << 112),
        ("::ffff:192.168.0.1", 0xFFFF_C0A8_0001),
        ("1:2:3:4:5:6:7::", 0x0001_0002_0003_0004_0005_0006_0007_0000),
        ("::2:3:4:5:6:7:8", 0x0000_0002_0003_0004_0005_0006_0007_0008),
        ("2001:db8::1", 0x2001_0DB8_0000_0000_0000_0000_0000_0001),
        ("1:2::3:4", 0x0001_0002_0000_0000_0000_0000_0003_0004),
        ("64:ff9b::192.0.2.1", 0x0064_FF9B_0000_0000_0000_0000_C000_0201),
        ("1:2:3:4:5:6:1.2.3.4", 0x0001_0002_0003_0004_0005_0006_0102_0304),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", .max),
    ])
    func values(text: String, value: UInt128) throws {
        #expect(try IPv6Address.parse(text).value == value)
    }

    @Test("invalid text fails with the exact error", arguments: [
        ("", IPParseError.empty),
        ("%eth0", .empty),
        // colon placement
        (":", .ipv6InvalidColonPlacement),
        (":::", .ipv6InvalidColonPlacement),
        ("::::", .ipv6InvalidColonPlacement),
        ("::::::::", .ipv6InvalidColonPlacement),
        (":1::", .ipv6InvalidColonPlacement),
        (":1:2:3:4:5:6:7:8", .ipv6InvalidColonPlacement),
        ("1::2:", .ipv6InvalidColonPlacement),
        ("1:", .ipv6InvalidColonPlacement),
        ("1:2:3:4:5:6:7:8:", .ipv6InvalidColonPlacement),
        ("1:::2", .ipv6InvalidColonPlacement),
        ("1:2:::", .ipv6InvalidColonPlacement),
        // double colons
        ("1::2::3", .ipv6MultipleDoubleColons),
        ("::1::", .ipv6MultipleDoubleColons),
        ("::1::2::3", .ipv6MultipleDoubleColons),
        ("1:2:3:4:5:6:7::8", .ipv6DoubleColonWithoutCompression),
        ("::1:2:3:4:5:6:7:8", .ipv6DoubleColonWithoutCompression),
        ("1:2:3:4::5:6:7:8", .ipv6DoubleColonWithoutCompression),
        ("1:2:3:4:5:6:7:8::", .ipv6DoubleColonWithoutCompression),
        ("1:2:3:4:5:6::1.2.3.4", .ipv6DoubleColonWithoutCompression),
        // group counts and sizes
        ("1:2:3:4:5:6:7", .ipv6WrongGroupCount(7)),
        ("1:2:3:4:5:6:7:8:9", .ipv6WrongGroupCount(9)),
        ("1:2:3:4:5:6:7:8:9::", .ipv6WrongGroupCount(9)),
        ("::1:2:3:4:5:6:7:8:9:10", .ipv6WrongGroupCount(10)),
        ("fe80", .ipv6WrongGroupCount(1)),
        ("12345::", .ipv6GroupTooLong("12345")),
        ("::00000", .ipv6GroupTooLong("00000")),
        ("2001:0db8a::1", .ipv6GroupTooLong("0db8a")),
        // characters
        ("2001:db8::g", .invalidCharacter("g")),
        ("2001:db8:: 1", .invalidCharacter(" ")),
        (" ::1", .invalidCharacter(" ")),
        ("::1 ", .invalidCharacter(" ")),
        ("::1\r\n", .invalidCharacter("\r")),
        ("[::1]", .invalidCharacter("[")),
        ("::1]", .invalidCharacter("]")),
        ("::\u{FF46}", .invalidCharacter("\u{FF46}")),     // fullwidth f
        ("::\u{661}", .invalidCharacter("\u{661}")),
        ("2001:db8::-1", .invalidCharacter("-")),
        ("0x2001::", .invalidCharacter("x")),
        ("::1/64", .invalidCharacter("/")),
        ("::1.2.3.4/64", .invalidCharacter("/")),
        // zone ids: only after the address itself checked out
        ("fe80::1%eth0", .zoneIdentifier("eth0")),
        ("fe80::1%25eth0", .zoneIdentifier("25eth0")),
        ("fe80::1%", .zoneIdentifier("")),
        ("fe80::1%eth0%1", .zoneIdentifier("eth0%1")),
        ("fe80::g%eth0", .invalidCharacter("g")),
        ("fe80:1%eth0", .ipv6WrongGroupCount(2)),
        // embedded IPv4
        ("::ffff:192.168.00.1", .ipv4LeadingZero("00")),
        ("::ffff:192.168.0.256", .ipv4OctetOutOfRange("256")),
        ("::ffff:192.168.0", .ipv4WrongOctetCount(3)),
        ("::ffff:1.2.3.4.5", .ipv4WrongOctetCount(5)),
        ("::.1.2.3", .ipv4WrongOctetCount(3)),
        ("::ffff:1.2.3.x", .invalidCharacter("x")),
        ("::ffff:c0a8.1.1.1", .invalidCharacter("c")),
        ("::12345.1.1.1", .ipv4OctetOutOfRange("12345")),
        ("::1.2.3.4:1", .ipv6EmbeddedIPv4Misplaced),
        ("1.2.3.4::", .ipv6EmbeddedIPv4Misplaced),
        ("::1.2.3.4::", .ipv6EmbeddedIPv4Misplaced),
        ("1.2.3.4", .ipv6EmbeddedIPv4Misplaced),
        ("1:2:3:4:5:1.2.3.4", .ipv6EmbeddedIPv4Misplaced),
        ("1:2:3:4:5:6:7:1.2.3.4", .ipv6EmbeddedIPv4Misplaced),
        ("1:2:3:4:5:6:7::1.2.3.4", .ipv6EmbeddedIPv4Misplaced),
    ])
    func rejectsInvalid(text: String, error: IPParseError) {
        #expect(throws: error) { try IPv6Address.parse(text) }
    }

    @Test("IPv4-mapped detection covers exactly ::ffff:0:0/96", arguments: [
        ("::ffff:0.0.0.0", true),
        ("::ffff:1.2.3.4", true),
        ("::ffff:255.255.255.255", true),
        ("::ffff:0:1", true),
        ("::", false),
        ("::1", false),
        ("::1.2.3.4", false),
        ("::fffe:ffff:ffff", false),
        ("::1:ffff:1.2.3.4", false),
        ("0:0:0:0:ffff:ffff:1.2.3.4", false),
        ("64:ff9b::1.2.3.4", false),
        ("ffff::", false),
        ("ffff::1.2.3.4", false),
    ])
    func mappedDetection(text: String, mapped: Bool) throws {
        let address = try IPv6Address.parse(text)
        #expect(address.isIPv4Mapped == mapped)
        #expect((address.mappedIPv4Address != nil) == mapped)
    }

    @Test("the mapped IPv4 address is extracted")
    func mappedExtraction() throws {
        #expect(try IPv6Address.parse("::ffff:192.0.2.1").mappedIPv4Address == IPv4Address(0xC000_0201))
        #expect(try IPv6Address.parse("::192.0.2.1").mappedIPv4Address == nil)
    }

    @Test("ordering is numeric")
    func ordering() throws {
        let texts = ["2001:db8::10", "::", "2001:db8::9", "fe80::1", "::1", "2001:db8::", "ffff::"]
        let sorted = try texts.map { try IPv6Address.parse($0) }.sorted().map(\.description)
        #expect(sorted == ["::", "::1", "2001:db8::", "2001:db8::9", "2001:db8::10", "fe80::1", "ffff::"])
        #expect(!(IPv6Address(5) < IPv6Address(5)))
    }

    @Test("random values: canonical text matches the reference and every spelling parses back")
    func roundTrip() throws {
        var random = AddressTestRandom(seed: 0xC0FF_EE00)
        var values: [UInt128] = [0, 1, .max, 0xFFFF_0000_0000, 0xFFFF_FFFF_FFFF, 1 << 127]
        for _ in 0..<1500 { values.append(random.nextUInt128()) }
        for _ in 0..<2500 { values.append(random.nextSparseUInt128()) }
        for _ in 0..<300 { values.append(0xFFFF_0000_0000 | UInt128(random.next() & 0xFFFF_FFFF)) }

        var compressedCount = 0
        for value in values {
            let address = IPv6Address(value)
            let text = address.description
            #expect(text == AddressReference.canonical(value), "value \(String(value, radix: 16))")
            #expect(try IPv6Address.parse(text) == address, "\(text)")
            #expect(try IPv6Address.parse(AddressReference.uncompressedUppercase(value)) == address)
            #expect(try IPv6Address.parse(AddressReference.withEmbeddedIPv4(value)) == address)
            if text.contains("::") { compressedCount += 1 }
        }
        // Guards the generator itself: without compressed cases the test would prove little.
        #expect(compressedCount > 1000)
    }
}
