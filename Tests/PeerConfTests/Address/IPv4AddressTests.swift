import Testing
@testable import PeerConf

@Suite("IPv4Address")
struct IPv4AddressTests {
    @Test("valid text parses to the expected value and prints back unchanged", arguments: [
        ("0.0.0.0", 0x0000_0000 as UInt32),
        ("255.255.255.255", 0xFFFF_FFFF),
        ("192.168.0.1", 0xC0A8_0001),
        ("10.0.0.0", 0x0A00_0000),
        ("1.2.3.4", 0x0102_0304),
        ("100.64.0.10", 0x6440_000A),
        ("172.16.254.1", 0xAC10_FE01),
        ("169.254.255.254", 0xA9FE_FFFE),
        ("0.0.0.255", 0x0000_00FF),
        ("255.0.0.0", 0xFF00_0000),
    ])
    func parsesValid(text: String, value: UInt32) throws {
        let address = try IPv4Address.parse(text)
        #expect(address.value == value)
        #expect(address.description == text)
        #expect(IPv4Address(value) == address)
    }

    @Test("Substring input is accepted")
    func parsesSubstring() throws {
        let line = "peer 192.0.2.1 remote"
        let word = line.split(separator: " ")[1]
        #expect(try IPv4Address.parse(word) == IPv4Address(0xC000_0201))
    }

    @Test("invalid text fails with the exact error", arguments: [
        ("", IPParseError.empty),
        ("%eth0", .empty),
        (" 1.2.3.4", .invalidCharacter(" ")),
        ("1.2.3.4 ", .invalidCharacter(" ")),
        ("1.2. 3.4", .invalidCharacter(" ")),
        ("1.2.3.4\n", .invalidCharacter("\n")),
        ("1.2.3.4\t", .invalidCharacter("\t")),
        ("1.2.3.4\u{0}", .invalidCharacter("\u{0}")),
        ("1.2.3.4\u{A0}", .invalidCharacter("\u{A0}")),
        ("\u{661}.2.3.4", .invalidCharacter("\u{661}")),      // Arabic-Indic one
        ("1.2.3.\u{664}", .invalidCharacter("\u{664}")),
        ("\u{FF11}.2.3.4", .invalidCharacter("\u{FF11}")),    // fullwidth one
        ("1\u{301}.2.3.4", .invalidCharacter("\u{301}")),     // combining accent on a digit
        ("1.2.3.4\u{1F600}", .invalidCharacter("\u{1F600}")),
        ("+1.2.3.4", .invalidCharacter("+")),
        ("1.2.3.-4", .invalidCharacter("-")),
        ("0x7f.1.1.1", .invalidCharacter("x")),
        ("1.2.3.4/24", .invalidCharacter("/")),
        ("1.2.3.4:80", .invalidCharacter(":")),
        ("::1", .invalidCharacter(":")),
        ("a.b.c.d", .invalidCharacter("a")),
        ("1,2,3,4", .invalidCharacter(",")),
        ("192.168.01.1", .ipv4LeadingZero("01")),
        ("00.1.2.3", .ipv4LeadingZero("00")),
        ("0177.0.0.1", .ipv4LeadingZero("0177")),
        ("1.2.3.0300", .ipv4LeadingZero("0300")),
        ("1.2.3.000", .ipv4LeadingZero("000")),
        ("256.1.1.1", .ipv4OctetOutOfRange("256")),
        ("1.1.1.999", .ipv4OctetOutOfRange("999")),
        ("1.1.1.1000", .ipv4OctetOutOfRange("1000")),
        ("1.1.1.4294967296", .ipv4OctetOutOfRange("4294967296")),
        ("1.1.1.99999999999999999999999", .ipv4OctetOutOfRange("99999999999999999999999")),
        ("3232235521", .ipv4OctetOutOfRange("3232235521")),      // inet_aton's single-number form
        ("1.2.3", .ipv4WrongOctetCount(3)),
        ("1.2.3.4.5", .ipv4WrongOctetCount(5)),
        ("1", .ipv4WrongOctetCount(1)),
        ("127.1", .ipv4WrongOctetCount(2)),                      // inet_aton's short form
        ("1..2.3", .ipv4WrongOctetCount(3)),
        ("1..2.3.4", .ipv4WrongOctetCount(4)),
        ("1.2.3.4.", .ipv4WrongOctetCount(4)),
        (".1.2.3.4", .ipv4WrongOctetCount(4)),
        (".", .ipv4WrongOctetCount(0)),
        ("....", .ipv4WrongOctetCount(0)),
        ("1.2.3.4%eth0", .zoneIdentifier("eth0")),
        ("1.2.3.4%", .zoneIdentifier("")),
        ("1.2.3%eth0", .ipv4WrongOctetCount(3)),                 // the address is judged before the zone
    ])
    func rejectsInvalid(text: String, error: IPParseError) {
        #expect(throws: error) { try IPv4Address.parse(text) }
    }

    @Test("the first problem from the left wins")
    func errorPrecedence() {
        #expect(throws: IPParseError.ipv4LeadingZero("01")) { try IPv4Address.parse("01.300.x") }
        #expect(throws: IPParseError.ipv4OctetOutOfRange("300")) { try IPv4Address.parse("1.300.x") }
        #expect(throws: IPParseError.invalidCharacter("x")) { try IPv4Address.parse("1.2.x.300") }
        #expect(throws: IPParseError.ipv4OctetOutOfRange("300")) { try IPv4Address.parse("1.2.3.4.300") }
    }

    @Test("ordering is numeric, not textual")
    func ordering() throws {
        let texts = ["10.0.0.0", "9.255.255.255", "192.168.0.1", "0.0.0.0", "10.0.0.10", "10.0.0.9"]
        let sorted = try texts.map { try IPv4Address.parse($0) }.sorted().map(\.description)
        #expect(sorted == ["0.0.0.0", "9.255.255.255", "10.0.0.0", "10.0.0.9", "10.0.0.10", "192.168.0.1"])
        #expect(IPv4Address(1) < IPv4Address(2))
        #expect(!(IPv4Address(2) < IPv4Address(2)))
    }

    @Test("random values survive description -> parse and print like the reference")
    func roundTrip() throws {
        var random = AddressTestRandom(seed: 0x1234_5678)
        let values = [0, 1, 0xFF, 0x100, 0xFFFF_FFFF, 0x8000_0000, 0x7FFF_FFFF]
            + (0..<4000).map { _ in UInt32.random(in: .min ... .max, using: &random) }
        for value in values {
            let address = IPv4Address(value)
            #expect(address.description == AddressReference.dotted(value))
            #expect(try IPv4Address.parse(address.description) == address)
        }
    }
}
