/// Definition -> one `RouterIntent` per virtual interface, in file order.
public enum IntentBuilder {
    public static func intents(for definition: Definition) -> Result<[RouterIntent], RenderFailure> {
        var intents: [RouterIntent] = []
        var problems: [RenderProblem] = []
        // Names in the configuration and output file names derive from the interface's
        // name, so two interfaces of one file must not share it.
        var seen: [String: String] = [:]
        for vif in definition.virtualInterfaces {
            if let first = seen.updateValue(vif.path, forKey: vif.displayName) {
                problems.append(RenderProblem(vendor: nil, path: "\(vif.path).name",
                    message: "\(first) and \(vif.path) are both named \(vif.displayName); give them distinct names so their configurations do not collide"))
            }
        }
        for vif in definition.virtualInterfaces {
            switch intent(for: vif, source: definition.source) {
            case .success(let intent): intents.append(intent)
            case .failure(let failure): problems += failure.problems
            }
        }
        return problems.isEmpty ? .success(intents) : .failure(RenderFailure(problems: problems))
    }

    static func intent(for vif: VirtualInterface, source: String) -> Result<RouterIntent, RenderFailure> {
        let peers = vif.peers.sorted { $0.addressFamily < $1.addressFamily }.map { peer(for: $0, in: vif) }
        // One router runs one BGP process with one local AS; the cloud accepts a different
        // ASN per peer, the router cannot take it on one interface's configuration.
        let asns = Set(peers.compactMap(\.bgp?.localASN))
        if asns.count > 1 {
            let list = asns.sorted().map(\.description).joined(separator: " and ")
            return .failure(RenderFailure(problems: [RenderProblem(
                vendor: nil, path: "\(vif.path).peers",
                message: "the BGP peers of \(vif.displayName) use different ASNs (\(list)); a router's BGP process has one local AS, so give both peers the same bgp_asn"
            )]))
        }
        return .success(RouterIntent(
            sourceName: source.split(separator: "/").last.map(String.init) ?? source,
            virtualInterfaceName: vif.displayName,
            vlan: vif.vlan,
            parentInterface: vif.router?.interface,
            peers: peers,
            localASN: asns.first
        ))
    }

    private static func peer(for peer: Peer, in vif: VirtualInterface) -> PeerIntent {
        let cloudSubnets = vif.localSubnets(of: peer.addressFamily).sorted()
        var bgp: BGPIntent?
        if let session = peer.routing.bgp {
            let advertised = peer.remoteSubnets.sorted()
            bgp = BGPIntent(
                localASN: session.asn, remoteASN: vif.cloudASN, md5Key: session.md5Key,
                description: peer.description, advertised: advertised,
                anchorRoutes: peer.anchorRoutes ? advertised : [], accepted: cloudSubnets, bfd: peer.bfd,
                names: PolicyNames(virtualInterface: vif.displayName, peer: peer.name)
            )
        }
        return PeerIntent(
            name: peer.name, family: peer.addressFamily, customerAddress: peer.remoteGateway,
            cloudAddress: peer.localGateway.address, staticRoutes: bgp == nil ? cloudSubnets : [],
            bgp: bgp, path: peer.path
        )
    }
}

/// Why a valid definition cannot be rendered (for a vendor, or at all).
public struct RenderFailure: Error, Sendable {
    public var problems: [RenderProblem]
}

public struct RenderProblem: Sendable, Hashable, CustomStringConvertible {
    /// The platform that cannot express the definition; nil for any platform.
    public var vendor: VendorID?
    /// The definition field concerned, e.g. `virtual_interface.peers[0].bgp_md5_key`.
    public var path: String
    public var message: String

    public var description: String {
        (vendor.map { "\($0.rawValue): " } ?? "") + "\(path): \(message)"
    }
}
