/// One virtual interface: its own fields, then the rules that look across its peers.
struct InterfaceValidator {
    let draft: InterfaceDraft
    let context: ValidationContext

    struct Outcome {
        var interface: VirtualInterface?
        var connection: String?
        var vlan: Int?
        var vlanField: DraftScalar?
        var peers: [PeerValidator.Outcome]
    }

    func validate(diagnostics: inout DiagnosticCollector) -> Outcome {
        let names = draft.fieldNames
        if !draft.present.contains(names.vlan) {
            diagnostics.report(.missingField, at: draft.path.appending(names.vlan), draft.location, "missing required field '\(names.vlan)'")
        }
        let name = draft.name.flatMap { ScalarRules.name($0, what: "virtual interface name", diagnostics: &diagnostics) }
        let connection = draft.connection.flatMap { ScalarRules.name($0, what: "connection", diagnostics: &diagnostics) }
        let vlan = draft.vlan.flatMap { checkVLAN($0, diagnostics: &diagnostics) }
        var cloudASN: ASN? = .cloudDefault
        if let field = draft.cloudASN {
            cloudASN = ASNRules.parse(field, field: names.cloudASN, diagnostics: &diagnostics)
        }
        var localSubnets: SubnetList?
        if let list = draft.localSubnets {
            SubnetRules.checkCount(list, field: names.localSubnets, range: 0...50, rule: .localSubnetCount, diagnostics: &diagnostics)
            localSubnets = SubnetRules.parse(list, family: nil, field: names.localSubnets, diagnostics: &diagnostics)
        }
        let localSubnetsComplete = localSubnets?.complete ?? true
        let vendor = draft.routerVendor.flatMap {
            ScalarRules.choice($0, among: VendorID.names, rule: .routerVendor, field: "router.vendor", diagnostics: &diagnostics)
        }.flatMap(VendorID.init(rawValue:))
        let routerInterface = draft.routerInterface.flatMap { ScalarRules.interfaceName($0, diagnostics: &diagnostics) }

        let peers = draft.peers.map {
            PeerValidator(draft: $0, cloudASN: cloudASN, context: context).validate(diagnostics: &diagnostics)
        }
        if draft.peersLocation != nil {
            checkPeerCount(diagnostics: &diagnostics)
        } else if !draft.present.contains(names.peers) {
            diagnostics.report(.missingField, at: draft.path.appending(names.peers), draft.location, "missing required field '\(names.peers)'")
        }
        checkFamilies(peers, diagnostics: &diagnostics)
        checkOverlaps(peers, localSubnets: localSubnets, diagnostics: &diagnostics)
        if localSubnetsComplete {
            checkStaticDestinations(peers, localSubnets: localSubnets, diagnostics: &diagnostics)
        }
        checkQuotas(peers, diagnostics: &diagnostics)

        var outcome = Outcome(connection: connection, vlan: vlan, vlanField: draft.vlan, peers: peers)
        let validPeers = peers.compactMap(\.peer)
        if let vlan, let cloudASN, localSubnetsComplete, validPeers.count == peers.count, !peers.isEmpty,
           draft.name == nil || name != nil, draft.connection == nil || connection != nil,
           draft.routerVendor == nil || vendor != nil, draft.routerInterface == nil || routerInterface != nil {
            let router = vendor == nil && routerInterface == nil ? nil : Router(vendor: vendor, interface: routerInterface)
            outcome.interface = VirtualInterface(
                name: name, connection: connection, vlan: vlan, cloudASN: cloudASN,
                localSubnets: localSubnets?.prefixes ?? [], router: router, peers: validPeers, path: draft.path.description
            )
        }
        return outcome
    }

    private func checkVLAN(_ field: DraftScalar, diagnostics: inout DiagnosticCollector) -> Int? {
        guard let vlan = ScalarRules.integer(field, field: "vlan", diagnostics: &diagnostics) else { return nil }
        guard (0...3999).contains(vlan) else {
            diagnostics.report(.vlanRange, at: field.path, field.location, "vlan \(vlan) is out of range; the cloud accepts 0 (untagged) to 3999")
            return nil
        }
        return vlan
    }

