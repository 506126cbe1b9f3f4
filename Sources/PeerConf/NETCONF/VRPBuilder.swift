/// Huawei VRP8 (`huawei-ifm`, `huawei-ethernet`, `huawei-ip`, `huawei-routing-policy`,
/// `huawei-bgp`, `huawei-l3vpn` / `huawei-routing`, `huawei-bfd`).
///
/// - The sub-interface is created with its class, type, parent and number (the port name
///   is split into the type and the number), a dot1q termination VLAN and its
///   addresses (IPv6 through the `ipv6` presence container, i.e. `ipv6 enable`); on
///   VLAN 0 the port's addresses and description are peerconf's.
/// - Prefix filters (`ip ip-prefix`, exact lengths), route policies OUT and IN (a node
///   that permits the prefix filter; VRP denies what no node permits), peer
///   import/export policies per address family, `network` routes with NULL0 anchors.
/// - Static routes live in the public instance's address family, topology `base`.
/// - The BGP process (`base-process` with its AS), the public instance's BGP address
///   families and `bfd` (global, needed by peer BFD) are merged and left by the
///   rollback. The peer description cannot contain `?` (the YANG pattern), so it is
///   replaced by `_` there.
struct VRPBuilder: PayloadBuilder {
    let model = NetconfModel.vrp

    enum NS {
        static let ifm = "urn:huawei:yang:huawei-ifm"
        static let ethernet = "urn:huawei:yang:huawei-ethernet"
        static let ip = "urn:huawei:yang:huawei-ip"
        static let routingPolicy = "urn:huawei:yang:huawei-routing-policy"
        static let bgp = "urn:huawei:yang:huawei-bgp"
        static let networkInstance = "urn:huawei:yang:huawei-network-instance"
        static let l3vpn = "urn:huawei:yang:huawei-l3vpn"
        static let routing = "urn:huawei:yang:huawei-routing"
        static let bfd = "urn:huawei:yang:huawei-bfd"
    }

    /// Ethernet port types of `huawei-ifm` (longest first: "100GE" before "10GE").
    static let interfaceTypes = [
        "GigabitEthernet", "XGigabitEthernet", "Ethernet", "Eth-Trunk", "MultiGE",
        "10GE", "25GE", "40GE", "50GE", "100GE", "200GE", "400GE",
    ].sorted { $0.count > $1.count }

    /// (type, number) of a port name like "GigabitEthernet0/1/0" or "100GE1/0/1".
    static func split(_ name: String) -> (type: String, number: String)? {
        for type in interfaceTypes where name.hasPrefix(type) {
            let number = String(name.dropFirst(type.count))
            if let first = number.first, first.isNumber, number.allSatisfy({ $0.isNumber || $0 == "/" }) { return (type, number) }
        }
        return nil
    }

    /// The public (default) instance.
    static let publicInstance = "_public_"

    func problems(with context: PayloadContext) -> [RenderProblem] {
        let intent = context.intent
        guard let parent = intent.parentInterface, Self.split(parent) == nil else { return [] }
        return [RenderProblem(vendor: .vrp, path: "\(intent.virtualInterfaceName).router.interface",
            message: "the Huawei VRP8 model creates a sub-interface from its port's type and number; '\(parent)' is not an Ethernet port name (\(Self.interfaceTypes.sorted().joined(separator: ", ")) followed by slot/card/port)")]
    }

    func build(_ context: PayloadContext, into config: XMLTree.Element, writer w: PayloadWriter) {
        interface(context, config, w)
        if !context.bgpPeers.isEmpty {
            routingPolicy(context, config, w)
            w.configurationOnly {
                let process = w.node("base-process", in: w.node("bgp", in: config, namespace: NS.bgp))
                w.leaf("enable", "true", in: process)
                w.leaf("as", context.intent.localASN?.description ?? "", in: process)
            }
            if context.bgpPeers.contains(where: { $0.bgp.bfd != nil }) {
                // `bfd` (global): peer BFD sessions need it. Merged, left by the rollback.
                w.configurationOnly { w.node("bfd", in: config, namespace: NS.bfd) }
            }
        }
        publicInstance(context, config, w)
    }

