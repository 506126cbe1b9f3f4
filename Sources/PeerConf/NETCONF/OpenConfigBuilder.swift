/// OpenConfig: openconfig-interfaces (+ if-ip, vlan), openconfig-routing-policy and
/// openconfig-network-instance, whose BGP and static routes live in the network-instance
/// namespace (they are groupings pulled into it, not the openconfig-bgp module's tree).
///
/// - The VLAN is a subinterface whose index is the VLAN id, matched with
///   `vlan/match/single-tagged` (the older `vlan/config/vlan-id` is deprecated); VLAN 0
///   puts the addresses on subinterface 0, the port itself.
/// - OpenConfig BGP has no `network` statement: the customer's subnets enter BGP through
///   table connections from STATIC (the discard anchors) and DIRECTLY_CONNECTED, both
///   filtered by the export policy, which also filters what the neighbor is sent.
/// - Policies apply per AFI-SAFI (IOS-XR and IOS-XE deviations reject neighbor-level
///   `apply-policy`).
/// - Shared objects (the port, the network instance, the BGP instance with its AS and
///   address families, tables, table connections) are merged and left in place by the
///   rollback, which removes the subinterface (or the addresses on VLAN 0), neighbors,
///   policies, prefix sets, static routes and the export policy's place in the table
///   connections.
struct OpenConfigBuilder: PayloadBuilder {
    let model = NetconfModel.openconfig

    enum NS {
        static let interfaces = "http://openconfig.net/yang/interfaces"
        static let ip = "http://openconfig.net/yang/interfaces/ip"
        static let vlan = "http://openconfig.net/yang/vlan"
        static let routingPolicy = "http://openconfig.net/yang/routing-policy"
        static let networkInstance = "http://openconfig.net/yang/network-instance"
    }

    enum ID {
        static func policyTypes(_ name: String) -> Identity { Identity(prefix: "oc-pol-types", namespace: "http://openconfig.net/yang/policy-types", name: name) }
        static func types(_ name: String) -> Identity { Identity(prefix: "oc-types", namespace: "http://openconfig.net/yang/openconfig-types", name: name) }
        static func bgpTypes(_ name: String) -> Identity { Identity(prefix: "oc-bgp-types", namespace: "http://openconfig.net/yang/bgp-types", name: name) }
        static func instanceTypes(_ name: String) -> Identity { Identity(prefix: "oc-ni-types", namespace: "http://openconfig.net/yang/network-instance-types", name: name) }
        static func ifType(_ name: String) -> Identity { Identity(prefix: "ianaift", namespace: "urn:ietf:params:xml:ns:yang:iana-if-type", name: name) }
        static let drop = Identity(prefix: "oc-loc-rt", namespace: "http://openconfig.net/yang/local-routing", name: "DROP")

        static func family(_ family: AddressFamily) -> Identity { types(family == .ipv4 ? "IPV4" : "IPV6") }
        static func unicast(_ family: AddressFamily) -> Identity { bgpTypes(family == .ipv4 ? "IPV4_UNICAST" : "IPV6_UNICAST") }
    }

    func problems(with context: PayloadContext) -> [RenderProblem] {
        let settings = context.settings
        return [("--network-instance", settings.networkInstance), ("--static-protocol", settings.staticProtocolName), ("--bgp-protocol", settings.bgpProtocolName)]
            .filter { $0.1.isEmpty }
            .map { RenderProblem(vendor: nil, path: $0.0, message: "the OpenConfig model needs a non-empty name") }
    }

    func build(_ context: PayloadContext, into config: XMLTree.Element, writer w: PayloadWriter) {
        interfaces(context, config, w)
        if !context.bgpPeers.isEmpty {
            routingPolicy(context, config, w)
        }
        networkInstance(context, config, w)
    }

    // MARK: interfaces

    private func interfaces(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let intent = context.intent
        guard let parent = intent.parentInterface else {
            w.comment(PayloadNotes.missingInterface(intent), in: config)
            return
        }
        let interface = w.node("interface", in: w.node("interfaces", in: config, namespace: NS.interfaces))
        w.key("name", parent, in: interface)
        w.configurationOnly {
            let settings = w.node("config", in: interface)
            w.leaf("name", parent, in: settings)
            w.identityLeaf("type", ID.ifType(Self.interfaceType(parent)), in: settings)
        }
        let subinterfaces = w.node("subinterfaces", in: interface)
        let index = String(intent.vlan)
        let subinterfaceContent: (XMLTree.Element) -> Void = { subinterface in
            let settings = w.node("config", in: subinterface)
            w.leaf("index", index, in: settings)
            w.leaf("description", intent.interfaceDescription, in: settings)
            w.leaf("enabled", "true", in: settings)
            let vlan = w.node("vlan", in: subinterface, namespace: NS.vlan)
            let tagged = w.node("single-tagged", in: w.node("match", in: vlan))
            w.leaf("vlan-id", index, in: w.node("config", in: tagged))
            addresses(context, subinterface, w)
        }
        if intent.isTagged {
            w.created("subinterface", in: subinterfaces, keys: { w.key("index", index, in: $0) }, content: subinterfaceContent)
        } else {
            // VLAN 0: subinterface 0 is the port's own layer-3 interface; only the
            // addresses are peerconf's.
            let subinterface = w.node("subinterface", in: subinterfaces)
            w.key("index", "0", in: subinterface)
            addresses(context, subinterface, w)
        }
    }

