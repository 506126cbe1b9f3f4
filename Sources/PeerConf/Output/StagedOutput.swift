import Foundation
import Synchronization

/// An output folder written while a batch is still rendering, with the guarantees of
/// `OutputDirectory`: each file goes to a temporary name in its final folder as soon as it
/// is rendered (`stage`, safe to call from many tasks at once), and only when the whole
/// batch succeeded are the temporaries renamed over their targets, the manifest last
/// (`commit`). After an error, `discard` deletes the temporaries: the previous files stay
/// as they were, and no reader ever sees half a file.
public struct StagedOutput: Sendable {
    /// A file written under its temporary name, waiting for `commit`.
    public struct Staged: Sendable {
        /// The manifest entry; its `file` is the target's relative path.
        public var entry: OutputManifest.Entry
        /// Distinguishes the temporaries of one run (the batch position).
        public var tag: Int
    }

    public let directory: String
    public let updateManifest: Bool
    /// Read before anything is written: a manifest that is not peerconf's stops the run.
    private let existing: OutputManifest?
    private let processID = ProcessInfo.processInfo.processIdentifier

    public init(directory: String, updateManifest: Bool) throws(OutputDirectory.WriteError) {
        self.directory = directory
        self.updateManifest = updateManifest
        if updateManifest {
            do {
                existing = try OutputManifest.read(from: directory)
            } catch {
                throw OutputDirectory.WriteError(path: GeneratedFiles.manifestPath(directory), reason: "\(error.reason); move it away or fix it, peerconf does not overwrite it")
            }
        } else {
            existing = nil
        }
    }

    private func targetPath(_ relativePath: String) -> String {
        directory.hasSuffix("/") ? directory + relativePath : directory + "/" + relativePath
    }

    private func temporaryPath(_ relativePath: String, tag: Int) -> String {
        let target = targetPath(relativePath)
        let slash = target.lastIndex(of: "/")!
        return "\(target[...slash]).\(target[target.index(after: slash)...]).\(processID)-\(tag).tmp"
    }

    /// Writes `file` under a temporary name next to its target (creating the folder).
    public func stage(_ file: GeneratedFile, tag: Int) throws(OutputDirectory.WriteError) -> Staged {
        if file.relativePath == OutputManifest.fileName {
            throw OutputDirectory.WriteError(path: file.relativePath, reason: "a generated file cannot be named like the manifest")
        }
        let temporary = temporaryPath(file.relativePath, tag: tag)
        var descriptor = FileWriter.create(temporary)
        if descriptor < 0 && errno == ENOENT {
            let folder = (targetPath(file.relativePath) as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputDirectory.WriteError(path: folder, reason: "cannot create the folder")
            }
            descriptor = FileWriter.create(temporary)
        }
        guard descriptor >= 0 else {
            throw OutputDirectory.WriteError(path: targetPath(file.relativePath), reason: String(cString: strerror(errno)))
        }
        let written = FileWriter.write(file.contents, to: descriptor)
        let reason = written ? nil : String(cString: strerror(errno))
        if close(descriptor) != 0 || !written {
            unlink(temporary)
            throw OutputDirectory.WriteError(path: targetPath(file.relativePath), reason: reason ?? "cannot write the file")
        }
        return Staged(entry: file.manifestEntry, tag: tag)
    }

