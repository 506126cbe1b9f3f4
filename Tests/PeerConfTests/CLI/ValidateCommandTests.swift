import Foundation
import Testing
@testable import PeerConf

@Suite("peerconf validate, schema, init (the built executable)")
struct ValidateCommandTests {
    let key = ["DC_MD5_KEY": "Example-Key-2026"]

    @Test("the bundled example is valid: exit 0 and a summary")
    func example() throws {
        let output = try CommandRunner.run(["validate", "Examples/vif-prod-01.yaml"], environment: key)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout == "1 file valid (0 errors, 0 warnings)\n")
    }

    @Test("an invalid definition exits 1 and prints FILE:LINE:COL: severity: path: message, then the summary")
    func invalid() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("def.yaml", DefinitionDocument.valid.setting("virtual_interface.peers[0].bgp_asn", "64512").text)
        let output = try CommandRunner.run(["validate", file.path], environment: [DefinitionDocument.keyVariable: DefinitionDocument.goodKey])
        #expect(output.status == 1)
        #expect(output.stdout == """
        \(file.path):17:16: error: virtual_interface.peers[0].bgp_asn: bgp_asn 64512 equals the virtual gateway's ASN (cloud_asn); eBGP needs two different ASNs
        \(file.path):17:16: error: virtual_interface.peers[0].bgp_asn: 64512 is used by the cloud; choose another ASN
        1 of 1 file invalid (2 errors, 0 warnings)

        """)
    }

    @Test("warnings pass, and fail with --strict")
    func strict() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("def.yaml", DefinitionDocument.valid.setting("virtual_interface.peers[0].bgp_asn", "23456").text)
        let environment = [DefinitionDocument.keyVariable: DefinitionDocument.goodKey]
        #expect(try CommandRunner.run(["validate", file.path], environment: environment).status == 0)
        #expect(try CommandRunner.run(["validate", "--strict", file.path], environment: environment).status == 1)
    }

    @Test("unreadable and malformed input exit 2")
    func inputFailures() throws {
        let directory = try TemporaryDirectory()
        let malformed = try directory.write("bad.yaml", "virtual_interface: [\n")
        let missing = try CommandRunner.run(["validate", "/nonexistent.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stdout.hasPrefix("/nonexistent.yaml:1:1: error: (document): cannot read the definition"))
        let bad = try CommandRunner.run(["validate", malformed.path])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("\(malformed.path):2:1: error:"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try CommandRunner.run(["validate"]).status == 2)
        #expect(try CommandRunner.run(["validate", "--no-such-option", "x.yaml"]).status == 2)
        #expect(try CommandRunner.run(["validate", "--format", "xml", "x.yaml"]).status == 2)
    }

    @Test("--format json prints file, line, column, severity, path, code, message")
    func json() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("def.yaml", DefinitionDocument.valid.setting("virtual_interface.vlan", "4000").text)
        let output = try CommandRunner.run(["validate", "--format", "json", file.path], environment: [DefinitionDocument.keyVariable: DefinitionDocument.goodKey])
        #expect(output.status == 1)
        struct Report: Decodable {
            struct File: Decodable { var file: String; var valid: Bool; var diagnostics: [Diagnostic] }
            var files: [File]
            var errors: Int
            var warnings: Int
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(output.stdout.utf8))
        #expect(report.errors == 1 && report.warnings == 0)
        let diagnostic = try #require(report.files.first?.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: file.path, line: 4, column: 9))
        #expect(diagnostic.rule == .vlanRange && diagnostic.severity == .error && diagnostic.path == "virtual_interface.vlan")
        #expect(output.stdout.contains("\"code\" : \"vlan-range\""))
    }

    @Test("several files in one run; exit status is the worst")
    func severalFiles() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("good.yaml", DefinitionDocument.valid.text)
        let bad = try directory.write("bad.yaml", DefinitionDocument.valid.setting("virtual_interface.vlan", "4000").text)
        let output = try CommandRunner.run(["validate", good.path, bad.path], environment: [DefinitionDocument.keyVariable: DefinitionDocument.goodKey])
        #expect(output.status == 1)
        #expect(output.stdout.hasSuffix("1 of 2 files invalid (1 error, 0 warnings)\n"))
    }

    @Test("the key is not printed by any command, whatever its faults")
    func keyNotPrinted() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("def.yaml", DefinitionDocument.valid.text)
        for key in ["WOMBAT wombat", "WOMBAT", "WOMBAT'<>", "Wombat-Key-2026"] {
            for format in ["text", "json"] {
                let output = try CommandRunner.run(["validate", "--format", format, file.path], environment: [DefinitionDocument.keyVariable: key])
                #expect(!(output.stdout + output.stderr).lowercased().contains("wombat"))
            }
        }
    }

    @Test("init prints the bundled example, which validates")
    func initCommand() throws {
        let output = try CommandRunner.run(["init"])
        #expect(output.status == 0)
        let example = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Examples/vif-prod-01.yaml"), encoding: .utf8)
        #expect(output.stdout == example)
    }

    @Test("schema prints JSON naming every native key")
    func schema() throws {
        let output = try CommandRunner.run(["schema"])
        #expect(output.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let definitions = try #require(object?["definitions"] as? [String: Any])
        let peer = try #require((definitions["peer"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(peer.keys) == Set(NativeFormat.peerFields.map(\.name)))
        let interface = try #require((definitions["virtual_interface"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(interface.keys) == Set(NativeFormat.interfaceFields.map(\.name)))
    }

    @Test("the schema accepts the example and rejects a broken definition (python jsonschema)")
    func schemaWithValidator() throws {
        let check = try? CommandRunner.runTool("python3", ["-c", "import jsonschema"])
        guard check?.status == 0 else {
            #expect(!CommandRunner.toolsRequired, "python3 jsonschema is required in CI")
            print("SKIPPED: python3 with jsonschema not found; the schema was not checked by a validator")
            return
        }
        let directory = try TemporaryDirectory()
        let schema = try directory.write("schema.json", try CommandRunner.run(["schema"]).stdout)
        let bad = try directory.write("bad.yaml", DefinitionDocument.valid.setting("virtual_interface.vlan", "4000").adding("bgp_md5", "x", after: "virtual_interface.peers[0].bgp_asn").text)
        let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        for path, expected in ((sys.argv[2], True), (sys.argv[3], False)):
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(yaml.safe_load(open(path))))
            assert (not errors) == expected, (path, [e.message for e in errors])
        """
        let example = CommandRunner.packageRoot.appendingPathComponent("Examples/vif-prod-01.yaml").path
        let result = try CommandRunner.runTool("python3", ["-c", script, schema.path, example, bad.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("--help documents the exit codes; --version prints the version")
    func help() throws {
        let help = try CommandRunner.run(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("EXIT STATUS") && help.stdout.contains("2  a file is unreadable"))
        let version = try CommandRunner.run(["--version"])
        #expect(version.stdout == PeerConfVersion.current + "\n")
        let completion = try CommandRunner.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0 && completion.stdout.contains("validate"))
    }

    /// The help's tables and examples are laid out by hand; a line too long for an
    /// 80-column terminal was broken by the help formatter in mid-sentence, its rest at
    /// the left margin ("... (the message" / "names").
    @Test("every help page keeps its tables and examples whole at 80 columns", arguments: [
        ["--help"], ["validate", "--help"], ["render", "--help"], ["netconf", "--help"], ["diff", "--help"],
        ["ticket", "--help"], ["vendors", "--help"], ["schema", "--help"], ["init", "--help"],
    ])
    func helpLayout(arguments: [String]) throws {
        // Not a terminal: the help is laid out for 80 columns.
        let help = try CommandRunner.run(arguments, environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for (previous, line) in zip(lines, lines.dropFirst()) where previous.hasPrefix("  ") && !line.isEmpty {
            #expect(line.hasPrefix(" "), "broken line: \(previous.debugDescription) / \(line.debugDescription)")
        }
    }
}