    private func addresses(_ context: PayloadContext, _ subinterface: XMLTree.Element, _ w: PayloadWriter) {
        for peer in context.intent.peers {
            let family = w.node(peer.family == .ipv4 ? "ipv4" : "ipv6", in: subinterface, namespace: NS.ip)
            let address = peer.customerAddress
            let ip = address.address.description
            w.created("address", in: w.node("addresses", in: family), keys: { w.key("ip", ip, in: $0) }) { entry in
                let settings = w.node("config", in: entry)
                w.leaf("ip", ip, in: settings)
                w.leaf("prefix-length", String(address.prefixLength), in: settings)
            }
        }
    }

    /// The iana-if-type of the port: link aggregation for the usual bundle names,
    /// Ethernet otherwise.
    static func interfaceType(_ name: String) -> String {
        let lower = name.lowercased()
        let bundles = ["port-channel", "bundle-ether", "ae", "bond", "lag", "po"]
        let isBundle = bundles.contains { prefix in
            lower.hasPrefix(prefix) && lower.dropFirst(prefix.count).first.map { $0.isNumber || $0 == "-" } == true
        }
        return isBundle ? "ieee8023adLag" : "ethernetCsmacd"
    }

    // MARK: routing policy

    private func routingPolicy(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let policy = w.node("routing-policy", in: config, namespace: NS.routingPolicy)
        let sets = w.node("prefix-sets", in: w.node("defined-sets", in: policy))
        for (peer, bgp) in context.bgpPeers {
            prefixSet(context.name(bgp.names.advertisedPrefixes), peer.family, bgp.advertised, sets, w)
            if !bgp.accepted.isEmpty {
                prefixSet(context.name(bgp.names.acceptedPrefixes), peer.family, bgp.accepted, sets, w)
            }
        }
        let definitions = w.node("policy-definitions", in: policy)
        for (_, bgp) in context.bgpPeers {
            policyDefinition(context.name(bgp.names.exportPolicy), matching: context.name(bgp.names.advertisedPrefixes), definitions, w)
            policyDefinition(context.name(bgp.names.importPolicy), matching: bgp.accepted.isEmpty ? nil : context.name(bgp.names.acceptedPrefixes), definitions, w)
        }
    }

    private func prefixSet(_ name: String, _ family: AddressFamily, _ prefixes: [IPPrefix], _ sets: XMLTree.Element, _ w: PayloadWriter) {
        w.created("prefix-set", in: sets, keys: { w.key("name", name, in: $0) }) { set in
            let settings = w.node("config", in: set)
            w.leaf("name", name, in: settings)
            w.leaf("mode", family == .ipv4 ? "IPV4" : "IPV6", in: settings)
            let list = w.node("prefixes", in: set)
            for prefix in prefixes {
                let prefix = prefix.description
                let entry = w.node("prefix", in: list)
                w.key("ip-prefix", prefix, in: entry)
                w.key("masklength-range", "exact", in: entry)
                let entrySettings = w.node("config", in: entry)
                w.leaf("ip-prefix", prefix, in: entrySettings)
                w.leaf("masklength-range", "exact", in: entrySettings)
            }
        }
    }

    /// Accepts routes in the prefix set (exact lengths) and rejects the rest; without a
    /// set, accepts everything.
    private func policyDefinition(_ name: String, matching set: String?, _ definitions: XMLTree.Element, _ w: PayloadWriter) {
        w.created("policy-definition", in: definitions, keys: { w.key("name", name, in: $0) }) { definition in
            w.leaf("name", name, in: w.node("config", in: definition))
            let statements = w.node("statements", in: definition)
            func statement(_ label: String, matching set: String?, result: String) {
                let statement = w.node("statement", in: statements)
                w.key("name", label, in: statement)
                w.leaf("name", label, in: w.node("config", in: statement))
                if let set {
                    let match = w.node("config", in: w.node("match-prefix-set", in: w.node("conditions", in: statement)))
                    w.leaf("prefix-set", set, in: match)
                    w.leaf("match-set-options", "ANY", in: match)
                }
                w.leaf("policy-result", result, in: w.node("config", in: w.node("actions", in: statement)))
            }
            statement("10", matching: set, result: "ACCEPT_ROUTE")
            if set != nil {
                statement("20", matching: nil, result: "REJECT_ROUTE")
            }
        }
    }