    /// Renames every staged file over its target, on `jobs` threads (a batch stages a
    /// hundred thousand files, and one thread renaming them took about half a second with
    /// the other cores idle), then puts the manifest (merged with the one already there)
    /// in place atomically, last. Meanwhile the manifest is merged and written under its
    /// temporary name, which took one thread another 0.1 s after the renames. Two files
    /// for one path are an error before anything is renamed. After a failed rename the
    /// files not yet renamed are discarded, the manifest is not replaced, and the error
    /// of the first failed file in batch order is the one reported.
    public func commit(_ staged: [Staged], jobs: Int = BatchPipeline.defaultJobs) throws(OutputDirectory.WriteError) {
        var seen = Set<String>()
        for file in staged where !seen.insert(file.entry.file).inserted {
            discard(staged)
            throw OutputDirectory.WriteError(path: file.entry.file, reason: "two outputs would be written to the same file; give the virtual interfaces distinct names")
        }
        let failures = Mutex<[(position: Int, error: OutputDirectory.WriteError)]>([])
        let failed = Atomic<Bool>(false)
        let manifest = Mutex<Result<String, OutputDirectory.WriteError>?>(nil)
        // Contiguous runs, so that each thread works in its own folders; several per
        // thread, so that the one writing the manifest first takes fewer.
        let runs = max(1, min(max(1, jobs) * 4, staged.count))
        let tasks = runs + (updateManifest ? 1 : 0)
        DispatchQueue.concurrentPerform(iterations: tasks) { task in
            if updateManifest && task == 0 {
                let merged = (existing ?? OutputManifest(entries: [])).merging(staged.map(\.entry))
                let written: Result<String, OutputDirectory.WriteError>
                do throws(OutputDirectory.WriteError) {
                    written = .success(try writeTemporaryManifest(merged))
                } catch {
                    written = .failure(error)
                }
                manifest.withLock { $0 = written }
                return
            }
            let job = task - (tasks - runs)
            for position in staged.count * job / runs ..< staged.count * (job + 1) / runs {
                let file = staged[position]
                let temporary = temporaryPath(file.entry.file, tag: file.tag)
                if failed.load(ordering: .relaxed) {
                    unlink(temporary)
                    continue
                }
                let target = targetPath(file.entry.file)
                if rename(temporary, target) != 0 {
                    let error = OutputDirectory.WriteError(path: target, reason: String(cString: strerror(errno)))
                    unlink(temporary)
                    failed.store(true, ordering: .relaxed)
                    failures.withLock { $0.append((position, error)) }
                }
            }
        }
        let manifestTemporary = manifest.withLock { $0 }
        if let first = failures.withLock({ $0.min { $0.position < $1.position } }) {
            if case .success(let temporary)? = manifestTemporary { unlink(temporary) }
            throw first.error
        }
        switch manifestTemporary {
        case nil:
            return
        case .failure(let error)?:
            throw error
        case .success(let temporary)?:
            // Last: the manifest never lists a file before it is in place.
            let target = targetPath(OutputManifest.fileName)
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw OutputDirectory.WriteError(path: target, reason: reason)
            }
        }
    }

    /// Writes the manifest piece by piece under a temporary name (the whole text, over
    /// 20 MB for 160,000 files, is never in memory at once); `commit` renames it over the
    /// old one, so that no reader sees half of it. The temporary's path.
    private func writeTemporaryManifest(_ manifest: OutputManifest) throws(OutputDirectory.WriteError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputDirectory.WriteError(path: directory, reason: "cannot create the folder")
        }
        let target = targetPath(OutputManifest.fileName)
        let temporary = "\(directory.hasSuffix("/") ? directory : directory + "/").\(OutputManifest.fileName).\(processID).tmp"
        let descriptor = FileWriter.create(temporary)
        guard descriptor >= 0 else {
            throw OutputDirectory.WriteError(path: target, reason: String(cString: strerror(errno)))
        }
        var written = true
        manifest.writeJSON { piece in
            if written { written = FileWriter.write(piece, to: descriptor) }
        }
        let reason = written ? nil : String(cString: strerror(errno))
        guard close(descriptor) == 0, written else {
            unlink(temporary)
            throw OutputDirectory.WriteError(path: target, reason: reason ?? "cannot write the file")
        }
        return temporary
    }

    /// Deletes the temporaries of `staged`; the targets are untouched.
    public func discard(_ staged: [Staged]) {
        for file in staged {
            unlink(temporaryPath(file.entry.file, tag: file.tag))
        }
    }
}
