/// What one router platform can express, and how it spells things. A dialect prepares
/// every value a template prints (quoting, names, interface names); templates only lay
/// the lines out. Adding a platform means one dialect file and one `Templates/<id>/`
/// folder.
public protocol VendorDialect: Sendable {
    var id: VendorID { get }
    /// The platform's name for people, e.g. "Cisco IOS / IOS-XE".
    var platform: String { get }
    var capabilities: VendorCapabilities { get }
    var keyRules: KeyRules { get }
    /// ASNs the platform accepts as a local or remote AS.
    var asnRange: ClosedRange<UInt32> { get }
    /// ASNs the platform refuses although the cloud allows them, with the reason.
    var refusedASNs: [UInt32: String] { get }
    /// BFD transmit/receive intervals (milliseconds) and detection multipliers the platform
    /// accepts; the defaults take everything the cloud allows.
    var bfdIntervalRange: ClosedRange<Int> { get }
    var bfdMultiplierRange: ClosedRange<Int> { get }

    /// A name the configuration introduces (prefix list, policy, group), made valid for the
    /// platform. Distinct inputs must give distinct outputs.
    func identifier(_ name: String) -> String
    /// Free text (a description) as the platform needs it on its line, quotes included.
    /// Characters the platform cannot take are replaced, never allowed to end the line or
    /// start a comment.
    func quoted(description: String) -> String
    /// The MD5 key (or its placeholder) as the platform needs it, quotes included.
    func quoted(key: String) -> String
    /// The interface carrying the link: the VLAN subinterface, or the port itself for VLAN 0.
    func interfaceName(parent: String, vlan: Int) -> String
    /// A typical name of the port facing the cloud, for examples and tests.
    var sampleParentInterface: String { get }
    /// Values only this platform's templates use.
    func extraContext(for intent: RouterIntent) -> [String: TemplateValue]
    /// How a change between two renderings is written (`peerconf diff`).
    var changeSyntax: ChangeSyntax { get }
    /// The platform's show/display commands, for the pre-checks and verification steps of
    /// change tickets.
    var operations: OperationalCommands { get }
}

public struct VendorCapabilities: Sendable, Hashable {
    public var bfd: Bool
    public var ipv6: Bool
    /// VLAN 0: addresses on the untagged physical port.
    public var untaggedInterface: Bool

    public init(bfd: Bool = true, ipv6: Bool = true, untaggedInterface: Bool = true) {
        self.bfd = bfd
        self.ipv6 = ipv6
        self.untaggedInterface = untaggedInterface
    }
}

/// What MD5 keys the platform accepts beyond the cloud's own rules.
public struct KeyRules: Sendable, Hashable {
    public var maximumLength: Int
    /// Characters that cannot appear anywhere in a key, with the reason.
    public var forbiddenCharacters: [Character: String] {
        didSet { forbiddenBytes = ASCIIByteSet(forbiddenCharacters.keys) }
    }
    /// Characters a key cannot start with, with the reason.
    public var forbiddenFirstCharacters: [Character: String] {
        didSet { forbiddenFirstBytes = ASCIIByteSet(forbiddenFirstCharacters.keys) }
    }
    /// Where the limits come from.
    public var source: String
    /// The two sets above as bytes, when every character in them is one ASCII byte: the
    /// usual key is checked against these (see `VendorDialect.keyProblems`).
    private(set) var forbiddenBytes: ASCIIByteSet?
    private(set) var forbiddenFirstBytes: ASCIIByteSet?

    public init(maximumLength: Int, forbiddenCharacters: [Character: String] = [:],
                forbiddenFirstCharacters: [Character: String] = [:], source: String) {
        self.maximumLength = maximumLength
        self.forbiddenCharacters = forbiddenCharacters
        self.forbiddenFirstCharacters = forbiddenFirstCharacters
        self.source = source
        forbiddenBytes = ASCIIByteSet(forbiddenCharacters.keys)
        forbiddenFirstBytes = ASCIIByteSet(forbiddenFirstCharacters.keys)
    }

    /// Linux keeps TCP-MD5 keys in `TCP_MD5SIG_MAXKEYLEN` (80) bytes: FRR, BIRD, VyOS and
    /// every Linux-based router share this limit.
    public static let linuxMaximumLength = 80
}

extension VendorDialect {
    public var asnRange: ClosedRange<UInt32> { 1...UInt32.max }
    public var refusedASNs: [UInt32: String] { [:] }
    public var bfdIntervalRange: ClosedRange<Int> { 1...Int.max }
    public var bfdMultiplierRange: ClosedRange<Int> { 1...Int.max }
    public func extraContext(for intent: RouterIntent) -> [String: TemplateValue] { [:] }