    // MARK: network instance

    private func networkInstance(_ context: PayloadContext, _ config: XMLTree.Element, _ w: PayloadWriter) {
        let settings = context.settings
        let instance = w.node("network-instance", in: w.node("network-instances", in: config, namespace: NS.networkInstance))
        w.key("name", settings.networkInstance, in: instance)
        w.configurationOnly {
            let instanceSettings = w.node("config", in: instance)
            w.leaf("name", settings.networkInstance, in: instanceSettings)
            w.identityLeaf("type", ID.instanceTypes("DEFAULT_INSTANCE"), in: instanceSettings)
        }
        let bgpFamilies = context.bgpPeers.map(\.peer.family)
        if !bgpFamilies.isEmpty {
            w.configurationOnly { tables(bgpFamilies, instance, w) }
            tableConnections(context, instance, w)
        }
        let protocols = w.node("protocols", in: instance)
        let routes = staticRoutes(context)
        if !bgpFamilies.isEmpty {
            // The protocol instances the table connections refer to (every device has
            // them; merged, never removed).
            w.configurationOnly {
                _ = protocolEntry(ID.policyTypes("DIRECTLY_CONNECTED"), "DIRECTLY_CONNECTED", protocols, w)
                if routes.isEmpty {
                    _ = protocolEntry(ID.policyTypes("STATIC"), settings.staticProtocolName, protocols, w)
                }
            }
        }
        if !routes.isEmpty {
            let statics = protocolEntry(ID.policyTypes("STATIC"), settings.staticProtocolName, protocols, w)
            let list = w.node("static-routes", in: statics)
            for route in routes {
                let prefix = route.prefix.description
                w.created("static", in: list, keys: { w.key("prefix", prefix, in: $0) }) { entry in
                    w.leaf("prefix", prefix, in: w.node("config", in: entry))
                    let hop = w.node("next-hop", in: w.node("next-hops", in: entry))
                    let index = route.nextHop == nil ? "DROP" : "0"
                    w.key("index", index, in: hop)
                    let hopSettings = w.node("config", in: hop)
                    w.leaf("index", index, in: hopSettings)
                    if let nextHop = route.nextHop {
                        w.leaf("next-hop", nextHop.description, in: hopSettings)
                    } else {
                        w.identityLeaf("next-hop", ID.drop, in: hopSettings)
                    }
                }
            }
        }
        if !bgpFamilies.isEmpty {
            bgp(context, protocolEntry(ID.policyTypes("BGP"), settings.bgpProtocolName, protocols, w), w)
        }
    }

    /// A protocol instance (shared: merged, never removed).
    private func protocolEntry(_ identifier: Identity, _ name: String, _ protocols: XMLTree.Element, _ w: PayloadWriter) -> XMLTree.Element {
        let entry = w.node("protocol", in: protocols)
        w.identityKey("identifier", identifier, in: entry)
        w.key("name", name, in: entry)
        w.configurationOnly {
            let settings = w.node("config", in: entry)
            w.identityLeaf("identifier", identifier, in: settings)
            w.leaf("name", name, in: settings)
        }
        return entry
    }

    /// The routing tables the table connections refer to (devices usually create them;
    /// merging them is harmless and makes the payload complete for `-t config`).
    private func tables(_ families: [AddressFamily], _ instance: XMLTree.Element, _ w: PayloadWriter) {
        let tables = w.node("tables", in: instance)
        for family in families {
            for source in ["DIRECTLY_CONNECTED", "STATIC", "BGP"] {
                let table = w.node("table", in: tables)
                w.identityKey("protocol", ID.policyTypes(source), in: table)
                w.identityKey("address-family", ID.family(family), in: table)
                let settings = w.node("config", in: table)
                w.identityLeaf("protocol", ID.policyTypes(source), in: settings)
                w.identityLeaf("address-family", ID.family(family), in: settings)
            }
        }
    }

