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
            // Casts to the concrete async commands: a cast to the protocol that fails (every
            // synchronous command) searches every conformance record of the process, a
            // noticeable part of a small `validate`.
            if let render = command as? RenderCommand {
                try runBlocking(render)
            } else if let netconf = command as? NetconfCommand {
                try runBlocking(netconf)
            } else {
                try command.run()
            }
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

/// Runs an async command (render, netconf: their batches use a task group) on the global
/// executor while the main thread waits. A plain synchronous main, rather than an async
/// one that parks the main thread in dispatch_main: tools such as valgrind (the NETCONF
/// leak check) cannot follow a process whose main thread exits that way.
private func runBlocking(_ command: AsyncParsableCommand) throws {
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var command = command
    Task.detached {
        do {
            try await command.run()
        } catch {
            outcome.error = error
        }
        done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
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
