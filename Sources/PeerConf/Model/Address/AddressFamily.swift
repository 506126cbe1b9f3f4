/// The two Internet Protocol address families.
///
/// The declaration order is the sort order: IPv4 sorts before IPv6, which is the
/// order network engineers expect in rendered configs and reports.
public enum AddressFamily: String, Sendable, Hashable, CaseIterable, Comparable {
    case ipv4
    case ipv6

    public static func < (lhs: AddressFamily, rhs: AddressFamily) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .ipv4: 0
        case .ipv6: 1
        }
    }

    /// Number of bits in an address of this family; also the longest valid prefix length.
    var bitWidth: Int {
        switch self {
        case .ipv4: 32
        case .ipv6: 128
        }
    }

    /// Name as written in prose ("IPv4"), used in error messages.
    var displayName: String {
        switch self {
        case .ipv4: "IPv4"
        case .ipv6: "IPv6"
        }
    }

    /// All address bits set, as a right-aligned `UInt128` so both families share mask arithmetic.
    var allOnes: UInt128 {
        switch self {
        case .ipv4: UInt128(UInt32.max)
        case .ipv6: UInt128.max
        }
    }

    /// The netmask for `prefixLength`, right-aligned like `allOnes`.
    /// The caller guarantees `0...bitWidth`.
    func netmaskBits(prefixLength: Int) -> UInt128 {
        // Explicit rather than relying on `<<` yielding zero when shifting out every bit.
        if prefixLength == 0 { return 0 }
        return (allOnes << UInt128(bitWidth - prefixLength)) & allOnes
    }
}
