import Foundation
import Testing
@testable import PeerConf

/// `--output-dir`: a batch that fails halfway leaves every previous file as it was, no
/// partial file and no temporary file.
@Suite("Output files: all or nothing")
struct AtomicOutputTests {
    static func contents(of folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            result[relative] = (try? String(contentsOf: url, encoding: .utf8)) ?? "<unreadable>"
        }
        return result
    }

    static let batch = [
        OutputDirectory.File(relativePath: "vif-a/frr.cfg", contents: "new a\n"),
        OutputDirectory.File(relativePath: "vif-b/frr.cfg", contents: "new b\n"),
        OutputDirectory.File(relativePath: "vif-c/frr.cfg", contents: "new c\n"),
    ]

    @Test("a batch writes every file, replacing the previous ones, with nothing else left")
    func success() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("vif-a/frr.cfg".replacingOccurrences(of: "/", with: "-"), "unrelated\n")
        try OutputDirectory.write([OutputDirectory.File(relativePath: "vif-a/frr.cfg", contents: "old a\n")], to: directory.url.path)
        try OutputDirectory.write(Self.batch, to: directory.url.path)
        #expect(Self.contents(of: directory.url) == ["vif-a-frr.cfg": "unrelated\n", "vif-a/frr.cfg": "new a\n", "vif-b/frr.cfg": "new b\n", "vif-c/frr.cfg": "new c\n"])
    }

    @Test("the second file cannot be written: the first and third keep their previous contents, no temporary file remains")
    func unwritableSecondFile() throws {
        let directory = try TemporaryDirectory()
        try OutputDirectory.write([
            OutputDirectory.File(relativePath: "vif-a/frr.cfg", contents: "old a\n"),
            OutputDirectory.File(relativePath: "vif-c/frr.cfg", contents: "old c\n"),
        ], to: directory.url.path)
        // A file where the second output's folder must go: its folder cannot be made (a
        // permission would not stop root, which CI runs as).
        _ = try directory.write("vif-b", "in the way\n")
        let before = Self.contents(of: directory.url)

        #expect(throws: OutputDirectory.WriteError.self) {
            try OutputDirectory.write(Self.batch, to: directory.url.path)
        }
        #expect(Self.contents(of: directory.url) == before)
        #expect(before == ["vif-a/frr.cfg": "old a\n", "vif-b": "in the way\n", "vif-c/frr.cfg": "old c\n"])
    }

    @Test("a folder where the last file goes: nothing is replaced")
    func folderInTheWay() throws {
        let directory = try TemporaryDirectory()
        try OutputDirectory.write([OutputDirectory.File(relativePath: "vif-a/frr.cfg", contents: "old a\n")], to: directory.url.path)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("vif-c/frr.cfg"), withIntermediateDirectories: true)
        do {
            try OutputDirectory.write(Self.batch, to: directory.url.path)
            Issue.record("the batch was written over a folder")
        } catch {
            #expect(error.reason == "a folder is in the way")
        }
        // vif-b/ may have been created empty; no file in it.
        #expect(Self.contents(of: directory.url) == ["vif-a/frr.cfg": "old a\n"])
    }

    @Test("two outputs for one file are refused before anything is written")
    func duplicatePaths() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: OutputDirectory.WriteError.self) {
            try OutputDirectory.write([Self.batch[0], Self.batch[0]], to: directory.url.path)
        }
        #expect(Self.contents(of: directory.url).isEmpty)
    }

    /// A batch's files are staged while it renders and renamed in place by several
    /// threads at the end.
    @Test("a rename that fails at the end of a batch: the first failing file in batch order is reported, no temporary and no manifest remain", arguments: [1, 3])
    func failedRenameAtCommit(jobs: Int) throws {
        let directory = try TemporaryDirectory()
        let staging = try StagedOutput(directory: directory.url.path, updateManifest: true)
        let files = (0..<12).map { GeneratedFile(relativePath: "vif-\($0)/frr.cfg", contents: "new \($0)\n", vendor: "frr") }
        let staged = try files.enumerated().map { try staging.stage($1, tag: $0) }
        // Folders that are not empty where the 5th and 10th files go: rename(2) cannot
        // replace them.
        for index in [4, 9] {
            let folder = directory.url.appendingPathComponent("vif-\(index)/frr.cfg")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "in the way\n".write(to: folder.appendingPathComponent("keep"), atomically: false, encoding: .utf8)
        }
        do {
            try staging.commit(staged, jobs: jobs)
            Issue.record("the batch was committed over a folder")
        } catch {
            #expect(error.path == directory.url.path + "/vif-4/frr.cfg")
        }
        let left = Self.contents(of: directory.url)
        #expect(left["vif-4/frr.cfg/keep"] == "in the way\n" && left["vif-9/frr.cfg/keep"] == "in the way\n")
        #expect(left[OutputManifest.fileName] == nil)
        // Every other file is either not there or complete; no temporary is left.
        for (path, text) in left where !path.hasSuffix("/keep") {
            #expect(path.hasSuffix("/frr.cfg") && text.hasPrefix("new "), "left behind: \(path)")
        }
        if jobs == 1 {
            // One thread stops at the first failure: the files before it are in place.
            #expect(left.keys.filter { !$0.hasSuffix("/keep") }.sorted() == (0..<4).map { "vif-\($0)/frr.cfg" })
        }
    }
}
