import Foundation

/// Prints findings for people (compiler style, one per line) or for pipelines (JSON).
public enum DiagnosticFormatter {
    /// `FILE:LINE:COL: error: PATH: MESSAGE`, the form editors and CI logs link to.
    public static func text(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.path): \(diagnostic.message)"
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
