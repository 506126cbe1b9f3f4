/// Cisco IOS-XE native model (`Cisco-IOS-XE-native` with the `Cisco-IOS-XE-bgp`
/// augmentation).
///
/// - Interfaces are listed per type with the number as the key (`<GigabitEthernet>
///   <name>0/0/1.100</name>`): the port name is split into its type and number. The
///   VLAN subinterface carries `encapsulation dot1Q`, the addresses and the description;
///   on VLAN 0 the port's primary address, IPv6 address and description are peerconf's.
/// - Prefix lists under `ip prefix-lists` / `ipv6 prefix-lists` (one entry per sequence
///   number, the pre-17 `prefix-list/prefixes/seq` form is obsolete); route maps OUT
///   (match the customer's subnets) and IN (match the cloud's, or everything), used by
///   the neighbor per address family; `network` statements with Null0 anchors advertise
///   the customer's subnets.
/// - The BGP instance (`router bgp <AS>`, with `no bgp default ipv4-unicast` as the FRR
///   rendering has it), its address families and `ipv6 unicast-routing` are merged and
///   left by the rollback.
/// - BFD needs interface timers (`bfd interval`), which live in `Cisco-IOS-XE-bfd`: that
///   module is not in the validated set, so a BFD peer is refused with a clear error.
struct IOSXEBuilder: PayloadBuilder {
    let model = NetconfModel.iosXE

    static let native = "http://cisco.com/ns/yang/Cisco-IOS-XE-native"
    static let bgpNamespace = "http://cisco.com/ns/yang/Cisco-IOS-XE-bgp"
    static let routeMapNamespace = "http://cisco.com/ns/yang/Cisco-IOS-XE-route-map"

    /// Ethernet interface types of the native model (`interface/<type>[name]`), longest
    /// first so "TenGigabitEthernet" is not read as "GigabitEthernet".
    static let interfaceTypes = [
        "FourHundredGigE", "TwoHundredGigE", "HundredGigE", "FiftyGigabitEthernet", "FortyGigabitEthernet",
        "TwentyFiveGigE", "TenGigabitEthernet", "FiveGigabitEthernet", "TwoGigabitEthernet", "AppGigabitEthernet",
        "GigabitEthernet", "FastEthernet", "Ethernet",
    ].sorted { $0.count > $1.count }

    /// (type, number) of an interface name like "GigabitEthernet0/0/1"; nil when the type
    /// is not an Ethernet type of the model.
    static func split(_ name: String) -> (type: String, number: String)? {
        for type in interfaceTypes where name.hasPrefix(type) {
            let number = String(name.dropFirst(type.count))
            if let first = number.first, first.isNumber { return (type, number) }
        }
        return nil
    }

    func problems(with context: PayloadContext) -> [RenderProblem] {
        var problems: [RenderProblem] = []
        let intent = context.intent
        if let parent = intent.parentInterface, Self.split(parent) == nil {
            problems.append(RenderProblem(vendor: .iosXE, path: "\(intent.virtualInterfaceName).router.interface",
                message: "the IOS-XE native model lists interfaces by type and number; '\(parent)' does not start with an Ethernet type (\(Self.interfaceTypes.sorted().joined(separator: ", "))) followed by its number"))
        }
        for (peer, bgp) in context.bgpPeers where bgp.bfd != nil {
            problems.append(RenderProblem(vendor: .iosXE, path: "\(peer.path).bfd",
                message: "the IOS-XE native NETCONF model keeps the BFD interface timers (bfd interval ... min_rx ... multiplier) in Cisco-IOS-XE-bfd, which is not in the module set peerconf validates payloads against; remove 'bfd', use --model openconfig, or configure BFD with the CLI rendering"))
        }
        return problems
    }

    func build(_ context: PayloadContext, into config: XMLTree.Element, writer w: PayloadWriter) {
        let native = w.node("native", in: config, namespace: Self.native)
        interface(context, native, w)
        ipv4(context, native, w)
        ipv6(context, native, w)
        if !context.bgpPeers.isEmpty {
            routeMaps(context, native, w)
            bgp(context, native, w)
        }
    }

