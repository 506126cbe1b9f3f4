import Foundation

/// Nokia SR OS, model-driven CLI (MD-CLI), as flat `/configure ...` commands pasted into a
/// private candidate (`edit-config private` ... `commit`).
///
/// Sources: /work/shared/reference/vendor-cli.md (SR OS section: interface, static routes,
/// policy-options, bgp group/neighbor, `delete /configure ...`); the Nokia 7750 SR router
/// configuration guide (an IP interface name has up to 32 characters, starts with a letter,
/// is never an IP address); Nokia classic-CLI references ("if the string contains special
/// characters (#, ?, space), the entire string must be enclosed within double quotes";
/// descriptions up to 80 characters); ipspace/netlab `bfd/sros.j2` (interface
/// `ipv4|ipv6 bfd` with `admin-state`, `transmit-interval`, `receive`, `multiplier`).
///
/// UNCONFIRMED, with the conservative choice made:
/// - Escapes inside a double-quoted MD-CLI string (`\"`, `\\`) could not be confirmed, so a
///   key containing `"` or `\` is refused and descriptions replace them.
/// - The BGP authentication-key length limit is unconfirmed: 80, the limit every other
///   platform here shares, rather than a larger value the router might refuse.
/// - Name lengths for policies, prefix lists and groups: 32, as for interface names (MD-CLI
///   may allow more).
///
/// The file ends with `commit` and stays in the candidate: a failed commit can then be read
/// and fixed instead of being discarded by `quit-config`. The rollback deletes the neighbors,
/// groups, policies, routes and the router interface it created; the router's
/// `autonomous-system` stays, as other sessions may depend on it.
///
/// Extra template values: `srosInterface`, the router interface's name, quoted
/// (`"dc-<virtual interface>"`): the `dc-` prefix keeps it from ever being `system` or
/// looking like an IP address, which SR OS refuses as interface names.
struct SROSDialect: VendorDialect {
    let id = VendorID.sros
    let platform = "Nokia SR OS (MD-CLI)"
    /// A connector port; `lag-1` is as valid a `port` for a router interface.
    let sampleParentInterface = "1/1/c1/1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: 80,
        forbiddenCharacters: [
            "\"": "'\"' would end the double-quoted key, and MD-CLI's escape for it is unconfirmed",
            "\\": "'\\' may start an escape in a double-quoted MD-CLI string (unconfirmed), changing the key",
        ],
        source: "conservative: SR OS limit unconfirmed, 80 as on the other platforms; quoting per MD-CLI double-quoted strings"
    )

    /// Names are always double-quoted; these characters keep them readable and unambiguous.
    func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordOrDotCharacter, maximumLength: 32)
    }

    /// Double-quoted, so `#`, `$`, `?` and spaces are plain text. `"` and `\` are replaced
    /// (see above), as is anything outside printable ASCII; descriptions take 1 to 80
    /// characters.
    func quoted(description: String) -> String {
        var text = TextRules.printableASCII(description, forbidden: ["\"", "\\"])
        text = CLIText.truncated(CLIText.trimmingSpaces(text), to: 80)
        return "\"" + (text.isEmpty ? "-" : text) + "\""
    }

    /// Characters that cannot be quoted are refused by `keyRules`, so quoting is enough.
    func quoted(key: String) -> String { "\"" + key + "\"" }

    /// The SAP-like port binding of the router interface: `port:vlan` on a dot1q port, the
    /// port alone (null encapsulation) for VLAN 0.
    func interfaceName(parent: String, vlan: Int) -> String {
        vlan == 0 ? parent : "\(parent):\(vlan)"
    }

    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        ["srosInterface": .text("\"" + routerInterfaceName(intent.virtualInterfaceName) + "\"")]
    }

    func routerInterfaceName(_ virtualInterface: String) -> String {
        IdentifierRules.restricted("dc-" + virtualInterface, allowed: IdentifierRules.isWordOrDotCharacter, maximumLength: 32)
    }

    let changeSyntax = ChangeSyntax(
        style: .flatPaths(remove: "delete "), commentPrefixes: ["#"], prologue: ["edit-config private"], epilogue: ["commit"],
        singleValued: [["/configure", "router", "*", "interface", "*", "description"], ["/configure", "router", "*", "interface", "*", "port"],
                       ["/configure", "router", "*", "interface", "*", "ipv4", "primary", "address"],
                       ["/configure", "router", "*", "bgp", "neighbor", "*", "description"], ["/configure", "router", "*", "bgp", "neighbor", "*", "authentication-key"],
                       ["/configure", "router", "*", "bgp", "neighbor", "*", "group"], ["/configure", "router", "*", "bgp", "group", "*", "peer-as"],
                       ["/configure", "router", "*", "bgp", "group", "*", "import", "policy"], ["/configure", "router", "*", "bgp", "group", "*", "export", "policy"]],
        objects: [["/configure", "router", "*", "bgp", "neighbor", "*"], ["/configure", "router", "*", "bgp", "group", "*"],
                  ["/configure", "policy-options", "policy-statement", "*"], ["/configure", "policy-options", "prefix-list", "*", "prefix", "*", "type", "*"],
                  ["/configure", "policy-options", "prefix-list", "*"],
                  ["/configure", "router", "*", "static-routes", "route", "*", "route-type", "*"], ["/configure", "router", "*", "interface", "*"]],
        shared: [["/configure", "router", "*", "autonomous-system", "*"]]
    )
}

extension SROSDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line: `show router bgp summary`,
    /// `show router bgp neighbor X advertised-routes`, `show router route-table`); Nokia SR OS
    /// router configuration and OAM guides (classic `show` commands run unchanged in MD-CLI;
    /// `show router route-table [ipv4|ipv6] P`, `show router bfd session`, `show port`,
    /// `show router interface NAME`, ping `source` and `router` options).
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { _ in "show router bgp summary" },
            neighbor: { "show router bgp neighbor \($0.neighbor)" },
            advertisedRoutes: { "show router bgp neighbor \($0.neighbor) advertised-routes\($0.family == .ipv6 ? " ipv6" : "")" },
            receivedRoutes: { "show router bgp neighbor \($0.neighbor) received-routes\($0.family == .ipv6 ? " ipv6" : "")" },
            route: { "show router route-table \($0.family.rawValue) \($0)" },
            ping: { "ping \($0.neighbor) router-instance \"Base\" source-address \($0.local) count 5" },
            bfdSessions: "show router bfd session",
            portStatus: { "show port \($0)" },
            interfaceStatus: { "show router interface \"\(routerInterfaceName($0.virtualInterface))\"" },
            prompt: "in operational mode (MD-CLI)",
            applying: "Enter a private candidate (`edit-config private`), paste, review with `compare`; the block ends with `commit`. After verification, leave with `quit-config`.",
            rollingBack: "Enter a private candidate (`edit-config private`) and paste; the block ends with `commit`.",
            unconfirmed: [
                "SR OS MD-CLI `ping X router-instance \"Base\" source-address Y count 5` (the classic CLI form is `ping X source Y router Base count 5`)",
                "SR OS `show router bgp neighbor X advertised-routes|received-routes ipv6` for IPv6 neighbors",
                "SR OS: whether `received-routes` lists routes the import policy rejected",
            ]
        )
    }
}