    private func checkPeerCount(diagnostics: inout DiagnosticCollector) {
        guard !(1...2).contains(draft.peers.count) else { return }
        let path = draft.path.appending(draft.fieldNames.peers)
        diagnostics.report(.peerCount, at: path, draft.peersLocation ?? draft.location,
                           "a virtual interface has 1 or 2 peers (one IPv4, one IPv6), found \(draft.peers.count)")
    }

    private func checkFamilies(_ peers: [PeerValidator.Outcome], diagnostics: inout DiagnosticCollector) {
        // The first peer of each family (a pair of slots rather than a dictionary: this
        // runs for every interface).
        var firstIPv4: Int?
        var firstIPv6: Int?
        for (index, peer) in peers.enumerated() {
            guard let family = peer.family, let field = peer.familyField else { continue }
            let first = family == .ipv4 ? firstIPv4 : firstIPv6
            if let first {
                diagnostics.report(.addressFamilyDuplicate, at: field.path, field.location,
                                   "peers[\(first)] is already the \(family) peer; a virtual interface has at most one IPv4 and one IPv6 peer")
            } else if family == .ipv4 {
                firstIPv4 = index
            } else {
                firstIPv6 = index
            }
        }
    }

    /// The link subnet must stay clear of both sides' subnets, and the customer's
    /// subnets must not collide with the cloud's.
    private func checkOverlaps(_ peers: [PeerValidator.Outcome], localSubnets: SubnetList?, diagnostics: inout DiagnosticCollector) {
        let localPrefixes = localSubnets?.prefixes ?? []
        for peer in peers {
            if let gateway = peer.localGateway {
                let link = gateway.address.network
                for prefix in localPrefixes where prefix.overlaps(link) {
                    diagnostics.report(.gatewayOverlap, at: gateway.field.path, gateway.field.location,
                                       "the link subnet \(link) overlaps local subnet \(prefix); gateway addresses must not collide with the cloud's subnets")
                }
                for other in peers {
                    for prefix in other.remoteSubnets?.prefixes ?? [] where prefix.overlaps(link) {
                        diagnostics.report(.gatewayOverlap, at: gateway.field.path, gateway.field.location,
                                           "the link subnet \(link) overlaps remote subnet \(prefix); gateway addresses must not collide with the customer's subnets")
                    }
                }
            }
            if let remote = peer.remoteSubnets, let localSubnets {
                remote.forEachOverlap(with: localSubnets) { remoteIndex, localIndex in
                    let field = remote.field(remoteIndex)
                    diagnostics.report(.remoteLocalOverlap, at: field.path, field.location,
                                       "remote subnet \(remote.prefixes[remoteIndex]) overlaps local subnet \(localSubnets.prefixes[localIndex]) (\(localSubnets.field(localIndex).path)); remote subnets cannot overlap local subnets")
                }
            }
        }
    }

    private func checkStaticDestinations(_ peers: [PeerValidator.Outcome], localSubnets: SubnetList?, diagnostics: inout DiagnosticCollector) {
        for peer in peers where peer.routingMode == "static" {
            guard let family = peer.family, let field = peer.routingModeField else { continue }
            if !(localSubnets?.prefixes ?? []).contains(where: { $0.family == family }) {
                diagnostics.report(.staticNeedsLocalSubnet, at: field.path, field.location,
                                   "static routing needs at least one \(family) local subnet (the cloud's \(draft.fieldNames.localSubnets)) to route to")
            }
        }
    }

    /// The cloud's quotas: 50 static routes and 100 BGP routes per virtual interface.
    private func checkQuotas(_ peers: [PeerValidator.Outcome], diagnostics: inout DiagnosticCollector) {
        let location = draft.peersLocation ?? draft.location
        let path = draft.path.appending(draft.fieldNames.peers)
        let staticRoutes = peers.filter { $0.routingMode == "static" }.reduce(0) { $0 + ($1.remoteSubnets?.count ?? 0) }
        if staticRoutes > 50 {
            diagnostics.report(.routeQuota, at: path, location, "the static peers have \(staticRoutes) remote subnets in all; the cloud allows 50 static routes per virtual interface")
        }
        let bgpRoutes = peers.filter { $0.routingMode == "bgp" }.reduce(0) { $0 + ($1.remoteSubnets?.count ?? 0) }
        if bgpRoutes > 100 {
            diagnostics.report(.routeQuota, at: path, location, "the BGP peers advertise \(bgpRoutes) remote subnets in all; the cloud accepts 100 BGP routes per virtual interface")
        }
    }
}
