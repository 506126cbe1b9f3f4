import Foundation
import PeerConf

/// What must hold for any input, whatever its bytes: the invariants the libFuzzer target
/// (`Tests/Fuzz/`) checks on every input, and the tests check on the seeds and on every
/// former finding (`Tests/Fuzz/regressions/`).
///
/// The path is the tool's own: bytes -> `DefinitionLoader.load(data:)` (file checks,
/// parsing, decoding, validation) -> `ConfigRenderer` for every vendor, configuration
/// and rollback. Inputs starting with 0xFF are structured instead: their bytes become
/// the free text of a valid definition (`structured`), so most reach rendering.
/// Invariants:
///
/// 1. Nothing crashes or hangs (the fuzzer's own checks; ASan for memory errors).
/// 2. A load gives a definition exactly when it reports no error; every finding is
///    located (line and column >= 1) and prints as one line without control characters.
/// 3. A valid definition renders for every vendor, or fails only with problems of that
///    vendor (its limits) or of no vendor (an interface the customer router cannot take
///    at all, the same for every vendor); never a template error.
/// 4. A rendered configuration has one text per virtual interface, with no control
///    characters but line feeds.
/// 5. Lines come from the model, not from text: the definition is rendered a second time
///    with every free-text field (interface, peer and connection names, descriptions,
///    router interfaces, MD5 keys) replaced by a neutral placeholder (`QQ...`). Both
///    renderings have the same number of lines; a line differs only where the neutral one
///    carries a placeholder; the text before the first placeholder is identical (the
///    command is the model's); a string the value stands in (`"..."`, `'...'`) closes
///    where the neutral one does, with the same text after it; an unquoted value inside a
///    line stays one word; and on platforms where a word starting with `!` or `#` is a
///    comment, no such word appears in an unquoted value that ends the line.
/// 6. Secrets: with redaction (`--redact-secrets`, files by default) no output contains
///    an MD5 key from the environment, and no finding ever does.
///
/// 7. NETCONF: every payload of every model (configuration, rollback, session) parses
///    back with libxml2, and redacted payloads carry no key.
public enum FuzzOracle {
    /// Keys the seeds and fuzzed documents may name with `bgp_md5_key_env`.
    public static let environment: [String: String] = [
        "PEERCONF_TEST_KEY": "Str0ng-Key.2026",
        "PEERCONF_SPECIAL_KEY": "Ab1~$?\"\\{}|;#!x",
        "DC_MD5_KEY": "Example-Key-2026",
        "K": "Fuzz-Key.2026",
        commandLineKeyVariable: "Fz.Env-Key_4711",
    ]
    /// `--md5-key-env` for documents without a key of their own (API documents).
    public static let commandLineKeyVariable = "PEERCONF_FUZZ_KEY"

    public struct Violation: Error, Sendable, CustomStringConvertible {
        public var invariant: String
        public var detail: String
        public var description: String { "\(invariant): \(detail)" }
    }

    /// What one input did, for tests that want to know how far it went.
    public struct Outcome: Sendable {
        public var violations: [Violation] = []
        /// The input was a valid definition (so it was rendered).
        public var validated = false
        /// Vendor renderings that succeeded.
        public var rendered = 0
    }

    /// Inputs starting with this byte (never the start of UTF-8 text) are structured: the
    /// rest, split at NUL bytes, fills the free-text fields of a valid definition (see
    /// `structured`), so that most of them reach rendering with arbitrary text.
    public static let structuredMarker: UInt8 = 0xFF

    /// Checks one input, rendering for `vendors` (all by default).
    public static func check(_ data: Data, vendors: [VendorID] = VendorID.allCases) -> Outcome {
        if data.first == structuredMarker {
            return check(Data(structured(data.dropFirst()).utf8), vendors: vendors)
        }
        var outcome = Outcome()
        func violation(_ invariant: String, _ detail: String) {
            outcome.violations.append(Violation(invariant: invariant, detail: detail))
        }
        // A literal key and a command-line key conflict; give the command-line key only to
        // documents that write none.
        let text = String(decoding: data, as: UTF8.self)
        let hasLiteralKey = text.contains("bgp_md5_key:") || text.contains("\"bgp_md5_key\"") || text.contains("bgp_md5:") || text.contains("\"bgp_md5\"")
        let options = LoadOptions(commandLineKey: hasLiteralKey ? nil : .environment(commandLineKeyVariable), vlan: 100, environment: environment)
        let result = DefinitionLoader.load(data: data, source: "fuzz.yaml", baseDirectory: FileManager.default.temporaryDirectory.path, options: options)

        // 2. Definition exactly without errors; findings located and one line each.
        if (result.definition == nil) != result.diagnostics.contains(where: \.isError) {
            violation("definition-iff-no-error", "definition \(result.definition == nil ? "absent" : "present") with \(result.errors.count) errors")
        }
        // Keys from the environment; one that the document itself spells out in some value
        // (a description equal to a key) is no leak.
        let values = documentText(text)
        let secrets = environment.values.filter { secret in secret.count >= 8 && !text.contains(secret) && !values.contains { $0.contains(secret) } }
        for diagnostic in result.diagnostics {
            let line = DiagnosticFormatter.text(diagnostic)
            if diagnostic.location.line < 1 || diagnostic.location.column < 1 {
                violation("located", line)
            }
            if line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                violation("one-line-finding", line.debugDescription)
            }
            if let secret = secrets.first(where: { line.contains($0) || diagnostic.message.contains($0) }) {
                violation("secret-in-finding", "\(diagnostic.rule.rawValue) shows the key from the environment (\(secret.count) characters)")
            }
        }
        guard let definition = result.definition else { return outcome }
        outcome.validated = true
        let neutral = neutralized(definition)

