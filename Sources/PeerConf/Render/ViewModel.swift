import Mustache

/// Builds the values a template prints from an intent, through a dialect. Everything is
/// a string, a boolean or a list of dictionaries, with every key always present (an
/// absent feature is `false` or an empty list), so templates stay logic-less and a
/// misspelt name in a template is an error rather than an empty line.
struct ViewModel {
    let intent: RouterIntent
    let dialect: any VendorDialect
    /// The key, or a placeholder naming it, for each peer.
    let secrets: SecretPolicy

    func build() -> [String: any Sendable] {
        let neighbors = intent.peers.compactMap { peer in peer.bgp.map { neighbor(peer, $0) } }
        let staticRoutes = intent.peers.flatMap { peer in
            peer.staticRoutes.map { route in PrefixValues(prefix: route, nextHop: peer.cloudAddress.description, peerName: peer.name) }
        }
        let anchors = intent.peers.flatMap { $0.bgp?.anchorRoutes ?? [] }.map(prefixValues)
        var context: [String: any Sendable] = [
            "tool": "peerconf",
            "version": PeerConfVersion.current,
            "source": intent.sourceName,
            "virtualInterface": intent.virtualInterfaceName,
            "vlan": String(intent.vlan),
            "peerSummaries": intent.peers.map { "peer \($0.name) (\($0.family.rawValue)): \($0.bgp == nil ? "static" : "bgp")" },
            "interface": interfaceValues(),
            "noInterface": intent.parentInterface == nil,
            "missingInterfaceNote": missingInterfaceNote,
            "staticRoutes": staticRoutes,
            "ipv4StaticRoutes": staticRoutes.filter { $0.prefix.family == .ipv4 },
            "ipv6StaticRoutes": staticRoutes.filter { $0.prefix.family == .ipv6 },
            "hasStaticRoutes": !staticRoutes.isEmpty,
            "hasIPv4StaticRoutes": staticRoutes.contains { $0.prefix.family == .ipv4 },
            "hasIPv6StaticRoutes": staticRoutes.contains { $0.prefix.family == .ipv6 },
            "anchors": anchors,
            "ipv4Anchors": anchors.filter { $0.prefix.family == .ipv4 },
            "ipv6Anchors": anchors.filter { $0.prefix.family == .ipv6 },
            "hasIPv4Anchors": anchors.contains { $0.prefix.family == .ipv4 },
            "hasIPv6Anchors": anchors.contains { $0.prefix.family == .ipv6 },
            "hasBGP": !neighbors.isEmpty,
            "localASN": intent.localASN?.description ?? "",
            "neighbors": neighbors,
            "ipv4Neighbors": neighbors.filter { $0["isIPv4"] as? Bool == true },
            "ipv6Neighbors": neighbors.filter { $0["isIPv6"] as? Bool == true },
            "hasIPv6": intent.peers.contains { $0.family == .ipv6 },
            // BGP identifies a router by an IPv4 address; an IPv6-only link gives it none.
            "needsRouterID": !intent.bgpPeers.isEmpty && !intent.peers.contains { $0.family == .ipv4 },
        ]
        context.merge(dialect.extraContext(for: intent)) { _, extra in extra }
        return context
    }

    private var missingInterfaceNote: [String] {
        let addresses = intent.peers.map { $0.customerAddress.description }.joined(separator: " and ")
        let where_ = intent.isTagged ? "a VLAN \(intent.vlan) subinterface of the port facing the cloud" : "the untagged port facing the cloud (VLAN 0)"
        return [
            "No interface configured: the definition names no router.interface.",
            "Configure \(addresses) on \(where_).",
        ]
    }

    private func interfaceValues() -> any Sendable {
        guard let parent = intent.parentInterface else { return false }
        let addresses = intent.peers.map { peer -> [String: any Sendable] in
            var values = addressValues(peer.customerAddress)
            values["peerName"] = peer.name
            return values
        }
        return [
            "name": dialect.interfaceName(parent: parent, vlan: intent.vlan),
            "parent": parent,
            "vlan": String(intent.vlan),
            "tagged": intent.isTagged,
            "untagged": !intent.isTagged,
            "description": dialect.quoted(description: intent.interfaceDescription),
            "addresses": addresses,
            "ipv4Addresses": addresses.filter { $0["isIPv4"] as? Bool == true },
            "ipv6Addresses": addresses.filter { $0["isIPv6"] as? Bool == true },
            "hasIPv6": addresses.contains { $0["isIPv6"] as? Bool == true },
        ] as [String: any Sendable]
    }

