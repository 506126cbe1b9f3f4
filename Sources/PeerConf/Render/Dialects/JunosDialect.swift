/// Juniper Junos, as `set` commands (`load set terminal` / `load set FILE`).
///
/// Sources: junos-conf-*@2024-01-01.yang (Junos 24.4, ../shared/yang/junos: BGP
/// `authentication-key` 1-126 characters, `bfd-liveness-detection minimum-interval`
/// 1-255000 ms and `multiplier` 1-255), netlab's junos templates (flexible-vlan-tagging,
/// `unit N vlan-id N`, `discard` routes, prefix-list-filter policies), Juniper's CLI guide
/// ("a pound sign (#) at the beginning of the command line indicates a comment line"), the
/// authentication-key statement page (any ASCII, quoted when it has spaces).
///
/// Decisions:
/// - Comments are whole lines starting with `#` (documented for the CLI; `load set` reads
///   the same command lines, and `show | display set` output starts with `##` lines).
/// - No `commit` line: a set file is loaded into the candidate, reviewed (`show | compare`)
///   and committed by the operator, preferably with `commit confirmed`; the header says so.
/// - The port gets `flexible-vlan-tagging` (single-tagged `vlan-id` units coexist with any
///   other tagging on it); rollback leaves it, other units may rely on it. The logical unit
///   number is the VLAN id; VLAN 0 uses unit 0 of the untagged port.
/// - Quoted strings: whether Junos reads `\"` and `\\` as escapes inside quotes is
///   UNCONFIRMED, so descriptions replace `"` and `\` (and `?`, the CLI's help key, and
///   non-ASCII) and keys containing them are refused.
/// - The export policy accepts exactly the advertised prefixes (`prefix-list-filter ...
///   exact`) and rejects the rest; the import policy accepts the cloud's prefixes exactly (or
///   everything) and rejects the rest. One BGP group per peer, `type external`.
///
/// Extra template value: `unit` (the logical unit number: the VLAN id, 0 when untagged).
struct JunosDialect: VendorDialect {
    let id = VendorID.junos
    let platform = "Juniper Junos"
    let sampleParentInterface = "ge-0/0/1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: 126,
        forbiddenCharacters: [
            "\"": "the key is written inside double quotes and escaping a quote there is unconfirmed",
            "\\": "the key is written inside double quotes and backslash escapes there are unconfirmed",
            "?": "the Junos CLI reads '?' as a request for help when the line is typed or pasted",
        ],
        source: "Junos YANG (junos-conf-protocols, 24.4): authentication-key is 1-126 characters"
    )

    /// Policy, prefix-list and group names: letters, digits, `-` and `_`, starting with a letter.
    func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordCharacter,
                                   maximumLength: 63, mustStartWithLetter: true)
    }

    func quoted(description: String) -> String {
        "\"" + TextRules.printableASCII(description, forbidden: ["\"", "\\", "?"]) + "\""
    }

    func quoted(key: String) -> String { "\"" + key + "\"" }

    func interfaceName(parent: String, vlan: Int) -> String { "\(parent).\(vlan)" }

    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        ["unit": .text(String(intent.vlan))]
    }

    let changeSyntax = ChangeSyntax(
        style: .pathCommands(add: "set ", remove: "delete "), commentPrefixes: ["#"],
        singleValued: [["set", "interfaces", "*", "unit", "*", "description"], ["set", "interfaces", "*", "unit", "*", "vlan-id"],
                       ["set", "protocols", "bgp", "group", "*", "peer-as"], ["set", "protocols", "bgp", "group", "*", "import"],
                       ["set", "protocols", "bgp", "group", "*", "export"], ["set", "protocols", "bgp", "group", "*", "neighbor", "*", "description"],
                       ["set", "protocols", "bgp", "group", "*", "neighbor", "*", "authentication-key"],
                       ["set", "protocols", "bgp", "group", "*", "neighbor", "*", "bfd-liveness-detection", "minimum-interval"],
                       ["set", "protocols", "bgp", "group", "*", "neighbor", "*", "bfd-liveness-detection", "multiplier"]],
        objects: [["set", "protocols", "bgp", "group", "*", "neighbor", "*"], ["set", "protocols", "bgp", "group", "*"],
                  ["set", "policy-options", "policy-statement", "*"], ["set", "policy-options", "prefix-list", "*"],
                  ["set", "interfaces", "*", "unit", "*"]],
        shared: [["set", "routing-options", "autonomous-system", "*"], ["set", "interfaces", "*", "flexible-vlan-tagging"]]
    )
}

extension JunosDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line); Junos routing protocols
    /// and CLI user guides (`show bgp summary`, `show bgp neighbor X`, `show route
    /// advertising-protocol bgp X`, `show route receive-protocol bgp X`, `show route P exact`,
    /// `ping X source Y count N`, `show bfd session`, `commit confirmed N`, `rollback 1`).
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { _ in "show bgp summary" },
            neighbor: { "show bgp neighbor \($0.neighbor)" },
            advertisedRoutes: { "show route advertising-protocol bgp \($0.neighbor)" },
            receivedRoutes: { "show route receive-protocol bgp \($0.neighbor)" },
            route: { "show route \($0) exact" },
            ping: { "ping \($0.neighbor) source \($0.local) count 5" },
            bfdSessions: "show bfd session",
            portStatus: { "show interfaces \($0) terse" },
            interfaceStatus: { "show interfaces \($0.interface ?? "") terse" },
            prompt: "in operational mode",
            applying: "In configuration mode: `load set terminal`, paste, then `show | compare` and `commit confirmed 10`. After verification, `commit` (without it Junos rolls the change back after 10 minutes).",
            rollingBack: "Within the `commit confirmed` window, not confirming is enough: Junos restores the previous configuration. Later: `load set terminal` with the rollback below and `commit`, or `rollback 1` and `commit` when nothing else was committed since."
        )
    }
}
