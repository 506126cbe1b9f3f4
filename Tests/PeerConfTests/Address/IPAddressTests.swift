import Testing
@testable import PeerConf

@Suite("IPAddress and AddressFamily")
struct IPAddressTests {
    @Test("family ordering, raw values and cases")
    func addressFamily() {
        #expect(AddressFamily.ipv4 < .ipv6)
        #expect(!(AddressFamily.ipv6 < .ipv4))
        #expect(!(AddressFamily.ipv4 < .ipv4))
        #expect(AddressFamily.allCases == [.ipv4, .ipv6])
        #expect(AddressFamily.allCases.sorted(by: >) == [.ipv6, .ipv4])
        #expect(AddressFamily(rawValue: "ipv6") == .ipv6)
        #expect(AddressFamily.ipv4.rawValue == "ipv4")
    }

    @Test("the family is decided by the presence of ':'", arguments: [
        ("192.0.2.1", AddressFamily.ipv4, "192.0.2.1", 32),
        ("::ffff:192.0.2.1", .ipv6, "::ffff:192.0.2.1", 128),
        ("2001:DB8::1", .ipv6, "2001:db8::1", 128),
        ("::", .ipv6, "::", 128),
        ("0.0.0.0", .ipv4, "0.0.0.0", 32),
    ])
    func detection(text: String, family: AddressFamily, canonical: String, bitWidth: Int) throws {
        let address = try IPAddress.parse(text)
        #expect(address.family == family)
        #expect(address.bitWidth == bitWidth)
        #expect(address.description == canonical)
        #expect(try IPAddress.parse(text, family: family) == address)
    }

    @Test("the cases wrap the family-specific parsers")
    func cases() throws {
        #expect(try IPAddress.parse("10.1.2.3") == .v4(IPv4Address(0x0A01_0203)))
        #expect(try IPAddress.parse("::2") == .v6(IPv6Address(2)))
    }

    @Test("errors, including wrongFamily only for valid text of the other family", arguments: [
        ("", nil, IPParseError.empty),
        ("::1", AddressFamily.ipv4, .wrongFamily(expected: .ipv4, found: .ipv6)),
        ("::ffff:1.2.3.4", .ipv4, .wrongFamily(expected: .ipv4, found: .ipv6)),
        ("1.2.3.4", .ipv6, .wrongFamily(expected: .ipv6, found: .ipv4)),
        ("::g", .ipv4, .invalidCharacter("g")),
        ("1.2.3", .ipv6, .ipv4WrongOctetCount(3)),
        ("fe80::1%eth0", .ipv4, .zoneIdentifier("eth0")),
        ("1.2.3.4%eth0", nil, .zoneIdentifier("eth0")),
        ("1.2.3.4%eth:0", nil, .zoneIdentifier("eth:0")),       // ':' in the zone does not make it IPv6
        ("1.2.3.4:80", nil, .ipv6EmbeddedIPv4Misplaced),
        ("abc", nil, .invalidCharacter("a")),
        ("fe80", nil, .invalidCharacter("f")),
        ("1.2.3.4/32", nil, .invalidCharacter("/")),
        ("::1/128", nil, .invalidCharacter("/")),
    ] as [(String, AddressFamily?, IPParseError)])
    func errors(text: String, family: AddressFamily?, error: IPParseError) {
        #expect(throws: error) { try IPAddress.parse(text, family: family) }
    }

    @Test("all IPv4 addresses sort before all IPv6 addresses, then numerically")
    func ordering() throws {
        let texts = ["::", "255.255.255.255", "::1", "0.0.0.0", "10.0.0.1", "::ffff:0.0.0.0", "10.0.0.0"]
        let sorted = try texts.map { try IPAddress.parse($0) }.sorted().map(\.description)
        #expect(sorted == ["0.0.0.0", "10.0.0.0", "10.0.0.1", "255.255.255.255", "::", "::1", "::ffff:0.0.0.0"])
        // Numerically equal values of different families are still different and ordered.
        #expect(IPAddress.v4(IPv4Address(1)) != .v6(IPv6Address(1)))
        #expect(IPAddress.v4(IPv4Address(.max)) < .v6(IPv6Address(0)))
        #expect(!(IPAddress.v6(IPv6Address(0)) < .v4(IPv4Address(.max))))
    }

    @Test("differential fuzz against the naive reference parsers")
    func fuzz() throws {
        let tokens = ["0", "1", "00", "01", "9", "25", "255", "256", "ffff", "FFFF", "abcd", "12345", "a", "g",
                      ":", "::", ":::", ".", "..", "%", "%eth0", "/", " ", "1.2.3.4", "\u{661}", "\u{FF11}",
                      "\u{301}", "x", "-", "+", "\n", "192.168.0.1"]
        var random = AddressTestRandom(seed: 42)
        var accepted = (ipv4: 0, ipv6: 0)
        for _ in 0..<20_000 {
            let text: String
            if Bool.random(using: &random) {
                let length = Int.random(in: 0...12, using: &random)
                text = (0..<length).map { _ in tokens.randomElement(using: &random)! }.joined()
            } else {
                // Near misses: a valid spelling with a few random edits, which reaches the
                // late checks (group counts, "::" rules, embedded IPv4 placement).
                text = Self.mutatedValidAddress(tokens: tokens, using: &random)
            }

            let v4 = try? IPv4Address.parse(text)
            #expect(v4?.value == AddressReference.ipv4(text), "\(text.debugDescription)")
            let v6 = try? IPv6Address.parse(text)
            #expect(v6?.value == AddressReference.ipv6(text), "\(text.debugDescription)")
            let any = try? IPAddress.parse(text)
            #expect(any == v4.map(IPAddress.v4) ?? v6.map(IPAddress.v6), "\(text.debugDescription)")

            // Whatever is accepted must print to something that parses back to itself.
            if let v4 { #expect(try IPv4Address.parse(v4.description) == v4); accepted.ipv4 += 1 }
            if let v6 { #expect(try IPv6Address.parse(v6.description) == v6); accepted.ipv6 += 1 }
        }
        // Guards the generator: a fuzz run that never accepts anything proves little.
        #expect(accepted.ipv4 > 500)
        #expect(accepted.ipv6 > 2000)
    }

    private static func mutatedValidAddress(tokens: [String], using random: inout AddressTestRandom) -> String {
        let value = random.nextSparseUInt128()
        var characters: [Character]
        switch Int.random(in: 0..<4, using: &random) {
        case 0: characters = Array(IPv6Address(value).description)
        case 1: characters = Array(AddressReference.uncompressedUppercase(value))
        case 2: characters = Array(AddressReference.withEmbeddedIPv4(value))
        default: characters = Array(IPv4Address(UInt32(truncatingIfNeeded: value)).description)
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let position = Int.random(in: 0...characters.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where position < characters.count:
                characters.remove(at: position)
            case 1:
                characters.insert(contentsOf: tokens.randomElement(using: &random)!, at: position)
            default:
                if position < characters.count {
                    characters[position] = tokens.randomElement(using: &random)!.first!
                }
            }
        }
        return String(characters)
    }
}