    private func neighbor(_ peer: PeerIntent, _ bgp: BGPIntent) -> [String: any Sendable] {
        let accepted = numbered(bgp.accepted)
        var values: [String: any Sendable] = [
            "peerName": peer.name,
            "address": peer.cloudAddress.description,
            "localAddress": peer.customerAddress.address.description,
            "localASN": bgp.localASN.description,
            "remoteASN": bgp.remoteASN.description,
            "key": dialect.quoted(key: secrets.text(for: bgp.md5Key, peer: peer, in: intent)),
            "hasDescription": bgp.description != nil,
            "description": bgp.description.map { dialect.quoted(description: $0) } ?? "",
            "advertised": numbered(bgp.advertised),
            "accepted": accepted,
            "acceptAll": accepted.isEmpty,
            "acceptListed": !accepted.isEmpty,
            "bfd": bgp.bfd.map { ["interval": String($0.intervalMilliseconds), "multiplier": String($0.multiplier)] as [String: any Sendable] } ?? false,
            "advertisedPrefixesName": dialect.identifier(bgp.names.advertisedPrefixes),
            "exportPolicyName": dialect.identifier(bgp.names.exportPolicy),
            "acceptedPrefixesName": dialect.identifier(bgp.names.acceptedPrefixes),
            "importPolicyName": dialect.identifier(bgp.names.importPolicy),
            "groupName": dialect.identifier(bgp.names.group),
        ]
        values.merge(familyValues(peer.family)) { $1 }
        return values
    }

    /// Prefixes with sequence numbers 10, 20, ... for prefix lists.
    private func numbered(_ prefixes: [IPPrefix]) -> [PrefixValues] {
        prefixes.enumerated().map { index, prefix in PrefixValues(prefix: prefix, seq: (index + 1) * 10) }
    }

    private func prefixValues(_ prefix: IPPrefix) -> PrefixValues {
        PrefixValues(prefix: prefix)
    }

    private func addressValues(_ address: IPInterfaceAddress) -> [String: any Sendable] {
        var values: [String: any Sendable] = [
            "cidr": address.description,
            "address": address.address.description,
            "length": String(address.prefixLength),
            "netmask": address.network.netmask.description,
        ]
        values.merge(familyValues(address.family)) { $1 }
        return values
    }

    private func familyValues(_ family: AddressFamily) -> [String: any Sendable] {
        ["family": family.rawValue, "isIPv4": family == .ipv4, "isIPv6": family == .ipv6]
    }
}

/// One prefix as templates see it: `cidr`, `network`, `length`, `netmask`, `wildcard`,
/// `family`, `isIPv4`, `isIPv6`, and where given `seq`, `nextHop`, `peerName`. Each text is
/// made only when a template asks for it (a 50-prefix BGP block used to format five
/// strings and build a dictionary per prefix for every vendor, most of them unused); any
/// other name goes on to the enclosing contexts, as with a dictionary.
struct PrefixValues: MustacheParent, Sendable {
    let prefix: IPPrefix
    var seq: Int?
    var nextHop: String?
    var peerName: String?

    init(prefix: IPPrefix, seq: Int? = nil, nextHop: String? = nil, peerName: String? = nil) {
        self.prefix = prefix
        self.seq = seq
        self.nextHop = nextHop
        self.peerName = peerName
    }

    func child(named name: String) -> Any? {
        switch name {
        case "cidr": prefix.description
        case "network": prefix.address.description
        case "length": String(prefix.prefixLength)
        case "netmask": prefix.netmask.description
        case "wildcard": prefix.hostmask.description
        case "family": prefix.family.rawValue
        case "isIPv4": prefix.family == .ipv4
        case "isIPv6": prefix.family == .ipv6
        case "seq": seq.map { String($0) }
        case "nextHop": nextHop
        case "peerName": peerName
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
