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
    /// threads at the end. Which thread reaches its failure first varies from run to run,
    /// so each case runs several times (one job once renamed files after the failure,
    /// on threads it should not have had).
    @Test("a rename that fails at the end of a batch: the first failing file in batch order is reported, no temporary and no manifest remain", arguments: [1, 3])
    func failedRenameAtCommit(jobs: Int) throws {
        for _ in 0..<25 { try failRenameAtCommit(jobs: jobs) }
    }

    private func failRenameAtCommit(jobs: Int) throws {
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
        #expect(Self.hiddenEntries(in: directory.url).isEmpty)
    }

    /// Every file and folder whose name starts with a dot (temporaries, staged folders).
    static func hiddenEntries(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var hidden: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { hidden.append(path) }
        }
        return hidden
    }

    static func entryNames(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// A first render creates each interface's folder: it is staged whole and renamed in
    /// one go, so nothing of it is visible until the batch is committed.
    @Test("files of a new folder wait in one hidden folder, which becomes the folder at commit; nothing is left behind")
    func newFoldersStagedWhole() throws {
        let directory = try TemporaryDirectory()
        let staging = try StagedOutput(directory: directory.url.path + "/out", updateManifest: true)
        var staged: [StagedOutput.Staged] = []
        for item in 0..<3 {
            var folders = StagedOutput.Folders()
            for vendor in ["frr", "eos"] {
                let file = GeneratedFile(relativePath: "vif-\(item)/\(vendor).cfg", contents: "\(vendor) \(item)\n", vendor: vendor)
                staged.append(try staging.stage(file, tag: item, folders: &folders))
            }
        }
        let out = directory.url.appendingPathComponent("out")
        // Before the commit: three hidden folders, no target folder.
        let waiting = Self.entryNames(in: out)
        #expect(waiting.count == 3 && waiting.allSatisfy { $0.hasPrefix(".vif-") && $0.hasSuffix(".tmp") })
        #expect(Self.contents(of: out).count == 6)

        try staging.commit(staged, jobs: 2)
        let written = Self.contents(of: out)
        #expect(written.filter { $0.key != OutputManifest.fileName } == [
            "vif-0/frr.cfg": "frr 0\n", "vif-0/eos.cfg": "eos 0\n", "vif-1/frr.cfg": "frr 1\n",
            "vif-1/eos.cfg": "eos 1\n", "vif-2/frr.cfg": "frr 2\n", "vif-2/eos.cfg": "eos 2\n",
        ])
        #expect(written[OutputManifest.fileName] != nil)
        #expect(Self.hiddenEntries(in: out).isEmpty)
    }

    @Test("two interfaces of one name in a batch: refused at commit, both hidden folders removed, nothing written")
    func duplicateFoldersAtCommit() throws {
        let directory = try TemporaryDirectory()
        let staging = try StagedOutput(directory: directory.url.path, updateManifest: true)
        let staged = try (0..<2).map { tag in
            var folders = StagedOutput.Folders()
            return try staging.stage(GeneratedFile(relativePath: "vif-a/frr.cfg", contents: "\(tag)\n", vendor: "frr"), tag: tag, folders: &folders)
        }
        #expect(Self.entryNames(in: directory.url).count == 2)
        #expect(throws: OutputDirectory.WriteError.self) { try staging.commit(staged) }
        #expect(Self.entryNames(in: directory.url).isEmpty)
    }

    @Test("two outputs for one path are refused at commit, the first in batch order named, whether within one interface or across", arguments: [
        // (folder, name, tag) in batch order; the path expected in the error.
        ([("vif-a", "frr.cfg", 0), ("vif-a", "eos.cfg", 0), ("vif-a", "frr.cfg", 0)], "vif-a/frr.cfg"),
        ([("vif-x", "a.cfg", 1), ("vif-y", "q.cfg", 2), ("vif-x", "a.cfg", 3), ("vif-x", "b.cfg", 3), ("vif-x", "b.cfg", 3)], "vif-x/a.cfg"),
        ([("vif-x", "a.cfg", 1), ("vif-x", "b.cfg", 2), ("vif-y", "a.cfg", 3), ("vif-y", "a.cfg", 3)], "vif-y/a.cfg"),
    ])
    func duplicatePathsAtCommit(_ files: [(String, String, Int)], _ expected: String) throws {
        let directory = try TemporaryDirectory()
        let staging = try StagedOutput(directory: directory.url.path, updateManifest: true)
        var folders: [Int: StagedOutput.Folders] = [:]
        let staged = try files.map { folder, name, tag in
            var itemFolders = folders[tag] ?? StagedOutput.Folders()
            defer { folders[tag] = itemFolders }
            return try staging.stage(GeneratedFile(relativePath: "\(folder)/\(name)", contents: "x\n", vendor: "frr"), tag: tag, folders: &itemFolders)
        }
        do {
            try staging.commit(staged)
            Issue.record("two outputs for one path were committed")
        } catch {
            #expect(error.path == expected && error.reason.hasPrefix("two outputs would be written to the same file"))
        }
        #expect(Self.entryNames(in: directory.url).isEmpty)
    }

    @Test("a folder that appears between staging and commit gets the files one by one, keeping what else it holds")
    func folderAppearsBeforeCommit() throws {
        let directory = try TemporaryDirectory()
        let staging = try StagedOutput(directory: directory.url.path, updateManifest: false)
        var folders = StagedOutput.Folders()
        let staged = try ["frr", "eos"].map { vendor in
            try staging.stage(GeneratedFile(relativePath: "vif-a/\(vendor).cfg", contents: "new \(vendor)\n", vendor: vendor), tag: 0, folders: &folders)
        }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("vif-a"), withIntermediateDirectories: false)
        _ = try directory.write("vif-a/notes.txt", "kept\n")
        try staging.commit(staged, jobs: 1)
        #expect(Self.contents(of: directory.url) == ["vif-a/frr.cfg": "new frr\n", "vif-a/eos.cfg": "new eos\n", "vif-a/notes.txt": "kept\n"])
        #expect(Self.hiddenEntries(in: directory.url).isEmpty)
    }

    @Test("an existing folder gets temporaries next to the targets; discarding a batch removes them and the new folders")
    func discardRemovesStagedFolders() throws {
        let directory = try TemporaryDirectory()
        try OutputDirectory.write([OutputDirectory.File(relativePath: "vif-old/frr.cfg", contents: "old\n")], to: directory.url.path)
        let staging = try StagedOutput(directory: directory.url.path, updateManifest: false)
        var staged: [StagedOutput.Staged] = []
        for (tag, folder) in ["vif-old", "vif-new"].enumerated() {
            var folders = StagedOutput.Folders()
            for vendor in ["frr", "eos"] {
                staged.append(try staging.stage(GeneratedFile(relativePath: "\(folder)/\(vendor).cfg", contents: "new\n", vendor: vendor), tag: tag, folders: &folders))
            }
        }
        let beside = Self.entryNames(in: directory.url.appendingPathComponent("vif-old"))
        #expect(beside.count == 3 && beside.filter { $0.hasPrefix(".") }.count == 2)
        staging.discard(staged)
        #expect(Self.contents(of: directory.url) == ["vif-old/frr.cfg": "old\n"])
        #expect(Self.entryNames(in: directory.url) == ["vif-old"])
        #expect(Self.hiddenEntries(in: directory.url).isEmpty)
    }
}
