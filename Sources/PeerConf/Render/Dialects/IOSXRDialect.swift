/// Cisco IOS-XR (classic CLI, commit-based).
///
/// Sources: Cisco-IOS-XR-um-router-bgp-cfg.yang (XR 7.x UM models in ../shared/yang/ios-xr:
/// neighbor `bfd minimum-interval` 3-30000 ms, `bfd multiplier` 2-16, description 1-1024
/// characters), Cisco-IOS-XR-um-route-policy-cfg.yang (prefix-set / route-policy), netlab's
/// iosxr templates (`password clear`, `encapsulation dot1q`, `router static` address
/// families), the IOS-XR routing guides (RFC 8212: an eBGP neighbor without `route-policy`
/// in and out exchanges no routes).
///
/// Decisions:
/// - The configuration ends with `commit`: pasted IOS-XR configuration only takes effect
///   when committed (paste it in `configure` mode).
/// - Key length: UNCONFIRMED for IOS-XR (its YANG type stores a hash and sets no limit);
///   80 characters, the Cisco IOS limit and the usual TCP-MD5 maximum, is the conservative
///   choice.
/// - Key characters: `?` asks the CLI for help wherever it is typed, so it cannot be in a key.
///   How the XR parser treats `"` inside a word is UNCONFIRMED, and a word starting with `!`
///   or `#` may be read as a comment when a file is loaded: refused rather than risking a
///   key that differs from the cloud's.
/// - Descriptions take the rest of the line; the same characters are replaced there
///   (non-ASCII too: UTF-8 support in descriptions is not documented).
/// - Static routes and the discard anchors share one `router static` block per family.
///
/// Extra template values: `hasRouterStatic`, `hasIPv4RouterStatic`, `hasIPv6RouterStatic`
/// (whether `router static` / its address family has a route: static or anchor).
/// - Prefix-set entries are separated by commas, the last one without (RPL syntax);
///   a bare prefix in a prefix-set matches that exact prefix only.
struct IOSXRDialect: VendorDialect {
    let id = VendorID.iosXR
    let platform = "Cisco IOS-XR"
    let sampleParentInterface = "GigabitEthernet0/0/0/1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: 80,
        forbiddenCharacters: [
            "?": "the IOS-XR CLI reads '?' as a request for help",
            "\"": "IOS-XR's handling of a double quote inside a word is unconfirmed",
        ],
        forbiddenFirstCharacters: [
            "!": "a word starting with '!' may be read as a comment",
            "#": "a word starting with '#' may be read as a comment",
        ],
        source: "80: conservative, IOS-XR's own limit is unconfirmed; `password clear` takes the key as one word"
    )
    let bfdIntervalRange = 3...30000
    let bfdMultiplierRange = 2...16

    /// RPL set and policy names: letters, digits, `-` and `_`, starting with a letter.
    func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordCharacter,
                                   maximumLength: 63, mustStartWithLetter: true)
    }

    func quoted(description: String) -> String {
        CLIText.neutralizingWordComments(TextRules.printableASCII(description, forbidden: ["?", "\""]))
    }

    /// `password clear KEY`: the key is one word, taken as it is.
    func quoted(key: String) -> String { key }

    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        let routes = intent.peers.flatMap { $0.staticRoutes + ($0.bgp?.anchorRoutes ?? []) }
        let ipv4 = routes.contains { $0.family == .ipv4 }
        let ipv6 = routes.contains { $0.family == .ipv6 }
        return ["hasRouterStatic": .flag(ipv4 || ipv6), "hasIPv4RouterStatic": .flag(ipv4), "hasIPv6RouterStatic": .flag(ipv6)]
    }


    /// Prefix sets and route policies are blocks re-entered whole (the new text replaces the
    /// old at commit); neighbors are modes.
    let changeSyntax = ChangeSyntax(
        style: .indented, commentPrefixes: ["!"], structuralLines: ["exit", "end"], epilogue: ["commit"],
        singleValued: [["description"], ["encapsulation", "*"], ["ipv4", "address"], ["remote-as"], ["password"],
                       ["route-policy", "$", "in"], ["route-policy", "$", "out"], ["prefix-set", "*"], ["route-policy", "*"],
                       ["bfd", "minimum-interval"], ["bfd", "multiplier"]],
        shared: [["router", "bgp", "*"], ["router", "static"], ["address-family", "*", "*"]],
        blocks: [(opener: "prefix-set ", terminator: "end-set"), (opener: "route-policy ", terminator: "end-policy")]
    )
}

extension IOSXRDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line); Cisco IOS XR BGP command
    /// reference (`show bgp neighbors X`, `show bgp {ipv4|ipv6} unicast neighbors X
    /// advertised-routes | routes`), `show route {ipv4|ipv6} P`, `show bfd session`;
    /// `rollback configuration last 1`, `commit confirmed`.
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { "show bgp \($0.rawValue) unicast summary" },
            neighbor: { "show bgp neighbors \($0.neighbor)" },
            advertisedRoutes: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) advertised-routes" },
            receivedRoutes: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) routes" },
            route: { "show route \($0.family.rawValue) \($0)" },
            ping: { "ping \($0.family.rawValue) \($0.neighbor) source \($0.interface ?? $0.local.description) count 5" },
            bfdSessions: "show bfd session",
            portStatus: { "show interfaces \($0)" },
            interfaceStatus: { "show interfaces \($0.interface ?? "")" },
            prompt: "in exec mode",
            applying: "Paste in configuration mode (`configure`); the block ends with `commit`. To have the router undo it unless confirmed, replace that last `commit` with `commit confirmed 300` and confirm with `commit` after verification.",
            rollingBack: "Paste in configuration mode (`configure`); the block ends with `commit`. Right after the change, `rollback configuration last 1` undoes the last commit as well.",
            unconfirmed: ["IOS-XR `ping ipv4|ipv6 X source INTERFACE count 5`: the keyword order is taken from the command reference, not tried on a router"]
        )
    }
}
