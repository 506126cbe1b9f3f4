import Foundation

/// An output folder written while a batch is still rendering, with the guarantees of
/// `OutputDirectory`: each file goes to a temporary name as soon as it is rendered
/// (`stage`, safe to call from many tasks at once: in a hidden folder of its own when its
/// folder is new, see `Folders`, otherwise next to its target), and only when the whole
/// batch succeeded are the temporaries renamed over their targets, the manifest last
/// (`commit`, in StagedOutputCommit.swift). After an error, `discard` deletes the
/// temporaries: the previous files stay as they were, and no reader ever sees half a file.
public struct StagedOutput: Sendable {
    /// A file written under its temporary name, waiting for `commit`.
    public struct Staged: Sendable {
        /// The manifest entry; its `file` is the target's relative path.
        public var entry: OutputManifest.Entry
        /// Distinguishes the temporaries of one run (the batch position).
        public var tag: Int
        /// Whether it waits in a new folder staged whole (see `Folders`).
        var inNewFolder = false
    }

    public let directory: String
    public let updateManifest: Bool
    /// Read before anything is written: a manifest that is not peerconf's stops the run.
    let existing: OutputManifest?
    let processID = ProcessInfo.processInfo.processIdentifier

    /// `prefetched`: the folder's manifest, already being read (see `ManifestPrefetch`).
    public init(directory: String, updateManifest: Bool, prefetched: ManifestPrefetch? = nil) throws(OutputDirectory.WriteError) {
        self.directory = directory
        self.updateManifest = updateManifest
        if updateManifest {
            do throws(OutputManifest.ReadError) {
                if let prefetched {
                    existing = try prefetched.manifest()
                } else {
                    existing = try OutputManifest.read(from: directory)
                }
            } catch {
                throw OutputDirectory.WriteError(path: GeneratedFiles.manifestPath(directory), reason: "\(error.reason); move it away or fix it, peerconf does not overwrite it")
            }
        } else {
            existing = nil
        }
    }

    func targetPath(_ relativePath: String) -> String {
        directory.hasSuffix("/") ? directory + relativePath : directory + "/" + relativePath
    }

    func temporaryPath(_ relativePath: String, tag: Int) -> String {
        let target = targetPath(relativePath)
        let slash = target.lastIndex(of: "/")!
        return "\(target[...slash]).\(target[target.index(after: slash)...]).\(processID)-\(tag).tmp"
    }

    /// Where a batch item's files wait. A folder that does not exist yet is staged whole
    /// (`.vif.PID-TAG.tmp/`, renamed into place in one go at `commit`), which spares a
    /// rename per file: a first render of 10,000 interfaces for 11 vendors made 110,000
    /// renames, about a twentieth of the command's CPU. Into a folder that exists,
    /// each file goes under a temporary name next to its target.
    public struct Folders {
        /// The item's folders so far, and whether each is staged whole.
        fileprivate var known: [(folder: Substring, isNew: Bool)] = []
        public init() {}
    }

    /// The folder of a `vif/file` path, when the file sits one level down (the layout of
    /// every batch); other paths are staged file by file.
    static func singleFolder(of relativePath: String) -> (folder: Substring, name: Substring)? {
        guard let slash = relativePath.utf8.firstIndex(of: UInt8(ascii: "/")), slash != relativePath.startIndex else { return nil }
        let name = relativePath[relativePath.index(after: slash)...]
        guard !name.isEmpty, !name.utf8.contains(UInt8(ascii: "/")) else { return nil }
        return (relativePath[..<slash], name)
    }

    func stagedFolderPath(_ folder: Substring, tag: Int) -> String {
        targetPath(".\(folder).\(processID)-\(tag).tmp")
    }

    /// Where `staged` waits for `commit`.
    func temporaryPath(_ staged: Staged) -> String {
        guard staged.inNewFolder, let (folder, name) = Self.singleFolder(of: staged.entry.file) else {
            return temporaryPath(staged.entry.file, tag: staged.tag)
        }
        return stagedFolderPath(folder, tag: staged.tag) + "/" + name
    }