    /// STATIC and DIRECTLY_CONNECTED into BGP through the export policy, which admits
    /// exactly the customer's subnets. The rollback removes the policy from the chain
    /// and leaves the (shared) connection.
    private func tableConnections(_ context: PayloadContext, _ instance: XMLTree.Element, _ w: PayloadWriter) {
        let connections = w.node("table-connections", in: instance)
        for (peer, bgp) in context.bgpPeers {
            for source in ["DIRECTLY_CONNECTED", "STATIC"] {
                let connection = w.node("table-connection", in: connections)
                w.identityKey("src-protocol", ID.policyTypes(source), in: connection)
                w.identityKey("dst-protocol", ID.policyTypes("BGP"), in: connection)
                w.identityKey("address-family", ID.family(peer.family), in: connection)
                let settings = w.node("config", in: connection)
                w.identityLeaf("src-protocol", ID.policyTypes(source), in: settings)
                w.identityLeaf("dst-protocol", ID.policyTypes("BGP"), in: settings)
                w.identityLeaf("address-family", ID.family(peer.family), in: settings)
                w.createdValue("import-policy", context.name(bgp.names.exportPolicy), in: settings)
            }
        }
    }

    private func bgp(_ context: PayloadContext, _ protocolEntry: XMLTree.Element, _ w: PayloadWriter) {
        let bgp = w.node("bgp", in: protocolEntry)
        w.configurationOnly {
            let global = w.node("global", in: bgp)
            w.leaf("as", context.intent.localASN?.description ?? "", in: w.node("config", in: global))
            let safis = w.node("afi-safis", in: global)
            for family in context.bgpPeers.map(\.peer.family) {
                let safi = w.node("afi-safi", in: safis)
                w.identityKey("afi-safi-name", ID.unicast(family), in: safi)
                let settings = w.node("config", in: safi)
                w.identityLeaf("afi-safi-name", ID.unicast(family), in: settings)
                w.leaf("enabled", "true", in: settings)
            }
        }
        let neighbors = w.node("neighbors", in: bgp)
        for (peer, session) in context.bgpPeers {
            let address = peer.cloudAddress.description
            w.created("neighbor", in: neighbors, keys: { w.key("neighbor-address", address, in: $0) }) { neighbor in
                let settings = w.node("config", in: neighbor)
                w.leaf("neighbor-address", address, in: settings)
                w.leaf("peer-as", session.remoteASN.description, in: settings)
                w.leaf("auth-password", context.key(for: peer, session), in: settings)
                if let description = session.description {
                    w.leaf("description", description, in: settings)
                }
                if let bfd = session.bfd {
                    let bfdSettings = w.node("config", in: w.node("enable-bfd", in: neighbor))
                    w.leaf("enabled", "true", in: bfdSettings)
                    w.leaf("desired-minimum-tx-interval", String(bfd.intervalMilliseconds * 1000), in: bfdSettings)
                    w.leaf("required-minimum-receive", String(bfd.intervalMilliseconds * 1000), in: bfdSettings)
                    w.leaf("detection-multiplier", String(bfd.multiplier), in: bfdSettings)
                }
                let safi = w.node("afi-safi", in: w.node("afi-safis", in: neighbor))
                w.identityKey("afi-safi-name", ID.unicast(peer.family), in: safi)
                let safiSettings = w.node("config", in: safi)
                w.identityLeaf("afi-safi-name", ID.unicast(peer.family), in: safiSettings)
                w.leaf("enabled", "true", in: safiSettings)
                let policy = w.node("config", in: w.node("apply-policy", in: safi))
                w.leaf("import-policy", context.name(session.names.importPolicy), in: policy)
                w.leaf("export-policy", context.name(session.names.exportPolicy), in: policy)
            }
        }
    }
}

/// A static route the payload creates: towards the cloud, or a discard anchor.
struct StaticRoute {
    var prefix: IPPrefix
    /// The cloud's address; nil for a discard (Null0 / DROP) anchor.
    var nextHop: IPAddress?
}

/// The static routes of an intent: the cloud's subnets via the cloud (static peers), then
/// the discard anchors of the advertised subnets (BGP peers), IPv4 before IPv6.
func staticRoutes(_ context: PayloadContext) -> [StaticRoute] {
    context.intent.peers.flatMap { peer in
        peer.staticRoutes.map { StaticRoute(prefix: $0, nextHop: peer.cloudAddress) }
            + (peer.bgp?.anchorRoutes ?? []).map { StaticRoute(prefix: $0, nextHop: nil) }
    }
}

/// Texts shared by the builders.
enum PayloadNotes {
    /// The note that replaces the interface when the definition names none (as the CLI
    /// rendering does).
    static func missingInterface(_ intent: RouterIntent) -> String {
        let addresses = intent.peers.map { $0.customerAddress.description }.joined(separator: " and ")
        let place = intent.isTagged ? "a VLAN \(intent.vlan) subinterface of the port facing the cloud" : "the untagged port facing the cloud (VLAN 0)"
        return "No interface configured: the definition names no router.interface. Configure \(addresses) on \(place)."
    }
}