    private func interface(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let intent = context.intent
        guard let parent = intent.parentInterface, let (type, _) = Self.split(parent) else {
            w.comment(PayloadNotes.missingInterface(intent), in: config)
            return
        }
        let interfaces = w.node("interfaces", in: w.node("ifm", in: config, namespace: NS.ifm))
        if intent.isTagged {
            w.created("interface", in: interfaces, keys: { w.key("name", "\(parent).\(intent.vlan)", in: $0) }) { interface in
                w.leaf("class", "sub-interface", in: interface)
                w.leaf("type", type, in: interface)
                w.leaf("parent-name", parent, in: interface)
                w.leaf("number", String(intent.vlan), in: interface)
                w.leaf("description", intent.interfaceDescription, in: interface)
                let dot1q = w.node("vlan-type-dot1q", in: w.node("l3-sub-interface", in: w.node("ethernet", in: interface, namespace: NS.ethernet)))
                w.leaf("vlan-type-vid", String(intent.vlan), in: dot1q)
                addresses(context, interface, w)
            }
        } else {
            let interface = w.node("interface", in: interfaces)
            w.key("name", parent, in: interface)
            w.createdLeaf("description", intent.interfaceDescription, in: interface)
            addresses(context, interface, w)
        }
    }

    private func addresses(_ context: PayloadContext, _ interface: XMLTree.Element, _ w: PayloadWriter) {
        for peer in context.intent.peers {
            let address = peer.customerAddress
            let family = w.node(peer.family == .ipv4 ? "ipv4" : "ipv6", in: interface, namespace: NS.ip)
            let addresses = w.node("addresses", in: family)
            w.created("address", in: addresses, keys: { w.key("ip", address.address.description, in: $0) }) { entry in
                if peer.family == .ipv4 {
                    w.leaf("mask", address.network.netmask.description, in: entry)
                    w.leaf("type", "main", in: entry)
                } else {
                    w.leaf("prefix-length", String(address.prefixLength), in: entry)
                    w.leaf("type", "global", in: entry)
                }
            }
        }
    }

    private func routingPolicy(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let policy = w.node("routing-policy", in: config, namespace: NS.routingPolicy)
        for family in [AddressFamily.ipv4, .ipv6] {
            let peers = context.bgpPeers.filter { $0.peer.family == family }
            guard !peers.isEmpty else { continue }
            let prefix = family == .ipv4 ? "ipv4" : "ipv6"
            let filters = w.node("\(prefix)-prefix-filters", in: policy)
            for (_, bgp) in peers {
                prefixFilter(context.name(bgp.names.advertisedPrefixes), family, bgp.advertised, filters, w)
                if !bgp.accepted.isEmpty {
                    prefixFilter(context.name(bgp.names.acceptedPrefixes), family, bgp.accepted, filters, w)
                }
            }
        }
        let definitions = w.node("policy-definitions", in: policy)
        for (peer, bgp) in context.bgpPeers {
            routePolicy(context.name(bgp.names.exportPolicy), peer.family, matching: context.name(bgp.names.advertisedPrefixes), definitions, w)
            routePolicy(context.name(bgp.names.importPolicy), peer.family, matching: bgp.accepted.isEmpty ? nil : context.name(bgp.names.acceptedPrefixes), definitions, w)
        }
    }

    /// `ip ip-prefix` / `ip ipv6-prefix`: one permit node per prefix, exact length.
    private func prefixFilter(_ name: String, _ family: AddressFamily, _ prefixes: [IPPrefix], _ filters: XMLTree.Element, _ w: PayloadWriter) {
        w.created("\(family == .ipv4 ? "ipv4" : "ipv6")-prefix-filter", in: filters, keys: { w.key("name", name, in: $0) }) { filter in
            let nodes = w.node("nodes", in: filter)
            for (index, prefix) in prefixes.enumerated() {
                let node = w.node("node", in: nodes)
                w.leaf("sequence", String((index + 1) * 10), in: node)
                w.leaf("match-mode", "permit", in: node)
                w.leaf(family == .ipv4 ? "ip-address" : "ipv6-address", prefix.networkText, in: node)
                w.leaf("masklength", String(prefix.prefixLength), in: node)
            }
        }
    }

    private func routePolicy(_ name: String, _ family: AddressFamily, matching filter: String?, _ definitions: XMLTree.Element, _ w: PayloadWriter) {
        w.created("policy-definition", in: definitions, keys: { w.key("name", name, in: $0) }) { definition in
            let node = w.node("node", in: w.node("nodes", in: definition))
            w.leaf("sequence", "10", in: node)
            w.leaf("match-mode", "permit", in: node)
            if let filter {
                let match = w.node(family == .ipv4 ? "match-ipv4-prefix" : "match-ipv6-prefix", in: w.node("conditions", in: node))
                w.leaf("prefix-filter-ref", filter, in: match)
            }
        }
    }

