import Foundation
import Testing
@testable import PeerConf

/// `peerconf netconf` as a user runs it.
@Suite("peerconf netconf (CLI)")
struct NetconfCommandTests {
    /// A scenario file with the model's usual port name, in `directory`.
    private func scenario(_ name: String, model: NetconfModel = .openconfig, vendor: String? = nil, in directory: borrowing TemporaryDirectory, as file: String? = nil) throws -> URL {
        var text = try String(contentsOf: Bundle.module.url(forResource: "Fixtures/scenarios/\(name)", withExtension: "yaml")!, encoding: .utf8)
            .replacingOccurrences(of: "PARENT", with: Dialects.dialect(for: model.sampleVendor).sampleParentInterface)
        if let vendor {
            text = text.replacingOccurrences(of: "  router:\n", with: "  router:\n    vendor: \(vendor)\n")
        }
        return try directory.write(file ?? "\(name).yaml", text)
    }

    private func run(_ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run(arguments, environment: Scenarios.environment)
    }

    @Test("stdout: the edit-config with the key, identical to the library's document")
    func standardOutput() throws {
        let directory = try TemporaryDirectory()
        let file = try scenario("bgp-ipv4", in: directory)
        let output = try run(["netconf", file.path, "--model", "openconfig"])
        #expect(output.status == 0, "\(output.stderr)")
        let expected = try NetconfScenarios.text(NetconfScenarios.Case(model: .openconfig, scenario: "bgp-ipv4", rollback: false)).text
        #expect(output.stdout == expected)
        #expect(output.stdout.contains("Str0ng-Key.2026"))
        let redacted = try run(["netconf", file.path, "--model", "openconfig", "--redact-secrets"])
        #expect(!redacted.stdout.contains("Str0ng-Key.2026") && redacted.stdout.contains("BGP-MD5-KEY:vif-bgp-v4/peer-v4"))
        let named = try run(["netconf", file.path, "--model", "openconfig", "--network-instance", "default", "--static-protocol", "STATIC", "--bgp-protocol", "bgp"])
        let settings = NetconfSettings(networkInstance: "default", staticProtocolName: "STATIC", bgpProtocolName: "bgp")
        #expect(named.stdout == (try NetconfScenarios.text(NetconfScenarios.Case(model: .openconfig, scenario: "bgp-ipv4", rollback: false), options: NetconfOptions(settings: settings)).text))
    }

    @Test("--output-dir writes DIR/<vif>/netconf-<model>.xml for every model, keys redacted unless --include-secrets")
    func outputDirectory() throws {
        let directory = try TemporaryDirectory()
        let first = try scenario("dual-stack", in: directory)
        let second = try scenario("static-ipv4", in: directory)
        let out = directory.url.appendingPathComponent("out")
        let output = try run(["netconf", first.path, second.path, "--all-models", "--output-dir", out.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("wrote 10 files"))
        for vif in ["vif-dual", "vif-static-v4"] {
            for model in NetconfModel.allCases {
                let path = out.appendingPathComponent("\(vif)/netconf-\(model.rawValue).xml")
                let text = try String(contentsOf: path, encoding: .utf8)
                #expect(XMLReader.parse(text) != nil, "\(path.path)")
                #expect(!text.contains("Str0ng-Key.2026"), "\(path.path) carries the key")
            }
        }
        let dual = try String(contentsOf: out.appendingPathComponent("vif-dual/netconf-junos.xml"), encoding: .utf8)
        #expect(dual.contains("BGP-MD5-KEY:vif-dual/peer-v4"))
        // No temporary files are left behind (atomic writes rename them).
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("vif-dual").path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)

        let secret = try run(["netconf", first.path, "--model", "junos", "--output-dir", out.path, "--include-secrets"])
        #expect(secret.status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("vif-dual/netconf-junos.xml"), encoding: .utf8).contains("Str0ng-Key.2026"))
    }

    @Test("--rollback and --session on the command line")
    func rollbackAndSession() throws {
        let directory = try TemporaryDirectory()
        let file = try scenario("bgp-ipv4", model: .iosXR, in: directory)
        let rollback = try run(["netconf", file.path, "--model", "ios-xr", "--rollback"])
        #expect(rollback.status == 0)
        #expect(rollback.stdout.contains("<default-operation>none</default-operation>") && rollback.stdout.contains("nc:operation=\"remove\""))
        let session = try run(["netconf", file.path, "--model", "ios-xr", "--session", "--confirmed-commit", "300", "--persist-id", "dx-42"])
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.hasPrefix("<?xml") && session.stdout.hasSuffix("]]>]]>\n"))
        #expect(session.stdout.contains("<persist>dx-42</persist>"))
        #expect(session.stderr.contains("<commit><persist-id>dx-42</persist-id></commit>"), "the confirming commit is printed: \(session.stderr)")
        let removal = try run(["netconf", file.path, "--model", "ios-xr", "--session", "--rollback"])
        #expect(removal.status == 0 && removal.stdout.contains("<default-operation>none</default-operation>") && removal.stdout.contains("<commit/>"))
        let running = try run(["netconf", file.path, "--model", "ios-xr", "--session", "--target", "running"])
        #expect(running.status == 0 && running.stdout.contains("<running/>") && !running.stdout.contains("<commit"))
    }

    @Test("without --model, router.vendor picks its native model")
    func vendorModel() throws {
        let directory = try TemporaryDirectory()
        let file = try scenario("bgp-ipv4", model: .junos, vendor: "junos", in: directory)
        let output = try run(["netconf", file.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("<configuration>"))
        let frr = try scenario("bgp-ipv4", vendor: "frr", in: directory, as: "frr.yaml")
        let none = try run(["netconf", frr.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("pass --model"))
    }

    @Test("a model that cannot express the definition exits 1 naming it")
    func refusal() throws {
        let directory = try TemporaryDirectory()
        let file = try scenario("bfd", model: .iosXE, in: directory)
        let output = try run(["netconf", file.path, "--model", "ios-xe"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("ios-xe") && output.stderr.contains("bfd"))
        #expect(output.stdout.isEmpty)
    }

    @Test("usage errors exit 2", arguments: [
        ["--model", "openconfig", "--confirmed-commit", "60"],
        ["--model", "openconfig", "--session", "--confirmed-commit", "60", "--target", "running"],
        ["--model", "openconfig", "--all-models"],
        ["--model", "nosuch"],
        ["--model", "openconfig", "--include-secrets"],
        ["--model", "openconfig", "--persist-id", "x"],
        ["--model", "openconfig", "--framing", "chunked"],
    ])
    func usage(_ arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        let file = try scenario("bgp-ipv4", in: directory)
        let output = try run(["netconf", file.path] + arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
    }

    @Test("a session to standard output must be one device's")
    func oneSession() throws {
        let directory = try TemporaryDirectory()
        let file = try scenario("bgp-ipv4", in: directory)
        let output = try run(["netconf", file.path, "--all-models", "--session"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--output-dir"))
    }

    @Test("an invalid definition exits 1 before rendering anything")
    func invalidDefinition() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bad.yaml", DefinitionDocument.valid.setting("virtual_interface.vlan", "5000").text)
        let output = try CommandRunner.run(["netconf", file.path, "--model", "junos"], environment: [DefinitionDocument.keyVariable: DefinitionDocument.goodKey])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
    }
}
