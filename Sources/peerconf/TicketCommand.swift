import ArgumentParser
import Foundation
import PeerConf

struct TicketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket",
        abstract: "Write a change ticket: summary, findings, pre-checks, configuration, verification, rollback, risks.",
        discussion: """
        Validates each definition first; an invalid one gets no ticket. One document covers \
        every virtual interface of the given files, for --vendor or else each interface's \
        router.vendor. The document is self-contained: Markdown (for GitHub, GitLab and \
        other Markdown ticket systems) or one HTML file with no external resources.

        MD5 keys appear only as placeholders (<BGP-MD5-KEY:vif/peer>), with where each key \
        comes from; a ticket never contains a key, and there is no option to include one.

        EXIT STATUS
          0  written
          1  a definition is invalid, or a platform cannot express it
          2  unreadable input, a usage error, or the output file cannot be written

        EXAMPLES
          peerconf ticket vif.yaml --vendor ios-xe > CHANGE-1234.md
          peerconf ticket vif.yaml --vendor junos --format html \\
            --output CHANGE-1234.html
          peerconf ticket --from vif-v1.yaml vif-v2.yaml --vendor ios-xe  # the change
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("vendor"), help: ArgumentHelp("The router platform: \(VendorID.allCases.map(\.rawValue).joined(separator: ", ")) (default: each interface's router.vendor).", valueName: "id"))
    var vendor: VendorID?

    @Option(help: "Output format: markdown or html.")
    var format: TicketLayout.Format = .markdown

    @Option(help: ArgumentHelp("Write the ticket to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Use DIR/<vendor>/<name>.mustache instead of the built-in template of that name.", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("The definition the router is configured from now: the ticket then implements only the change to FILE (and rolls back only that).", valueName: "old"))
    var from: String?

    func validate() throws {
        if from != nil && input.files.count != 1 {
            throw ValidationError("--from compares one old definition with one new definition.")
        }
    }

    func run() throws {
        let results = input.loadAll()
        for diagnostic in results.flatMap(\.diagnostics) where diagnostic.isError {
            FileHandle.standardError.write(Data((DiagnosticFormatter.text(diagnostic) + "\n").utf8))
        }
        if results.contains(where: \.inputFailed) { throw ExitCode(.inputFailure) }
        guard results.allSatisfy({ $0.definition != nil }) else {
            FileHandle.standardError.write(Data((DiagnosticFormatter.summary(results) + "\n").utf8))
            throw ExitCode(.invalidDefinition)
        }
        var old: Definition?
        if let from {
            old = try DefinitionsOrExit.load([DefinitionLoader.load(file: from, options: input.source.loadOptions)]).first
        }
        let content: TicketContent
        let built = old.map { TicketBuilder.changeContent(from: $0, to: results[0], vendor: vendor, templateOverrides: templates) }
            ?? TicketBuilder.content(for: results, vendor: vendor, templateOverrides: templates)
        switch built {
        case .success(let built): content = built
        case .failure(.noVendor(let message)):
            FileHandle.standardError.write(Data("peerconf: \(message)\n".utf8))
            throw ExitCode(.inputFailure)
        case .failure(.render(let failure)):
            for problem in failure.problems {
                FileHandle.standardError.write(Data("peerconf: error: \(problem)\n".utf8))
            }
            throw ExitCode(failure.problems.contains { $0.path == "--templates" } ? .inputFailure : .invalidDefinition)
        }
        let text = TicketLayout.render(content, format: format)
        guard let output else {
            print(text, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        do {
            try OutputDirectory.write([.init(relativePath: url.lastPathComponent, contents: text)], to: url.deletingLastPathComponent().path)
        } catch {
            FileHandle.standardError.write(Data("peerconf: error: \(error)\n".utf8))
            throw ExitCode(.inputFailure)
        }
        FileHandle.standardError.write(Data("peerconf: wrote \(output)\n".utf8))
    }
}

extension TicketLayout.Format: ExpressibleByArgument {}
