/// An IPv4 or IPv6 address.
///
/// Ordering puts every IPv4 address before every IPv6 address, then orders numerically
/// within a family.
public enum IPAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    case v4(IPv4Address)
    case v6(IPv6Address)

    public var family: AddressFamily {
        switch self {
        case .v4: .ipv4
        case .v6: .ipv6
        }
    }

    /// 32 for IPv4, 128 for IPv6.
    public var bitWidth: Int {
        family.bitWidth
    }

    public var description: String {
        switch self {
        case .v4(let address): address.description
        case .v6(let address): address.description
        }
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case (.v4(let left), .v4(let right)): left < right
        case (.v6(let left), .v6(let right)): left < right
        case (.v4, .v6): true
        case (.v6, .v4): false
        }
    }

    /// The numeric value right-aligned in 128 bits, so prefix arithmetic can be written
    /// once for both families.
    var bits: UInt128 {
        switch self {
        case .v4(let address): UInt128(address.value)
        case .v6(let address): address.value
        }
    }

    /// Inverse of `bits`; for IPv4 only the low 32 bits are used.
    init(family: AddressFamily, bits: UInt128) {
        switch family {
        case .ipv4: self = .v4(IPv4Address(UInt32(truncatingIfNeeded: bits)))
        case .ipv6: self = .v6(IPv6Address(bits))
        }
    }
}

extension IPAddress {
    /// Parses an IPv4 or IPv6 address; the text is IPv6 exactly when it contains `:`
    /// (before any `%` zone). The error is always an `IPParseError`.
    ///
    /// `wrongFamily` is reported only for text that is a *valid* address of the other
    /// family; malformed text gets the syntax error of the family it looks like.
    public static func parse(
        _ text: some StringProtocol,
        family: AddressFamily? = nil
    ) throws(IPParseError) -> IPAddress {
        try IPText.withUTF8(text) { bytes throws(IPParseError) in
            try IPText.parseIPAddress(bytes, 0..<bytes.count, family: family)
        }
    }
}
