/// BIRD 2 (bird.conf).
///
/// BIRD configures routing only: VLAN devices and addresses belong to the operating
/// system, so the output says which `ip` commands create them. The file is meant to be
/// `include`d from a bird.conf that has `protocol device` and a `protocol kernel`
/// (several virtual interfaces' files can then be included side by side; a second
/// `protocol kernel` for the same table would be refused).
///
/// Sources: BIRD 2 user's guide (strings, `define` prefix sets, filters, protocol static
/// `blackhole`, protocol bgp `password`, `bfd`), BIRD's lexer (strings have no escape
/// sequences: `"` cannot appear in one; symbols are letters, digits and `_`), Linux
/// TCP_MD5SIG_MAXKEYLEN (80).
struct BIRDDialect: VendorDialect {
    let id = VendorID.bird
    let platform = "BIRD 2"
    let sampleParentInterface = "eth1"
    let capabilities = VendorCapabilities(bfd: true, ipv6: true, untaggedInterface: true)
    let keyRules = KeyRules(
        maximumLength: KeyRules.linuxMaximumLength,
        forbiddenCharacters: ["\"": "BIRD strings have no escape for '\"'"],
        source: "Linux TCP_MD5SIG_MAXKEYLEN; BIRD string syntax"
    )

    /// Symbols are letters, digits and `_`. `-` becomes `_`; names that had `_` or `.`
    /// could then meet another name, so they get a hash suffix.
    func identifier(_ name: String) -> String {
        Self.asciiIdentifier(name) ?? generalIdentifier(name)
    }

    /// `identifier` for a name of ASCII characters (one byte each: no CR, which starts
    /// the two-byte character CR LF), the usual case, by bytes. By `Character`, with a
    /// Unicode property for the first letter, it was over half of a BIRD render.
    static func asciiIdentifier(_ name: String) -> String? {
        let hyphen = UInt8(ascii: "-"), underscore = UInt8(ascii: "_"), dot = UInt8(ascii: ".")
        let bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        let mapped = bytes.map { $0 == hyphen ? underscore : $0 }
        let needsHash = bytes.contains { $0 == underscore || $0 == dot } || !mapped.allSatisfy(isSymbolCharacter)
        let text = String(decoding: mapped, as: UTF8.self)
        if !needsHash, mapped.count <= 64, let first = mapped.first, IdentifierRules.isLetter(first) { return text }
        return IdentifierRules.restricted(text + "_" + IdentifierRules.hash(name), allowed: isSymbolCharacter,
                                          maximumLength: 64, mustStartWithLetter: true)
    }

    /// `identifier` for any name, by `Character` (a `-` carrying a combining mark is not a `-`).
    func generalIdentifier(_ name: String) -> String {
        let mapped = String(name.map { $0 == "-" ? "_" : $0 })
        let needsHash = name.utf8.contains { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
            || mapped.contains(where: { !IdentifierRules.isAllowed($0, Self.isSymbolCharacter) })
        if !needsHash, mapped.count <= 64, mapped.first?.isLetter == true { return mapped }
        return IdentifierRules.restricted(mapped + "_" + IdentifierRules.hash(name), allowed: Self.isSymbolCharacter,
                                          maximumLength: 64, mustStartWithLetter: true)
    }

    static func isSymbolCharacter(_ byte: UInt8) -> Bool {
        IdentifierRules.isLetterOrDigit(byte) || byte == UInt8(ascii: "_")
    }

    /// BIRD strings cannot contain `"`; the description is shown by `birdc`, so a
    /// look-alike keeps it readable. Replaced byte by byte, as BIRD reads it: Foundation's
    /// `replacingOccurrences` compares characters and missed a `"` followed by a combining
    /// mark, which then closed the string early.
    func quoted(description: String) -> String {
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        return "\"" + String(decoding: description.utf8.map { $0 == quote ? apostrophe : $0 }, as: UTF8.self) + "\""
    }

    func quoted(key: String) -> String { "\"" + key + "\"" }


    /// `protocolName`: the BGP protocol's name for each neighbor is its `groupName`;
    /// `staticProtocolName` and `anchorProtocolName4/6` name the static protocols.
    func extraContext(for intent: RouterIntent) -> [String: TemplateValue] {
        let base = identifier(intent.virtualInterfaceName)
        return [
            "staticProtocolName4": .text(base + "_static4"),
            "staticProtocolName6": .text(base + "_static6"),
            "anchorProtocolName4": .text(base + "_anchors4"),
            "anchorProtocolName6": .text(base + "_anchors6"),
        ]
    }

    let changeSyntax = ChangeSyntax(style: .wholeFile, commentPrefixes: ["#"])
}

extension BIRDDialect {
    /// Sources: /work/shared/reference/vendor-cli.md ("Verify:" line: `birdc show protocols all
    /// NAME`, `birdc show route export NAME`); BIRD 2 user's guide (`show route protocol P`,
    /// `show route PREFIX`, `show bfd sessions`, `configure check`, `configure timeout`,
    /// `configure confirm`, `configure undo`); iputils ping and iproute2 for the interface,
    /// which belongs to the operating system.
    var operations: OperationalCommands {
        OperationalCommands(
            bgpSummary: { _ in "birdc show protocols" },
            neighbor: { "birdc show protocols all \($0.session)" },
            advertisedRoutes: { "birdc show route export \($0.session)" },
            receivedRoutes: { "birdc show route protocol \($0.session)" },
            route: { "birdc show route \($0) all" },
            ping: { "ping -c 5 -I \($0.interface ?? $0.local.description) \($0.neighbor)" },
            bfdSessions: "birdc show bfd sessions",
            portStatus: { "ip link show dev \($0)" },
            interfaceStatus: { "ip address show dev \($0.interface ?? "")" },
            prompt: "in a shell on the router",
            applying: "Create the VLAN device and addresses in the operating system (the file's comments give the `ip` commands), save the configuration as a file included from bird.conf, check it with `birdc configure check`, then load it with `birdc configure timeout 300`; after verification, `birdc configure confirm` (otherwise BIRD returns to the previous configuration after 300 seconds).",
            rollingBack: "Remove the included file's content (or the include line) and run `birdc configure`; right after an unconfirmed change, `birdc configure undo` returns to the previous configuration. Delete the VLAN device in the operating system afterwards."
        )
    }
}
