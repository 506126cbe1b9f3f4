/// Cisco NX-OS (Nexus), pasted in configuration mode.
///
/// Sources: netlab templates (bgp/nxos.j2: `feature bgp`, router-level `address-family ipv4
/// unicast` + `network`, neighbor sub-mode with `remote-as`, `description`, per-neighbor
/// `address-family`; bfd/nxos.j2: `feature bfd`, `no ip redirects`, `no ipv6 redirects`,
/// `bfd interval N min_rx N multiplier M`; extra/bgp.session/nxos.j2: `password` in neighbor
/// mode); the Ansible cisco.nxos collection (neighbor `bfd`, password types 0/3/7);
/// /work/shared/reference/vendor-cli.md (`no switchport` on the parent, `password 0`).
///
/// Decisions (UNCONFIRMED items take the conservative side):
/// - Key: `password 0 KEY`, one word. Its length limit is UNCONFIRMED: 80, as IOS and the Linux
///   TCP-MD5 limit. NX-OS's shell-like CLI gives `?` (help), `;` (command separator), `|`
///   (pipe), `>` (redirect) and `$` (CLI variables, `$(name)`) a meaning, and how it treats
///   `"` and `\` is UNCONFIRMED: keys with any of them are refused rather than risked; the same
///   characters are replaced in descriptions.
/// - Descriptions: cut to 80 characters (the neighbor description limit; interfaces take 254);
///   non-ASCII replaced.
/// - BFD: NX-OS takes intervals of 50-999 ms (UNCONFIRMED upper bound); a longer cloud interval
///   is written as 999 with a comment, since BFD runs at the slower end's rate anyway.
/// - Filters: prefix lists out (exactly the advertised subnets) and in (the cloud subnets when
///   listed); NX-OS exchanges routes without policies, so none is needed for accept-all.
/// - The rollback leaves `feature bgp`/`feature bfd` and the parent's `no switchport` in place:
///   other configuration may depend on them.
///
/// Extra values: `interfaceBFD`, `bfdNotes` (see `InterfaceBFD`).
struct NXOSDialect: VendorDialect {
    let id = VendorID.nxOS
    let platform = "Cisco NX-OS"
    let sampleParentInterface = "Ethernet1/1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: 80,
        forbiddenCharacters: [
            "?": "NX-OS answers '?' with help while the line is typed or pasted",
            ";": "NX-OS reads ';' as a command separator",
            "|": "NX-OS reads '|' as a pipe",
            ">": "NX-OS reads '>' as an output redirection",
            "$": "NX-OS expands '$(name)' as a CLI variable",
            "\"": "how NX-OS parses '\"' inside a key is unconfirmed, so peerconf does not risk it",
            "\\": "how NX-OS parses '\\' inside a key is unconfirmed, so peerconf does not risk it",
        ],
        source: "NX-OS key length UNCONFIRMED; 80 as Cisco IOS and the Linux TCP-MD5 limit"
    )

    /// Characters replaced in descriptions, for the reasons given in `keyRules`.
    static let descriptionSpecials: Set<Character> = ["?", ";", "|", ">", "$", "\"", "\\"]

    /// Prefix-list names: letters, digits, `-`, `_`, `.`, at most 63, starting with a letter.
    func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordOrDotCharacter,
                                   maximumLength: 63, mustStartWithLetter: true)
    }

    func quoted(description: String) -> String {
        CLIText.truncated(TextRules.printableASCII(description, forbidden: Self.descriptionSpecials), to: 80)
    }

    func quoted(key: String) -> String { key }


    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        InterfaceBFD.context(for: intent, platform: platform, maximumInterval: 999)
    }

    /// Neighbors are modes (`neighbor X` with `remote-as` inside): removing one is `no neighbor X`.
    let changeSyntax = ChangeSyntax(
        style: .indented, commentPrefixes: ["!"], structuralLines: ["exit", "end"],
        singleValued: [["description"], ["encapsulation", "*"], ["ip", "address"], ["remote-as"], ["password"],
                       ["prefix-list", "$", "in"], ["prefix-list", "$", "out"], ["bfd", "interval"]],
        shared: [["feature", "*"], ["router", "bgp", "*"], ["address-family", "*", "*"], ["no", "switchport"], ["no", "shutdown"],
                 ["no", "ip", "redirects"], ["no", "ipv6", "redirects"]]
    )
}

extension NXOSDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line); Cisco Nexus unicast
    /// routing command references (`show bgp {ipv4|ipv6} unicast summary|neighbors X
    /// [advertised-routes|routes]`, `show ip|ipv6 route P`, `ping`/`ping6 ... source-interface`,
    /// `show bfd neighbors`, `checkpoint` / `rollback running-config checkpoint`).
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { "show bgp \($0.rawValue) unicast summary" },
            neighbor: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor)" },
            advertisedRoutes: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) advertised-routes" },
            receivedRoutes: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) routes" },
            route: { "show \($0.family.ipKeyword) route \($0)" },
            ping: { link in
                let source = link.interface.map { "source-interface \($0)" } ?? "source \(link.local)"
                return "\(link.family == .ipv4 ? "ping" : "ping6") \(link.neighbor) \(source) count 5"
            },
            bfdSessions: "show bfd neighbors",
            portStatus: { "show interface \($0)" },
            interfaceStatus: { "show interface \($0.interface ?? "")" },
            prompt: "in exec mode",
            applying: "Take a checkpoint first (`checkpoint peerconf-before`), then paste in configuration mode (`configure terminal`). After verification, save with `copy running-config startup-config`.",
            rollingBack: "Paste in configuration mode (`configure terminal`). `rollback running-config checkpoint peerconf-before` returns to the checkpoint taken before the change as a whole.",
            unconfirmed: ["NX-OS `ping6 X source-interface IF count 5` for IPv6 peers: from the command reference, not tried on a switch"]
        )
    }
}