    private func interface(_ context: PayloadContext, _ native: XMLTree.Element, _ w: PayloadWriter) {
        let intent = context.intent
        guard let parent = intent.parentInterface, let (type, number) = Self.split(parent) else {
            w.comment(PayloadNotes.missingInterface(intent), in: native)
            return
        }
        let interfaces = w.node("interface", in: native)
        if intent.isTagged {
            let name = "\(number).\(intent.vlan)"
            w.created(type, in: interfaces, keys: { w.key("name", name, in: $0) }) { subinterface in
                w.leaf("description", intent.interfaceDescription, in: subinterface)
                w.leaf("vlan-id", String(intent.vlan), in: w.node("dot1Q", in: w.node("encapsulation", in: subinterface)))
                addresses(context, subinterface, w)
            }
        } else {
            let port = w.node(type, in: interfaces)
            w.key("name", number, in: port)
            w.createdLeaf("description", intent.interfaceDescription, in: port)
            addresses(context, port, w)
        }
    }

    private func addresses(_ context: PayloadContext, _ interface: XMLTree.Element, _ w: PayloadWriter) {
        for peer in context.intent.peers {
            let address = peer.customerAddress
            if peer.family == .ipv4 {
                let addresses = w.node("address", in: w.node("ip", in: interface))
                w.created("primary", in: addresses) { primary in
                    w.leaf("address", address.address.description, in: primary)
                    w.leaf("mask", address.network.netmask.description, in: primary)
                }
            } else {
                let addresses = w.node("address", in: w.node("ipv6", in: interface))
                w.created("prefix-list", in: addresses, keys: { w.key("prefix", address.description, in: $0) }, content: { _ in })
            }
        }
    }

    /// Prefix lists and static routes of one family (`ip` or `ipv6`).
    private func ipv4(_ context: PayloadContext, _ native: XMLTree.Element, _ w: PayloadWriter) {
        let routes = staticRoutes(context).filter { $0.prefix.family == .ipv4 }
        let lists = prefixLists(context, family: .ipv4)
        guard !routes.isEmpty || !lists.isEmpty else { return }
        let ip = w.node("ip", in: native)
        writePrefixLists(lists, in: ip, w)
        if !routes.isEmpty {
            let route = w.node("route", in: ip)
            for entry in routes {
                w.created("ip-route-interface-forwarding-list", in: route, keys: { element in
                    w.key("prefix", entry.prefix.networkText, in: element)
                    w.key("mask", entry.prefix.netmask.description, in: element)
                }) { element in
                    w.leaf("fwd", entry.nextHop?.description ?? "Null0", in: w.node("fwd-list", in: element))
                }
            }
        }
    }

    private func ipv6(_ context: PayloadContext, _ native: XMLTree.Element, _ w: PayloadWriter) {
        let routes = staticRoutes(context).filter { $0.prefix.family == .ipv6 }
        let lists = prefixLists(context, family: .ipv6)
        let hasIPv6 = context.intent.peers.contains { $0.family == .ipv6 }
        guard hasIPv6 && !w.removing || !routes.isEmpty || !lists.isEmpty else { return }
        let ipv6 = w.node("ipv6", in: native)
        if hasIPv6 { w.flag("unicast-routing", in: ipv6) }
        writePrefixLists(lists, in: ipv6, w)
        if !routes.isEmpty {
            let route = w.node("route", in: ipv6)
            for entry in routes {
                w.created("ipv6-route-list", in: route, keys: { w.key("prefix", entry.prefix.description, in: $0) }) { element in
                    w.leaf("fwd", entry.nextHop?.description ?? "Null0", in: w.node("ipv6-fwd-list", in: element))
                }
            }
        }
    }

    /// (name, prefixes) of the family's prefix lists: the customer's, then the cloud's.
    private func prefixLists(_ context: PayloadContext, family: AddressFamily) -> [(name: String, prefixes: [IPPrefix])] {
        context.bgpPeers.filter { $0.peer.family == family }.flatMap { _, bgp in
            [(context.name(bgp.names.advertisedPrefixes), bgp.advertised)]
                + (bgp.accepted.isEmpty ? [] : [(context.name(bgp.names.acceptedPrefixes), bgp.accepted)])
        }
    }

