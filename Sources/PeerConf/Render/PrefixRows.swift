/// Prefixes as templates see them, one row each: `cidr`, `network`, `length`, `netmask`,
/// `wildcard`, `family`, `isIPv4`, `isIPv6`, and where given `seq`, `nextHop`, `peerName`.
/// No value is built per prefix, and any other name goes on to the enclosing scopes.
///
/// Every row's `cidr` (what most vendors print) is written once, when the rows are made,
/// into one byte buffer: the rows of an interface are shared by the renders of all its
/// vendors, each printing them in several lists. The other texts are made when a
/// template asks for them.
final class PrefixRows: TemplateRows {
    let prefixes: [IPPrefix]
    /// `seq` is 10, 20, ... by position.
    let numbered: Bool
    /// Per prefix, or empty.
    let nextHops: [String]
    let peerNames: [String]
    /// The rows' `cidr` texts, one after the other; row `i`'s ends at `cidrEnds[i]`.
    private let cidrBytes: [UInt8]
    private let cidrEnds: [Int]

    convenience init(_ prefixes: [IPPrefix], numbered: Bool = false, nextHops: [String] = [], peerNames: [String] = []) {
        var bytes: [UInt8] = [], ends: [Int] = []
        bytes.reserveCapacity(prefixes.count * 24)
        ends.reserveCapacity(prefixes.count)
        for prefix in prefixes {
            AddressText.append(prefix.address, length: prefix.prefixLength, to: &bytes)
            ends.append(bytes.count)
        }
        self.init(prefixes, numbered: numbered, nextHops: nextHops, peerNames: peerNames, cidrBytes: bytes, cidrEnds: ends)
    }

    private init(_ prefixes: [IPPrefix], numbered: Bool, nextHops: [String], peerNames: [String], cidrBytes: [UInt8], cidrEnds: [Int]) {
        self.prefixes = prefixes
        self.numbered = numbered
        self.nextHops = nextHops
        self.peerNames = peerNames
        self.cidrBytes = cidrBytes
        self.cidrEnds = cidrEnds
    }

    /// Row `row`'s `cidr` text in `cidrBytes`.
    private func cidrRange(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : cidrEnds[row - 1]) ..< cidrEnds[row]
    }

    convenience init(routes: [(prefix: IPPrefix, nextHop: String, peerName: String)]) {
        self.init(routes.map(\.prefix), nextHops: routes.map(\.nextHop), peerNames: routes.map(\.peerName))
    }

    var count: Int { prefixes.count }

    /// The rows of one family (not renumbered: only unnumbered lists are split), with
    /// their texts copied rather than written again.
    func only(_ family: AddressFamily) -> PrefixRows {
        let kept = prefixes.indices.filter { prefixes[$0].family == family }
        var bytes: [UInt8] = [], ends: [Int] = []
        ends.reserveCapacity(kept.count)
        for row in kept {
            bytes += cidrBytes[cidrRange(row)]
            ends.append(bytes.count)
        }
        return PrefixRows(kept.map { prefixes[$0] }, numbered: numbered,
                          nextHops: nextHops.isEmpty ? [] : kept.map { nextHops[$0] },
                          peerNames: peerNames.isEmpty ? [] : kept.map { peerNames[$0] },
                          cidrBytes: bytes, cidrEnds: ends)
    }

    /// Addresses, masks and numbers go straight into the output (a prefix list prints
    /// them for every row of every render); the rest through `value(for:row:)`.
    func print(_ name: TemplateName, row: Int, into output: inout RenderOutput) -> Bool {
        let prefix = prefixes[row]
        switch name {
        case .cidr:
            cidrBytes.withUnsafeBufferPointer { bytes in
                output.append(UnsafeBufferPointer(rebasing: bytes[cidrRange(row)]))
            }
        case .network: AddressText.append(prefix.address, to: &output)
        case .netmask: AddressText.append(prefix.netmask, to: &output)
        case .wildcard: AddressText.append(prefix.hostmask, to: &output)
        case .length: AddressText.appendDecimal(prefix.prefixLength, to: &output)
        case .seq where numbered: AddressText.appendDecimal((row + 1) * 10, to: &output)
        default:
            return value(for: name, row: row)?.print(into: &output) ?? false
        }
        return true
    }

    func value(for name: TemplateName, row: Int) -> TemplateValue? {
        let prefix = prefixes[row]
        return switch name {
        case .cidr: .text(prefix.description)
        case .network: .text(prefix.address.description)
        case .length: .text(String(prefix.prefixLength))
        case .netmask: .text(prefix.netmask.description)
        case .wildcard: .text(prefix.hostmask.description)
        case .family: .text(prefix.family.rawValue)
        case .isIPv4: .flag(prefix.family == .ipv4)
        case .isIPv6: .flag(prefix.family == .ipv6)
        case .seq: numbered ? .text(String((row + 1) * 10)) : nil
        case .nextHop: nextHops.isEmpty ? nil : .text(nextHops[row])
        case .peerName: peerNames.isEmpty ? nil : .text(peerNames[row])
        default: nil
        }
    }
}
