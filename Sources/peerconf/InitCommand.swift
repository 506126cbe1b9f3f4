import ArgumentParser
import PeerConf

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print a commented example definition to start from.",
        discussion: """
        peerconf init > vif.yaml
        export DC_MD5_KEY='...'     # the BGP MD5 key, kept out of the file
        peerconf validate vif.yaml
        """
    )

    func run() throws {
        print(ExampleDefinition.yaml)
    }
}
