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
        var result = ""
        var atWordStart = true
        for character in description {
            result.append(atWordStart && (character == "!" || character == "#") ? "_" : character)
            atWordStart = character == " "
        }
        return result
    }

    func quoted(key: String) -> String { key }

    let changeSyntax = ChangeSyntax.ciscoLike()
}
