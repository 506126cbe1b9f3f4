/// A validated definition: every value here has passed the cloud's rules, so the
/// rendering stages can trust it without checking again.
public struct Definition: Sendable {
    /// The definition file's name as the user gave it.
    public var source: String
    public var format: InputFormat
    public var virtualInterfaces: [VirtualInterface]
}

public struct VirtualInterface: Sendable {
    public var name: String?
    public var connection: String?
    /// 0 means untagged: the customer configures the physical interface itself.
    public var vlan: Int
    public var cloudASN: ASN
    public var localSubnets: [IPPrefix]
    public var router: Router?
    public var peers: [Peer]
    /// Where this interface sits in the file, e.g. `virtual_interfaces[2]`.
    public var path: String

    /// A name for messages and file names, also when the definition gives none.
    public var displayName: String { name ?? "vlan-\(vlan)" }

    public func localSubnets(of family: AddressFamily) -> [IPPrefix] {
        localSubnets.filter { $0.family == family }
    }
}

public struct Router: Sendable, Hashable {
    public var vendor: VendorID?
    public var interface: String?
}

public struct Peer: Sendable {
    public var name: String
    public var addressFamily: AddressFamily
    /// The cloud's address on the link: the customer's next hop and BGP neighbor.
    public var localGateway: IPInterfaceAddress
    /// The customer router's address on the link.
    public var remoteGateway: IPInterfaceAddress
    /// The customer's (on-premises) subnets.
    public var remoteSubnets: [IPPrefix]
    public var routing: Routing
    public var description: String?
    /// Originate the remote subnets with discard routes (BGP).
    public var anchorRoutes: Bool
    /// BFD on the BGP session.
    public var bfd: BFDSettings?
    public var path: String
}

public struct BFDSettings: Sendable, Hashable {
    /// The cloud's defaults (VifExtendAttribute: min_tx/min_rx_interval 1000, detect_multiplier 5).
    public static let defaultInterval = 1000
    public static let defaultMultiplier = 5

    public var intervalMilliseconds: Int
    public var multiplier: Int
}

public enum Routing: Sendable {
    case staticRoutes
    case bgp(BGPSession)

    public var bgp: BGPSession? {
        if case .bgp(let session) = self { return session }
        return nil
    }

    public var modeName: String {
        switch self {
        case .staticRoutes: "static"
        case .bgp: "bgp"
        }
    }
}

public struct BGPSession: Sendable {
    /// The customer's ASN (the local AS on the customer router).
    public var asn: ASN
    public var md5Key: MD5Key
}
