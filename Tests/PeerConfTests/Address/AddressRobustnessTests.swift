import Testing
@testable import PeerConf

/// Hostile inputs: every parser must return promptly with the right error, never trap.
@Suite("Address parsing robustness")
struct AddressRobustnessTests {
    static let size = 100_000

    /// Linear parsing takes milliseconds here; anything quadratic in 100k characters would
    /// run into the time limit (a guard against runaway work, not a speed test).
    @Test("very long inputs fail with the expected error", .timeLimit(.minutes(1)))
    func longInputs() {
        let n = Self.size
        let cases: [(String, IPParseError)] = [
            (String(repeating: ":", count: n), .ipv6InvalidColonPlacement),
            (String(repeating: "::", count: n / 2), .ipv6InvalidColonPlacement),
            (String(repeating: "1:", count: n / 2), .ipv6InvalidColonPlacement),
            (String(repeating: "1:", count: n / 2) + "1", .ipv6WrongGroupCount(n / 2 + 1)),
            (String(repeating: "ffff:", count: n / 5) + ":", .ipv6WrongGroupCount(n / 5)),
            ("::" + String(repeating: "f", count: n), .ipv6GroupTooLong(String(repeating: "f", count: n))),
            ("::" + String(repeating: "1.", count: n / 2) + "1", .ipv4WrongOctetCount(n / 2 + 1)),
            ("1:" + String(repeating: ".", count: n), .ipv4WrongOctetCount(0)),
            (String(repeating: "1.", count: n / 2) + "1", .ipv4WrongOctetCount(n / 2 + 1)),
            (String(repeating: ".", count: n), .ipv4WrongOctetCount(0)),
            (String(repeating: "1", count: n), .ipv4OctetOutOfRange(String(repeating: "1", count: n))),
            (String(repeating: "0", count: n), .ipv4LeadingZero(String(repeating: "0", count: n))),
            (String(repeating: "%", count: n), .empty),
            ("::1%" + String(repeating: "x", count: n), .zoneIdentifier(String(repeating: "x", count: n))),
            (String(repeating: "\u{661}", count: n), .invalidCharacter("\u{661}")),
            (String(repeating: "\u{1F1E9}\u{1F1EA}", count: n / 10), .invalidCharacter("\u{1F1E9}")),
            (String(repeating: " ", count: n), .invalidCharacter(" ")),
            ("1.2.3.4" + String(repeating: "\u{301}", count: n), .invalidCharacter("\u{301}")),
        ]
        for (text, error) in cases {
            // Compared by value: a multi-kilobyte payload would bloat the failure report.
            #expect((try? IPAddress.parse(text)) == nil)
            do throws(IPParseError) {
                _ = try IPAddress.parse(text)
            } catch let actual {
                #expect(actual == error, "input starting \(String(text.prefix(20)).debugDescription)")
            }
        }
    }

    @Test("long prefix lengths and long interface texts fail cleanly")
    func longPrefixInputs() {
        let digits = String(repeating: "9", count: Self.size)
        #expect(throws: IPParseError.prefixLengthInvalid(digits)) { try IPPrefix.parse("10.0.0.0/" + digits) }
        #expect(throws: IPParseError.prefixLengthInvalid(String(repeating: "/", count: 10))) {
            try IPPrefix.parse("::/" + String(repeating: "/", count: 10))
        }
        #expect(throws: IPParseError.empty) { try IPInterfaceAddress.parse(String(repeating: "/", count: Self.size)) }
    }

    @Test("random Unicode never traps and is never accepted unless the reference agrees")
    func randomUnicode() {
        var random = AddressTestRandom(seed: 7)
        let pool: [Unicode.Scalar] = Array("0123456789abcdefABCDEF:./% -+x".unicodeScalars)
            + ["\u{0}", "\u{7F}", "\u{A0}", "\u{301}", "\u{661}", "\u{FF10}", "\u{FF1A}", "\u{2024}", "\u{1F600}",
               "\u{10FFFF}", "\u{FFFD}", "\u{200B}"]
        for _ in 0..<10_000 {
            let length = Int.random(in: 0...24, using: &random)
            var text = ""
            for _ in 0..<length {
                text.unicodeScalars.append(pool.randomElement(using: &random)!)
            }
            let v4 = try? IPv4Address.parse(text)
            let v6 = try? IPv6Address.parse(text)
            #expect(v4?.value == AddressReference.ipv4(text), "\(text.debugDescription)")
            #expect(v6?.value == AddressReference.ipv6(text), "\(text.debugDescription)")
            _ = try? IPPrefix.parse(text)
            _ = try? IPInterfaceAddress.parse(text)
        }
    }

    @Test("non-ASCII errors report the first offending scalar, not a byte")
    func scalarReporting() {
        #expect(throws: IPParseError.invalidCharacter("\u{E9}")) { try IPv6Address.parse("fe80::\u{E9}") }
        #expect(throws: IPParseError.invalidCharacter("\u{1F600}")) { try IPv4Address.parse("\u{1F600}1.2.3.4") }
        // A decomposed "é" is one Character but two scalars; the stray combining mark is reported.
        #expect(throws: IPParseError.invalidCharacter("\u{301}")) { try IPv6Address.parse("fe80::e\u{301}") }
    }
}
