/// Builds the values a template prints from an intent, through a dialect. Everything is
/// a string, a boolean, a list or an object of named values, with every name always present (an
/// absent feature is `false` or an empty list), so templates stay logic-less and a
/// misspelt name in a template is an error rather than an empty line.
public struct ViewModel {
    let intent: RouterIntent
    let dialect: any VendorDialect
    /// The key, or a placeholder naming it, for each peer.
    let secrets: SecretPolicy

    public init(intent: RouterIntent, dialect: any VendorDialect, secrets: SecretPolicy) {
        self.intent = intent
        self.dialect = dialect
        self.secrets = secrets
    }

    public func build() -> TemplateFields {
        let bgpPeers = intent.peers.compactMap { peer in peer.bgp.map { (peer, $0) } }
        let neighbors = bgpPeers.map { neighbor($0, $1) }
        let staticRoutes = PrefixRows(routes: intent.peers.flatMap { peer in
            let nextHop = peer.cloudAddress.description
            return peer.staticRoutes.map { (prefix: $0, nextHop: nextHop, peerName: peer.name) }
        })
        let anchors = PrefixRows(intent.peers.flatMap { $0.bgp?.anchorRoutes ?? [] })
        return TemplateFields([
            .tool: "peerconf",
            .version: .text(PeerConfVersion.current),
            .source: .text(intent.sourceName),
            .virtualInterface: .text(intent.virtualInterfaceName),
            .vlan: .text(String(intent.vlan)),
            .peerSummaries: TemplateValue(intent.peers.map { "peer \($0.name) (\($0.family.rawValue)): \($0.bgp == nil ? "static" : "bgp")" }),
            .interface: interfaceValues(),
            .noInterface: .flag(intent.parentInterface == nil),
            .missingInterfaceNote: intent.parentInterface == nil ? TemplateValue(missingInterfaceNote) : [],
            .staticRoutes: .rows(staticRoutes),
            .ipv4StaticRoutes: .rows(staticRoutes.only(.ipv4)),
            .ipv6StaticRoutes: .rows(staticRoutes.only(.ipv6)),
            .hasStaticRoutes: .flag(staticRoutes.count > 0),
            .hasIPv4StaticRoutes: .flag(staticRoutes.contains(.ipv4)),
            .hasIPv6StaticRoutes: .flag(staticRoutes.contains(.ipv6)),
            .anchors: .rows(anchors),
            .ipv4Anchors: .rows(anchors.only(.ipv4)),
            .ipv6Anchors: .rows(anchors.only(.ipv6)),
            .hasIPv4Anchors: .flag(anchors.contains(.ipv4)),
            .hasIPv6Anchors: .flag(anchors.contains(.ipv6)),
            .hasBGP: .flag(!neighbors.isEmpty),
            .localASN: .text(intent.localASN?.description ?? ""),
            .neighbors: .list(neighbors),
            .ipv4Neighbors: .list(zip(bgpPeers, neighbors).filter { $0.0.0.family == .ipv4 }.map(\.1)),
            .ipv6Neighbors: .list(zip(bgpPeers, neighbors).filter { $0.0.0.family == .ipv6 }.map(\.1)),
            .hasIPv6: .flag(intent.peers.contains { $0.family == .ipv6 }),
            // BGP identifies a router by an IPv4 address; an IPv6-only link gives it none.
            .needsRouterID: .flag(!intent.bgpPeers.isEmpty && !intent.peers.contains { $0.family == .ipv4 }),
        ], adding: dialect.extraContext(for: intent))
    }

    private var missingInterfaceNote: [String] {
        let addresses = intent.peers.map { $0.customerAddress.description }.joined(separator: " and ")
        let where_ = intent.isTagged ? "a VLAN \(intent.vlan) subinterface of the port facing the cloud" : "the untagged port facing the cloud (VLAN 0)"
        return [
            "No interface configured: the definition names no router.interface.",
            "Configure \(addresses) on \(where_).",
        ]
    }

    private func interfaceValues() -> TemplateValue {
        guard let parent = intent.parentInterface else { return false }
        let addresses = intent.peers.map { peer in (peer.family, addressValues(peer)) }
        return .object(TemplateFields([
            .name: .text(dialect.interfaceName(parent: parent, vlan: intent.vlan)),
            .parent: .text(parent),
            .vlan: .text(String(intent.vlan)),
            .tagged: .flag(intent.isTagged),
            .untagged: .flag(!intent.isTagged),
            .description: .text(dialect.quoted(description: intent.interfaceDescription)),
            .addresses: .list(addresses.map(\.1)),
            .ipv4Addresses: .list(addresses.filter { $0.0 == .ipv4 }.map(\.1)),
            .ipv6Addresses: .list(addresses.filter { $0.0 == .ipv6 }.map(\.1)),
            .hasIPv6: .flag(addresses.contains { $0.0 == .ipv6 }),
        ]))
    }

