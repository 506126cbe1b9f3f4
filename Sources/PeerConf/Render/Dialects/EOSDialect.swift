/// Arista EOS, pasted in configuration mode.
///
/// Sources: netlab templates (bgp/eos.j2, bgp/eos.macro.j2: `no bgp default ipv4-unicast`,
/// `neighbor X remote-as`, `neighbor X description`, `address-family ipv4|ipv6` with
/// `network P` and `neighbor X activate`, `ip route P Null0`; bfd/eos.j2: `bfd interval N
/// min_rx N multiplier M` on the interface; extra/bgp.session/eos.j2: `neighbor X password`,
/// `neighbor X bfd`); the Ansible arista.eos collection; /work/shared/reference/vendor-cli.md
/// (`no switchport` on the parent, `encapsulation dot1q vlan N`, `ip routing`,
/// `ipv6 unicast-routing`, `password 0`). EOS keeps TCP-MD5 keys in the Linux kernel:
/// TCP_MD5SIG_MAXKEYLEN (80).
///
/// Decisions (UNCONFIRMED items take the conservative side):
/// - Key: `neighbor X password 0 KEY`, one word. `?` asks for help and `|` starts an output
///   pipe; how EOS parses `"` and `\` inside a key is UNCONFIRMED: keys with any of them are
///   refused rather than risked; the same characters are replaced in descriptions.
/// - Descriptions: non-ASCII replaced; cut to 80 characters (EOS's limit is UNCONFIRMED; 80 is
///   the Cisco-style neighbor description limit).
/// - IPv6 prefix lists are EOS's sub-mode form (`ipv6 prefix-list NAME` / `seq N permit P`).
/// - BFD interval range UNCONFIRMED (50-60000 ms believed); the cloud's 200-5000 is written as is.
/// - Filters: prefix lists out (exactly the advertised subnets) and in (the cloud subnets when
///   listed); EOS accepts everything without an inbound filter.
/// - The rollback leaves `ip routing`, `ipv6 unicast-routing` and the parent's `no switchport`
///   in place: other configuration may rely on them.
///
/// Extra values: `interfaceBFD`, `bfdNotes` (see `InterfaceBFD`).
struct EOSDialect: VendorDialect {
    let id = VendorID.eos
    let platform = "Arista EOS"
    let sampleParentInterface = "Ethernet1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: KeyRules.linuxMaximumLength,
        forbiddenCharacters: [
            "?": "EOS answers '?' with help while the line is typed or pasted",
            "|": "EOS reads '|' as an output pipe",
            "\"": "how EOS parses '\"' inside a key is unconfirmed, so peerconf does not risk it",
            "\\": "how EOS parses '\\' inside a key is unconfirmed, so peerconf does not risk it",
        ],
        source: "EOS keeps TCP-MD5 keys in the Linux kernel: TCP_MD5SIG_MAXKEYLEN"
    )

    /// Characters replaced in descriptions, for the reasons given in `keyRules`.
    static let descriptionSpecials: Set<Character> = ["?", "|", "\"", "\\"]

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
        InterfaceBFD.context(for: intent, platform: platform)
    }

    let changeSyntax = ChangeSyntax.ciscoLike(extraSingleValued: [["neighbor", "*", "bfd"]], epilogue: ["end"])
}

extension EOSDialect {
    /// Sources: ipspace/netlab's EOS validation plugins (`show bgp ipv4|ipv6 unicast summary`,
    /// `show bgp neighbors X`, `ping ip|ipv6 X source Y repeat N`, run against EOS in labs);
    /// /work/shared/reference/vendor-cli.md ("Verify:" line: `show ip bgp neighbors X
    /// advertised-routes`, `show bfd peers`); EOS configure sessions.
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { "show bgp \($0.rawValue) unicast summary" },
            neighbor: { "show bgp neighbors \($0.neighbor)" },
            advertisedRoutes: { $0.family == .ipv4 ? "show ip bgp neighbors \($0.neighbor) advertised-routes" : "show ipv6 bgp peers \($0.neighbor) advertised-routes" },
            receivedRoutes: { $0.family == .ipv4 ? "show ip bgp neighbors \($0.neighbor) routes" : "show ipv6 bgp peers \($0.neighbor) routes" },
            route: { "show \($0.family.ipKeyword) route \($0)" },
            ping: { "ping \($0.family.ipKeyword) \($0.neighbor) source \($0.interface ?? $0.local.description) repeat 5" },
            bfdSessions: "show bfd peers",
            portStatus: { "show interfaces \($0)" },
            interfaceStatus: { "show interfaces \($0.interface ?? "")" },
            prompt: "in privileged exec mode",
            applying: "Paste in a configuration session to review before it applies: `configure session peerconf`, paste, `show session-config diffs`, `commit`. After verification, `write memory`.",
            rollingBack: "Paste in configuration mode (`configure`), then `write memory`.",
            unconfirmed: ["EOS `show ipv6 bgp peers X advertised-routes|routes` for IPv6 neighbors (the IPv4 forms are confirmed)"]
        )
    }
}
