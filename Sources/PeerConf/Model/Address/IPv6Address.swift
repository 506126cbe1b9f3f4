/// An IPv6 address, stored as its 128-bit big-endian numeric value.
public struct IPv6Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt128

    public init(_ value: UInt128) {
        self.value = value
    }

    public static func < (lhs: IPv6Address, rhs: IPv6Address) -> Bool {
        lhs.value < rhs.value
    }

    /// True for IPv4-mapped addresses (`::ffff:0:0/96`, RFC 4291 section 2.5.5.2).
    /// Exposed so callers can reject them with a message of their own.
    public var isIPv4Mapped: Bool {
        value >> 32 == 0xFFFF
    }

    /// The IPv4 address carried in an IPv4-mapped address, or nil if this is not one.
    public var mappedIPv4Address: IPv4Address? {
        isIPv4Mapped ? IPv4Address(UInt32(truncatingIfNeeded: value)) : nil
    }

    /// RFC 5952 canonical text: lowercase hex, no leading zeros, the longest run of two or
    /// more zero groups (the first one on ties) shortened to `::`, and IPv4-mapped
    /// addresses written as `::ffff:a.b.c.d` (RFC 5952 section 5).
    public var description: String {
        AddressText.string(capacity: AddressText.maximumIPv6Length) { AddressText.writeIPv6(value, into: $0, at: 0) }
    }
}

extension IPv6Address {
    /// Parses strict IPv6 text (RFC 4291 section 2.2): 1-4 hex digits per group in either
    /// case, at most one `::` which must replace at least one group, an optional strict
    /// dotted IPv4 address as the last 32 bits, ASCII only, no whitespace, no zone id.
    ///
    /// Errors are reported for the first problem met scanning left to right; group
    /// counts are checked once the whole text has been read, and a zone (`%...`) only
    /// after the address before it has been validated.
    public static func parse(_ text: some StringProtocol) throws(IPParseError) -> IPv6Address {
        try IPText.withUTF8(text) { bytes throws(IPParseError) in
            try IPText.parseAddressPart(bytes, 0..<bytes.count) { range throws(IPParseError) in
                IPv6Address(try IPText.parseIPv6(bytes, range))
            }
        }
    }
}
