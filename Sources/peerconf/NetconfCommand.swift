import ArgumentParser
import Foundation
import PeerConf

struct NetconfCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netconf",
        abstract: "Print the NETCONF edit-config (or whole session) that configures the customer router.",
        discussion: """
        Validates each definition first; an invalid one renders nothing. Each virtual \
        interface gives one document per model: an <rpc><edit-config> (message-id 1) \
        merging the configuration into the candidate datastore, or with --rollback \
        removing exactly what it creates (nc:operation="remove", default-operation none).

        MODELS
          openconfig  OpenConfig interfaces, network-instance, routing-policy
          junos       Junos native configuration
          ios-xe      Cisco IOS-XE native (Cisco-IOS-XE-native, Cisco-IOS-XE-bgp)
          ios-xr      Cisco IOS-XR unified models (Cisco-IOS-XR-um-*-cfg)
          vrp         Huawei VRP8 (huawei-ifm, huawei-bgp, huawei-routing, ...)

        Without --model, a virtual interface whose router.vendor is junos, ios-xe, ios-xr \
        or vrp uses that vendor's native model.

        --session prints the whole exchange, ready for `ssh -s HOST netconf`: hello, \
        lock, edit-config, validate, commit, unlock, close-session, each followed by \
        ]]>]]>. With --confirmed-commit SECONDS the commit rolls back unless confirmed \
        in a new session (the command prints how on standard error).

        Standard output carries the MD5 keys, since it goes to the router. Files written \
        with --output-dir (DIR/<vif>/netconf-<model>.xml, atomically) carry a placeholder \
        instead unless --include-secrets is given. Virtual interfaces render in parallel \
        (--jobs) and files stream to temporaries renamed into place at the end, as for \
        `peerconf render`.

        EXIT STATUS
          0  rendered
          1  a definition is invalid, or a model cannot express it (the message
             names the model, the field and the limit)
          2  unreadable input or a usage error
          3  with --check: a file in DIR is missing or stale

        EXAMPLES
          peerconf netconf vif.yaml --model openconfig
          peerconf netconf vif.yaml --model junos --rollback
          peerconf netconf vif.yaml --model ios-xr --session --confirmed-commit 300 \\
            | ssh -s router netconf
          peerconf netconf defs/*.yaml --all-models --output-dir netconf/
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("model"), help: ArgumentHelp("A data model (repeatable): \(NetconfModel.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "id"))
    var models: [NetconfModel] = []

    @Flag(help: "Render every model.")
    var allModels = false

    @Option(help: ArgumentHelp("The datastore to edit: candidate (then validate and commit) or running.", valueName: "store"))
    var target: NetconfDatastore = .candidate

    @Flag(help: "Remove what the configuration creates (nc:operation=\"remove\", default-operation none).")
    var rollback = false

    @Flag(help: "Print the whole session (hello ... close-session) framed with ]]>]]>.")
    var session = false

    @Option(help: ArgumentHelp("With --session: a confirmed commit that rolls back after SECONDS unless confirmed.", valueName: "seconds"))
    var confirmedCommit: Int?

    @Option(help: ArgumentHelp("With --confirmed-commit: the persist id (default peerconf-<virtual interface>).", valueName: "id"))
    var persistID: String?

    @Option(help: ArgumentHelp("With --session: eom (hello advertises base:1.0; every message ends with ]]>]]>) or chunked (hello advertises base:1.0 and base:1.1; RFC 6242 chunks after it).", valueName: "framing"))
    var framing: NetconfFraming = .endOfMessage

    @Option(help: ArgumentHelp("Write DIR/<virtual interface>/netconf-<model>.xml (atomically) instead of printing.", valueName: "dir"))
    var outputDir: String?

    @Flag(help: "With --output-dir: write the real MD5 keys into the files (for the deploy step).")
    var includeSecrets = false

    @Flag(help: "With --output-dir: compare with the files in DIR instead of writing; exit 3 when any is missing or stale.")
    var check = false

    @Flag(help: "On standard output: print placeholders instead of the MD5 keys.")
    var redactSecrets = false

    @OptionGroup var batch: BatchOptions

    @Option(help: ArgumentHelp("OpenConfig: the default network instance's name.", valueName: "name"))
    var networkInstance = "DEFAULT"

    @Option(help: ArgumentHelp("OpenConfig: the static-routes protocol instance's name.", valueName: "name"))
    var staticProtocol = "DEFAULT"

    @Option(help: ArgumentHelp("OpenConfig: the BGP protocol instance's name.", valueName: "name"))
    var bgpProtocol = "BGP"

    func validate() throws {
        if allModels && !models.isEmpty {
            throw ValidationError("Give either --model or --all-models.")
        }
        if includeSecrets && outputDir == nil {
            throw ValidationError("--include-secrets applies to --output-dir (standard output carries the keys already).")
        }
        if check && (outputDir == nil || includeSecrets) {
            throw ValidationError("--check compares the files of --output-dir DIR as kept in version control (with placeholders); give --output-dir and drop --include-secrets.")
        }
        if !session && (confirmedCommit != nil || framing != .endOfMessage) {
            throw ValidationError("--confirmed-commit and --framing apply to --session.")
        }
        if persistID != nil && confirmedCommit == nil {
            throw ValidationError("--persist-id applies to --confirmed-commit.")
        }
        if let message = options.problem(for: .openconfig) {
            throw ValidationError(message)
        }
    }

    private var options: NetconfOptions {
        let secrets: SecretPolicy = outputDir == nil ? (redactSecrets ? .redact : .include) : (includeSecrets ? .include : .redact)
        return NetconfOptions(
            rollback: rollback, target: target,
            session: session ? NetconfSessionOptions(confirmTimeout: confirmedCommit, persistID: persistID, framing: framing) : nil,
            secrets: secrets,
            settings: NetconfSettings(networkInstance: networkInstance, staticProtocolName: staticProtocol, bgpProtocolName: bgpProtocol)
        )
    }

    func run() async throws {
        let manifest = BatchRunner.prefetchManifest(outputDir: outputDir, check: check, updateManifest: !includeSecrets)
        let definitions = try DefinitionsOrExit.load(input.loadAll())
        let plan = try BatchRunner.plan { () throws(BatchTargetMissing) in try BatchPlan(definitions, models: allModels ? NetconfModel.allCases : models) }
        if let problem = plan.distinctTargets.lazy.compactMap({ model in self.options.problem(for: model).map { (model, $0) } }).first {
            FileHandle.standardError.write(Data("peerconf: error: --model \(problem.0.rawValue): \(problem.1)\n".utf8))
            throw ExitCode(.invalidDefinition)
        }
        let outcome = try await BatchRunner.run(plan, outputDir: outputDir, check: check, updateManifest: !includeSecrets, prefetched: manifest, options: batch, step: NetconfRenderer.batchStep(options: options))
        if !outcome.problems.isEmpty {
            BatchRunner.report(outcome.problems)
            throw ExitCode(.invalidDefinition)
        }
        for note in outcome.notes {
            FileHandle.standardError.write(Data("peerconf: \(note)\n".utf8))
        }
        if let outputDir {
            // Recorded in DIR/manifest.json next to `render`'s files; a manifest never
            // carries digests of files holding real keys.
            if let report = outcome.check {
                try RenderCommand.check(report, fileCount: outcome.fileCount, directory: outputDir)
                return
            }
            FileHandle.standardError.write(Data("peerconf: wrote \(outcome.fileCount) file\(outcome.fileCount == 1 ? "" : "s") under \(outputDir)\n".utf8))
            return
        }
        let documents = outcome.files
        if session && documents.count > 1 {
            let list = documents.map { "\($0.relativePath.prefix { $0 != "/" }) (\($0.label.dropFirst("netconf-".count)))" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("peerconf: error: a session goes to one device, but this run renders \(documents.count): \(list); use --output-dir, or one virtual interface and one model\n".utf8))
            throw ExitCode(.inputFailure)
        }
        print(documents.map(\.text).joined(separator: "\n"), terminator: "")
    }
}

extension NetconfModel: ExpressibleByArgument {}
extension NetconfDatastore: ExpressibleByArgument {}
extension NetconfFraming: ExpressibleByArgument {}
