import ArgumentParser
import PeerConf

struct VendorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendors",
        abstract: "List the supported platforms with their limits and features."
    )

    func run() throws {
        print(VendorCatalog.text(), terminator: "")
    }
}