    private func neighbor(_ peer: PeerIntent, _ bgp: BGPIntent) -> TemplateValue {
        .object(TemplateFields([
            .peerName: .text(peer.name),
            .address: .text(peer.cloudAddress.description),
            .localAddress: .text(peer.customerAddress.address.description),
            .localASN: .text(bgp.localASN.description),
            .remoteASN: .text(bgp.remoteASN.description),
            .key: .text(dialect.quoted(key: secrets.text(for: bgp.md5Key, peer: peer, in: intent))),
            .hasDescription: .flag(bgp.description != nil),
            .description: .text(bgp.description.map { dialect.quoted(description: $0) } ?? ""),
            .advertised: .rows(PrefixRows(bgp.advertised, numbered: true)),
            .accepted: .rows(PrefixRows(bgp.accepted, numbered: true)),
            .acceptAll: .flag(bgp.accepted.isEmpty),
            .acceptListed: .flag(!bgp.accepted.isEmpty),
            .bfd: bgp.bfd.map { .object(TemplateFields([.interval: .text(String($0.intervalMilliseconds)), .multiplier: .text(String($0.multiplier))])) } ?? false,
            .advertisedPrefixesName: .text(dialect.identifier(bgp.names.advertisedPrefixes)),
            .exportPolicyName: .text(dialect.identifier(bgp.names.exportPolicy)),
            .acceptedPrefixesName: .text(dialect.identifier(bgp.names.acceptedPrefixes)),
            .importPolicyName: .text(dialect.identifier(bgp.names.importPolicy)),
            .groupName: .text(dialect.identifier(bgp.names.group)),
            .family: .text(peer.family.rawValue),
            .isIPv4: .flag(peer.family == .ipv4),
            .isIPv6: .flag(peer.family == .ipv6),
        ]))
    }

    /// The customer's address on the interface, with the peer's name.
    private func addressValues(_ peer: PeerIntent) -> TemplateValue {
        let address = peer.customerAddress
        return .object(TemplateFields([
            .cidr: .text(address.description),
            .address: .text(address.address.description),
            .length: .text(String(address.prefixLength)),
            .netmask: .text(address.network.netmask.description),
            .peerName: .text(peer.name),
            .family: .text(address.family.rawValue),
            .isIPv4: .flag(address.family == .ipv4),
            .isIPv6: .flag(address.family == .ipv6),
        ]))
    }
}

/// Prefixes as templates see them, one row each: `cidr`, `network`, `length`, `netmask`,
/// `wildcard`, `family`, `isIPv4`, `isIPv6`, and where given `seq`, `nextHop`, `peerName`.
/// Each text is made only when a template asks for it (most vendors print `cidr` only),
/// and no value is built per prefix; any other name goes on to the enclosing scopes.
final class PrefixRows: TemplateRows {
    let prefixes: [IPPrefix]
    /// `seq` is 10, 20, ... by position.
    let numbered: Bool
    /// Per prefix, or empty.
    let nextHops: [String]
    let peerNames: [String]

    init(_ prefixes: [IPPrefix], numbered: Bool = false, nextHops: [String] = [], peerNames: [String] = []) {
        self.prefixes = prefixes
        self.numbered = numbered
        self.nextHops = nextHops
        self.peerNames = peerNames
    }

    convenience init(routes: [(prefix: IPPrefix, nextHop: String, peerName: String)]) {
        self.init(routes.map(\.prefix), nextHops: routes.map(\.nextHop), peerNames: routes.map(\.peerName))
    }

    var count: Int { prefixes.count }

    func contains(_ family: AddressFamily) -> Bool { prefixes.contains { $0.family == family } }

    /// The rows of one family (not renumbered: only unnumbered lists are split).
    func only(_ family: AddressFamily) -> PrefixRows {
        let kept = prefixes.indices.filter { prefixes[$0].family == family }
        return PrefixRows(kept.map { prefixes[$0] }, numbered: numbered,
                          nextHops: nextHops.isEmpty ? [] : kept.map { nextHops[$0] },
                          peerNames: peerNames.isEmpty ? [] : kept.map { peerNames[$0] })
    }

    /// Addresses, masks and numbers go straight into the output (a prefix list prints
    /// them for every row of every render); the rest through `value(for:row:)`.
    func print(_ name: TemplateName, row: Int, into output: inout [UInt8]) -> Bool {
        let prefix = prefixes[row]
        switch name {
        case .cidr: AddressText.append(prefix.address, length: prefix.prefixLength, to: &output)
        case .network: AddressText.append(prefix.address, length: nil, to: &output)
        case .netmask: AddressText.append(prefix.netmask, length: nil, to: &output)
        case .wildcard: AddressText.append(prefix.hostmask, length: nil, to: &output)
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

/// Whether rendered output carries the MD5 keys or placeholders naming them.
public enum SecretPolicy: Sendable {
    /// The real key: for output that goes to the router.
    case include
    /// `<BGP-MD5-KEY:vif/peer>`: for files, tickets and diffs that people store and share.
    case redact

    func text(for key: MD5Key, peer: PeerIntent, in intent: RouterIntent) -> String {
        switch self {
        case .include: key.revealed
        case .redact: Self.placeholder(virtualInterface: intent.virtualInterfaceName, peer: peer.name)
        }
    }

    public static func placeholder(virtualInterface: String, peer: String) -> String {
        "<BGP-MD5-KEY:\(virtualInterface)/\(peer)>"
    }
}
