import Foundation
import Testing
@testable import PeerConf

@Suite("render and netconf share one output folder and manifest")
struct SharedOutputTests {
    @Test("netconf --output-dir adds its files to the manifest; --check sees both commands' files")
    func manifestAndCheck() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("def.yaml", DefinitionDocument.valid.text)
        let out = directory.url.appendingPathComponent("configs").path
        let environment = [DefinitionDocument.keyVariable: DefinitionDocument.goodKey]
        #expect(try CommandRunner.run(["render", file.path, "--vendor", "frr", "--output-dir", out], environment: environment).status == 0)
        #expect(try CommandRunner.run(["netconf", file.path, "--model", "openconfig", "--output-dir", out], environment: environment).status == 0)
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"file\": \"vif-test/frr.cfg\"") || manifest.contains("\"file\":\"vif-test/frr.cfg\""), "\(manifest)")
        #expect(manifest.contains("vif-test/netconf-openconfig.xml"))
        #expect(manifest.contains("netconf-openconfig"))
        let xml = try String(contentsOfFile: out + "/vif-test/netconf-openconfig.xml", encoding: .utf8)
        #expect(xml.contains("&lt;BGP-MD5-KEY:vif-test/peer-v4&gt;") && !xml.contains(DefinitionDocument.goodKey))

        let upToDate = try CommandRunner.run(["netconf", file.path, "--model", "openconfig", "--output-dir", out, "--check"], environment: environment)
        #expect(upToDate.status == 0, "\(upToDate.stdout)\(upToDate.stderr)")
        try "edited\n".write(toFile: out + "/vif-test/netconf-openconfig.xml", atomically: true, encoding: .utf8)
        let stale = try CommandRunner.run(["netconf", file.path, "--model", "openconfig", "--output-dir", out, "--check"], environment: environment)
        #expect(stale.status == 3)
        #expect(stale.stdout.contains("vif-test/netconf-openconfig.xml"))
        // render --check notices another command's file changed behind the manifest's back.
        let renderCheck = try CommandRunner.run(["render", file.path, "--vendor", "frr", "--output-dir", out, "--check"], environment: environment)
        #expect(renderCheck.status == 3)
        #expect(renderCheck.stdout.contains("changed") && renderCheck.stdout.contains("netconf-openconfig.xml"))
    }
}
