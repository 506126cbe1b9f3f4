/// Cisco IOS-XR unified models (`Cisco-IOS-XR-um-*-cfg`).
///
/// - The VLAN subinterface `<port>.<vlan>` with `encapsulation dot1q`
///   (um-l2-ethernet-cfg) and its addresses (um-if-ip-address-cfg; IPv6 addresses need
///   zone "0"); on VLAN 0 the port's addresses and description are peerconf's.
/// - Route policies and prefix sets are RPL text blobs (`rpl-route-policy`,
///   `rpl-prefix-set`) whose line breaks matter. eBGP on IOS-XR sends and accepts
///   nothing without a route policy in each direction (RFC 8212), so both are set.
/// - The clear-text BGP password goes in `<password><encrypted>` prefixed with `!`;
///   without it the value would be taken as an already encrypted string.
/// - `network` statements with Null0 anchors advertise the customer's subnets; the BGP
///   instance and its address families are merged and left by the rollback.
struct IOSXRBuilder: PayloadBuilder {
    let model = NetconfModel.iosXR

    enum NS {
        static let interface = "http://cisco.com/ns/yang/Cisco-IOS-XR-um-interface-cfg"
        static let address = "http://cisco.com/ns/yang/Cisco-IOS-XR-um-if-ip-address-cfg"
        static let ethernet = "http://cisco.com/ns/yang/Cisco-IOS-XR-um-l2-ethernet-cfg"
        static let routePolicy = "http://cisco.com/ns/yang/Cisco-IOS-XR-um-route-policy-cfg"
        static let staticRoutes = "http://cisco.com/ns/yang/Cisco-IOS-XR-um-router-static-cfg"
        static let bgp = "http://cisco.com/ns/yang/Cisco-IOS-XR-um-router-bgp-cfg"
    }

    func problems(with context: PayloadContext) -> [RenderProblem] { [] }

    func build(_ context: PayloadContext, into config: XMLTree.Element, writer w: PayloadWriter) {
        interface(context, config, w)
        if !context.bgpPeers.isEmpty {
            routingPolicy(context, config, w)
        }
        staticRoutes(context, config, w)
        if !context.bgpPeers.isEmpty {
            bgp(context, config, w)
        }
    }

    private func interface(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let intent = context.intent
        guard let parent = intent.parentInterface else {
            w.comment(PayloadNotes.missingInterface(intent), in: config)
            return
        }
        let interfaces = w.node("interfaces", in: config, namespace: NS.interface)
        if intent.isTagged {
            w.created("interface", in: interfaces, keys: { w.key("interface-name", "\(parent).\(intent.vlan)", in: $0) }) { interface in
                w.leaf("description", intent.interfaceDescription, in: interface)
                addresses(context, interface, w)
                let dot1q = w.node("dot1q", in: w.node("encapsulation", in: interface, namespace: NS.ethernet))
                w.leaf("vlan-id", String(intent.vlan), in: dot1q)
            }
        } else {
            let interface = w.node("interface", in: interfaces)
            w.key("interface-name", parent, in: interface)
            w.createdLeaf("description", intent.interfaceDescription, in: interface)
            addresses(context, interface, w)
        }
    }

    private func addresses(_ context: PayloadContext, _ interface: XMLTree.Element, _ w: PayloadWriter) {
        for peer in context.intent.peers {
            let address = peer.customerAddress
            if peer.family == .ipv4 {
                let addresses = w.node("addresses", in: w.node("ipv4", in: interface), namespace: NS.address)
                w.created("address", in: addresses) { entry in
                    w.leaf("address", address.address.description, in: entry)
                    w.leaf("netmask", address.network.netmask.description, in: entry)
                }
            } else {
                let addresses = w.node("addresses", in: w.node("ipv6", in: interface), namespace: NS.address)
                w.created("ipv6-address", in: addresses, keys: { w.key("address", address.address.description, in: $0) }) { entry in
                    w.leaf("prefix-length", String(address.prefixLength), in: entry)
                    w.leaf("zone", "0", in: entry)
                }
            }
        }
    }

    private func routingPolicy(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let policy = w.node("routing-policy", in: config, namespace: NS.routePolicy)
        let sets = w.node("prefix-sets", in: w.node("sets", in: policy))
        for (_, bgp) in context.bgpPeers {
            prefixSet(context.name(bgp.names.advertisedPrefixes), bgp.advertised, sets, w)
            if !bgp.accepted.isEmpty {
                prefixSet(context.name(bgp.names.acceptedPrefixes), bgp.accepted, sets, w)
            }
        }
        let policies = w.node("route-policies", in: policy)
        for (_, bgp) in context.bgpPeers {
            routePolicy(context.name(bgp.names.exportPolicy), matching: context.name(bgp.names.advertisedPrefixes), policies, w)
            routePolicy(context.name(bgp.names.importPolicy), matching: bgp.accepted.isEmpty ? nil : context.name(bgp.names.acceptedPrefixes), policies, w)
        }
    }

