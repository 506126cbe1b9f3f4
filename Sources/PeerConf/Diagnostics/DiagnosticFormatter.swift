import Foundation

/// Prints findings for people (compiler style, one per line) or for pipelines (JSON).
public enum DiagnosticFormatter {
    /// `FILE:LINE:COL: error: PATH: MESSAGE`, the form editors and CI logs link to. Always
    /// one line: text from the definition (an unknown key, a value) cannot start a
    /// forged finding on a line of its own or send terminal escapes (see `printable`).
    public static func text(_ diagnostic: Diagnostic) -> String {
        printable("\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.path): \(diagnostic.message)")
    }

    /// Control characters (line breaks, escape, ...), line and paragraph separators and
    /// bidirectional overrides written as `\u{XX}` escapes.
    public static func printable(_ text: String) -> String {
        // Printable ASCII needs no escape; looking up each scalar's general category cost
        // 60,000 instructions for a typical finding (a tenth of validating a 1,000-interface
        // file that has a finding per peer).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x2028...0x2029).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The closing line of a run over one or more files.
    public static func summary(_ results: [LoadResult]) -> String {
        let errors = results.reduce(0) { $0 + $1.errors.count }
        let warnings = results.reduce(0) { $0 + $1.warnings.count }
        let invalid = results.filter { $0.definition == nil }.count
        let files = results.count == 1 ? "1 file" : "\(results.count) files"
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if invalid == 0 {
            return "\(files) valid (\(counts))"
        }
        return "\(invalid) of \(files) invalid (\(counts))"
    }

    /// A JSON document: `{"files": [{"file", "valid", "diagnostics": [...]}], "errors", "warnings"}`.
    public static func json(_ results: [LoadResult]) -> String {
        struct Report: Encodable {
            struct File: Encodable {
                var file: String
                var valid: Bool
                var diagnostics: [Diagnostic]
            }
            var files: [File]
            var errors: Int
            var warnings: Int
        }
        let report = Report(
            files: results.map { .init(file: $0.source, valid: $0.definition != nil, diagnostics: $0.diagnostics) },
            errors: results.reduce(0) { $0 + $1.errors.count },
            warnings: results.reduce(0) { $0 + $1.warnings.count }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