    /// Letters, digits, `-` and `_`, at most 63 characters: valid almost everywhere.
    public func identifier(_ name: String) -> String {
        IdentifierRules.restricted(name, allowed: IdentifierRules.isWordCharacter, maximumLength: 63)
    }

    /// The VLAN subinterface as most platforms name it (`Gi0/0/1.100`), the port for VLAN 0.
    public func interfaceName(parent: String, vlan: Int) -> String {
        vlan == 0 ? parent : "\(parent).\(vlan)"
    }

    /// Every reason this platform cannot express `intent`, naming the field and the limit.
    func problems(with intent: RouterIntent) -> [RenderProblem] {
        var problems: [RenderProblem] = []
        func report(_ path: String, _ message: String) {
            problems.append(RenderProblem(vendor: id, path: path, message: message))
        }
        if !intent.isTagged && !capabilities.untaggedInterface && intent.parentInterface != nil {
            report("\(intent.virtualInterfaceName).vlan", "VLAN 0 (an untagged layer-3 port) cannot be configured on \(platform) by peerconf")
        }
        for peer in intent.peers {
            if peer.family == .ipv6 && !capabilities.ipv6 {
                report("\(peer.path).address_family", "\(platform) does not support IPv6 peers in peerconf")
            }
            guard let bgp = peer.bgp else { continue }
            if bgp.bfd != nil && !capabilities.bfd {
                report("\(peer.path).bfd", "\(platform) cannot express BFD for this session; remove 'bfd' or use another platform")
            } else if let bfd = bgp.bfd {
                if !bfdIntervalRange.contains(bfd.intervalMilliseconds) {
                    report("\(peer.path).bfd.interval_ms", "\(platform) accepts BFD intervals \(bfdIntervalRange.lowerBound)-\(bfdIntervalRange.upperBound) ms; \(bfd.intervalMilliseconds) is outside")
                }
                if !bfdMultiplierRange.contains(bfd.multiplier) {
                    report("\(peer.path).bfd.multiplier", "\(platform) accepts BFD multipliers \(bfdMultiplierRange.lowerBound)-\(bfdMultiplierRange.upperBound); \(bfd.multiplier) is outside")
                }
            }
            for (asn, field) in [(bgp.localASN, "bgp_asn"), (bgp.remoteASN, "cloud_asn")] {
                if !asnRange.contains(asn.value) {
                    report("\(peer.path).\(field)", "\(platform) accepts ASNs \(asnRange.lowerBound)-\(asnRange.upperBound); \(asn) is outside")
                } else if let reason = refusedASNs[asn.value] {
                    report("\(peer.path).\(field)", "\(platform) refuses ASN \(asn): \(reason)")
                }
            }
            problems += keyProblems(bgp.md5Key, path: "\(peer.path).bgp_md5_key")
        }
        return problems
    }

    /// Key limits, described without showing the key.
    private func keyProblems(_ key: MD5Key, path: @autoclosure () -> String) -> [RenderProblem] {
        let rules = keyRules
        let value = key.revealed
        if Self.obviouslyAllowed(value, by: rules) { return [] }
        var problems: [RenderProblem] = []
        if value.utf8.count > rules.maximumLength {
            problems.append(RenderProblem(vendor: id, path: path(),
                message: "the MD5 key has \(value.utf8.count) characters; \(platform) takes at most \(rules.maximumLength) (\(rules.source))"))
        }
        if let first = value.first, let reason = rules.forbiddenFirstCharacters[first] {
            problems.append(RenderProblem(vendor: id, path: path(), message: "the MD5 key starts with a character \(platform) cannot take first: \(reason)"))
        }
        let reasons = Set(value.compactMap { rules.forbiddenCharacters[$0] }).sorted()
        for reason in reasons {
            problems.append(RenderProblem(vendor: id, path: path(), message: "the MD5 key contains a character \(platform) cannot take: \(reason)"))
        }
        return problems
    }

    /// A key of printable ASCII (each byte one Character) within the length, with no byte
    /// the rules name: the usual key, told by its bytes. The check runs for every BGP peer
    /// of every render, and walking the key by Character with a dictionary lookup each was
    /// 2 % of a batch. Anything else takes the full check, which words the problems.
    private static func obviouslyAllowed(_ key: String, by rules: KeyRules) -> Bool {
        guard key.utf8.count <= rules.maximumLength, let anywhere = rules.forbiddenBytes,
              let first = rules.forbiddenFirstBytes, let head = key.utf8.first, !first.contains(head) else { return false }
        let allowed: (UInt8) -> Bool = { (0x20...0x7E).contains($0) && !anywhere.contains($0) }
        return key.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(allowed) } ?? key.utf8.allSatisfy(allowed)
    }
}

