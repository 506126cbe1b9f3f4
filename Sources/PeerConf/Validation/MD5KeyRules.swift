import Foundation

/// Where the MD5 key comes from, and the cloud's rules for it. No message here ever
/// contains the key or a part of it: they name the requirement that failed.
enum MD5KeyRules {
    /// The cloud's special characters, besides letters and digits.
    static let specialCharacters = Set("~`!,.:;-_?\"(){}[]/@#$%^&*+|\\=".unicodeScalars)

    struct Located {
        var key: String
        var source: MD5Key.Source
        var path: FieldPath
        var location: SourceLocation
        /// How to name the key in messages ("bgp_md5_key", "the key from --md5-key-env X").
        var label: String
    }

    /// Picks the one key source of a BGP peer and reads it.
    static func resolve(_ peer: PeerDraft, context: ValidationContext, diagnostics: inout DiagnosticCollector) -> Located? {
        let keyField = peer.fieldNames.md5Key
        let written = [peer.md5Key, peer.md5KeyEnvironment, peer.md5KeyFile].compactMap { $0 }
        if written.count > 1 {
            for extra in written.dropFirst() {
                diagnostics.report(.conflictingFields, at: extra.path, extra.location,
                                   "give exactly one of bgp_md5_key, bgp_md5_key_env and bgp_md5_key_file")
            }
            return nil
        }
        if let literal = peer.md5Key {
            if context.commandLineKey != nil {
                diagnostics.report(.conflictingFields, at: literal.path, literal.location, "the document has a key and the command line gives one too; remove one of them")
                return nil
            }
            reportPlaintext(literal, diagnostics: &diagnostics)
            return Located(key: literal.text, source: .literal(file: context.source), path: literal.path, location: literal.location, label: keyField)
        }
        if let variable = peer.md5KeyEnvironment {
            return fromEnvironment(variable.text, path: variable.path, location: variable.location, label: "bgp_md5_key_env", context: context, diagnostics: &diagnostics)
        }
        if let file = peer.md5KeyFile {
            return fromFile(file.text, path: file.path, location: file.location, label: "bgp_md5_key_file", context: context, diagnostics: &diagnostics)
        }
        let path = peer.path.appending(keyField)
        switch context.commandLineKey {
        case .environment(let name)?:
            return fromEnvironment(name, path: path, location: peer.location, label: "--md5-key-env", context: context, diagnostics: &diagnostics)
        case .file(let file)?:
            return fromFile(file, path: path, location: peer.location, label: "--md5-key-file", context: context, diagnostics: &diagnostics)
        case nil:
            let hint = context.format == .api
                ? "API documents carry no key: pass --md5-key-env VAR or --md5-key-file PATH"
                : "add bgp_md5_key_env (an environment variable) or bgp_md5_key_file"
            diagnostics.report(.md5KeyRequired, at: path, peer.location, "BGP peers need an MD5 key; \(hint)")
            return nil
        }
    }

    static func reportPlaintext(_ literal: DraftScalar, diagnostics: inout DiagnosticCollector) {
        diagnostics.report(.plaintextSecret, at: literal.path, literal.location,
                           "the MD5 key is written in the file in plaintext; plaintext secrets do not belong in version control: use bgp_md5_key_env or bgp_md5_key_file")
    }

    private static func fromEnvironment(_ name: String, path: FieldPath, location: SourceLocation, label: String,
                                         context: ValidationContext, diagnostics: inout DiagnosticCollector) -> Located? {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ScalarRules.isNameCharacter($0) && $0 != "-" && $0 != "." }) else {
            diagnostics.report(.md5KeySource, at: path, location, "\(prefix(label))'\(name.truncatedForMessage)' is not an environment variable name")
            return nil
        }
        guard let value = context.environment[name], !value.isEmpty else {
            diagnostics.report(.md5KeySource, at: path, location, "\(prefix(label))environment variable \(name) is not set (or empty)")
            return nil
        }
        return Located(key: value, source: .environment(name), path: path, location: location, label: "the key in \(name)")
    }

    private static func fromFile(_ path: String, path fieldPath: FieldPath, location: SourceLocation, label: String,
                                 context: ValidationContext, diagnostics: inout DiagnosticCollector) -> Located? {
        let resolved = resolve(path, against: label.hasPrefix("--") ? nil : context.baseDirectory)
        let contents: String
        do {
            contents = try context.readKeyFile(resolved)
        } catch {
            diagnostics.report(.md5KeySource, at: fieldPath, location, "\(prefix(label))cannot read the key file \(resolved): \(describe(error))")
            return nil
        }
        var key = contents
        // Editors end files with a newline; it is not part of the key.
        if key.hasSuffix("\r\n") { key.removeLast(2) } else if key.hasSuffix("\n") { key.removeLast() }
        return Located(key: key, source: .file(resolved), path: fieldPath, location: location, label: "the key in \(resolved)")
    }

    /// Command-line sources are named in the message; document fields are in the path already.
    private static func prefix(_ label: String) -> String {
        label.hasPrefix("--") ? "\(label): " : ""
    }

    static func resolve(_ path: String, against base: String?) -> String {
        guard !path.hasPrefix("/"), let base, !base.isEmpty else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? KeyFileError { return error.reason }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return POSIXError(code).localizedDescription
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return "unreadable"
    }

    /// The cloud's rules for the key itself.
    static func check(_ key: Located, diagnostics: inout DiagnosticCollector) -> Bool {
        var valid = true
        let composition = Composition(of: key.key)
        if !(8...255).contains(composition.count) {
            diagnostics.report(.md5KeyLength, at: key.path, key.location, "\(key.label) has \(composition.count) characters; the cloud requires 8 to 255")
            valid = false
        }
        if composition.hasWhitespace {
            diagnostics.report(.md5KeyCharacters, at: key.path, key.location, "\(key.label) contains whitespace; the cloud does not allow spaces in MD5 keys")
            valid = false
        } else if composition.hasDisallowed {
            diagnostics.report(.md5KeyCharacters, at: key.path, key.location,
                               "\(key.label) contains a character the cloud does not allow; use letters, digits and ~`!,.:;-_?\"(){}[]/@#$%^&*+|\\= (no ', <, > or non-ASCII)")
            valid = false
        }
        let classes = composition.classes
        if classes < 2 {
            diagnostics.report(.md5KeyClasses, at: key.path, key.location,
                               "\(key.label) uses \(classes) character type\(classes == 1 ? "" : "s"); the cloud requires at least two of uppercase letters, lowercase letters, digits and special characters")
            valid = false
        }
        return valid
    }

    /// What a key is made of, in Unicode scalars, read in one pass.
    private struct Composition {
        var count = 0
        var hasWhitespace = false
        var hasDisallowed = false
        var hasUppercase = false, hasLowercase = false, hasDigit = false, hasSpecial = false

        var classes: Int { [hasUppercase, hasLowercase, hasDigit, hasSpecial].filter { $0 }.count }

        init(of key: String) {
            for scalar in key.unicodeScalars {
                count += 1
                switch scalar {
                case "A"..."Z": hasUppercase = true
                case "a"..."z": hasLowercase = true
                case "0"..."9": hasDigit = true
                default:
                    // Letters and digits above are never whitespace, so only the rest asks.
                    if scalar.properties.isWhitespace { hasWhitespace = true }
                    if specialCharacters.contains(scalar) { hasSpecial = true } else { hasDisallowed = true }
                }
            }
        }
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: specialCharacters.contains(scalar)
        }
    }
}

struct KeyFileError: Error {
    var reason: String
}
