import Foundation

/// How to read a definition: the public entry point for tools that embed peerconf.
public struct LoadOptions: Sendable {
    /// Force the native or API format; nil detects it from the content.
    public var inputFormat: InputFormat?
    /// A `virtual_gateway` API document supplying local subnets and the cloud ASN.
    public var gatewayFile: String?
    /// A key source for BGP peers whose document has none (API documents never do).
    public var commandLineKey: CommandLineKey?
    /// The VLAN of a lone `vif_peer` API document.
    public var vlan: Int?
    /// Environment for `bgp_md5_key_env`; the process environment by default.
    public var environment: [String: String]

    public init(inputFormat: InputFormat? = nil, gatewayFile: String? = nil, commandLineKey: CommandLineKey? = nil,
                vlan: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.inputFormat = inputFormat
        self.gatewayFile = gatewayFile
        self.commandLineKey = commandLineKey
        self.vlan = vlan
        self.environment = environment
    }
}

/// The outcome of loading: every finding, and the model when there was no error.
public struct LoadResult: Sendable {
    public var source: String
    /// Sorted by position.
    public var diagnostics: [Diagnostic]
    /// Present exactly when no diagnostic is an error.
    public var definition: Definition?

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
    /// The input could not be read or parsed at all (exit status 2), as opposed to a
    /// definition that breaks the cloud's rules (exit status 1).
    public var inputFailed: Bool { diagnostics.contains { $0.rule.isInputFailure } }
}

public enum DefinitionLoader {
    /// Definitions larger than this are refused before parsing: real ones are about 2 KB
    /// per virtual interface, and 10,000 of them fit well below it. See `InputLimits`.
    public static var maximumFileSize: Int { InputLimits.maximumFileSize }

    /// Loads a definition from a file; key files are resolved relative to its directory.
    public static func load(file path: String, options: LoadOptions = LoadOptions()) -> LoadResult {
        switch TextFile.read(path, limit: maximumFileSize) {
        case .success(let text):
            let directory = (path as NSString).deletingLastPathComponent
            return load(text: text, source: path, baseDirectory: directory.isEmpty ? "." : directory, options: options)
        case .failure(let failure):
            return unreadable(source: path, failure)
        }
    }

    /// Loads a definition from bytes (standard input, a network document, a fuzzer) with
    /// the checks a file gets: no NUL byte, UTF-8 text, at most `InputLimits.maximumFileSize`.
    public static func load(data: Data, source: String, baseDirectory: String? = nil, options: LoadOptions = LoadOptions()) -> LoadResult {
        guard data.count <= InputLimits.maximumFileSize else {
            return unreadable(source: source, TextFile.Failure(reason: "it is \(data.count) bytes; the limit is \(InputLimits.maximumFileSize) bytes", isLimit: true))
        }
        switch TextFile.text(data) {
        case .success(let text): return load(text: text, source: source, baseDirectory: baseDirectory, options: options)
        case .failure(let failure): return unreadable(source: source, failure)
        }
    }

    /// Loads a definition from text; `source` names it in diagnostics.
    public static func load(text: String, source: String, baseDirectory: String? = nil, options: LoadOptions = LoadOptions()) -> LoadResult {
        var diagnostics = DiagnosticCollector()
        let root: SyntaxNode
        switch DocumentParser.parse(text, file: source) {
        case .success(let node): root = node
        case .failure(let failure):
            diagnostics.report(Diagnostic(rule: failure.isLimit ? .limit : .syntax, path: FieldPath.root.description, message: failure.message, location: failure.location))
            return LoadResult(source: source, diagnostics: diagnostics.sorted, definition: nil)
        }

        let format = options.inputFormat ?? (APIDecoder.looksLikeAPI(root) ? .api : .native)
        let draft: DefinitionDraft
        switch format {
        case .native:
            draft = NativeDecoder.decode(root, diagnostics: &diagnostics)
        case .api:
            var gateway: APIDecoder.Gateway?
            if let gatewayFile = options.gatewayFile {
                switch loadGateway(gatewayFile) {
                case .success(let node): gateway = APIDecoder.decodeGateway(node, diagnostics: &diagnostics)
                case .failure(let failure): diagnostics.report(failure)
                }
            }
            draft = APIDecoder.decode(root, gateway: gateway, vlan: options.vlan, diagnostics: &diagnostics)
        }

        let context = ValidationContext(
            source: source, format: format, environment: options.environment, baseDirectory: baseDirectory,
            commandLineKey: options.commandLineKey,
            readKeyFile: { path in
                switch TextFile.read(path, limit: InputLimits.maximumKeyFileSize) {
                case .success(let text): return text
                case .failure(let failure): throw KeyFileError(reason: failure.reason)
                }
            }
        )
        let definition = Validator.validate(draft, context: context, diagnostics: &diagnostics)
        return LoadResult(source: source, diagnostics: diagnostics.sorted, definition: diagnostics.hasErrors ? nil : definition)
    }

    private static func loadGateway(_ path: String) -> Result<SyntaxNode, Diagnostic> {
        switch TextFile.read(path, limit: maximumFileSize) {
        case .success(let text):
            return DocumentParser.parse(text, file: path).mapError {
                Diagnostic(rule: $0.isLimit ? .limit : .syntax, path: FieldPath.root.description, message: $0.message, location: $0.location)
            }
        case .failure(let failure):
            return .failure(Diagnostic(rule: failure.isLimit ? .limit : .unreadable, path: FieldPath.root.description, message: "cannot read the gateway file: \(failure.reason)",
                                       location: SourceLocation(file: path, line: failure.line, column: failure.column)))
        }
    }

    private static func unreadable(source: String, _ failure: TextFile.Failure) -> LoadResult {
        let diagnostic = Diagnostic(rule: failure.isLimit ? .limit : .unreadable, path: FieldPath.root.description, message: "cannot read the definition: \(failure.reason)",
                                    location: SourceLocation(file: source, line: failure.line, column: failure.column))
        return LoadResult(source: source, diagnostics: [diagnostic], definition: nil)
    }
}