    /// Whether `folder`'s files are staged in a new folder, deciding (and making that
    /// folder) at the item's first file in it.
    private func isNew(_ folder: Substring, tag: Int, folders: inout Folders) throws(OutputDirectory.WriteError) -> Bool {
        if let known = folders.known.first(where: { $0.folder == folder }) { return known.isNew }
        var status = stat()
        var isNew = false
        if stat(targetPath(String(folder)), &status) != 0 && errno == ENOENT {
            let staged = stagedFolderPath(folder, tag: tag)
            var made = mkdir(staged, 0o777)
            if made != 0 && errno == ENOENT {
                // The output folder itself is new.
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw OutputDirectory.WriteError(path: directory, reason: "cannot create the folder")
                }
                made = mkdir(staged, 0o777)
            }
            // Any failure (a leftover of a crashed run with the same name, say, whose
            // files must not be carried into place) falls back to staging file by file.
            isNew = made == 0
        }
        folders.known.append((folder, isNew))
        return isNew
    }

    /// `stage(_:tag:folders:)` for a file on its own.
    public func stage(_ file: GeneratedFile, tag: Int) throws(OutputDirectory.WriteError) -> Staged {
        var folders = Folders()
        return try stage(file, tag: tag, folders: &folders)
    }

    /// Writes `file` where it waits for `commit`: in its item's new folder (see
    /// `Folders`), or under a temporary name next to its target (creating the folder).
    /// `folders` is one batch item's: all its files carry its `tag`.
    public func stage(_ file: GeneratedFile, tag: Int, folders: inout Folders) throws(OutputDirectory.WriteError) -> Staged {
        try stage(file.relativePath, vendor: file.vendor, content: .string(file.contents), tag: tag, folders: &folders)
    }

    /// `stage(_:tag:folders:)` for a file's parts, its text as it was made (bytes are
    /// written and hashed without becoming a String).
    public func stage(_ relativePath: String, vendor: String, content: FileText, tag: Int, folders: inout Folders) throws(OutputDirectory.WriteError) -> Staged {
        if relativePath == OutputManifest.fileName {
            throw OutputDirectory.WriteError(path: relativePath, reason: "a generated file cannot be named like the manifest")
        }
        let digest = content.withUTF8 { SHA256.hex($0) }
        var staged = Staged(entry: OutputManifest.Entry(file: relativePath, vendor: vendor, digest: digest), tag: tag)
        if let (folder, _) = Self.singleFolder(of: relativePath) {
            staged.inNewFolder = try isNew(folder, tag: tag, folders: &folders)
        }
        let temporary = temporaryPath(staged)
        var descriptor = FileWriter.create(temporary)
        if descriptor < 0 && errno == ENOENT && !staged.inNewFolder {
            let folder = (targetPath(relativePath) as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputDirectory.WriteError(path: folder, reason: "cannot create the folder")
            }
            descriptor = FileWriter.create(temporary)
        }
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            removeIfEmpty(staged)
            throw OutputDirectory.WriteError(path: targetPath(relativePath), reason: reason)
        }
        let written = content.withUTF8 { FileWriter.write($0, to: descriptor) }
        let reason = written ? nil : String(cString: strerror(errno))
        if close(descriptor) != 0 || !written {
            unlink(temporary)
            removeIfEmpty(staged)
            throw OutputDirectory.WriteError(path: targetPath(relativePath), reason: reason ?? "cannot write the file")
        }
        return staged
    }

    /// A new folder whose first file could not be written is not left behind (with
    /// files in it, it goes with them when they are discarded).
    private func removeIfEmpty(_ staged: Staged) {
        if staged.inNewFolder, let (folder, _) = Self.singleFolder(of: staged.entry.file) {
            rmdir(stagedFolderPath(folder, tag: staged.tag))
        }
    }

    /// Deletes the temporaries of `staged`, and the new folders they were in; the targets
    /// are untouched.
    public func discard(_ staged: [Staged]) {
        discard(staged[...])
    }

    func discard(_ staged: ArraySlice<Staged>) {
        var folders: [String] = []
        for file in staged {
            unlink(temporaryPath(file))
            if file.inNewFolder, let (folder, _) = Self.singleFolder(of: file.entry.file) {
                let path = stagedFolderPath(folder, tag: file.tag)
                if folders.last != path { folders.append(path) }
            }
        }
        for folder in folders { rmdir(folder) }
    }
}
