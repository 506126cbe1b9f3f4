/// One peer's own fields. Rules that look across the peers of an interface live in
/// `InterfaceValidator`.
struct PeerValidator {
    let draft: PeerDraft
    let cloudASN: ASN?
    let context: ValidationContext

    /// What the interface-level rules need, parsed as far as the input allowed.
    struct Outcome {
        var peer: Peer?
        var family: AddressFamily?
        var familyField: DraftScalar?
        var localGateway: (address: IPInterfaceAddress, field: DraftScalar)?
        var remoteSubnets: SubnetList?
        var routingMode: String?
        var routingModeField: DraftScalar?
    }

    func validate(diagnostics: inout DiagnosticCollector) -> Outcome {
        var outcome = Outcome()
        let names = draft.fieldNames
        requirePresent(diagnostics: &diagnostics)

        let name = draft.name.flatMap { ScalarRules.name($0, what: "peer name", diagnostics: &diagnostics) }
        // An empty description (the API's default) is no description: a router would
        // refuse a bare `description` line.
        let description = draft.description.flatMap { ScalarRules.description($0, diagnostics: &diagnostics) }.flatMap { $0.isEmpty ? nil : $0 }
        let family = draft.addressFamily
            .flatMap { ScalarRules.choice($0, among: ["ipv4", "ipv6"], rule: .addressFamily, field: names.addressFamily, diagnostics: &diagnostics) }
            .flatMap(AddressFamily.init(rawValue:))
        outcome.family = family
        outcome.familyField = draft.addressFamily

        let local = draft.localGateway.flatMap { GatewayRules.parse($0, family: family, field: names.localGateway, diagnostics: &diagnostics) }
        let remote = draft.remoteGateway.flatMap { GatewayRules.parse($0, family: family, field: names.remoteGateway, diagnostics: &diagnostics) }
        if let local, let remote, let localField = draft.localGateway, let remoteField = draft.remoteGateway {
            if local.family == remote.family {
                GatewayRules.checkPair(local: local, localField: localField, remote: remote, remoteField: remoteField, diagnostics: &diagnostics)
            } else {
                diagnostics.report(.gatewayAddress, at: remoteField.path, remoteField.location, "remote gateway is \(remote.family) but the local gateway is \(local.family)")
            }
        }
        if let local, let field = draft.localGateway { outcome.localGateway = (local, field) }

        var remoteSubnets: [IPPrefix]?
        if let list = draft.remoteSubnets {
            SubnetRules.checkCount(list, field: names.remoteSubnets, range: 1...50, rule: .remoteSubnetCount, diagnostics: &diagnostics)
            let parsed = SubnetRules.parse(list, family: family, field: names.remoteSubnets, diagnostics: &diagnostics)
            SubnetRules.checkRemote(parsed, field: names.remoteSubnets, diagnostics: &diagnostics)
            outcome.remoteSubnets = parsed
            remoteSubnets = parsed.complete ? parsed.prefixes : nil
        }

        let mode = draft.routingMode.flatMap { ScalarRules.choice($0, among: ["static", "bgp"], rule: .routingMode, field: names.routingMode, diagnostics: &diagnostics) }
        outcome.routingMode = mode
        outcome.routingModeField = draft.routingMode
        let anchorRoutes = draft.anchorRoutes.flatMap { ScalarRules.boolean($0, field: "anchor_routes", diagnostics: &diagnostics) } ?? true
        let bfd = checkBFD(diagnostics: &diagnostics)
        var routing: Routing?
        switch mode {
        case "bgp": routing = bgpRouting(diagnostics: &diagnostics)
        case "static":
            reportIgnoredBGPFields(diagnostics: &diagnostics)
            routing = .staticRoutes
        default: break
        }

        if let name, let family, let local, let remote, let remoteSubnets, let routing,
           draft.description == nil || description != nil || draft.description?.text.isEmpty == true, bfd.valid {
            outcome.peer = Peer(name: name, addressFamily: family, localGateway: local, remoteGateway: remote,
                                remoteSubnets: remoteSubnets, routing: routing,
                                description: description, anchorRoutes: anchorRoutes,
                                bfd: routing.bgp == nil ? nil : bfd.settings, path: draft.path.description)
        }
        return outcome
    }

    private func requirePresent(diagnostics: inout DiagnosticCollector) {
        let names = draft.fieldNames
        for key in names.required where !draft.present.contains(key) {
            diagnostics.report(.missingField, at: draft.path.appending(key), draft.location, "missing required field '\(key)'")
        }
    }

    private func bgpRouting(diagnostics: inout DiagnosticCollector) -> Routing? {
        var asn: ASN?
        if let field = draft.bgpASN {
            asn = ASNRules.parse(field, field: draft.fieldNames.bgpASN, diagnostics: &diagnostics)
            if let asn, let cloudASN {
                ASNRules.checkCustomerASN(asn, field: field, cloudASN: cloudASN, diagnostics: &diagnostics)
            }
        } else if !draft.present.contains(draft.fieldNames.bgpASN) {
            diagnostics.report(.bgpASNRequired, at: draft.path.appending(draft.fieldNames.bgpASN), draft.location,
                               "BGP routing needs the customer's ASN in '\(draft.fieldNames.bgpASN)'")
        }
        var key: MD5Key?
        if let located = MD5KeyRules.resolve(draft, context: context, diagnostics: &diagnostics),
           MD5KeyRules.check(located, diagnostics: &diagnostics) {
            key = MD5Key(located.key, source: located.source)
        }
        guard let asn, let key else { return nil }
        return .bgp(BGPSession(asn: asn, md5Key: key))
    }

    /// The peer's BFD settings (nil when it asks for none), and whether they are valid.
    private func checkBFD(diagnostics: inout DiagnosticCollector) -> (valid: Bool, settings: BFDSettings?) {
        guard draft.bfd != nil else { return (true, nil) }
        var valid = true
        func value(_ field: DraftScalar?, name: String, range: ClosedRange<Int>, default fallback: Int) -> Int {
            guard let field else { return fallback }
            guard let number = ScalarRules.integer(field, field: "bfd.\(name)", diagnostics: &diagnostics) else {
                valid = false
                return fallback
            }
            if !range.contains(number) {
                diagnostics.report(.bfdRange, at: field.path, field.location, "bfd.\(name) \(number) is out of range; the cloud accepts \(range.lowerBound) to \(range.upperBound)")
                valid = false
            }
            return number
        }
        let interval = value(draft.bfdInterval, name: "interval_ms", range: 200...5000, default: BFDSettings.defaultInterval)
        let multiplier = value(draft.bfdMultiplier, name: "multiplier", range: 3...20, default: BFDSettings.defaultMultiplier)
        return (valid, BFDSettings(intervalMilliseconds: interval, multiplier: multiplier))
    }

    private func reportIgnoredBGPFields(diagnostics: inout DiagnosticCollector) {
        if let bfd = draft.bfd {
            diagnostics.report(.staticIgnoresBGPFields, at: bfd.path, bfd.location, "'bfd' is ignored: peerconf runs BFD on BGP sessions and the peer uses static routing")
        }
        for field in [draft.bgpASN, draft.md5Key, draft.md5KeyEnvironment, draft.md5KeyFile, draft.anchorRoutes].compactMap({ $0 }) {
            diagnostics.report(.staticIgnoresBGPFields, at: field.path, field.location, "'\(field.key ?? "")' is ignored: the peer uses static routing")
        }
        if let literal = draft.md5Key {
            MD5KeyRules.reportPlaintext(literal, diagnostics: &diagnostics)
        }
    }
}
