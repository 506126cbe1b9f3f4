import Testing
@testable import PeerConf

@Suite("IPParseError messages")
struct IPParseErrorTests {
    @Test("every case has a specific human sentence", arguments: [
        (IPParseError.empty, "the address is empty"),
        (.invalidCharacter("x"), "invalid character 'x'"),
        (.invalidCharacter(" "), "invalid character U+0020"),
        (.invalidCharacter("\t"), "invalid character U+0009"),
        (.invalidCharacter("\u{A0}"), "invalid character U+00A0"),
        (.invalidCharacter("\u{661}"), "invalid character '\u{661}' (U+0661)"),
        (.invalidCharacter("\u{FF11}"), "invalid character '\u{FF11}' (U+FF11)"),
        (.invalidCharacter("\u{1F600}"), "invalid character '\u{1F600}' (U+1F600)"),
        (.invalidCharacter("/"), "unexpected '/' (a prefix length is not allowed here)"),
        (.ipv4LeadingZero("01"), "octet '01' has a leading zero (write '1')"),
        (.ipv4LeadingZero("00"), "octet '00' has a leading zero (write '0')"),
        (.ipv4LeadingZero("0255"), "octet '0255' has a leading zero (write '255')"),
        (.ipv4LeadingZero("0300"), "octet '0300' has a leading zero"),
        (.ipv4OctetOutOfRange("256"), "octet '256' is out of range (0-255)"),
        (.ipv4WrongOctetCount(3), "an IPv4 address has exactly 4 dot-separated octets, found 3"),
        (.ipv4WrongOctetCount(4), "an IPv4 address must not contain an empty octet"),
        (.ipv6GroupTooLong("12345"), "group '12345' has more than 4 hex digits"),
        (.ipv6WrongGroupCount(7), "an IPv6 address without '::' has exactly 8 groups, found 7"),
        (.ipv6WrongGroupCount(9), "an IPv6 address has at most 8 groups, found 9"),
        (.ipv6MultipleDoubleColons, "'::' may appear only once in an IPv6 address"),
        (.ipv6DoubleColonWithoutCompression,
         "'::' must stand for at least one zero group, but all 8 groups are already written"),
        (.ipv6InvalidColonPlacement,
         "misplaced ':' (an IPv6 address cannot start or end with a single ':', and ':::' is not allowed)"),
        (.ipv6EmbeddedIPv4Misplaced,
         "an embedded IPv4 address is only allowed as the last 32 bits of an IPv6 address"),
        (.zoneIdentifier("eth0"), "zone identifiers ('%eth0') are not allowed"),
        (.missingPrefixLength, "a prefix length ('/N') is required"),
        (.prefixLengthInvalid("024"),
         "invalid prefix length '/024' (expected a decimal number without sign or leading zeros)"),
        (.prefixLengthOutOfRange(33, max: 32), "prefix length /33 is out of range (0-32)"),
        (.prefixLengthOutOfRange(129, max: 128), "prefix length /129 is out of range (0-128)"),
        (.wrongFamily(expected: .ipv4, found: .ipv6), "expected an IPv4 address, found an IPv6 address"),
        (.wrongFamily(expected: .ipv6, found: .ipv4), "expected an IPv6 address, found an IPv4 address"),
    ])
    func message(error: IPParseError, expected: String) {
        #expect(error.message == expected)
        #expect(error.description == expected)
    }

    @Test("host-bits message names the suggested block")
    func hostBitsMessage() {
        #expect(throws: IPParseError.self) { try IPPrefix.parse("192.168.52.1/24") }
        do throws(IPParseError) {
            _ = try IPPrefix.parse("192.168.52.1/24")
            Issue.record("expected a host-bits error")
        } catch {
            #expect(error.message == "host bits are set; did you mean 192.168.52.0/24?")
        }
    }

    @Test("huge payloads are abbreviated in messages but kept whole in the error")
    func abbreviation() {
        let digits = String(repeating: "9", count: 1000)
        #expect(throws: IPParseError.ipv4OctetOutOfRange(digits)) { try IPv4Address.parse("1.1.1." + digits) }
        let message = IPParseError.ipv4OctetOutOfRange(digits).message
        #expect(message == "octet '" + String(repeating: "9", count: 37) + "...' is out of range (0-255)")
        // The cut-off is 40 characters: exactly 40 stays whole, 41 is shortened.
        let forty = String(repeating: "f", count: 40)
        #expect(IPParseError.ipv6GroupTooLong(forty).message == "group '\(forty)' has more than 4 hex digits")
        #expect(IPParseError.ipv6GroupTooLong(forty + "f").message
            == "group '" + String(repeating: "f", count: 37) + "...' has more than 4 hex digits")
    }
}
