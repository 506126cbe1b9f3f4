/// Builds the values a template prints from an intent, through a dialect. Everything is
/// a string, a boolean, a list or an object of named values, with every name always present (an
/// absent feature is `false` or an empty list), so templates stay logic-less and a
/// misspelt name in a template is an error rather than an empty line.
///
/// What does not depend on the vendor (addresses, prefix lists, numbers as text) comes
/// from a `Shared` view of the intent, which a batch builds once per interface for all
/// its vendors; the dialect adds names, quoting and its own values.
public struct ViewModel {
    let intent: RouterIntent
    let dialect: any VendorDialect
    /// The key, or a placeholder naming it, for each peer.
    let secrets: SecretPolicy
    let shared: Shared

    /// `shared`: the intent's vendor-neutral view, when the caller renders it for several
    /// vendors (made here otherwise).
    public init(intent: RouterIntent, dialect: any VendorDialect, secrets: SecretPolicy, shared: Shared? = nil) {
        self.intent = intent
        self.dialect = dialect
        self.secrets = secrets
        self.shared = shared ?? Shared(intent)
    }

    public func build() -> TemplateFields {
        // By index: mapping or zipping the shared neighbors copied each (a peer, its BGP
        // intent and their strings, retained one by one) several times per render.
        let neighbors = shared.neighbors.indices.map(neighbor(at:))
        let ipv4Neighbors = neighbors.indices.filter { shared.neighbors[$0].peer.family == .ipv4 }.map { neighbors[$0] }
        let ipv6Neighbors = neighbors.indices.filter { shared.neighbors[$0].peer.family == .ipv6 }.map { neighbors[$0] }
        return TemplateFields([
            .tool: "peerconf",
            .version: .text(PeerConfVersion.current),
            .source: .text(intent.sourceName),
            .virtualInterface: .text(intent.virtualInterfaceName),
            .vlan: shared.vlan,
            .peerSummaries: shared.peerSummaries,
            .interface: interfaceValues(),
            .noInterface: .flag(intent.parentInterface == nil),
            .missingInterfaceNote: shared.missingInterfaceNote,
            .staticRoutes: .rows(shared.staticRoutes),
            .ipv4StaticRoutes: .rows(shared.ipv4StaticRoutes),
            .ipv6StaticRoutes: .rows(shared.ipv6StaticRoutes),
            .hasStaticRoutes: .flag(shared.staticRoutes.count > 0),
            .hasIPv4StaticRoutes: .flag(shared.ipv4StaticRoutes.count > 0),
            .hasIPv6StaticRoutes: .flag(shared.ipv6StaticRoutes.count > 0),
            .anchors: .rows(shared.anchors),
            .ipv4Anchors: .rows(shared.ipv4Anchors),
            .ipv6Anchors: .rows(shared.ipv6Anchors),
            .hasIPv4Anchors: .flag(shared.ipv4Anchors.count > 0),
            .hasIPv6Anchors: .flag(shared.ipv6Anchors.count > 0),
            .hasBGP: .flag(!neighbors.isEmpty),
            .localASN: shared.localASN,
            .neighbors: .list(neighbors),
            .ipv4Neighbors: .list(ipv4Neighbors),
            .ipv6Neighbors: .list(ipv6Neighbors),
            .hasIPv6: .flag(intent.peers.contains { $0.family == .ipv6 }),
            // BGP identifies a router by an IPv4 address; an IPv6-only link gives it none.
            .needsRouterID: .flag(!intent.bgpPeers.isEmpty && !intent.peers.contains { $0.family == .ipv4 }),
        ], adding: dialect.extraContext(for: intent))
    }

    private func interfaceValues() -> TemplateValue {
        guard let parent = intent.parentInterface else { return false }
        let addresses = shared.addresses
        return .object(TemplateFields([
            .name: .text(dialect.interfaceName(parent: parent, vlan: intent.vlan)),
            .parent: .text(parent),
            .vlan: shared.vlan,
            .tagged: .flag(intent.isTagged),
            .untagged: .flag(!intent.isTagged),
            .description: .text(dialect.quoted(description: intent.interfaceDescription)),
            .addresses: .list(addresses.map(\.value)),
            .ipv4Addresses: .list(addresses.filter { $0.family == .ipv4 }.map(\.value)),
            .ipv6Addresses: .list(addresses.filter { $0.family == .ipv6 }.map(\.value)),
            .hasIPv6: .flag(addresses.contains { $0.family == .ipv6 }),
        ]))
    }