/// A set of ASCII bytes as a 128-bit mask (key rules, text cleaning).
struct ASCIIByteSet: Sendable, Hashable {
    private var low: UInt64 = 0, high: UInt64 = 0

    /// Nil unless every character is a single ASCII byte.
    init?(_ characters: some Sequence<Character>) {
        for character in characters {
            guard character.unicodeScalars.count == 1, let byte = character.asciiValue else { return nil }
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << byte) != 0 : byte < 128 && high & (1 << (byte - 64)) != 0
    }
}

/// Names made valid for a platform: characters it does not allow are replaced, and when
/// anything had to change (or the name is too long) a short hash of the original keeps
/// distinct inputs distinct.
public enum IdentifierRules {
    /// Which ASCII bytes a platform allows in a name; anything else (every non-ASCII
    /// character included) is replaced. Bytes, not Characters: `Character.isLetter` looks
    /// up Unicode properties, which made naming a third of the cost of a render.
    public typealias AllowedBytes = @Sendable (UInt8) -> Bool

    /// ASCII letters and digits.
    public static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || isLetter(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// ASCII letters, digits, `-` and `_`.
    public static func isWordCharacter(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// ASCII letters, digits, `-`, `_` and `.`.
    public static func isWordOrDotCharacter(_ byte: UInt8) -> Bool {
        isWordCharacter(byte) || byte == UInt8(ascii: ".")
    }

    public static func restricted(_ name: String, allowed: AllowedBytes, replacement: Character = "_",
                                  maximumLength: Int, mustStartWithLetter: Bool = false) -> String {
        // Names are nearly always valid already: check that without building a new string.
        if isUnchanged(name, allowed: allowed, maximumLength: maximumLength, mustStartWithLetter: mustStartWithLetter) {
            return name
        }
        var result = String(name.map { character in isAllowed(character, allowed) ? character : replacement })
        var changed = result != name
        if mustStartWithLetter, result.first.map({ !$0.isLetter }) ?? true {
            result = "p" + String(replacement) + result
            changed = true
        }
        guard changed || result.count > maximumLength else { return result }
        let suffix = String(replacement) + hash(name)
        return String(result.prefix(maximumLength - suffix.count)) + suffix
    }

    /// A one-byte ASCII character the platform allows ("\r\n" is one Character of two bytes).
    static func isAllowed(_ character: Character, _ allowed: AllowedBytes) -> Bool {
        let bytes = character.utf8
        return bytes.count == 1 && allowed(bytes[bytes.startIndex])
    }

    /// Whether `restricted` would return `name` as it is, byte by byte.
    private static func isUnchanged(_ name: String, allowed: AllowedBytes, maximumLength: Int, mustStartWithLetter: Bool) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= maximumLength else { return false }
        if mustStartWithLetter && !isLetter(first) { return false }
        // A byte an ASCII-only predicate allows is a whole character (a CR before LF is
        // not allowed by any platform). In place when the string is native (every name
        // of a render is checked for every vendor).
        return bytes.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D && allowed($0) } }
            ?? bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D && allowed($0) }
    }

    /// FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines.
    static func hash(_ text: String) -> String {
        var value: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            value = (value ^ UInt32(byte)) &* 0x0100_0193
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// Free-text cleaning shared by dialects, for platforms whose lines take printable ASCII
/// only; each dialect adds the characters its syntax gives a meaning to.
public enum TextRules {
    /// Replaces every character outside printable ASCII, and every character in
    /// `forbidden`, by `replacement`.
    public static func printableASCII(_ text: String, forbidden: Set<Character> = [], replacement: Character = "_") -> String {
        if let ascii = printableASCIIBytes(text, forbidden: forbidden, replacement: replacement) { return ascii }
        return String(text.map { character in
            guard let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F, !forbidden.contains(character) else {
                return replacement
            }
            return character
        })
    }

    /// The same for text that is printable ASCII already (nearly every description, and
    /// each render cleans two or three): one byte is one character there, so the bytes
    /// are checked and replaced without building characters. Nil for any other text, or
    /// when a forbidden character is not one ASCII byte (the definition above decides).
    private static func printableASCIIBytes(_ text: String, forbidden: Set<Character>, replacement: Character) -> String? {
        guard let substitute = replacement.asciiValue, replacement.unicodeScalars.count == 1,
              let refused = ASCIIByteSet(forbidden), text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        guard text.utf8.contains(where: refused.contains) else { return text }
        return String(decoding: text.utf8.map { refused.contains($0) ? substitute : $0 }, as: UTF8.self)
    }
}
