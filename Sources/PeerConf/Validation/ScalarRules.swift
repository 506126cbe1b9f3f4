/// Reading single values with the right type, and the text rules shared by several fields.
enum ScalarRules {
    /// A decimal integer written as a number (plain scalar), without sign or leading zeros.
    static func integer(_ scalar: DraftScalar, field: String, diagnostics: inout DiagnosticCollector) -> Int? {
        let text = scalar.text
        let isCanonical = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (text == "0" || text.first != "0")
        guard !scalar.isQuoted, isCanonical, text.utf8.count <= 18, let value = Int(text) else {
            let found = scalar.isQuoted ? "the string \"\(text.truncatedForMessage)\"" : "'\(text.truncatedForMessage)'"
            diagnostics.report(.type, at: scalar.path, scalar.location, "\(field) must be a whole number, found \(found)")
            return nil
        }
        return value
    }

    /// `true` or `false` (any case). YAML 1.1's yes/no/on/off are refused: too easy to misread.
    static func boolean(_ scalar: DraftScalar, field: String, diagnostics: inout DiagnosticCollector) -> Bool? {
        switch scalar.isQuoted ? "" : scalar.text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            diagnostics.report(.type, at: scalar.path, scalar.location, "\(field) must be true or false, found '\(scalar.text.truncatedForMessage)'")
            return nil
        }
    }

    /// One of a fixed set of words, compared without case.
    static func choice(_ scalar: DraftScalar, among choices: [String], rule: Rule, field: String, diagnostics: inout DiagnosticCollector) -> String? {
        // The choices are lowercase, so text equal to one is its own lowercase form.
        if choices.contains(scalar.text) { return scalar.text }
        let lowered = scalar.text.lowercased()
        if choices.contains(lowered) { return lowered }
        let quoted = choices.map { "'\($0)'" }
        let expectation = quoted.count <= 2 ? quoted.joined(separator: " or ") : "one of " + quoted.joined(separator: ", ")
        var message = "\(field) must be \(expectation), found '\(scalar.text.truncatedForMessage)'"
        if let suggestion = KeySuggestion.suggest(for: lowered, among: choices) {
            message += "; did you mean '\(suggestion)'?"
        }
        diagnostics.report(rule, at: scalar.path, scalar.location, message)
        return nil
    }

    /// The cloud's naming rule for virtual interfaces, peers and gateways.
    static func name(_ scalar: DraftScalar, what: String, diagnostics: inout DiagnosticCollector) -> String? {
        let text = scalar.text
        // Usual case first: allowed ASCII only, where the byte count is the character count.
        if (1...64).contains(text.utf8.count), text.utf8.allSatisfy(isNameByte) { return text }
        let count = text.count
        guard (1...64).contains(count) else {
            diagnostics.report(.name, at: scalar.path, scalar.location, "\(what) must have 1 to 64 characters, found \(count)")
            return nil
        }
        if let bad = text.unicodeScalars.first(where: { !isNameCharacter($0) }) {
            diagnostics.report(.name, at: scalar.path, scalar.location, "\(what) '\(text.truncatedForMessage)' contains \(bad.quotedForMessage); only letters, digits, '_', '-' and '.' are allowed")
            return nil
        }
        return text
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".": true
        default: false
        }
    }

    static func description(_ scalar: DraftScalar, diagnostics: inout DiagnosticCollector) -> String? {
        let text = scalar.text
        // Usual case first: printable ASCII, where the byte count is the character count
        // and no character can break a line.
        if text.utf8.count <= 128, text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        if text.count > 128 {
            diagnostics.report(.description, at: scalar.path, scalar.location, "description must have at most 128 characters, found \(text.count)")
            return nil
        }
        if let bad = text.unicodeScalars.first(where: isForbiddenInLine) {
            let what = bad == "\n" || bad == "\r" || bad == "\u{2028}" || bad == "\u{2029}" ? "a line break" : "a control character"
            diagnostics.report(.description, at: scalar.path, scalar.location, "description must be a single line without control characters; it contains \(what) (\(bad.quotedForMessage))")
            return nil
        }
        return text
    }

    /// Characters that would end or disturb a line in a router configuration.
    static func isForbiddenInLine(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
            || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
            || scalar.properties.generalCategory == .format && scalar.value >= 0x202A && scalar.value <= 0x202E
    }

    static func interfaceName(_ scalar: DraftScalar, diagnostics: inout DiagnosticCollector) -> String? {
        let text = scalar.text
        let allowed = text.unicodeScalars.allSatisfy { isNameCharacter($0) || $0 == "/" || $0 == ":" }
        // Port ids may start with a digit (SR OS `1/1/c1/1`); never with punctuation, which
        // some CLIs read as an option or a comment.
        guard (1...64).contains(text.count), allowed, text.first.map({ $0.isASCII && ($0.isLetter || $0.isNumber) }) == true else {
            diagnostics.report(.routerInterface, at: scalar.path, scalar.location,
                               "router.interface '\(text.truncatedForMessage)' is not an interface name: it must start with a letter or digit and use 1-64 letters, digits, '/', '.', ':', '-', '_' (e.g. GigabitEthernet0/0/1, ge-0/0/1, 1/1/c1/1, eth1)")
            return nil
        }
        return text
    }
}

extension String {
    /// User text quoted back in a message: long values are cut so a message stays one
    /// readable line, and control characters are shown escaped rather than printed.
    var truncatedForMessage: String {
        let cleaned = unicodeScalars.map { ScalarRules.isForbiddenInLine($0) ? $0.escaped(asASCII: true) : String($0) }.joined()
        return cleaned.count > 48 ? String(cleaned.prefix(45)) + "..." : cleaned
    }
}

extension Unicode.Scalar {
    var quotedForMessage: String {
        switch self {
        case " ": "a space"
        case "\t": "a tab"
        default: properties.generalCategory == .control || ScalarRules.isForbiddenInLine(self)
            ? "U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4))"
            : "'\(self)'"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
