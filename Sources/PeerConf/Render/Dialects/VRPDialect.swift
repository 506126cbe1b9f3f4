/// Huawei VRP (NetEngine routers; V8 is commit-based).
///
/// Sources: Huawei NE40E 8.22 YANG models in ../shared/yang/huawei (huawei-ethernet:
/// `vlan-type dot1q` sub-interface, VLAN 1-4094; huawei-ifm: interface description 1-242
/// characters; huawei-bgp: peer description 1-255 characters without `?`, plaintext MD5
/// password 1-255 characters without spaces, peer BFD multiplier 3-50 and intervals
/// 3-20000 ms; huawei-routing-policy: prefix-list names 1-169 characters without spaces),
/// Huawei command references (`peer password cipher`, `ip ip-prefix`, `ip route-static`,
/// `peer bfd`), Tencent Cloud's customer templates for Huawei NE.
///
/// Decisions:
/// - The sub-interface uses `vlan-type dot1q N`: one command, ARP works on it as is, and it
///   is the NETCONF model's `vlan-type-dot1q` too. (AR routers and CloudEngine switches use
///   `dot1q termination vid N` with `arp broadcast enable` instead.)
/// - The configuration is pasted in the system view and ends with `commit` (VRP V8 applies
///   nothing before it; V5 applies each line at once and rejects the `commit` harmlessly).
/// - BFD: `bfd` in the system view enables it globally (a prerequisite of `peer bfd`);
///   rollback leaves it, other sessions may use it.
/// - Key: `password cipher KEY` (stored encrypted). The key is one word: VRP needs quotes
///   only for spaces, which cloud keys never have. `?` asks for help wherever it is typed,
///   and a `"` cannot be escaped, so both are refused; a key starting with `%` is refused
///   too, because `cipher` takes a value in VRP's ciphertext form (`%^%#...%^%#`,
///   `%@%@...%@%@`) as already encrypted (which forms count is UNCONFIRMED).
/// - Descriptions take the rest of the line: `?`, `"` and non-ASCII are replaced.
/// - Routes are originated by `network` statements anchored by NULL0 static routes; the
///   export `ip-prefix` lists exactly the advertised prefixes (an index without
///   greater-equal/less-equal matches the exact prefix). With no accepted list, no import
///   filter is set: VRP accepts every route from an eBGP peer by default.
///
/// Extra template value: `hasBFD` (whether any neighbor uses BFD).
struct VRPDialect: VendorDialect {
    let id = VendorID.vrp
    let platform = "Huawei VRP"
    let sampleParentInterface = "GigabitEthernet0/1/0"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: 255,
        forbiddenCharacters: [
            "?": "the VRP CLI reads '?' as a request for help",
            "\"": "VRP delimits strings with double quotes and cannot escape one inside a key",
        ],
        forbiddenFirstCharacters: [
            "%": "with 'password cipher', VRP may read a value starting with '%' as an already encrypted password",
        ],
        source: "Huawei huawei-bgp YANG (NE40E 8.22): plaintext MD5 password of 1-255 characters"
    )
    let bfdIntervalRange = 3...20000
    let bfdMultiplierRange = 3...50


    func quoted(description: String) -> String {
        TextRules.printableASCII(description, forbidden: ["?", "\""])
    }

    func quoted(key: String) -> String { key }


    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        ["hasBFD": .flag(intent.peers.contains { $0.bgp?.bfd != nil })]
    }

    let changeSyntax = ChangeSyntax(
        style: .indented, commentPrefixes: ["#"], structuralLines: ["quit", "return"], epilogue: ["commit"],
        negation: "undo ", exitLine: { _ in "quit" },
        singleValued: [["description"], ["vlan-type", "dot1q"], ["ip", "address"], ["peer", "*", "as-number"], ["peer", "*", "description"],
                       ["peer", "*", "password"], ["peer", "*", "ip-prefix", "$", "import"], ["peer", "*", "ip-prefix", "$", "export"],
                       ["peer", "*", "bfd", "min-tx-interval"], ["ip", "ip-prefix", "*", "index", "*"], ["ip", "ipv6-prefix", "*", "index", "*"]],
        objects: [["peer", "*"]],
        shared: [["bgp", "*"], ["ipv4-family", "unicast"], ["ipv6-family", "unicast"], ["bfd"], ["ipv6", "enable"]]
    )
}

extension VRPDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line: `display bgp peer`,
    /// `display bgp ipv6 peer`, `display bgp routing-table peer X advertised-routes`,
    /// `display bfd session all`, `ping -a SRC X`); Huawei command references
    /// (`display bgp routing-table peer X received-routes` shows the routes that passed the
    /// import policy unless keep-all-routes is set; `display bgp peer X verbose`,
    /// `display ip routing-table P LEN`, `display ipv6 routing-table P LEN`).
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { $0 == .ipv4 ? "display bgp peer" : "display bgp ipv6 peer" },
            neighbor: { "display bgp \($0.family == .ipv6 ? "ipv6 " : "")peer \($0.neighbor) verbose" },
            advertisedRoutes: { "display bgp \($0.family == .ipv6 ? "ipv6 " : "")routing-table peer \($0.neighbor) advertised-routes" },
            receivedRoutes: { "display bgp \($0.family == .ipv6 ? "ipv6 " : "")routing-table peer \($0.neighbor) received-routes" },
            route: { "display \($0.family == .ipv4 ? "ip" : "ipv6") routing-table \($0.address) \($0.prefixLength)" },
            ping: { "ping \($0.family == .ipv6 ? "ipv6 " : "")-a \($0.local) -c 5 \($0.neighbor)" },
            bfdSessions: "display bfd session all",
            portStatus: { "display interface \($0)" },
            interfaceStatus: { "display interface \($0.interface ?? "")" },
            prompt: "in the user view",
            applying: "Enter the system view (`system-view`) and paste; the block ends with `commit` (VRP V8 applies nothing before it). After verification, `save`.",
            rollingBack: "Paste in the system view; the block ends with `commit`. On VRP V8, `rollback configuration last 1` (in the user view) undoes the last commit as well.",
            unconfirmed: [
                "VRP `ping ipv6 -a SRC -c 5 X` for IPv6 peers (the IPv4 form is confirmed)",
                "VRP V8 `rollback configuration last 1`",
            ]
        )
    }
}
