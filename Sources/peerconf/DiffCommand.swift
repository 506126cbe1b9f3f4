import ArgumentParser
import Foundation
import PeerConf

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print only the change between two definitions, as router configuration.",
        discussion: """
        Compares OLD and NEW (virtual interfaces matched by name) and prints, for each \
        vendor, what to apply to a router configured from OLD so that it matches NEW: a \
        remote subnet added gives its prefix-list entry, network statement and anchor route \
        and nothing else; a removed one gives their removal; a new key gives the key. \
        --reverse prints the rollback of that change. MD5 keys are shown as placeholders \
        unless --include-secrets is given.

        Line-oriented platforms get exact statements; BIRD, which applies whole files, gets \
        the new file.

        EXIT STATUS
          0  printed (also when nothing changed)
          1  a definition is invalid or a platform cannot express it
          2  unreadable input or a usage error

        EXAMPLE
          peerconf diff vif-v1.yaml vif-v2.yaml --vendor junos
        """
    )

    @Argument(help: ArgumentHelp("The definition the router is configured from now.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The definition it should match.", valueName: "new"))
    var new: String

    @OptionGroup var source: SourceOptions

    @Option(name: .customLong("vendor"), help: ArgumentHelp("A vendor id (repeatable); default: each interface's router.vendor in NEW.", valueName: "id"))
    var vendors: [VendorID] = []

    @Flag(help: "Print the rollback of the change (the reverse delta).")
    var reverse = false

    @Flag(help: "Print the real MD5 keys instead of placeholders.")
    var includeSecrets = false

    @Option(help: ArgumentHelp("Use DIR/<vendor>/<name>.mustache instead of the built-in template of that name.", valueName: "dir"))
    var templates: String?

    func run() throws {
        let definitions = try DefinitionsOrExit.load([old, new].map { DefinitionLoader.load(file: $0, options: source.loadOptions) })
        let (before, after) = (definitions[0], definitions[1])
        var chosen = vendors
        if chosen.isEmpty {
            chosen = after.virtualInterfaces.compactMap { $0.router?.vendor }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        }
        guard !chosen.isEmpty else {
            FileHandle.standardError.write(Data("peerconf: no vendor: pass --vendor ID or set router.vendor in \(new)\n".utf8))
            throw ExitCode(.inputFailure)
        }
        let options = RenderOptions(secrets: includeSecrets ? .include : .redact, templateOverrides: templates)
        var output: [String] = []
        for vendor in chosen {
            switch ConfigDelta.changes(from: before, to: after, vendor: vendor, options: options) {
            case .success(let changes):
                output += changes.map { reverse ? $0.reverse : $0.forward }
            case .failure(let failure):
                for problem in failure.problems {
                    FileHandle.standardError.write(Data("peerconf: error: \(problem)\n".utf8))
                }
                throw ExitCode(failure.problems.contains { $0.path == "--templates" } ? .inputFailure : .invalidDefinition)
            }
        }
        print(output.joined(separator: "\n"), terminator: "")
    }
}
