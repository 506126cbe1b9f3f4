import Foundation
import Testing
@testable import PeerConf

@Suite("peerconf render --output-dir: manifest.json and --check (the built executable)")
struct OutputCheckCommandTests {
    static let environment = RenderCommandTests.environment

    @Test("--output-dir writes manifest.json; --check exits 0 when up to date, 3 with the differences, writing nothing")
    func checkCycle() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("two.yaml", RenderCommandTests.twoInterfaces)
        let out = directory.url.appendingPathComponent("configs").path
        let render = ["render", file.path, "--vendor", "frr", "--vendor", "bird", "--output-dir", out]

        let first = try CommandRunner.run(render + ["--check"], environment: Self.environment)
        #expect(first.status == 3)
        #expect(first.stdout == "missing: manifest.json\nmissing: vif-a/bird.cfg\nmissing: vif-a/frr.cfg\nmissing: vif-b/bird.cfg\nmissing: vif-b/frr.cfg\n")
        #expect(first.stderr.contains("is out of date (5 differences); run the same command without --check"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let written = try CommandRunner.run(render, environment: Self.environment)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("wrote 4 files under \(out) and manifest.json"))
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        let frr = try String(contentsOfFile: out + "/vif-a/frr.cfg", encoding: .utf8)
        #expect(manifest.contains("{\"file\": \"vif-a/frr.cfg\", \"vendor\": \"frr\", \"digest\": \"\(SHA256.hex(frr))\"},"))
        #expect(manifest.components(separatedBy: "\"file\"").count == 5)

        let clean = try CommandRunner.run(render + ["--check"], environment: Self.environment)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.contains("is up to date (4 files and manifest.json)"))

        // Byte-stable: rendering again changes no byte.
        let again = try CommandRunner.run(render, environment: Self.environment)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: out + "/manifest.json", encoding: .utf8) == manifest)

        // A definition change (another remote subnet) makes vif-a's files stale.
        let changed = RenderCommandTests.twoInterfaces.replacingOccurrences(of: "remote_subnets: [192.168.52.0/24]", with: "remote_subnets: [192.168.52.0/24, 192.168.53.0/24]")
        _ = try directory.write("two.yaml", changed)
        try "hand edit\n".write(toFile: out + "/vif-b/bird.cfg", atomically: true, encoding: .utf8)
        let stale = try CommandRunner.run(render + ["--check"], environment: Self.environment)
        #expect(stale.status == 3)
        #expect(stale.stdout == "stale: manifest.json\nstale: vif-a/bird.cfg\nstale: vif-a/frr.cfg\nstale: vif-b/bird.cfg\n")
        #expect(try String(contentsOfFile: out + "/vif-a/frr.cfg", encoding: .utf8) == frr)
    }

    @Test("another command's entries are kept, and --check reports when their files changed")
    func sharedDirectory() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("two.yaml", RenderCommandTests.twoInterfaces)
        let out = directory.url.appendingPathComponent("configs").path
        // As the NETCONF command would write its files into the same folder.
        try GeneratedFiles.write([GeneratedFile(relativePath: "vif-a/junos.xml", contents: "<config/>\n", vendor: "junos")], to: out)
        let render = ["render", file.path, "--vendor", "frr", "--output-dir", out]
        #expect(try CommandRunner.run(render, environment: Self.environment).status == 0)
        let manifest = try #require(try OutputManifest.read(from: out))
        #expect(manifest.entries.map(\.file) == ["vif-a/frr.cfg", "vif-a/junos.xml", "vif-b/frr.cfg"])
        #expect(try CommandRunner.run(render + ["--check"], environment: Self.environment).status == 0)

        try "<config>changed</config>\n".write(toFile: out + "/vif-a/junos.xml", atomically: true, encoding: .utf8)
        let check = try CommandRunner.run(render + ["--check"], environment: Self.environment)
        #expect(check.status == 3)
        #expect(check.stdout == "changed: vif-a/junos.xml (its content differs from the digest in manifest.json)\n")
    }

    @Test("--include-secrets leaves the manifest alone; --check needs --output-dir and refuses --include-secrets")
    func options() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("two.yaml", RenderCommandTests.twoInterfaces)
        let out = directory.url.appendingPathComponent("deploy").path
        let deploy = try CommandRunner.run(["render", file.path, "--vendor", "frr", "--output-dir", out, "--include-secrets"], environment: Self.environment)
        #expect(deploy.status == 0)
        #expect(deploy.stderr.contains("manifest.json not updated: files with real keys are not recorded"))
        #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))

        let noDir = try CommandRunner.run(["render", file.path, "--check"], environment: Self.environment)
        #expect(noDir.status == 2)
        #expect(noDir.stderr.contains("--check compares the files of --output-dir DIR"))
        let withSecrets = try CommandRunner.run(["render", file.path, "--output-dir", out, "--check", "--include-secrets"], environment: Self.environment)
        #expect(withSecrets.status == 2)
    }

    @Test("the help documents exit status 3")
    func help() throws {
        let help = try CommandRunner.run(["render", "--help"])
        #expect(help.stdout.contains("3  with --check: a file in DIR is missing or stale"))
        #expect(try CommandRunner.run(["--help"]).stdout.contains("3  render --check: generated files are missing or stale"))
    }
}
