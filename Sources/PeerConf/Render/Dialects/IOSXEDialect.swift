/// Cisco IOS / IOS-XE (classic CLI, pasted in configuration mode).
///
/// Sources: netlab templates (bgp/ios.j2, bgp/ios.macro.j2, bfd/ios.j2, extra/bgp.session/ios.j2:
/// `no bgp default ipv4-unicast`, `address-family ipv4|ipv6`, `network P mask M`,
/// `neighbor X fall-over bfd`, `bfd interval N min_rx N multiplier M`, `ip route P M null 0`);
/// the Ansible cisco.ios collection; O'Reilly "Cisco IOS in a Nutshell" (neighbor password: up
/// to 80 characters, spaces allowed, first character not a number); Cisco-IOS-XE-bgp.yang
/// 17.18 (neighbor password text 1..52 characters = the type-7 form of 25, which matches the
/// UNCONFIRMED 25-character limit with `service password-encryption`; not enforced here);
/// RFC 6793 (AS_TRANS). BFD interval range 50-9999 ms (UNCONFIRMED; the cloud's 200-5000 fits).
///
/// Decisions:
/// - The key is written as `password 0 KEY`: `0` says clear text, and the key runs to the end
///   of the line, so no quoting is needed. `?` cannot be pasted (IOS answers it with help).
/// - Descriptions: `?` and non-ASCII are replaced; cut to 80 characters, the length IOS takes
///   for `neighbor X description` (the interface takes 200).
/// - Filters: an IPv4/IPv6 prefix list out (exactly the advertised subnets) and, when the cloud
///   subnets are listed, one in. IOS is not RFC 8212: without `in` it accepts everything.
/// - Global switches the configuration turns on (`ipv6 unicast-routing`, `no bgp default
///   ipv4-unicast`) stay on in the rollback: other parts of the router may rely on them.
///
/// Extra values: `interfaceBFD`, `bfdNotes` (see `InterfaceBFD`).
struct IOSXEDialect: VendorDialect {
    let id = VendorID.iosXE
    let platform = "Cisco IOS / IOS-XE"
    let sampleParentInterface = "GigabitEthernet0/0/1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: 80,
        forbiddenCharacters: ["?": "IOS answers '?' with help while the line is typed or pasted, so it never reaches the key"],
        forbiddenFirstCharacters: Dictionary(uniqueKeysWithValues: "0123456789".map {
            ($0, "IOS refuses a password whose first character is a digit (it would read as an encryption type)")
        }),
        source: "Cisco IOS neighbor password: up to 80 characters, first character not a digit"
    )
    let refusedASNs: [UInt32: String] = [23456: "23456 is AS_TRANS (RFC 6793), reserved for 2-byte-only speakers"]

    /// Prefix-list names: one word of letters, digits, `-`, `_`, `.`, starting with a letter
    /// (a leading digit invites confusion with numbered lists).
    func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordOrDotCharacter,
                                   maximumLength: 63, mustStartWithLetter: true)
    }

    func quoted(description: String) -> String {
        CLIText.truncated(TextRules.printableASCII(description, forbidden: ["?"]), to: 80)
    }

    func quoted(key: String) -> String { key }


    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        InterfaceBFD.context(for: intent, platform: platform)
    }

    let changeSyntax = ChangeSyntax.ciscoLike(extraSingleValued: [["neighbor", "*", "fall-over"]], epilogue: ["end"])
}

extension IOSXEDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line); Cisco IOS XE BGP and IP
    /// routing command references (`show bgp {ipv4|ipv6} unicast neighbors X advertised-routes`,
    /// `... routes` shows the routes accepted from the neighbor without soft-reconfiguration,
    /// `show ip route P M`, `ping ... source INTERFACE repeat N`).
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { "show bgp \($0.rawValue) unicast summary" },
            neighbor: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor)" },
            advertisedRoutes: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) advertised-routes" },
            receivedRoutes: { "show bgp \($0.family.rawValue) unicast neighbors \($0.neighbor) routes" },
            route: { $0.family == .ipv4 ? "show ip route \($0.address) \($0.netmask)" : "show ipv6 route \($0)" },
            ping: { "ping \($0.family == .ipv6 ? "ipv6 " : "")\($0.neighbor) source \($0.interface ?? $0.local.description) repeat 5" },
            bfdSessions: "show bfd neighbors",
            portStatus: { "show interfaces \($0)" },
            interfaceStatus: { "show interfaces \($0.interface ?? "")" },
            prompt: "in privileged exec mode",
            applying: "Paste in global configuration mode (`configure terminal`). After verification, save with `copy running-config startup-config`.",
            rollingBack: "Paste in global configuration mode (`configure terminal`), then save with `copy running-config startup-config`."
        )
    }
}