    private func writePrefixLists(_ lists: [(name: String, prefixes: [IPPrefix])], in parent: XMLTree.Element, _ w: PayloadWriter) {
        guard !lists.isEmpty else { return }
        let container = w.node("prefix-lists", in: parent)
        for (name, prefixes) in lists {
            for (index, prefix) in prefixes.enumerated() {
                w.created("prefixes", in: container, keys: { element in
                    w.key("name", name, in: element)
                    w.key("no", String((index + 1) * 10), in: element)
                }) { element in
                    w.leaf("action", "permit", in: element)
                    w.leaf("ip", prefix.description, in: element)
                }
            }
        }
    }

    /// OUT permits the customer's subnets; IN the cloud's (or everything). A route map
    /// denies what no sequence permits.
    private func routeMaps(_ context: PayloadContext, _ native: XMLTree.Element, _ w: PayloadWriter) {
        for (peer, bgp) in context.bgpPeers {
            let maps = [
                (context.name(bgp.names.exportPolicy), Optional(context.name(bgp.names.advertisedPrefixes))),
                (context.name(bgp.names.importPolicy), bgp.accepted.isEmpty ? nil : context.name(bgp.names.acceptedPrefixes)),
            ]
            for (name, list) in maps {
                w.created("route-map", in: native, keys: { w.key("name", name, in: $0) }) { map in
                    let sequence = w.node("route-map-without-order-seq", in: map, namespace: Self.routeMapNamespace)
                    w.leaf("seq_no", "10", in: sequence)
                    w.leaf("operation", "permit", in: sequence)
                    if let list {
                        let match = w.node("match", in: sequence)
                        let address = w.node("address", in: w.node(peer.family == .ipv4 ? "ip" : "ipv6", in: match))
                        w.leaf("prefix-list", list, in: address)
                    }
                }
            }
        }
    }

    private func bgp(_ context: PayloadContext, _ native: XMLTree.Element, _ w: PayloadWriter) {
        guard let asn = context.intent.localASN else { return }
        let bgp = w.node("bgp", in: w.node("router", in: native), namespace: Self.bgpNamespace)
        w.key("id", asn.description, in: bgp)
        // `no bgp default ipv4-unicast`: each neighbor is activated in its own address
        // family only (an IPv6 neighbor is not offered IPv4 routes). Existing neighbors
        // keep their activation; left in place by the rollback.
        w.configurationOnly {
            w.leaf("ipv4-unicast", "false", in: w.node("default", in: w.node("bgp", in: bgp)))
        }
        for (peer, session) in context.bgpPeers {
            w.created("neighbor", in: bgp, keys: { w.key("id", peer.cloudAddress.description, in: $0) }) { neighbor in
                w.leaf("remote-as", session.remoteASN.description, in: neighbor)
                if let description = session.description {
                    w.leaf("description", description, in: neighbor)
                }
                let password = w.node("password", in: neighbor)
                w.leaf("enctype", "0", in: password)
                w.leaf("text", context.key(for: peer, session), in: password)
            }
        }
        let noVRF = w.node("no-vrf", in: w.node("address-family", in: bgp))
        for family in [AddressFamily.ipv4, .ipv6] {
            let peers = context.bgpPeers.filter { $0.peer.family == family }
            guard !peers.isEmpty else { continue }
            let name = family == .ipv4 ? "ipv4" : "ipv6"
            let af = w.node(name, in: noVRF)
            w.key("af-name", "unicast", in: af)
            let unicast = w.node("\(name)-unicast", in: af)
            for (peer, session) in peers {
                w.created("neighbor", in: unicast, keys: { w.key("id", peer.cloudAddress.description, in: $0) }) { neighbor in
                    w.flag("activate", in: neighbor)
                    for (direction, policy) in [("in", session.names.importPolicy), ("out", session.names.exportPolicy)] {
                        let map = w.node("route-map", in: neighbor)
                        w.leaf("inout", direction, in: map)
                        w.leaf("route-map-name", context.name(policy), in: map)
                    }
                }
            }
            let prefixes = peers.flatMap(\.bgp.advertised)
            if family == .ipv4 {
                let network = w.node("network", in: unicast)
                for prefix in prefixes {
                    w.created("with-mask", in: network, keys: { element in
                        w.key("number", prefix.networkText, in: element)
                        w.key("mask", prefix.netmask.description, in: element)
                    }, content: { _ in })
                }
            } else {
                for prefix in prefixes {
                    w.created("network", in: unicast, keys: { w.key("number", prefix.description, in: $0) }, content: { _ in })
                }
            }
        }
    }
}
