import Foundation
import Testing
@testable import PeerConf

@Suite("Output folders: manifest.json and --check (library)")
struct GeneratedFilesTests {
    static let files = [
        GeneratedFile(relativePath: "vif-b/frr.cfg", contents: "frr b\n", vendor: "frr"),
        GeneratedFile(relativePath: "vif-a/frr.cfg", contents: "frr a\n", vendor: "frr"),
        GeneratedFile(relativePath: "vif-a/junos.cfg", contents: "junos a\n", vendor: "junos"),
    ]

    func text(_ directory: borrowing TemporaryDirectory, _ path: String) throws -> String {
        try String(contentsOf: directory.url.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("the manifest lists file, vendor and SHA-256, sorted by file, one entry per line, byte-stable")
    func manifestBytes() throws {
        let directory = try TemporaryDirectory()
        try GeneratedFiles.write(Self.files, to: directory.url.path)
        let expected = """
        {
          "version": 1,
          "digest_algorithm": "sha256",
          "files": [
            {"file": "vif-a/frr.cfg", "vendor": "frr", "digest": "\(SHA256.hex("frr a\n"))"},
            {"file": "vif-a/junos.cfg", "vendor": "junos", "digest": "\(SHA256.hex("junos a\n"))"},
            {"file": "vif-b/frr.cfg", "vendor": "frr", "digest": "\(SHA256.hex("frr b\n"))"}
          ]
        }

        """
        #expect(try text(directory, "manifest.json") == expected)
        #expect(try text(directory, "vif-a/junos.cfg") == "junos a\n")
        // Parsing gives the same manifest back, and writing it again changes nothing.
        let parsed = try OutputManifest.parse(Data(expected.utf8))
        #expect(parsed.json == expected)
        try GeneratedFiles.write(Self.files.reversed(), to: directory.url.path)
        #expect(try text(directory, "manifest.json") == expected)
        #expect(OutputManifest(entries: []).json == "{\n  \"version\": 1,\n  \"digest_algorithm\": \"sha256\",\n  \"files\": []\n}\n")
    }

    @Test("a second command's files merge in: entries it wrote are replaced, the others kept")
    func merge() throws {
        let directory = try TemporaryDirectory()
        try GeneratedFiles.write(Self.files, to: directory.url.path)
        let netconf = [GeneratedFile(relativePath: "vif-a/junos.xml", contents: "<config/>\n", vendor: "junos")]
        try GeneratedFiles.write(netconf, to: directory.url.path)
        let changed = [GeneratedFile(relativePath: "vif-a/frr.cfg", contents: "frr a v2\n", vendor: "frr")]
        try GeneratedFiles.write(changed, to: directory.url.path)
        let manifest = try #require(try OutputManifest.read(from: directory.url.path))
        #expect(manifest.entries.map(\.file) == ["vif-a/frr.cfg", "vif-a/junos.cfg", "vif-a/junos.xml", "vif-b/frr.cfg"])
        #expect(manifest.entries[0].digest == SHA256.hex("frr a v2\n"))
        #expect(manifest.entries[2] == .init(file: "vif-a/junos.xml", vendor: "junos", digest: SHA256.hex("<config/>\n")))
    }

    @Test("without updating the manifest (files with real keys), the manifest is left alone")
    func noManifest() throws {
        let directory = try TemporaryDirectory()
        try GeneratedFiles.write(Self.files, to: directory.url.path, updateManifest: false)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("manifest.json").path))
        #expect(try text(directory, "vif-b/frr.cfg") == "frr b\n")
    }

