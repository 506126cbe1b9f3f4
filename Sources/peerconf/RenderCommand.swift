import ArgumentParser
import Foundation
import PeerConf

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the customer router configuration matching the cloud side.",
        discussion: """
        Validates each definition first; an invalid one renders nothing. Each virtual \
        interface renders in file order, for the vendors given with --vendor (or \
        --all-vendors), or else for its router.vendor.

        Standard output carries the MD5 keys, since it goes to the router. Files written \
        with --output-dir carry a placeholder instead (<BGP-MD5-KEY:vif/peer>) unless \
        --include-secrets is given.

        EXIT STATUS
          0  rendered
          1  a definition is invalid, or a platform cannot express it (the message names
             the vendor, the field and the limit)
          2  unreadable input, a usage error, or a template error

        EXAMPLES
          peerconf render vif.yaml --vendor frr
          peerconf render vif.yaml --vendor ios-xe --rollback
          peerconf render defs/*.yaml --all-vendors --output-dir configs/
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("vendor"), help: ArgumentHelp("A vendor id (repeatable): \(VendorID.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "id"))
    var vendors: [VendorID] = []

    @Flag(help: "Render for every vendor.")
    var allVendors = false

    @Flag(help: "Render the removal of what the configuration adds, in the order a router accepts.")
    var rollback = false

    @Option(help: ArgumentHelp("Write DIR/<virtual interface>/<vendor>.cfg (atomically) instead of printing.", valueName: "dir"))
    var outputDir: String?

    @Option(help: ArgumentHelp("Use DIR/<vendor>/<name>.mustache instead of the built-in template of that name.", valueName: "dir"))
    var templates: String?

    @Flag(help: "With --output-dir: write the real MD5 keys into the files (for the deploy step).")
    var includeSecrets = false

    @Flag(help: "On standard output: print placeholders instead of the MD5 keys.")
    var redactSecrets = false

    func validate() throws {
        if allVendors && !vendors.isEmpty {
            throw ValidationError("Give either --vendor or --all-vendors.")
        }
        if includeSecrets && outputDir == nil {
            throw ValidationError("--include-secrets applies to --output-dir (standard output carries the keys already).")
        }
    }

    func run() throws {
        let definitions = try DefinitionsOrExit.load(input)
        let chosen = allVendors ? VendorID.allCases : vendors
        var outputs: [RenderedConfig] = []
        var problems: [RenderProblem] = []
        let secrets: SecretPolicy = outputDir == nil ? (redactSecrets ? .redact : .include) : (includeSecrets ? .include : .redact)
        let options = RenderOptions(rollback: rollback, secrets: secrets, templateOverrides: templates)
        for definition in definitions {
            let intents: [RouterIntent]
            switch IntentBuilder.intents(for: definition) {
            case .success(let built): intents = built
            case .failure(let failure):
                problems += failure.problems
                continue
            }
            for (intent, vif) in zip(intents, definition.virtualInterfaces) {
                let vendorsForInterface = chosen.isEmpty ? (vif.router?.vendor).map { [$0] } ?? [] : chosen
                if vendorsForInterface.isEmpty {
                    FileHandle.standardError.write(Data("peerconf: \(definition.source): \(vif.path): no vendor for \(vif.displayName); pass --vendor ID or set router.vendor\n".utf8))
                    throw ExitCode(.inputFailure)
                }
                for vendor in vendorsForInterface {
                    switch ConfigRenderer.render([intent], vendor: vendor, options: options) {
                    case .success(let configs): outputs += configs
                    case .failure(let failure): problems += failure.problems
                    }
                }
            }
        }
        if !problems.isEmpty {
            for problem in problems {
                FileHandle.standardError.write(Data("peerconf: error: \(problem)\n".utf8))
            }
            throw ExitCode(problems.contains { $0.path == "--templates" } ? .inputFailure : .invalidDefinition)
        }
        if let outputDir {
            do {
                try OutputDirectory.write(outputs.map { .init(relativePath: $0.relativePath, contents: $0.text) }, to: outputDir)
            } catch {
                FileHandle.standardError.write(Data("peerconf: error: \(error)\n".utf8))
                throw ExitCode(.inputFailure)
            }
            FileHandle.standardError.write(Data("peerconf: wrote \(outputs.count) file\(outputs.count == 1 ? "" : "s") under \(outputDir)\n".utf8))
        } else {
            print(outputs.map(\.text).joined(separator: "\n"), terminator: "")
        }
    }
}

/// Loads definitions for a command that needs valid ones: findings go to standard error
/// (standard output carries the command's own output), and anything invalid ends the run.
enum DefinitionsOrExit {
    static func load(_ input: InputOptions) throws -> [Definition] {
        try load(input.loadAll())
    }

    static func load(_ results: [LoadResult]) throws -> [Definition] {
        for diagnostic in results.flatMap(\.diagnostics) {
            FileHandle.standardError.write(Data((DiagnosticFormatter.text(diagnostic) + "\n").utf8))
        }
        if results.contains(where: \.inputFailed) { throw ExitCode(.inputFailure) }
        let definitions = results.compactMap(\.definition)
        guard definitions.count == results.count else {
            FileHandle.standardError.write(Data((DiagnosticFormatter.summary(results) + "\n").utf8))
            throw ExitCode(.invalidDefinition)
        }
        return definitions
    }
}

extension VendorID: ExpressibleByArgument {}
