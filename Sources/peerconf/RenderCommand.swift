import ArgumentParser
import Foundation
import PeerConf

struct RenderCommand: AsyncParsableCommand {
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

        Virtual interfaces render in parallel (--jobs, default one per core); the output \
        is the same bytes whatever the number of jobs. With --output-dir, files are \
        streamed to temporary names as they are rendered and renamed into place only \
        when everything rendered, the manifest last: an error leaves the previous files \
        untouched. On a terminal a progress bar shows on standard error for long batches.

        With --output-dir, DIR/manifest.json lists every generated file with its vendor and \
        the SHA-256 of its content (entries of files this run did not write are kept, so \
        several commands can share DIR). Files written with --include-secrets are not \
        recorded. --check renders, compares with DIR and writes nothing: for CI \
        in a repository of generated configurations.

        EXIT STATUS
          0  rendered (with --check: DIR is up to date)
          1  a definition is invalid, or a platform cannot express it (the message
             names the vendor, the field and the limit)
          2  unreadable input, a usage error, or a template error
          3  with --check: a file in DIR is missing or stale, or a manifest entry
             points to a file that changed (each is printed); nothing was written

        EXAMPLES
          peerconf render vif.yaml --vendor frr
          peerconf render vif.yaml --vendor ios-xe --rollback
          peerconf render defs/*.yaml --all-vendors --output-dir configs/
          peerconf render defs/*.yaml --all-vendors --output-dir configs/ --check
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

    @Flag(help: "With --output-dir: compare DIR with what would be written, print what is missing or stale, write nothing (exit 3 when DIR is out of date).")
    var check = false

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if allVendors && !vendors.isEmpty {
            throw ValidationError("Give either --vendor or --all-vendors.")
        }
        if includeSecrets && outputDir == nil {
            throw ValidationError("--include-secrets applies to --output-dir (standard output carries the keys already).")
        }
        if check && outputDir == nil {
            throw ValidationError("--check compares the files of --output-dir DIR; give --output-dir.")
        }
        if check && includeSecrets {
            throw ValidationError("--check compares the files kept in version control, which carry placeholders; drop --include-secrets.")
        }
    }

    func run() async throws {
        let manifest = BatchRunner.prefetchManifest(outputDir: outputDir, check: check, updateManifest: !includeSecrets)
        let definitions = try DefinitionsOrExit.load(input.loadAll())
        let plan = try BatchRunner.plan { () throws(BatchTargetMissing) in try BatchPlan(definitions, vendors: allVendors ? VendorID.allCases : vendors) }
        let secrets: SecretPolicy = outputDir == nil ? (redactSecrets ? .redact : .include) : (includeSecrets ? .include : .redact)
        let options = RenderOptions(rollback: rollback, secrets: secrets, templateOverrides: templates)
        let step: BatchStep<VendorID>
        switch ConfigRenderer.batchStep(vendors: plan.distinctTargets, options: options) {
        case .success(let ready): step = ready
        case .failure(let failure):
            BatchRunner.report(failure.problems)
            throw ExitCode(.inputFailure)
        }
        let outcome = try await BatchRunner.run(plan, outputDir: outputDir, check: check, updateManifest: !includeSecrets, prefetched: manifest, options: batch, step: step)
        if !outcome.problems.isEmpty {
            BatchRunner.report(outcome.problems)
            throw ExitCode(outcome.problems.contains { $0.path == "--templates" } ? .inputFailure : .invalidDefinition)
        }
        if let outputDir {
            if let report = outcome.check {
                try Self.check(report, fileCount: outcome.fileCount, directory: outputDir)
                return
            }
            let manifestNote = includeSecrets ? "; \(OutputManifest.fileName) not updated: files with real keys are not recorded" : " and \(OutputManifest.fileName)"
            FileHandle.standardError.write(Data("peerconf: wrote \(outcome.fileCount) file\(outcome.fileCount == 1 ? "" : "s") under \(outputDir)\(manifestNote)\n".utf8))
        } else {
            print(outcome.files.map(\.text).joined(separator: "\n"), terminator: "")
        }
    }
}

extension RenderCommand {
    /// `--check`: one line per finding on standard output, a summary on standard error,
    /// exit 3 when anything differs.
    static func check(_ report: CheckReport, fileCount: Int, directory: String) throws {
        for finding in report.findings {
            print(finding.description)
        }
        let count = "\(fileCount) file\(fileCount == 1 ? "" : "s")"
        if report.isUpToDate {
            FileHandle.standardError.write(Data("peerconf: \(directory) is up to date (\(count) and \(OutputManifest.fileName))\n".utf8))
            return
        }
        FileHandle.standardError.write(Data("peerconf: \(directory) is out of date (\(report.findings.count) difference\(report.findings.count == 1 ? "" : "s")); run the same command without --check to regenerate it\n".utf8))
        throw ExitCode(.outOfDate)
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