    @Test("check: up to date, then missing, stale, a stale manifest and a changed entry of another command")
    func check() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.path
        #expect(GeneratedFiles.check(Self.files, against: path).findings.map(\.description) == [
            "missing: manifest.json", "missing: vif-a/frr.cfg", "missing: vif-a/junos.cfg", "missing: vif-b/frr.cfg",
        ])
        try GeneratedFiles.write(Self.files, to: path)
        try GeneratedFiles.write([GeneratedFile(relativePath: "vif-a/junos.xml", contents: "<config/>\n", vendor: "junos")], to: path)
        #expect(GeneratedFiles.check(Self.files, against: path).isUpToDate)

        try "edited by hand\n".write(to: directory.url.appendingPathComponent("vif-a/frr.cfg"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("vif-b/frr.cfg"))
        try "<config>edited</config>\n".write(to: directory.url.appendingPathComponent("vif-a/junos.xml"), atomically: true, encoding: .utf8)
        var next = Self.files
        next[2].contents = "junos a v2\n"
        let report = GeneratedFiles.check(next, against: path)
        #expect(report.findings.map(\.description) == [
            "stale: manifest.json",
            "stale: vif-a/frr.cfg",
            "stale: vif-a/junos.cfg",
            "changed: vif-a/junos.xml (its content differs from the digest in manifest.json)",
            "missing: vif-b/frr.cfg",
        ])
        // Checking wrote nothing.
        #expect(try text(directory, "vif-a/junos.cfg") == "junos a\n")
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("vif-a/junos.xml"))
        #expect(GeneratedFiles.check(next, against: path).findings.contains(.init(kind: .missing, file: "vif-a/junos.xml", detail: "listed in manifest.json")))
    }

    @Test("a manifest that is not peerconf's is never overwritten and fails the check", arguments: [
        "not json", "{}", "{\"version\": 2, \"digest_algorithm\": \"sha256\", \"files\": []}",
        "{\"version\": 1, \"digest_algorithm\": \"sha256\", \"files\": [{\"file\": \"../etc/passwd\", \"vendor\": \"frr\", \"digest\": \"\(String(repeating: "0", count: 64))\"}]}",
        "{\"version\": 1, \"digest_algorithm\": \"sha256\", \"files\": [{\"file\": \"a.cfg\", \"vendor\": \"frr\", \"digest\": \"xyz\"}]}",
    ])
    func foreignManifest(_ text: String) throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("manifest.json", text)
        #expect(throws: OutputDirectory.WriteError.self) { try GeneratedFiles.write(Self.files, to: directory.url.path) }
        #expect(try self.text(directory, "manifest.json") == text)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("vif-a/frr.cfg").path))
        let report = GeneratedFiles.check(Self.files, against: directory.url.path)
        #expect(report.findings.contains { $0.kind == .stale && $0.file == "manifest.json" })
    }

    /// Batches start reading the manifest on a thread of their own while the inputs
    /// load: what they get must be what a plain read gives, errors included.
    @Test("a manifest read ahead is the manifest read in place: a peerconf one, none, a foreign one", arguments: [
        nil, "not json", "{\"version\": 1, \"digest_algorithm\": \"sha256\", \"files\": [{\"file\": \"a.cfg\", \"vendor\": \"frr\", \"digest\": \"xyz\"}]}",
    ])
    func prefetchedManifest(_ foreign: String?) throws {
        let directory = try TemporaryDirectory()
        if let foreign {
            _ = try directory.write("manifest.json", foreign)
        } else {
            try GeneratedFiles.write(Self.files, to: directory.url.path)
        }
        let path = directory.url.path
        let prefetch = ManifestPrefetch(directory: path)
        let direct = Result { () throws(OutputManifest.ReadError) in try OutputManifest.read(from: path) }
        for _ in 0..<2 {
            let ahead = Result { () throws(OutputManifest.ReadError) in try prefetch.manifest() }
            switch (direct, ahead) {
            case (.success(let expected), .success(let got)):
                #expect(got?.entries == expected?.entries && got != nil)
            case (.failure(let expected), .failure(let got)):
                #expect(got.reason == expected.reason && foreign != nil)
            default:
                Issue.record("read ahead: \(ahead), in place: \(direct)")
            }
        }
        let empty = try TemporaryDirectory()
        #expect(try ManifestPrefetch(directory: empty.url.path).manifest() == nil)
    }

    @Test("manifest paths: relative, no empty, '.' or '..' component", arguments: [
        ("vif-a/frr.cfg", true), ("a", true), (".hidden/x", true), ("a/.b", true), ("..b/c", true), ("a/b..", true),
        // A combining mark after "/" makes one Character of the two, but the file
        // system still sees the "/": "../" + mark is a file in the parent folder.
        ("...", true), ("./\u{301}", false), ("../\u{301}", false), ("a/../\u{301}", false), (".\u{301}/x", true),
        ("", false), ("/abs", false), ("a//b", false), ("a/", false), ("./x", false), ("../x", false),
        ("a/.", false), ("a/..", false), ("a/../b", false), (".", false), ("..", false),
    ])
    func manifestPaths(_ path: String, _ inside: Bool) {
        #expect(OutputManifest.isPathInsideFolder(path) == inside)
    }

    @Test("entries are sorted by file; of two for one file the last given is kept, in a manifest and in a merge")
    func lastEntryWins() {
        func entry(_ file: String, _ vendor: String) -> OutputManifest.Entry {
            OutputManifest.Entry(file: file, vendor: vendor, digest: String(repeating: "a", count: 64))
        }
        let manifest = OutputManifest(entries: [entry("vif-b/x", "1"), entry("vif-a/x", "2"), entry("vif-b/x", "3"), entry("vif-a/x", "4"), entry("vif-a/w", "5")])
        #expect(manifest.entries.map { "\($0.file) \($0.vendor)" } == ["vif-a/w 5", "vif-a/x 4", "vif-b/x 3"])
        let merged = manifest.merging([entry("vif-c/x", "6"), entry("vif-a/x", "7"), entry("vif-c/x", "8")])
        #expect(merged.entries.map { "\($0.file) \($0.vendor)" } == ["vif-a/w 5", "vif-a/x 7", "vif-b/x 3", "vif-c/x 8"])
    }

    @Test("JSON strings are escaped")
    func quoting() {
        #expect(OutputManifest.quoted("a\"b\\c\n\u{1}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }
}
