/// FRRouting (frr.conf / vtysh).
///
/// Sources: FRR user guide (bgp.rst: `neighbor PEER password`, `neighbor PEER bfd profile`;
/// bfd.rst: profiles; filter.rst: prefix lists; routemap.rst), vtysh's lexer (a word that
/// begins with `!` or `#` starts a comment), Linux TCP_MD5SIG_MAXKEYLEN (80).
/// The VLAN device itself is created in Linux (`ip link add link eth1 name eth1.100 type
/// vlan id 100`); FRR configures the addresses on it.
struct FRRDialect: VendorDialect {
    let id = VendorID.frr
    let platform = "FRRouting"
    let sampleParentInterface = "eth1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: KeyRules.linuxMaximumLength,
        forbiddenFirstCharacters: [
            "!": "vtysh reads a word starting with '!' as a comment",
            "#": "vtysh reads a word starting with '#' as a comment",
        ],
        source: "Linux TCP_MD5SIG_MAXKEYLEN; FRR takes the key as one word"
    )

    func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordOrDotCharacter, maximumLength: 63)
    }

    /// `description LINE` takes the rest of the line; only a word starting with `!` or `#`
    /// would cut it short (as a comment), so those two characters are replaced there.
    func quoted(description: String) -> String {
        CLIText.neutralizingWordComments(description)
    }

    func quoted(key: String) -> String { key }

    let changeSyntax = ChangeSyntax.ciscoLike()
}

extension FRRDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line); FRR user guide (bgp.rst:
    /// `show bgp [afi] [safi] summary`, `show bgp [afi] [safi] neighbors X advertised-routes |
    /// routes` (accepted routes, no soft-reconfiguration needed), bfd.rst: `show bfd peers`;
    /// zebra.rst: `show ip route P`); iputils ping (`-I` takes an interface or a source
    /// address). Commands run through `vtysh -c` from a shell, so each line pastes as is.
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { "vtysh -c 'show bgp \($0.rawValue) unicast summary'" },
            neighbor: { "vtysh -c 'show bgp neighbors \($0.neighbor)'" },
            advertisedRoutes: { "vtysh -c 'show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) advertised-routes'" },
            receivedRoutes: { "vtysh -c 'show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) routes'" },
            route: { "vtysh -c 'show \($0.family.ipKeyword) route \($0)'" },
            ping: { "ping -c 5 -I \($0.interface ?? $0.local.description) \($0.neighbor)" },
            bfdSessions: "vtysh -c 'show bfd peers'",
            portStatus: { "ip link show dev \($0)" },
            interfaceStatus: { "vtysh -c 'show interface \($0.interface ?? "")'" },
            prompt: "in a shell on the router",
            applying: "Create the VLAN device in Linux first (the configuration's comment gives the `ip link` command), then paste in `vtysh` configuration mode (`vtysh`, `configure terminal`). After verification, `write memory`.",
            rollingBack: "Paste in `vtysh` configuration mode, then `write memory`; delete the VLAN device in Linux (`ip link delete DEVICE`) when the interface is gone from FRR."
        )
    }
}