    /// `prefix-set NAME` with one prefix per line, separated by commas, `end-set`.
    static func rplPrefixSet(_ name: String, _ prefixes: [IPPrefix]) -> String {
        let lines = prefixes.enumerated().map { index, prefix in "  \(prefix)" + (index < prefixes.count - 1 ? "," : "") }
        return (["prefix-set \(name)"] + lines + ["end-set", ""]).joined(separator: "\n")
    }

    /// Passes routes in the set and drops the rest; without a set, passes everything.
    static func rplRoutePolicy(_ name: String, matching set: String?) -> String {
        let body = set.map { ["  if destination in \($0) then", "    pass", "  else", "    drop", "  endif"] } ?? ["  pass"]
        return (["route-policy \(name)"] + body + ["end-policy", ""]).joined(separator: "\n")
    }

    private func prefixSet(_ name: String, _ prefixes: [IPPrefix], _ sets: XMLTree.Element, _ w: PayloadWriter) {
        w.created("prefix-set", in: sets, keys: { w.key("set-name", name, in: $0) }) { set in
            w.leaf("rpl-prefix-set", Self.rplPrefixSet(name, prefixes), in: set)
        }
    }

    private func routePolicy(_ name: String, matching set: String?, _ policies: XMLTree.Element, _ w: PayloadWriter) {
        w.created("route-policy", in: policies, keys: { w.key("route-policy-name", name, in: $0) }) { policy in
            w.leaf("rpl-route-policy", Self.rplRoutePolicy(name, matching: set), in: policy)
        }
    }

    private func staticRoutes(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let routes = PeerConf.staticRoutes(context)
        guard !routes.isEmpty else { return }
        let families = w.node("address-family", in: w.node("static", in: w.node("router", in: config, namespace: NS.staticRoutes)))
        for family in [AddressFamily.ipv4, .ipv6] {
            let entries = routes.filter { $0.prefix.family == family }
            guard !entries.isEmpty else { continue }
            let prefixes = w.node("prefixes", in: w.node("unicast", in: w.node(family == .ipv4 ? "ipv4" : "ipv6", in: families)))
            for route in entries {
                w.created("prefix", in: prefixes, keys: { element in
                    w.key("prefix-address", route.prefix.networkText, in: element)
                    w.key("prefix-length", String(route.prefix.prefixLength), in: element)
                }) { element in
                    if let nextHop = route.nextHop {
                        w.leaf("address", nextHop.description, in: w.node("nexthop-address", in: w.node("nexthop-addresses", in: element)))
                    } else {
                        w.leaf("interface-name", "Null0", in: w.node("nexthop-interface", in: w.node("nexthop-interfaces", in: element)))
                    }
                }
            }
        }
    }

    static func afName(_ family: AddressFamily) -> String { family == .ipv4 ? "ipv4-unicast" : "ipv6-unicast" }

    private func bgp(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        guard let asn = context.intent.localASN else { return }
        let instance = w.node("as", in: w.node("bgp", in: w.node("router", in: config, namespace: NS.bgp)))
        w.key("as-number", asn.description, in: instance)
        let families = w.node("address-families", in: instance)
        for family in [AddressFamily.ipv4, .ipv6] {
            let peers = context.bgpPeers.filter { $0.peer.family == family }
            guard !peers.isEmpty else { continue }
            let af = w.node("address-family", in: families)
            w.key("af-name", Self.afName(family), in: af)
            let networks = w.node("networks", in: af)
            for prefix in peers.flatMap(\.bgp.advertised) {
                w.created("network", in: networks, keys: { element in
                    w.key("address", prefix.networkText, in: element)
                    w.key("address-prefix", String(prefix.prefixLength), in: element)
                }, content: { _ in })
            }
        }
        let neighbors = w.node("neighbors", in: instance)
        for (peer, session) in context.bgpPeers {
            w.created("neighbor", in: neighbors, keys: { w.key("address", peer.cloudAddress.description, in: $0) }) { neighbor in
                w.leaf("remote-as", session.remoteASN.description, in: neighbor)
                if let description = session.description {
                    w.leaf("description", description, in: neighbor)
                }
                if let bfd = session.bfd {
                    let settings = w.node("bfd", in: neighbor)
                    w.flag("fast-detect", in: settings)
                    w.leaf("minimum-interval", String(bfd.intervalMilliseconds), in: settings)
                    w.leaf("multiplier", String(bfd.multiplier), in: settings)
                }
                // "!" marks clear text; IOS-XR stores it encrypted.
                w.leaf("encrypted", "!" + context.key(for: peer, session), in: w.node("password", in: neighbor))
                let af = w.node("address-family", in: w.node("address-families", in: neighbor))
                w.leaf("af-name", Self.afName(peer.family), in: af)
                let policy = w.node("route-policy", in: af)
                w.leaf("in", context.name(session.names.importPolicy), in: policy)
                w.leaf("out", context.name(session.names.exportPolicy), in: policy)
            }
        }
    }
}
