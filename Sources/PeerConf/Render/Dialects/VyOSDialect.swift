import Foundation

/// VyOS 1.4 and later, as `set` commands pasted at the operational prompt (`configure`,
/// the commands, `commit`, `save`, `exit`).
///
/// Sources: /work/shared/reference/vendor-cli.md (VyOS section); vyos-1x interface
/// definitions (prefix-list and route-map names: letters, digits, `-`, `_`; BFD
/// `interval transmit|receive|multiplier`; the BGP password and neighbor description are
/// free text) and its `bgpd.frr.j2` template (password and description are written into
/// frr.conf unchanged, so FRR's rules apply: a word starting with `!` or `#` is a comment;
/// `system-as`, `no bgp default ipv4-unicast`); vyos.dev T9077 (`?` asks for help even
/// inside quotes when typed or pasted), T1246 and T1001 (a `"` inside a value is refused even
/// escaped; backslashes are mishandled); Linux TCP_MD5SIG_MAXKEYLEN (80). VyOS accepts
/// ASNs 1-4294967294.
///
/// Values are single-quoted, as `show configuration commands` prints them, so the shell
/// takes `$`, `;`, `|`, `&` and spaces literally; a `'` cannot appear inside.
///
/// Extra template value: `vyosInterfaceType`, the `interfaces` node of the parent port
/// (`ethernet` for ethN, `bonding` for bondN, `bridge` for brN; `ethernet` otherwise).
struct VyOSDialect: VendorDialect {
    let id = VendorID.vyos
    let platform = "VyOS 1.4+"
    let sampleParentInterface = "eth1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let asnRange: ClosedRange<UInt32> = 1...4_294_967_294
    let keyRules = KeyRules(
        maximumLength: KeyRules.linuxMaximumLength,
        forbiddenCharacters: [
            "'": "a ' cannot appear inside the single-quoted value",
            "\"": "VyOS refuses a '\"' inside a value, even escaped (vyos.dev T1246)",
            "\\": "VyOS mishandles backslashes in values (vyos.dev T1001)",
            "?": "the VyOS CLI takes '?' as a help request, even inside quotes (vyos.dev T9077)",
        ],
        forbiddenFirstCharacters: [
            "!": "FRR, which receives the key unchanged, reads a word starting with '!' as a comment",
            "#": "FRR, which receives the key unchanged, reads a word starting with '#' as a comment",
        ],
        source: "Linux TCP_MD5SIG_MAXKEYLEN; VyOS CLI quoting and FRR's one-word password"
    )


    /// Single-quoted printable ASCII: `'`, `"`, `\` and `?` are replaced (see the key rules),
    /// and so is `!` or `#` starting a word, which FRR would read as a comment. Never empty:
    /// FRR refuses an empty neighbor description.
    func quoted(description: String) -> String {
        let result = CLIText.neutralizingWordComments(TextRules.printableASCII(description, forbidden: ["'", "\"", "\\", "?"]))
        let text = CLIText.trimmingSpaces(result)
        return "'" + (text.isEmpty ? "-" : text) + "'"
    }

    /// Characters that cannot be single-quoted are refused by `keyRules`.
    func quoted(key: String) -> String { "'" + key + "'" }

    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        ["vyosInterfaceType": .text(Self.interfaceType(of: intent.parentInterface ?? sampleParentInterface))]
    }

    static func interfaceType(of port: String) -> String {
        for (prefix, type) in [("bond", "bonding"), ("br", "bridge"), ("eth", "ethernet")]
        where port.hasPrefix(prefix) && port.dropFirst(prefix.count).allSatisfy(\.isNumber) {
            return type
        }
        return "ethernet"
    }

    let changeSyntax = ChangeSyntax(
        style: .pathCommands(add: "set ", remove: "delete "), commentPrefixes: ["#"],
        prologue: ["configure"], epilogue: ["commit", "save", "exit"],
        singleValued: [["set", "interfaces", "*", "*", "vif", "*", "description"], ["set", "interfaces", "*", "*", "description"],
                       ["set", "protocols", "bgp", "neighbor", "*", "remote-as"], ["set", "protocols", "bgp", "neighbor", "*", "description"],
                       ["set", "protocols", "bgp", "neighbor", "*", "password"],
                       ["set", "policy", "prefix-list", "*", "rule", "*", "prefix"], ["set", "policy", "prefix-list6", "*", "rule", "*", "prefix"],
                       ["set", "protocols", "bfd", "peer", "*", "interval", "transmit"], ["set", "protocols", "bfd", "peer", "*", "interval", "receive"],
                       ["set", "protocols", "bfd", "peer", "*", "interval", "multiplier"]],
        objects: [["set", "protocols", "bgp", "neighbor", "*"], ["set", "policy", "prefix-list", "*", "rule", "*"],
                  ["set", "policy", "prefix-list6", "*", "rule", "*"], ["set", "policy", "prefix-list", "*"], ["set", "policy", "prefix-list6", "*"],
                  ["set", "policy", "route-map", "*"], ["set", "interfaces", "*", "*", "vif", "*"], ["set", "protocols", "bfd", "peer", "*"]],
        shared: [["set", "protocols", "bgp", "system-as", "*"]]
    )
}

extension VyOSDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line: `show ip bgp summary`,
    /// `show bgp ipv4 neighbors X advertised-routes`); VyOS documentation (op-mode `ping X
    /// source-address Y count N`, `show bfd peers`, `show interfaces ethernet ethN vif N`,
    /// `commit-confirm N` / `confirm`); the op-mode BGP commands mirror FRR's vtysh.
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { "show bgp \($0.rawValue) summary" },
            neighbor: { "show bgp neighbors \($0.neighbor)" },
            advertisedRoutes: { "show bgp \($0.family.rawValue) neighbors \($0.neighbor) advertised-routes" },
            receivedRoutes: { "show bgp \($0.family.rawValue) neighbors \($0.neighbor) routes" },
            route: { "show \($0.family.ipKeyword) route \($0)" },
            ping: { "ping \($0.neighbor) source-address \($0.local) count 5" },
            bfdSessions: "show bfd peers",
            portStatus: { "show interfaces \(Self.interfaceType(of: $0)) \($0)" },
            interfaceStatus: { link in
                let port = link.port ?? sampleParentInterface
                return "show interfaces \(Self.interfaceType(of: port)) \(port)" + (link.vlan == 0 ? "" : " vif \(link.vlan)")
            },
            prompt: "in operational mode",
            applying: "`configure`, paste, review with `compare`, then `commit-confirm 10` instead of the block's `commit`; after verification `confirm` and `save` (without `confirm`, VyOS reboots into the previous configuration after 10 minutes).",
            rollingBack: "`configure`, paste; the block commits and saves.",
            notes: ["VyOS `commit-confirm` restores the previous configuration by rebooting the router when the change is not confirmed in time: plan for the outage that implies."],
            unconfirmed: ["VyOS op-mode `show bgp ipv4|ipv6 summary` and `show bgp ipv4|ipv6 neighbors X routes` (taken from FRR's vtysh forms, which VyOS passes through)"]
        )
    }
}
