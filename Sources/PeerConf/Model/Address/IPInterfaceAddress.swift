/// An address together with the length of the subnet it lives in, where host bits may
/// be set, e.g. `192.168.0.2/30` (a router interface or BGP peer address).
public struct IPInterfaceAddress: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    /// Returns nil if `prefixLength` is outside `0...address.bitWidth`.
    public init?(address: IPAddress, prefixLength: Int) {
        guard (0...address.bitWidth).contains(prefixLength) else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// The containing subnet (host bits cleared).
    public var network: IPPrefix {
        IPPrefix(truncating: address, prefixLength: prefixLength)
    }

    public var family: AddressFamily {
        address.family
    }

    /// True if the address is the subnet's network address (host bits all zero), in a
    /// subnet that has one.
    ///
    /// Subnets with fewer than two host bits have no network address: an IPv4 /31 is a
    /// point-to-point link whose two addresses are both usable (RFC 3021), an IPv6 /127
    /// likewise (RFC 6164), and a /32 or /128 is a single host. So this is false there,
    /// which keeps /31 BGP peers from being rejected.
    public var isNetworkAddress: Bool {
        hasNetworkAndBroadcast && address.bits & network.hostmaskBits == 0
    }

    /// True if this IPv4 address is the subnet's broadcast address (host bits all one),
    /// in a subnet that has one. Always false for IPv6 (no broadcast) and for IPv4 /31
    /// and /32 (see `isNetworkAddress`).
    public var isBroadcastAddress: Bool {
        guard family == .ipv4, hasNetworkAndBroadcast else { return false }
        let hostmask = network.hostmaskBits
        return address.bits & hostmask == hostmask
    }

    /// `192.168.0.2/30`, with the address in canonical form.
    public var description: String {
        AddressText.withLength(address, prefixLength)
    }

    private var hasNetworkAndBroadcast: Bool {
        address.bitWidth - prefixLength >= 2
    }
}

extension IPInterfaceAddress {
    /// Parses `address/length`; the length is required, host bits may be set. The error
    /// is always an `IPParseError`; checks run in this order: address syntax and zone,
    /// family (if `family` is given), presence and syntax of the length, its range.
    public static func parse(
        _ text: some StringProtocol,
        family: AddressFamily? = nil
    ) throws(IPParseError) -> IPInterfaceAddress {
        try IPText.withUTF8(text) { bytes throws(IPParseError) in
            try IPText.parseInterfaceAddress(bytes, family: family)
        }
    }
}
