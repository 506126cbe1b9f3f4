/// Why a piece of text is not a valid address, prefix or interface address.
///
/// Every parser in this module throws only this type. String payloads carry the
/// offending piece of the input verbatim; `message` is a sentence for humans.
public enum IPParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text (or the address part before `/` or `%`) is empty.
    case empty
    /// A character that cannot appear in an address at all, including whitespace, signs,
    /// and non-ASCII digits. For non-ASCII text this is the first offending Unicode scalar.
    case invalidCharacter(Character)
    /// An IPv4 octet with a leading zero, e.g. `01`; many tools read those as octal.
    case ipv4LeadingZero(String)
    /// An IPv4 octet above 255.
    case ipv4OctetOutOfRange(String)
    /// The number of non-empty octets; also thrown (with whatever count) when an octet
    /// is empty, as in `1..2.3` or `1.2.3.4.`.
    case ipv4WrongOctetCount(Int)
    /// An IPv6 group with more than four hex digits.
    case ipv6GroupTooLong(String)
    /// The number of groups written (an embedded IPv4 address counts as two), when it
    /// is not 8 without `::`, or more than 8 with it.
    case ipv6WrongGroupCount(Int)
    case ipv6MultipleDoubleColons
    /// `::` used although the other groups already make up all 128 bits; RFC 4291 requires
    /// it to stand for at least one group.
    case ipv6DoubleColonWithoutCompression
    /// A single leading or trailing colon, or three or more colons in a row.
    case ipv6InvalidColonPlacement
    /// A dotted IPv4 part that is not at the end, or that does not land on the last 32 bits.
    case ipv6EmbeddedIPv4Misplaced
    /// The zone id after `%` (without the `%`). Only thrown when the address before it is valid.
    case zoneIdentifier(String)
    /// No `/length` where one is required.
    case missingPrefixLength
    /// The text after `/` (without the `/`) when it is not a plain decimal number:
    /// empty, signed, with a leading zero, with whitespace, or too large to represent.
    case prefixLengthInvalid(String)
    case prefixLengthOutOfRange(Int, max: Int)
    /// From `IPPrefix.parse` only: the address has host bits set; `suggestion` is the
    /// containing block.
    case hostBitsSet(suggestion: IPPrefix)
    /// A valid address of the other family, when the caller asked for a specific one.
    case wrongFamily(expected: AddressFamily, found: AddressFamily)

    public var message: String {
        switch self {
        case .empty:
            return "the address is empty"
        case .invalidCharacter(let character):
            if character == "/" {
                return "unexpected '/' (a prefix length is not allowed here)"
            }
            return "invalid character \(Self.describe(character))"
        case .ipv4LeadingZero(let octet):
            if let fixed = Self.withoutLeadingZeros(octet) {
                return "octet '\(octet)' has a leading zero (write '\(fixed)')"
            }
            return "octet '\(Self.abbreviate(octet))' has a leading zero"
        case .ipv4OctetOutOfRange(let octet):
            return "octet '\(Self.abbreviate(octet))' is out of range (0-255)"
        case .ipv4WrongOctetCount(let count):
            if count == 4 {
                return "an IPv4 address must not contain an empty octet"
            }
            return "an IPv4 address has exactly 4 dot-separated octets, found \(count)"
        case .ipv6GroupTooLong(let group):
            return "group '\(Self.abbreviate(group))' has more than 4 hex digits"
        case .ipv6WrongGroupCount(let count):
            if count > 8 {
                return "an IPv6 address has at most 8 groups, found \(count)"
            }
            return "an IPv6 address without '::' has exactly 8 groups, found \(count)"
        case .ipv6MultipleDoubleColons:
            return "'::' may appear only once in an IPv6 address"
        case .ipv6DoubleColonWithoutCompression:
            return "'::' must stand for at least one zero group, but all 8 groups are already written"
        case .ipv6InvalidColonPlacement:
            return "misplaced ':' (an IPv6 address cannot start or end with a single ':', and ':::' is not allowed)"
        case .ipv6EmbeddedIPv4Misplaced:
            return "an embedded IPv4 address is only allowed as the last 32 bits of an IPv6 address"
        case .zoneIdentifier(let zone):
            return "zone identifiers ('%\(Self.abbreviate(zone))') are not allowed"
        case .missingPrefixLength:
            return "a prefix length ('/N') is required"
        case .prefixLengthInvalid(let text):
            return "invalid prefix length '/\(Self.abbreviate(text))' (expected a decimal number without sign or leading zeros)"
        case .prefixLengthOutOfRange(let length, let max):
            return "prefix length /\(length) is out of range (0-\(max))"
        case .hostBitsSet(let suggestion):
            return "host bits are set; did you mean \(suggestion)?"
        case .wrongFamily(let expected, let found):
            return "expected an \(expected.displayName) address, found an \(found.displayName) address"
        }
    }

    public var description: String {
        message
    }

    /// Quotes printable ASCII; adds code points for anything a terminal would hide or
    /// render ambiguously (whitespace, controls, look-alike digits).
    private static func describe(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        let codes = scalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
        if scalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) {
            return "'\(character)'"
        }
        if scalars.allSatisfy({ $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            return codes
        }
        return "'\(character)' (\(codes))"
    }

    /// The octet with leading zeros removed, or nil if that still is not a valid octet
    /// (so the message never suggests something that would fail too).
    private static func withoutLeadingZeros(_ octet: String) -> String? {
        let trimmed = octet.drop { $0 == "0" }
        let fixed = trimmed.isEmpty ? "0" : String(trimmed)
        guard fixed.count <= 3, let value = Int(fixed), value <= 255 else { return nil }
        return fixed
    }

    /// Payloads may be arbitrarily long (they are the user's input); messages stay readable.
    private static func abbreviate(_ text: String) -> String {
        text.count > 40 ? text.prefix(37) + "..." : text
    }
}
