/// A CIDR block: a network address whose host bits are all zero, plus a prefix length,
/// e.g. `10.0.0.0/16`.
///
/// The invariant (host bits zero, length within the family's range) is enforced by every
/// initializer, so two prefixes covering the same block are always equal.
public struct IPPrefix: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The network address (host bits zero).
    public let address: IPAddress
    public let prefixLength: Int

    /// Returns nil if `prefixLength` is outside `0...address.bitWidth` or if `address`
    /// has host bits set (use `init(truncating:prefixLength:)` to clear them).
    public init?(address: IPAddress, prefixLength: Int) {
        guard (0...address.bitWidth).contains(prefixLength) else { return nil }
        let mask = address.family.netmaskBits(prefixLength: prefixLength)
        guard address.bits & ~mask == 0 else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// The block of length `prefixLength` containing `address`, i.e. with host bits cleared.
    /// - Precondition: `prefixLength` is in `0...address.bitWidth`.
    public init(truncating address: IPAddress, prefixLength: Int) {
        precondition(
            (0...address.bitWidth).contains(prefixLength),
            "prefix length \(prefixLength) is out of range for \(address.family.displayName)"
        )
        let mask = address.family.netmaskBits(prefixLength: prefixLength)
        self.address = IPAddress(family: address.family, bits: address.bits & mask)
        self.prefixLength = prefixLength
    }

    public var family: AddressFamily {
        address.family
    }

    /// True if `other` lies entirely inside this block; a block contains itself.
    /// Always false across families.
    public func contains(_ other: IPPrefix) -> Bool {
        other.prefixLength >= prefixLength && contains(other.address)
    }

    /// True if `address` lies inside this block. Always false across families.
    public func contains(_ address: IPAddress) -> Bool {
        guard address.family == family else { return false }
        return address.bits & netmaskBits == self.address.bits
    }

    /// True if the two blocks share at least one address. CIDR blocks are either nested
    /// or disjoint, so this is containment in either direction. Always false across families.
    public func overlaps(_ other: IPPrefix) -> Bool {
        contains(other) || other.contains(self)
    }

    /// E.g. `255.255.255.252` for a /30, `ffff:ffff:ffff:ffff::` for a /64.
    public var netmask: IPAddress {
        IPAddress(family: family, bits: netmaskBits)
    }

    /// The inverted netmask (Cisco-style wildcard), e.g. `0.0.0.3` for a /30.
    public var hostmask: IPAddress {
        IPAddress(family: family, bits: hostmaskBits)
    }

    /// The highest address in the block; for IPv4 this is the broadcast address.
    public var lastAddress: IPAddress {
        IPAddress(family: family, bits: address.bits | hostmaskBits)
    }

    /// Orders by family, then network address, then prefix length, so a block sorts
    /// directly before the more specific blocks it contains.
    public static func < (lhs: IPPrefix, rhs: IPPrefix) -> Bool {
        // IPAddress ordering already puts every IPv4 address before every IPv6 address,
        // so comparing addresses compares families first.
        if lhs.address != rhs.address { return lhs.address < rhs.address }
        return lhs.prefixLength < rhs.prefixLength
    }

    public var description: String {
        AddressText.withLength(address, prefixLength)
    }

    var netmaskBits: UInt128 {
        family.netmaskBits(prefixLength: prefixLength)
    }

    var hostmaskBits: UInt128 {
        family.allOnes & ~netmaskBits
    }
}

extension IPPrefix {
    /// Parses `address/length` where the length is required and the host bits must be
    /// zero. The error is always an `IPParseError`; checks run in this order: address
    /// syntax and zone, family (if `family` is given), presence and syntax of the
    /// length, its range, and finally host bits (`hostBitsSet` carries the block the
    /// text probably meant).
    public static func parse(
        _ text: some StringProtocol,
        family: AddressFamily? = nil
    ) throws(IPParseError) -> IPPrefix {
        let interface = try IPInterfaceAddress.parse(text, family: family)
        let network = interface.network
        guard network.address == interface.address else {
            throw .hostBitsSet(suggestion: network)
        }
        return network
    }
}
