import Foundation
import Testing
@testable import PeerConf

@Suite("peerconf ticket (the built executable)")
struct TicketCommandTests {
    @Test("Markdown on standard output by default, for router.vendor; HTML to --output, atomically")
    func formats() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("def.yaml", DefinitionDocument.valid.text)
        let environment = [DefinitionDocument.keyVariable: DefinitionDocument.goodKey]
        let markdown = try CommandRunner.run(["ticket", file.path], environment: environment)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Direct Connect vif-test: customer router configuration for FRRouting\n"))
        #expect(markdown.stdout.contains("## Pre-checks") && markdown.stdout.contains("## Verification") && markdown.stdout.contains("## Rollback"))

        let output = directory.url.appendingPathComponent("out/CHANGE-1.html").path
        try FileManager.default.createDirectory(atPath: directory.url.appendingPathComponent("out").path, withIntermediateDirectories: true)
        let html = try CommandRunner.run(["ticket", file.path, "--vendor", "junos", "--format", "html", "--output", output], environment: environment)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.isEmpty)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("show route advertising-protocol bgp 192.168.0.1"))
        #expect(!text.contains(DefinitionDocument.goodKey))
    }

    @Test("an invalid definition gets no ticket (exit 1); no vendor is exit 2; a platform limit is exit 1")
    func failures() throws {
        let directory = try TemporaryDirectory()
        let environment = [DefinitionDocument.keyVariable: DefinitionDocument.goodKey]
        let invalid = try directory.write("bad.yaml", DefinitionDocument.valid.setting("virtual_interface.vlan", "4000").text)
        let bad = try CommandRunner.run(["ticket", invalid.path], environment: environment)
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("vlan 4000 is out of range"))

        let noVendor = try directory.write("nov.yaml", DefinitionDocument.valid.removing("virtual_interface.router.vendor").text)
        let none = try CommandRunner.run(["ticket", noVendor.path], environment: environment)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no vendor for vif-test"))

        let quoteKey = try CommandRunner.run(["ticket", try directory.write("q.yaml", DefinitionDocument.valid.text).path, "--vendor", "bird"],
                                             environment: [DefinitionDocument.keyVariable: "Quokka\"Key-1"])
        #expect(quoteKey.status == 1)
        #expect(quoteKey.stderr.contains("bird: virtual_interface.peers[0].bgp_md5_key"))
        #expect(!quoteKey.stderr.contains("Quokka"))
    }

    @Test("there is no option to put keys in a ticket")
    func noSecretsOption() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("def.yaml", DefinitionDocument.valid.text)
        let attempt = try CommandRunner.run(["ticket", file.path, "--include-secrets"], environment: [DefinitionDocument.keyVariable: DefinitionDocument.goodKey])
        #expect(attempt.status == 2)
        #expect(!attempt.stdout.contains(DefinitionDocument.goodKey))
        #expect(try CommandRunner.run(["ticket", "--help"]).stdout.contains("a ticket never contains a key"))
    }
}
