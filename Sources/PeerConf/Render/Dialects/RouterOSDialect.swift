/// MikroTik RouterOS 7, as terminal commands with full paths (`/ip/address/add ...`).
///
/// Sources: /work/shared/reference/vendor-cli.md (RouterOS section); the MikroTik manual:
/// "Moving from ROSv6 to v7" (networks are advertised from an address list through
/// `output.network` and only while a matching route exists; routing filter chains default to
/// reject; filter rule syntax `if (dst == P) { accept }`), "BFD" (`use-bfd` on
/// `/routing/bgp/connection`; sessions are forbidden unless a `/routing/bfd/configuration`
/// entry allows them; `addresses`, `min-tx`, `min-rx`, `multiplier`), and the scripting
/// manual's string escapes (`\"`, `\\`, `\$` since `$` starts a variable, `\?` since `?`
/// asks for help); terraform-routeros `routing_bgp_connection` (`address-families`,
/// `tcp-md5-key`, `input.filter`, `output.filter-chain`, `use-bfd`). RouterOS 7 runs Linux,
/// so TCP-MD5 keys are limited to 80 bytes.
///
/// Commands apply one by one (there is no commit), so the configuration creates everything a
/// BGP connection uses before the connection, and the rollback removes the connection first.
/// The rollback finds what it removes by its defining values (`[find where name=...]`,
/// `dst-address=... and blackhole`); the BFD configuration entry, which has no name, carries
/// the connection's name as its comment for that purpose. BFD is confirmed (manual "BFD"):
/// the entry matches the neighbor's address, so it needs no interface name.
/// Both filter chains are always set: without `input.filter` RouterOS accepts every route,
/// and without `output.filter-chain` it would advertise whatever the address list selects.
struct RouterOSDialect: VendorDialect {
    let id = VendorID.routerOS
    let platform = "MikroTik RouterOS 7"
    let sampleParentInterface = "ether1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: KeyRules.linuxMaximumLength,
        source: "Linux TCP_MD5SIG_MAXKEYLEN; the key is a double-quoted, escaped RouterOS string"
    )

    /// Connection names, filter chains and address lists.
    func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordOrDotCharacter, maximumLength: 63)
    }

    /// A comment: printable ASCII only (RouterOS does not store UTF-8 reliably), then quoted
    /// like every string.
    func quoted(description: String) -> String {
        Self.quotedString(TextRules.printableASCII(description))
    }

    func quoted(key: String) -> String { Self.quotedString(key) }

    /// A RouterOS string literal: inside double quotes, `"` and `\` are escaped, and so are
    /// `$` (variable substitution) and `?` (the help key, even inside quotes).
    static func quotedString(_ text: String) -> String {
        // Bytes, as RouterOS reads them (and without a search of "\"\\$?" per character).
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var bytes: [UInt8] = [quote]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == quote || byte == backslash || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "?") { bytes.append(backslash) }
            bytes.append(byte)
        }
        bytes.append(quote)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A VLAN interface named after its port and VLAN; VLAN 0 is the port itself.
    func interfaceName(parent: String, vlan: Int) -> String {
        vlan == 0 ? parent : "\(parent)-vlan\(vlan)"
    }

    let changeSyntax = ChangeSyntax(style: .objectCommands(RouterOSCommands.rules), commentPrefixes: ["#"])
}

extension RouterOSDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line: `/routing/bgp/session/print`,
    /// `/ip/route/print where bgp`); MikroTik manual: BGP (`/routing/bgp/session`,
    /// `/routing/bgp/advertisements` lists sent prefixes only when the connection keeps them:
    /// `output.keep-sent-attributes=yes`, off by default), BFD (`/routing/bfd/session`), Safe
    /// Mode (Ctrl-X), `/ping ADDRESS src-address=... count=N`.
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { _ in "/routing/bgp/session/print" },
            neighbor: { "/routing/bgp/session/print detail where remote.address=\($0.neighbor)" },
            advertisedRoutes: { "/routing/bgp/advertisements/print where peer~\"^\($0.session)\"" },
            receivedRoutes: { "/\($0.family == .ipv4 ? "ip" : "ipv6")/route/print detail where bgp and gateway=\($0.neighbor)" },
            route: { "/\($0.family == .ipv4 ? "ip" : "ipv6")/route/print detail where dst-address=\($0)" },
            ping: { link in
                let interface = link.interface.map { " interface=\($0)" } ?? ""
                return "/ping \(link.neighbor) src-address=\(link.local)\(interface) count=5"
            },
            bfdSessions: "/routing/bfd/session/print",
            portStatus: { "/interface/print detail where name=\($0)" },
            interfaceStatus: { "/interface/print detail where name=\($0.interface ?? "")" },
            prompt: "in a terminal session",
            applying: "Each command applies at once (there is no commit). Turn on Safe Mode first (Ctrl-X): if the session is lost, RouterOS undoes the changes; leave Safe Mode (Ctrl-X again) after verification.",
            rollingBack: "Paste in a terminal session; each command applies at once.",
            notes: ["RouterOS applies each command as it is pasted: a paste interrupted halfway leaves half a configuration. Apply the whole block, then verify; the rollback removes whatever of it exists."],
            unconfirmed: [
                "RouterOS `/routing/bgp/advertisements/print` lists advertised prefixes only with `output.keep-sent-attributes=yes` on the connection, which this configuration does not set; without it, check the routes the cloud console shows as received",
            ]
        )
    }
}
