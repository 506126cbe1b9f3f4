import ArgumentParser
import Foundation
import PeerConf

/// Definition files and how they are read; shared by every subcommand that reads them.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Definition files (YAML, JSON or cloud API JSON).", valueName: "file"))
    var files: [String]

    @OptionGroup var source: SourceOptions

    /// Every file's result, in the order given. Several files are read and validated on
    /// all cores at once (Dispatch runs at most one iteration per core); the caller
    /// prints the findings afterwards, in file order, so the output is the same as one
    /// file after the other. Every command that reads definitions loads them here.
    func loadAll() -> [LoadResult] {
        let options = source.loadOptions
        return files.mapOnAllCores { DefinitionLoader.load(file: $0, options: options) }
    }
}

/// How definition files are read (format, API companions, key sources).
struct SourceOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: "Force the input format instead of detecting it: native or api.")
    var inputFormat: InputFormat?

    @Option(help: ArgumentHelp("A virtual_gateway API document (GET virtual-gateways/{id}) giving the cloud's local subnets and ASN (API input).", valueName: "file"))
    var gateway: String?

    @Option(name: .customLong("md5-key-env"), help: ArgumentHelp("Read the MD5 key of BGP peers without one from this environment variable (API documents carry no key).", valueName: "var"))
    var md5KeyEnv: String?

    @Option(name: .customLong("md5-key-file"), help: ArgumentHelp("Read the MD5 key of BGP peers without one from this file (one trailing newline is ignored).", valueName: "path"))
    var md5KeyFile: String?

    @Option(help: ArgumentHelp("The VLAN of a lone vif_peer API document.", valueName: "id"))
    var vlan: Int?

    func validate() throws {
        if md5KeyEnv != nil && md5KeyFile != nil {
            throw ValidationError("Give at most one of --md5-key-env and --md5-key-file.")
        }
    }

    var loadOptions: LoadOptions {
        var key: CommandLineKey?
        if let md5KeyEnv { key = .environment(md5KeyEnv) }
        if let md5KeyFile { key = .file(md5KeyFile) }
        return LoadOptions(inputFormat: inputFormat, gatewayFile: gateway, commandLineKey: key, vlan: vlan)
    }
}

extension InputFormat: ExpressibleByArgument {}
