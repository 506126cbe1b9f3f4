/// What the customer's router must do so its side of one virtual interface matches the
/// cloud side: vendor-neutral, derived from a validated definition. Renderers and
/// NETCONF builders read only this.
public struct RouterIntent: Sendable {
    /// The definition file's name (its last path component, so output does not depend on
    /// where the file sits).
    public var sourceName: String
    public var virtualInterfaceName: String
    public var vlan: Int
    /// The physical interface facing the cloud, when the definition names it.
    public var parentInterface: String?
    /// Customer peers, IPv4 before IPv6.
    public var peers: [PeerIntent]
    /// The local AS of the router's BGP process, when any peer uses BGP.
    public var localASN: ASN?

    /// VLAN 0 is the untagged layer-3 port: addresses go on the physical interface.
    public var isTagged: Bool { vlan != 0 }

    public var bgpPeers: [PeerIntent] { peers.filter { $0.bgp != nil } }
    public var staticPeers: [PeerIntent] { peers.filter { $0.bgp == nil } }

    /// Text for the interface's description: what the link is, from validated names only.
    public var interfaceDescription: String {
        "Direct Connect \(virtualInterfaceName)" + (isTagged ? " VLAN \(vlan)" : "")
    }
}

public struct PeerIntent: Sendable {
    public var name: String
    public var family: AddressFamily
    /// The customer router's address on the link (the cloud's "remote gateway").
    public var customerAddress: IPInterfaceAddress
    /// The cloud's address on the link (the cloud's "local gateway"): next hop and neighbor.
    public var cloudAddress: IPAddress
    /// Static mode: the cloud's subnets of this family, routed via `cloudAddress`.
    public var staticRoutes: [IPPrefix]
    public var bgp: BGPIntent?
    /// The definition's path of this peer, for errors that point at a field.
    public var path: String
}

public struct BGPIntent: Sendable {
    public var localASN: ASN
    public var remoteASN: ASN
    public var md5Key: MD5Key
    public var description: String?
    /// The customer's subnets, advertised to the cloud and nothing else.
    public var advertised: [IPPrefix]
    /// Discard routes that originate `advertised` (empty when `anchor_routes: false`).
    public var anchorRoutes: [IPPrefix]
    /// The cloud subnets accepted from the cloud; empty means accept everything.
    public var accepted: [IPPrefix]
    public var bfd: BFDSettings?
    public var names: PolicyNames
}

/// Names the configuration introduces for one peer, before a dialect adapts them to its
/// platform's identifier rules. Derived from the virtual interface and peer names, so
/// two peers or two interfaces never share one.
public struct PolicyNames: Sendable, Hashable {
    /// Prefix list / prefix set of the customer's subnets (what is advertised).
    public var advertisedPrefixes: String
    /// Export policy / outbound route map.
    public var exportPolicy: String
    /// Prefix list of the cloud's subnets (what is accepted).
    public var acceptedPrefixes: String
    /// Import policy / inbound route map.
    public var importPolicy: String
    /// A neighbor group, for platforms that configure neighbors in groups.
    public var group: String

    init(virtualInterface: String, peer: String) {
        let base = "\(virtualInterface)-\(peer)"
        advertisedPrefixes = "\(base)-CUSTOMER"
        exportPolicy = "\(base)-OUT"
        acceptedPrefixes = "\(base)-CLOUD"
        importPolicy = "\(base)-IN"
        group = "\(base)"
    }
}
