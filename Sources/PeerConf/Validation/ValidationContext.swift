/// What validation needs from outside the document: where secrets come from.
struct ValidationContext {
    var source: String
    var format: InputFormat
    /// Environment variables, injected so tests and embedding tools control them.
    var environment: [String: String]
    /// Directory that relative `bgp_md5_key_file` paths start from (the definition's).
    var baseDirectory: String?
    /// A key source given on the command line, for peers whose document has none.
    var commandLineKey: CommandLineKey?
    var readKeyFile: @Sendable (String) throws -> String
}

/// `--md5-key-env VAR` / `--md5-key-file PATH`: API documents never carry the key.
public enum CommandLineKey: Sendable, Hashable {
    case environment(String)
    case file(String)

    var optionName: String {
        switch self {
        case .environment(let name): "--md5-key-env \(name)"
        case .file(let path): "--md5-key-file \(path)"
        }
    }
}
