import Foundation
import Testing
@testable import PeerConf

@Suite("Reading files: syntax, JSON, API documents, key sources")
struct InputTests {
    @Test("malformed YAML is a located syntax error and an input failure")
    func malformedYAML() {
        let result = DefinitionLoader.load(text: "virtual_interface:\n  vlan: [1\n  name: x\n", source: "bad.yaml")
        let finding = result.findings(.syntax).first
        #expect(finding != nil)
        #expect(finding?.location.line == 3)
        #expect(result.inputFailed)
        #expect(result.definition == nil)
    }

    @Test("malformed JSON is a located syntax error")
    func malformedJSON() {
        let result = DefinitionLoader.load(text: "{\n  \"virtual_interface\": {\n    \"vlan\": 1,,\n  }\n}\n", source: "bad.json")
        #expect(result.findings(.syntax).first?.location.line == 3)
        #expect(result.inputFailed)
    }

    @Test("duplicate keys are a syntax error")
    func duplicateKeys() {
        let result = DefinitionLoader.load(text: "virtual_interface:\n  vlan: 1\n  vlan: 2\n", source: "dup.yaml")
        #expect(result.findings(.syntax).first?.message.contains("duplicate key 'vlan'") == true, "\(result.dump)")
    }

    @Test("a NUL byte is refused")
    func nulByte() {
        let result = DefinitionLoader.load(text: "virtual_interface:\n  vlan: 1\u{0}\n", source: "nul.yaml")
        #expect(result.inputFailed)
    }

    @Test("missing files and directories are unreadable, not crashes")
    func unreadable() {
        for path in ["/nonexistent/def.yaml", NSTemporaryDirectory()] {
            let result = DefinitionLoader.load(file: path)
            #expect(result.findings(.unreadable).count == 1)
            #expect(result.inputFailed)
        }
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peerconf-latin1-\(UUID()).yaml")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = DefinitionLoader.load(file: url.path)
        #expect(result.findings(.unreadable).first?.message.contains("UTF-8") == true)
    }

    @Test("JSON with the native structure validates like YAML, with JSON positions")
    func nativeJSON() {
        let json = """
        {
          "virtual_interface": {
            "vlan": 100,
            "local_subnets": ["10.0.0.0/16"],
            "peers": [
              {
                "name": "peer-v4",
                "address_family": "ipv4",
                "local_gateway": "192.168.0.1/30",
                "remote_gateway": "192.168.0.2/30",
                "remote_subnets": ["192.168.52.0/24"],
                "routing_mode": "static",
                "bgp_asn": 64512
              }
            ]
          }
        }
        """
        let result = DefinitionLoader.load(text: json, source: "def.json", options: LoadOptions(environment: [:]))
        #expect(result.definition?.format == .native)
        let ignored = result.findings(.staticIgnoresBGPFields).first
        #expect(ignored?.location.line == 13)
        #expect(ignored?.location.column == 20)
        #expect(ignored?.path == "virtual_interface.peers[0].bgp_asn")
    }

    @Test("a key file's single trailing newline is not part of the key")
    func keyFileNewline() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerconf-keys-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Str0ng-Key.2026\n".write(to: directory.appendingPathComponent("peer.key"), atomically: true, encoding: .utf8)
        let definition = DefinitionDocument.valid
            .removing("virtual_interface.peers[0].bgp_md5_key_env")
            .adding("bgp_md5_key_file", "peer.key", after: "virtual_interface.peers[0].bgp_asn")
        let file = directory.appendingPathComponent("def.yaml")
        try definition.text.write(to: file, atomically: true, encoding: .utf8)
        let result = DefinitionLoader.load(file: file.path, options: LoadOptions(environment: [DefinitionDocument.keyVariable: "Other-Key.2026"]))
        #expect(result.diagnostics.isEmpty, "\(result.dump)")
        let key = result.definition?.virtualInterfaces[0].peers[0].routing.bgp?.md5Key
        #expect(key?.revealed == "Str0ng-Key.2026")
        #expect(key?.source == .file(directory.appendingPathComponent("peer.key").path))
    }

    @Test("keys never appear in diagnostics, JSON output or descriptions")
    func keyNeverPrinted() {
        let secret = "Zz9-QUOKKA key'<>é"   // breaks three rules at once
        let literal = DefinitionDocument.valid
            .removing("virtual_interface.peers[0].bgp_md5_key_env")
            .adding("bgp_md5_key", "\"\(secret)\"", after: "virtual_interface.peers[0].bgp_asn")
        for result in [DefinitionDocument.valid.load(environment: [DefinitionDocument.keyVariable: secret]), literal.load()] {
            #expect(result.findings(.md5KeyCharacters).count + result.findings(.md5KeyLength).count > 0)
            let printed = result.diagnostics.map(DiagnosticFormatter.text).joined() + DiagnosticFormatter.json([result])
            #expect(!printed.contains("QUOKKA"), "the key leaked: \(printed)")
        }
        let valid = DefinitionDocument.valid.load()
        let key = valid.definition!.virtualInterfaces[0].peers[0].routing.bgp!.md5Key
        #expect(!"\(key)".contains(DefinitionDocument.goodKey))
        #expect(!String(reflecting: key).contains(DefinitionDocument.goodKey))
        var dumped = ""
        dump(valid.definition!, to: &dumped)
        #expect(!dumped.contains(DefinitionDocument.goodKey))
    }
}
