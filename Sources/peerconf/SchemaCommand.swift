import ArgumentParser
import PeerConf

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the definition format, for editors.",
        discussion: """
        Save it and point the YAML language server at it, so your editor checks and \
        completes definition files as you type:

          peerconf schema > peerconf.schema.json
          # first line of a definition file:
          # yaml-language-server: $schema=./peerconf.schema.json

        The schema covers structure and field formats; `peerconf validate` checks the \
        cloud's rules a schema cannot express (overlaps, quotas, keys).
        """
    )

    func run() throws {
        print(DefinitionSchema.json(), terminator: "")
    }
}
