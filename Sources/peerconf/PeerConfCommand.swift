import ArgumentParser
import Foundation
import PeerConf

@main
struct PeerConfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peerconf",
        abstract: "Validate Direct Connect virtual interface peers and generate the matching customer router configuration.",
        discussion: """
        A definition file (YAML or JSON, or the cloud's v3 API JSON) describes a virtual \
        interface and its peers. `peerconf validate` checks it against the cloud's rules and \
        reports every problem with file, line and column.

        Start with `peerconf init > vif.yaml`, then `peerconf validate vif.yaml`.

        EXIT STATUS
          0  success (the definition is valid; warnings allowed unless --strict)
          1  the definition breaks the cloud's rules
          2  the input is unreadable or malformed, or the command line is wrong
          3  render --check: generated files are missing or stale
        """,
        version: PeerConfVersion.current,
        subcommands: [ValidateCommand.self, RenderCommand.self, NetconfCommand.self, DiffCommand.self, TicketCommand.self, VendorsCommand.self, SchemaCommand.self, InitCommand.self]
    )

    /// Argument errors exit with 2 (not the parser's default 64), as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.inputFailure.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// The documented exit statuses.
enum ExitStatus: Int32 {
    case success = 0
    case invalidDefinition = 1
    case inputFailure = 2
    /// `--check`: the output folder differs from what would be written.
    case outOfDate = 3
}

extension ExitCode {
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
