/// Junos native configuration: `<configuration>` without namespaces, as Junos takes it
/// inside a standard `<edit-config>` (validated against `junos-conf-*` by qualifying a
/// copy, see the tests).
///
/// - Tagged: `vlan-tagging` on the port (merged, left by the rollback: other units may
///   need it) and a unit numbered like the VLAN; VLAN 0: unit 0 of the untagged port,
///   where only the addresses and the description are peerconf's.
/// - Static routes and discard anchors under `routing-options static` (IPv4) and
///   `rib inet6.0 static` (IPv6); the local AS in `routing-options autonomous-system`
///   (shared, left by the rollback).
/// - One BGP group per peer (type external, peer AS, import and export policies,
///   family), the neighbor with its description, key and BFD.
/// - `policy-options`: prefix lists of the customer's and the cloud's subnets
///   (`from prefix-list` matches exactly), export policy accepting the customer's subnets
///   and rejecting the rest, import policy accepting the cloud's subnets (or all).
struct JunosBuilder: PayloadBuilder {
    let model = NetconfModel.junos

    func problems(with context: PayloadContext) -> [RenderProblem] { [] }

    func build(_ context: PayloadContext, into config: XMLTree.Element, writer w: PayloadWriter) {
        let configuration = w.node("configuration", in: config)
        interfaces(context, configuration, w)
        routingOptions(context, configuration, w)
        if !context.bgpPeers.isEmpty {
            policyOptions(context, configuration, w)
            protocols(context, configuration, w)
        }
    }

    private func interfaces(_ context: PayloadContext, _ configuration: XMLTree.Element, _ w: PayloadWriter) {
        let intent = context.intent
        guard let parent = intent.parentInterface else {
            w.comment(PayloadNotes.missingInterface(intent), in: configuration)
            return
        }
        let interface = w.node("interface", in: w.node("interfaces", in: configuration))
        w.key("name", parent, in: interface)
        let addresses: (XMLTree.Element) -> Void = { unit in
            let family = w.node("family", in: unit)
            for peer in intent.peers {
                let inet = w.node(peer.family == .ipv4 ? "inet" : "inet6", in: family)
                w.created("address", in: inet, keys: { w.key("name", peer.customerAddress.description, in: $0) }, content: { _ in })
            }
        }
        if intent.isTagged {
            w.flag("vlan-tagging", in: interface)
            w.created("unit", in: interface, keys: { w.key("name", String(intent.vlan), in: $0) }) { unit in
                w.leaf("description", intent.interfaceDescription, in: unit)
                w.leaf("vlan-id", String(intent.vlan), in: unit)
                addresses(unit)
            }
        } else {
            let unit = w.node("unit", in: interface)
            w.key("name", "0", in: unit)
            w.createdLeaf("description", intent.interfaceDescription, in: unit)
            addresses(unit)
        }
    }

    private func routingOptions(_ context: PayloadContext, _ configuration: XMLTree.Element, _ w: PayloadWriter) {
        let routes = staticRoutes(context)
        let hasBGP = !context.bgpPeers.isEmpty
        guard !routes.isEmpty || (hasBGP && !w.removing) else { return }
        let options = w.node("routing-options", in: configuration)
        func write(_ routes: [StaticRoute], in parent: XMLTree.Element) {
            let statics = w.node("static", in: parent)
            for route in routes {
                w.created("route", in: statics, keys: { w.key("name", route.prefix.description, in: $0) }) { entry in
                    if let nextHop = route.nextHop {
                        w.leaf("next-hop", nextHop.description, in: entry)
                    } else {
                        w.flag("discard", in: entry)
                    }
                }
            }
        }
        let ipv6 = routes.filter { $0.prefix.family == .ipv6 }
        if !ipv6.isEmpty {
            let rib = w.node("rib", in: options)
            w.key("name", "inet6.0", in: rib)
            write(ipv6, in: rib)
        }
        let ipv4 = routes.filter { $0.prefix.family == .ipv4 }
        if !ipv4.isEmpty {
            write(ipv4, in: options)
        }
        if hasBGP, let asn = context.intent.localASN {
            w.configurationOnly {
                w.leaf("as-number", asn.description, in: w.node("autonomous-system", in: options))
            }
        }
    }

    private func policyOptions(_ context: PayloadContext, _ configuration: XMLTree.Element, _ w: PayloadWriter) {
        let options = w.node("policy-options", in: configuration)
        for (_, bgp) in context.bgpPeers {
            prefixList(context.name(bgp.names.advertisedPrefixes), bgp.advertised, options, w)
            if !bgp.accepted.isEmpty {
                prefixList(context.name(bgp.names.acceptedPrefixes), bgp.accepted, options, w)
            }
        }
        for (_, bgp) in context.bgpPeers {
            policy(context.name(bgp.names.exportPolicy), term: "advertise", matching: context.name(bgp.names.advertisedPrefixes), options, w)
            policy(context.name(bgp.names.importPolicy), term: "accept", matching: bgp.accepted.isEmpty ? nil : context.name(bgp.names.acceptedPrefixes), options, w)
        }
    }

    private func prefixList(_ name: String, _ prefixes: [IPPrefix], _ options: XMLTree.Element, _ w: PayloadWriter) {
        w.created("prefix-list", in: options, keys: { w.key("name", name, in: $0) }) { list in
            for prefix in prefixes {
                w.leaf("name", prefix.description, in: w.node("prefix-list-item", in: list))
            }
        }
    }

    /// Accepts routes in the prefix list (`from prefix-list` is an exact match), rejects
    /// the rest; without a list, accepts everything.
    private func policy(_ name: String, term label: String, matching list: String?, _ options: XMLTree.Element, _ w: PayloadWriter) {
        w.created("policy-statement", in: options, keys: { w.key("name", name, in: $0) }) { statement in
            let term = w.node("term", in: statement)
            w.leaf("name", label, in: term)
            if let list {
                w.leaf("name", list, in: w.node("prefix-list", in: w.node("from", in: term)))
            }
            w.flag("accept", in: w.node("then", in: term))
            if list != nil {
                let reject = w.node("term", in: statement)
                w.leaf("name", "reject", in: reject)
                w.flag("reject", in: w.node("then", in: reject))
            }
        }
    }

    private func protocols(_ context: PayloadContext, _ configuration: XMLTree.Element, _ w: PayloadWriter) {
        let bgp = w.node("bgp", in: w.node("protocols", in: configuration))
        for (peer, session) in context.bgpPeers {
            w.created("group", in: bgp, keys: { w.key("name", context.name(session.names.group), in: $0) }) { group in
                w.leaf("type", "external", in: group)
                let family = w.node(peer.family == .ipv4 ? "inet" : "inet6", in: w.node("family", in: group))
                w.flag("unicast", in: family)
                w.leaf("import", context.name(session.names.importPolicy), in: group)
                w.leaf("export", context.name(session.names.exportPolicy), in: group)
                w.leaf("peer-as", session.remoteASN.description, in: group)
                let neighbor = w.node("neighbor", in: group)
                w.leaf("name", peer.cloudAddress.description, in: neighbor)
                if let description = session.description {
                    w.leaf("description", description, in: neighbor)
                }
                w.leaf("authentication-key", context.key(for: peer, session), in: neighbor)
                if let bfd = session.bfd {
                    let detection = w.node("bfd-liveness-detection", in: neighbor)
                    w.leaf("minimum-interval", String(bfd.intervalMilliseconds), in: detection)
                    w.leaf("multiplier", String(bfd.multiplier), in: detection)
                }
            }
        }
    }
}