    static func bgpFamily(_ family: AddressFamily) -> String { family == .ipv4 ? "ipv4uni" : "ipv6uni" }

    private func publicInstance(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let routes = staticRoutes(context)
        guard !routes.isEmpty || !context.bgpPeers.isEmpty else { return }
        let instance = w.node("instance", in: w.node("instances", in: w.node("network-instance", in: config, namespace: NS.networkInstance)))
        w.key("name", Self.publicInstance, in: instance)
        // The public instance's IPv6 address family must exist for IPv6 peers (the
        // peer's ipv6-unicast has a `must` on it); IPv4's always does.
        let ipv6Peer = context.bgpPeers.contains { $0.peer.family == .ipv6 } && !w.removing
        if !routes.isEmpty || ipv6Peer {
            let afs = w.node("afs", in: instance, namespace: NS.l3vpn)
            for family in [AddressFamily.ipv4, .ipv6] {
                let entries = routes.filter { $0.prefix.family == family }
                guard !entries.isEmpty || (family == .ipv6 && ipv6Peer) else { continue }
                let af = w.node("af", in: afs)
                w.key("type", family == .ipv4 ? "ipv4-unicast" : "ipv6-unicast", in: af)
                guard !entries.isEmpty else { continue }
                let list = w.node("unicast-route2s", in: w.node("static-routing", in: w.node("routing", in: af, namespace: NS.routing)))
                for route in entries {
                    w.created("unicast-route2", in: list, keys: { element in
                        w.key("topology-name", "base", in: element)
                        w.key("prefix", route.prefix.networkText, in: element)
                        w.key("mask-length", String(route.prefix.prefixLength), in: element)
                    }) { element in
                        if let nextHop = route.nextHop {
                            w.leaf("address", nextHop.description, in: w.node("nexthop-address", in: w.node("nexthop-addresses", in: element)))
                        } else {
                            w.leaf("interface-name", "NULL0", in: w.node("nexthop-interface", in: w.node("nexthop-interfaces", in: element)))
                        }
                    }
                }
            }
        }
        if !context.bgpPeers.isEmpty {
            bgp(context, instance, w)
        }
    }

    private func bgp(_ context: PayloadContext, _ instance: XMLTree.Element, _ w: PayloadWriter) {
        let process = w.node("base-process", in: w.node("bgp", in: instance, namespace: NS.bgp))
        let afs = w.node("afs", in: process)
        for family in [AddressFamily.ipv4, .ipv6] {
            let peers = context.bgpPeers.filter { $0.peer.family == family }
            guard !peers.isEmpty else { continue }
            let af = w.node("af", in: afs)
            w.key("type", Self.bgpFamily(family), in: af)
            let routes = w.node("network-routes", in: w.node(family == .ipv4 ? "ipv4-unicast" : "ipv6-unicast", in: af))
            for prefix in peers.flatMap(\.bgp.advertised) {
                w.created("network-route", in: routes, keys: { element in
                    w.key("address", prefix.networkText, in: element)
                    w.key("mask-length", String(prefix.prefixLength), in: element)
                }, content: { _ in })
            }
        }
        let peers = w.node("peers", in: process)
        for (peer, session) in context.bgpPeers {
            w.created("peer", in: peers, keys: { w.key("address", peer.cloudAddress.description, in: $0) }) { element in
                w.leaf("remote-as", session.remoteASN.description, in: element)
                if let description = session.description {
                    w.leaf("description", String(description.map { $0 == "?" ? "_" : $0 }), in: element)
                }
                // "cipher": the device stores the clear-text key encrypted.
                w.leaf("password-type", "cipher", in: element)
                w.leaf("password-text", context.key(for: peer, session), in: element)
                if let bfd = session.bfd {
                    let settings = w.node("bfd-parameter", in: element)
                    w.leaf("enable", "true", in: settings)
                    w.leaf("multiplier", String(bfd.multiplier), in: settings)
                    w.leaf("min-rx-interval", String(bfd.intervalMilliseconds), in: settings)
                    w.leaf("min-tx-interval", String(bfd.intervalMilliseconds), in: settings)
                }
                let af = w.node("af", in: w.node("afs", in: element))
                w.leaf("type", Self.bgpFamily(peer.family), in: af)
                let unicast = w.node(peer.family == .ipv4 ? "ipv4-unicast" : "ipv6-unicast", in: af)
                w.leaf("import-policy", context.name(session.names.importPolicy), in: unicast)
                w.leaf("export-policy", context.name(session.names.exportPolicy), in: unicast)
            }
        }
    }
}