        for vendor in vendors {
            for rollback in [false, true] {
                let options = RenderOptions(rollback: rollback, secrets: .include)
                let real = ConfigRenderer.render(definition, vendor: vendor, options: options)
                let name = "\(vendor.rawValue)\(rollback ? " rollback" : "")"
                // 3. Renders, or fails for this vendor's limits (or for every vendor alike).
                guard case .success(let configs) = real else {
                    if case .failure(let failure) = real {
                        for problem in failure.problems where (problem.vendor != nil && problem.vendor != vendor) || problem.path == "--templates" {
                            violation("vendor-limit-only", "\(name): \(problem)")
                        }
                        if failure.problems.isEmpty {
                            violation("vendor-limit-only", "\(name): a failure without a problem")
                        }
                    }
                    continue
                }
                outcome.rendered += 1
                // 4. One text per interface, no control characters but line feeds.
                if configs.count != definition.virtualInterfaces.count {
                    violation("one-config-per-interface", "\(name): \(configs.count) for \(definition.virtualInterfaces.count)")
                }
                for config in configs where config.text.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }) {
                    violation("no-control-characters", "\(name) \(config.virtualInterface)")
                }
                // 5. Lines come from the model.
                switch ConfigRenderer.render(neutral, vendor: vendor, options: options) {
                case .success(let neutralConfigs) where neutralConfigs.count == configs.count:
                    for (config, skeleton) in zip(configs, neutralConfigs) {
                        for problem in compare(config.text, neutral: skeleton.text, vendor: vendor) {
                            violation("lines-from-model", "\(name) \(config.virtualInterface): \(problem)")
                        }
                    }
                case .success:
                    violation("lines-from-model", "\(name): the neutral definition gives another number of configurations")
                case .failure(let failure):
                    violation("lines-from-model", "\(name): renders, but not with neutral text: \(failure.problems)")
                }
            }
            // 6. Redacted output carries no key.
            if case .success(let redacted) = ConfigRenderer.render(definition, vendor: vendor, options: RenderOptions(secrets: .redact)) {
                for config in redacted {
                    if let secret = secrets.first(where: config.text.contains) {
                        violation("redacted", "\(vendor.rawValue) \(config.virtualInterface) shows a key (\(secret.count) characters)")
                    }
                }
            }
        }
        // 7. Every NETCONF payload (configuration, rollback, whole session) is well-formed XML
        //    that libxml2 parses back, and redacted payloads carry no key.
        for model in NetconfModel.allCases {
            let variants: [(String, NetconfOptions)] = [
                ("", NetconfOptions()), (" rollback", NetconfOptions(rollback: true)),
                (" session", NetconfOptions(session: NetconfSessionOptions(confirmTimeout: 60))),
                (" redacted", NetconfOptions(secrets: .redact)),
            ]
            for (label, options) in variants {
                guard case .success(let documents) = NetconfRenderer.render(definition, model: model, options: options) else { continue }
                for document in documents {
                    let name = "netconf \(model.rawValue)\(label) \(document.virtualInterface)"
                    // A session is several messages, each ended by the NETCONF 1.0 marker.
                    let messages = options.session == nil ? [document.text]
                        : document.text.components(separatedBy: "]]>]]>").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                    for message in messages where XMLReader.parse(message) == nil {
                        violation("netconf-parses", "\(name): a message libxml2 cannot parse")
                    }
                    if options.secrets == .redact, let secret = secrets.first(where: document.text.contains) {
                        violation("redacted", "\(name) shows a key (\(secret.count) characters)")
                    }
                }
            }
        }
        return outcome
    }

    /// A valid two-interface definition (dual-stack BGP with BFD, and static) whose free
    /// text comes from `fields` (split at NUL): interface name, peer name, description,
    /// router interface, MD5 key, connection. Each is cut to what its field allows (the
    /// raw inputs test the validation itself; keys to 25 characters, which most platforms
    /// take), so nearly every input renders.
    public static func structured(_ fields: Data) -> String {
        let parts = fields.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func part(_ index: Int, _ fallback: String) -> String { index < parts.count ? parts[index] : fallback }
        func name(_ text: String, _ fallback: String) -> String {
            let kept = String(text.unicodeScalars.filter { "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.".unicodeScalars.contains($0) }.prefix(60))
            return kept.isEmpty ? fallback : kept
        }
        let vifName = name(part(0, "vif-1"), "vif")
        let peerName = name(part(1, "peer"), "peer")
        let description = String(part(2, "a description").unicodeScalars.filter { scalar in
            !(scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
              || (0x202A...0x202E).contains(scalar.value))
        }.prefix(128))
        let interfaceText = String(part(3, "eth1").unicodeScalars.filter { "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:".unicodeScalars.contains($0) }
            .drop { !CharacterSet.alphanumerics.contains($0) }.prefix(60))
        let interface = interfaceText.isEmpty ? "eth1" : interfaceText
        let keyText = String(part(4, "Key-2026.x").unicodeScalars.filter {
            ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || "~`!,.:;-_?\"(){}[]/@#$%^&*+|\\=".unicodeScalars.contains($0)
        }.prefix(17))
        let key = keyText + "Aa1.Key-"   // 8 or more characters, of every class
        let connection = name(part(5, "dc-1"), "dc")
        let q = quotedYAML
        return """
        version: 1
        virtual_interfaces:
          - name: \(q(vifName))
            connection: \(q(connection))
            vlan: 100
            local_subnets: [10.0.0.0/16, "2001:db8:100::/56"]
            router: {interface: \(q(interface))}
            peers:
              - name: \(q(peerName))
                address_family: ipv4
                local_gateway: 192.168.0.1/30
                remote_gateway: 192.168.0.2/30
                remote_subnets: [192.168.52.0/24, 192.168.54.0/24]
                routing_mode: bgp
                bgp_asn: 65010
                bgp_md5_key: \(q(key))
                description: \(q(description))
                bfd: {interval_ms: 300, multiplier: 3}
              - name: \(q(peerName + "-6"))
                address_family: ipv6
                local_gateway: "2001:db8:ffff::1/64"
                remote_gateway: "2001:db8:ffff::2/64"
                remote_subnets: ["2001:db8:52::/48"]
                routing_mode: bgp
                bgp_asn: 65010
                bgp_md5_key: \(q(key))
                description: \(q(description))
          - name: \(q(vifName + "-s"))
            connection: \(q(connection))
            vlan: 101
            local_subnets: [10.0.0.0/16]
            router: {interface: \(q(interface + "s"))}
            peers:
              - name: \(q(peerName))
                address_family: ipv4
                local_gateway: 192.168.1.1/30
                remote_gateway: 192.168.1.2/30
                remote_subnets: [192.168.56.0/24]
                routing_mode: static
                description: \(q(description))

        """
    }

    /// A YAML double-quoted scalar holding `text` exactly: what YAML does not print raw
    /// (controls, line separators, BOM, non-characters) is written as an escape.
    public static func quotedYAML(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                result.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16)
                result += scalar.value <= 0xFFFF ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            }
        }
        return result + "\""
    }

    /// Every key and scalar value of the document (empty when it does not parse).
    static func documentText(_ text: String) -> [String] {
        guard case .success(let root) = DocumentParser.parse(text, file: "fuzz.yaml") else { return [] }
        var values: [String] = []
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar): values.append(scalar.text)
            case .sequence(let items, _): pending += items
            case .mapping(let entries, _):
                values += entries.map(\.key.text)
                pending += entries.map(\.value)
            }
        }
        return values
    }

    /// The placeholder marker: no vendor keyword or template text contains it.
    static let marker = "QQ"

    /// `definition` with every free-text field replaced by a distinct neutral placeholder
    /// that every platform takes as it is.
    public static func neutralized(_ definition: Definition) -> Definition {
        var copy = definition
        for index in copy.virtualInterfaces.indices {
            var vif = copy.virtualInterfaces[index]
            if vif.name != nil { vif.name = "\(marker)v\(index)" }
            if vif.connection != nil { vif.connection = "\(marker)c\(index)" }
            if vif.router?.interface != nil { vif.router?.interface = "\(marker)i\(index)" }
            for peerIndex in vif.peers.indices {
                var peer = vif.peers[peerIndex]
                peer.name = "\(marker)p\(index)x\(peerIndex)"
                if peer.description != nil { peer.description = "\(marker)d\(index)x\(peerIndex)" }
                if case .bgp(var session) = peer.routing {
                    session.md5Key = MD5Key("\(marker)k\(index)x\(peerIndex)Ab1", source: session.md5Key.source)
                    peer.routing = .bgp(session)
                }
                vif.peers[peerIndex] = peer
            }
            copy.virtualInterfaces[index] = vif
        }
        return copy
    }

    /// Platforms where a word starting with `!` or `#` in unquoted text is a comment.
    static let wordComments: Set<VendorID> = [.frr, .iosXR, .vyos]

    /// Every way `real` differs from `neutral` other than by the placeholders' values.
    /// Compared as the bytes a router's parser reads (see `byteView`).
    public static func compare(_ real: String, neutral: String, vendor: VendorID) -> [String] {
        let realLines = byteView(real).split(separator: "\n", omittingEmptySubsequences: false)
        let neutralLines = byteView(neutral).split(separator: "\n", omittingEmptySubsequences: false)
        guard realLines.count == neutralLines.count else {
            return ["\(realLines.count) lines where the model gives \(neutralLines.count)"]
        }
        var problems: [String] = []
        for (number, (line, skeleton)) in zip(realLines, neutralLines).enumerated() where line != skeleton {
            if let problem = compareLine(Substring(line), skeleton: Substring(skeleton), vendor: vendor) {
                problems.append("line \(number + 1): \(problem): \(String(line).debugDescription) for \(String(skeleton).debugDescription)")
            }
        }
        return problems
    }

    /// `text` with each UTF-8 byte as one character (the Latin-1 scalar of that value), so
    /// that quotes, `!` and spaces are found where a router finds them. As Swift
    /// characters, a combining mark after `"` or `!` joins it into one character that no
    /// longer equals `"` or `!`, and a check by character would miss what the router sees.
    /// (No two Latin-1 scalars form one character, except CR LF, which a line never has.)
    public static func byteView(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.utf8.map { Unicode.Scalar($0) })
        return String(view)
    }

    /// nil when `line` is `skeleton` with its placeholders replaced by values that stay in
    /// their place.
    static func compareLine(_ line: Substring, skeleton: Substring, vendor: VendorID) -> String? {
        guard let placeholder = skeleton.range(of: marker) else {
            return line == skeleton ? nil : "a line without free text differs"
        }
        let prefix = skeleton[..<placeholder.lowerBound]
        guard line.hasPrefix(prefix) else { return "the text before the value differs" }
        let value = line.dropFirst(prefix.count)
        let skeletonValue = skeleton[placeholder.lowerBound...]
        if let quote = openQuote(in: prefix, vendor: vendor) {
            // Inside a quoted string: it must close where the neutral one closes, and the
            // rest of the line must follow as in the model. (What is inside may differ:
            // a platform may cut a long string short.)
            let escapes = escapesQuotes(vendor, quote)
            guard let skeletonEnd = closingQuote(quote, in: skeletonValue, escapes: escapes) else { return nil }
            guard let end = closingQuote(quote, in: value, escapes: escapes) else {
                return "the quoted value does not close"
            }
            return compareLine(value[value.index(after: end)...], skeleton: skeletonValue[skeletonValue.index(after: skeletonEnd)...], vendor: vendor)
        }
        let rest = skeletonValue.drop { !$0.isWhitespace }
        if rest.isEmpty {
            // The rest of the line is the value.
            if wordComments.contains(vendor), value.split(separator: " ").contains(where: { $0.first == "!" || $0.first == "#" }) {
                return "a word of the value starts a comment"
            }
            return nil
        }
        // An unquoted value inside the line: one word. A platform may cut a long line
        // short (descriptions): what remains of the model's text is then its beginning,
        // and no quote was cut off.
        let word = value.prefix { !$0.isWhitespace }
        let after = value.dropFirst(word.count)
        if !rest.contains(marker), rest.hasPrefix(after), !rest.dropFirst(after.count).contains(where: { $0 == "\"" || $0 == "'" }) {
            return nil
        }
        return compareLine(after, skeleton: rest, vendor: vendor)
    }

    /// RouterOS strings take `\"` (and `\\`); no other platform's quoting has escapes.
    static func escapesQuotes(_ vendor: VendorID, _ quote: Character) -> Bool {
        vendor == .routerOS && quote == "\""
    }

    /// The quote character of a string left open at the end of `text`, if any.
    static func openQuote(in text: Substring, vendor: VendorID) -> Character? {
        var open: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let quote = open {
                if escapesQuotes(vendor, quote) && character == "\\" {
                    index = text.index(after: index)
                    guard index < text.endIndex else { break }
                } else if character == quote {
                    open = nil
                }
            } else if character == "\"" || character == "'" {
                open = character
            }
            index = text.index(after: index)
        }
        return open
    }

    /// The index of the quote that closes a string starting at `text`'s start.
    static func closingQuote(_ quote: Character, in text: Substring, escapes: Bool) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escapes && character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
            } else if character == quote {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }
}