    private func neighbor(at index: Int) -> TemplateValue {
        let shared = self.shared.neighbors[index]
        let peer = shared.peer, bgp = shared.bgp
        return .object(TemplateFields([
            .peerName: .text(peer.name),
            .address: shared.address,
            .localAddress: shared.localAddress,
            .localASN: shared.localASN,
            .remoteASN: shared.remoteASN,
            .key: .text(dialect.quoted(key: secrets.text(for: bgp.md5Key, peer: peer, in: intent))),
            .hasDescription: .flag(bgp.description != nil),
            .description: .text(bgp.description.map { dialect.quoted(description: $0) } ?? ""),
            .advertised: .rows(shared.advertised),
            .accepted: .rows(shared.accepted),
            .acceptAll: .flag(bgp.accepted.isEmpty),
            .acceptListed: .flag(!bgp.accepted.isEmpty),
            .bfd: shared.bfd,
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
}

extension ViewModel {
    /// The vendor-neutral part of an intent's view: addresses and numbers as text, the
    /// prefix lists (with their texts made once), notes. Immutable, so one is shared by
    /// every vendor's render of the interface: a batch renders each for up to 11 vendors,
    /// and building these again for each was a quarter of a render.
    public final class Shared: Sendable {
        struct Neighbor: Sendable {
            let peer: PeerIntent
            let bgp: BGPIntent
            let address: TemplateValue
            let localAddress: TemplateValue
            let localASN: TemplateValue
            let remoteASN: TemplateValue
            let advertised: PrefixRows
            let accepted: PrefixRows
            let bfd: TemplateValue
        }

        let vlan: TemplateValue
        let localASN: TemplateValue
        let peerSummaries: TemplateValue
        let missingInterfaceNote: TemplateValue
        let staticRoutes: PrefixRows
        let ipv4StaticRoutes: PrefixRows
        let ipv6StaticRoutes: PrefixRows
        let anchors: PrefixRows
        let ipv4Anchors: PrefixRows
        let ipv6Anchors: PrefixRows
        /// The customer's address on each peer's link, with the peer's name.
        let addresses: [(family: AddressFamily, value: TemplateValue)]
        let neighbors: [Neighbor]

        public init(_ intent: RouterIntent) {
            vlan = .text(String(intent.vlan))
            localASN = .text(intent.localASN?.description ?? "")
            peerSummaries = TemplateValue(intent.peers.map { "peer \($0.name) (\($0.family.rawValue)): \($0.bgp == nil ? "static" : "bgp")" })
            missingInterfaceNote = intent.parentInterface == nil ? TemplateValue(Self.missingInterfaceNote(intent)) : []
            staticRoutes = PrefixRows(routes: intent.peers.flatMap { peer in
                let nextHop = peer.cloudAddress.description
                return peer.staticRoutes.map { (prefix: $0, nextHop: nextHop, peerName: peer.name) }
            })
            ipv4StaticRoutes = staticRoutes.only(.ipv4)
            ipv6StaticRoutes = staticRoutes.only(.ipv6)
            anchors = PrefixRows(intent.peers.flatMap { $0.bgp?.anchorRoutes ?? [] })
            ipv4Anchors = anchors.only(.ipv4)
            ipv6Anchors = anchors.only(.ipv6)
            addresses = intent.peers.map { peer in (peer.family, Self.addressValues(peer)) }
            neighbors = intent.peers.compactMap { peer in
                peer.bgp.map { bgp in
                    Neighbor(
                        peer: peer, bgp: bgp,
                        address: .text(peer.cloudAddress.description),
                        localAddress: .text(peer.customerAddress.address.description),
                        localASN: .text(bgp.localASN.description),
                        remoteASN: .text(bgp.remoteASN.description),
                        advertised: PrefixRows(bgp.advertised, numbered: true),
                        accepted: PrefixRows(bgp.accepted, numbered: true),
                        bfd: bgp.bfd.map { .object(TemplateFields([.interval: .text(String($0.intervalMilliseconds)), .multiplier: .text(String($0.multiplier))])) } ?? false
                    )
                }
            }
        }

        private static func missingInterfaceNote(_ intent: RouterIntent) -> [String] {
            let addresses = intent.peers.map { $0.customerAddress.description }.joined(separator: " and ")
            let where_ = intent.isTagged ? "a VLAN \(intent.vlan) subinterface of the port facing the cloud" : "the untagged port facing the cloud (VLAN 0)"
            return [
                "No interface configured: the definition names no router.interface.",
                "Configure \(addresses) on \(where_).",
            ]
        }

        /// The customer's address on the interface, with the peer's name.
        private static func addressValues(_ peer: PeerIntent) -> TemplateValue {
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
