/// What changed between two intents of one virtual interface, in words, and the risks of
/// applying it. The cloud lets a user change a peer's name, description and remote
/// subnets, and add or remove the second peer; keys change on the router side too.
struct IntentDifferences {
    var summary: [String] = []
    var risks: [String] = []

    init(old: RouterIntent?, new: RouterIntent?) {
        guard let old, let new else {
            if let new {
                summary.append("virtual interface \(new.virtualInterfaceName) added (VLAN \(new.vlan))")
            } else if let old {
                summary.append("virtual interface \(old.virtualInterfaceName) removed (VLAN \(old.vlan))")
                risks.append("Removing the virtual interface ends its BGP sessions and static routes: traffic to and from the cloud over it stops.")
            }
            return
        }
        if old.vlan != new.vlan { summary.append("VLAN \(old.vlan) -> \(new.vlan)") }
        if old.parentInterface != new.parentInterface {
            summary.append("router interface \(old.parentInterface ?? "(none)") -> \(new.parentInterface ?? "(none)")")
        }
        if old.localASN != new.localASN, let before = old.localASN, let after = new.localASN {
            summary.append("local AS \(before) -> \(after)")
            risks.append("Changing the local AS resets every BGP session of the router's BGP process.")
        }
        for family in AddressFamily.allCases {
            let before = old.peers.first { $0.family == family }, after = new.peers.first { $0.family == family }
            switch (before, after) {
            case (nil, nil): continue
            case (nil, let peer?):
                summary.append("\(family) peer \(peer.name) added (\(peer.bgp == nil ? "static" : "bgp"))")
            case (let peer?, nil):
                summary.append("\(family) peer \(peer.name) removed")
                risks.append("Removing peer \(peer.name) ends its \(peer.bgp == nil ? "static routes" : "BGP session"): \(family) traffic over this link stops.")
            case (let before?, let after?):
                compare(before, after)
            }
        }
    }

    private mutating func compare(_ before: PeerIntent, _ after: PeerIntent) {
        let label = "peer \(after.name)"
        if before.name != after.name {
            summary.append("peer \(before.name) renamed to \(after.name)")
            if after.bgp != nil {
                risks.append("The policies and lists of \(after.name) are named after the peer: the change creates the new ones, points the neighbor at them (a soft policy change, no session reset) and removes the old ones.")
            }
        }
        if before.customerAddress != after.customerAddress || before.cloudAddress != after.cloudAddress {
            summary.append("\(label): gateways \(before.customerAddress)/\(before.cloudAddress) -> \(after.customerAddress)/\(after.cloudAddress)")
            risks.append("Changing gateway addresses interrupts the link until both sides are changed.")
        }
        switch (before.bgp, after.bgp) {
        case (nil, nil):
            diffList(label, "cloud subnet routed", before.staticRoutes, after.staticRoutes)
        case (nil, .some):
            summary.append("\(label): static -> bgp")
            risks.append("Moving from static routing to BGP is disruptive: the static routes go and traffic waits for the BGP session to come up; do it in a maintenance window, with the cloud side changed at the same time.")
        case (.some, nil):
            summary.append("\(label): bgp -> static")
            risks.append("Moving from BGP to static routing is disruptive: the BGP session ends before the static routes carry the traffic.")
        case (let old?, let new?):
            diffList(label, "remote subnet", old.advertised, new.advertised)
            diffList(label, "cloud subnet accepted", old.accepted, new.accepted)
            if old.md5Key.revealed != new.md5Key.revealed {
                summary.append("\(label): MD5 key changed")
                risks.append("Changing the MD5 key resets the BGP session of \(after.name); change the cloud side's key at the same time, or the session stays down.")
            }
            if old.description != new.description { summary.append("\(label): description changed") }
            if old.remoteASN != new.remoteASN {
                summary.append("\(label): cloud ASN \(old.remoteASN) -> \(new.remoteASN)")
                risks.append("Changing the cloud ASN resets the BGP session.")
            }
            if old.bfd != new.bfd { summary.append("\(label): BFD \(describe(old.bfd)) -> \(describe(new.bfd))") }
            if old.anchorRoutes.isEmpty != new.anchorRoutes.isEmpty {
                summary.append("\(label): anchor routes \(new.anchorRoutes.isEmpty ? "off" : "on")")
            }
        }
    }

    private mutating func diffList(_ label: String, _ what: String, _ before: [IPPrefix], _ after: [IPPrefix]) {
        let old = Set(before), new = Set(after)
        for prefix in after where !old.contains(prefix) { summary.append("\(label): \(what) \(prefix) added") }
        for prefix in before where !new.contains(prefix) { summary.append("\(label): \(what) \(prefix) removed") }
    }

    private func describe(_ bfd: BFDSettings?) -> String {
        bfd.map { "\($0.intervalMilliseconds) ms x \($0.multiplier)" } ?? "off"
    }
}
