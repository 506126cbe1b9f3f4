import ArgumentParser
import PeerConf

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check definitions against the cloud's rules and report every problem.",
        discussion: """
        Every finding is printed as FILE:LINE:COL: SEVERITY: FIELD: MESSAGE, sorted by \
        position, followed by a summary line. MD5 keys are never printed.

        EXIT STATUS
          0  all definitions are valid (warnings allowed, unless --strict)
          1  a definition breaks a rule (or has warnings, with --strict)
          2  a file is unreadable or not well-formed YAML/JSON, or the command line
             is wrong

        EXAMPLES
          peerconf validate vif.yaml
          peerconf validate --format json defs/*.yaml | jq '.files[].diagnostics[]'
          peerconf validate --md5-key-env DC_KEY --gateway vgw.json vif-api.json
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text (for people) or json (for pipelines).")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    var strict = false

    func run() throws {
        let results = input.loadAll()
        switch format {
        case .text:
            for diagnostic in results.flatMap(\.diagnostics) {
                print(DiagnosticFormatter.text(diagnostic))
            }
            print(DiagnosticFormatter.summary(results))
        case .json:
            print(DiagnosticFormatter.json(results))
        }
        if results.contains(where: \.inputFailed) {
            throw ExitCode(.inputFailure)
        }
        if results.contains(where: { $0.definition == nil }) || (strict && results.contains { !$0.warnings.isEmpty }) {
            throw ExitCode(.invalidDefinition)
        }
    }
}
