/// An IPv4 address, stored as its 32-bit big-endian numeric value
/// (`192.168.0.1` is `0xC0A8_0001`).
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool {
        lhs.value < rhs.value
    }

    /// Dotted-quad text, e.g. `192.168.0.1`.
    public var description: String {
        AddressText.string(capacity: AddressText.maximumIPv4Length) { AddressText.writeIPv4(value, into: $0, at: 0) }
    }
}

extension IPv4Address {
    /// Parses strict dotted-quad text: exactly four decimal octets 0-255, no leading zeros,
    /// no signs, no hex/octal forms, ASCII only, no whitespace.
    ///
    /// Errors are reported for the first problem met scanning left to right; the octet
    /// count is checked once the whole text has been read. A zone (`%...`) is reported
    /// only after the address before it has been validated, so `zoneIdentifier`
    /// means "the address is fine, just drop the zone".
    public static func parse(_ text: some StringProtocol) throws(IPParseError) -> IPv4Address {
        try IPText.withUTF8(text) { bytes throws(IPParseError) in
            try IPText.parseAddressPart(bytes, 0..<bytes.count) { range throws(IPParseError) in
                IPv4Address(try IPText.parseIPv4(bytes, range))
            }
        }
    }
}
