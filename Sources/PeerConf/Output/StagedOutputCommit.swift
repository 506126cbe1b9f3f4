import Foundation
import Synchronization

/// Putting a batch's staged files in place (see `StagedOutput`).
extension StagedOutput {
    /// Renames every staged file (or new folder) over its target, on at most `jobs`
    /// threads (a batch stages a hundred thousand files, and one thread renaming them took
    /// about half a second with the other cores idle), then puts the manifest (merged with
    /// the one already there) in place atomically, last. Meanwhile the manifest is merged
    /// and written under its temporary name, which took one thread another 0.1 s after the
    /// renames. Two files for one path are an error before anything is renamed.
    ///
    /// After a failed rename, files later in batch order that are not yet renamed are
    /// discarded, earlier ones are still tried, and the manifest is not replaced: the
    /// error reported is that of the first failing file in batch order, whatever the
    /// number of threads and their timing. With one job the files before it are in place
    /// and none after it.
    public func commit(_ staged: [Staged], jobs: Int = BatchPipeline.defaultJobs) throws(OutputDirectory.WriteError) {
        let (moves, duplicate) = Self.moves(staged)
        if let duplicate {
            discard(staged)
            throw OutputDirectory.WriteError(path: duplicate, reason: "two outputs would be written to the same file; give the virtual interfaces distinct names")
        }
        // The first failure in batch order; its position also in an atomic, read before
        // every rename.
        let failure = Mutex<(position: Int, error: OutputDirectory.WriteError)?>(nil)
        let firstFailure = Atomic<Int>(.max)
        let manifest = Mutex<Result<String, OutputDirectory.WriteError>?>(nil)
        // Contiguous runs, so that each thread works in its own folders; several per
        // thread, taken in batch order as threads come free, so that the one writing the
        // manifest (task 0) takes fewer.
        let threads = max(1, jobs)
        let runs = max(1, min(threads * 4, moves.count))
        let tasks = runs + (updateManifest ? 1 : 0)
        let nextTask = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, tasks)) { _ in
            while case let task = nextTask.wrappingAdd(1, ordering: .relaxed).oldValue, task < tasks {
                if updateManifest && task == 0 {
                    let merged = (existing ?? OutputManifest(entries: [])).merging(staged.map(\.entry))
                    let written: Result<String, OutputDirectory.WriteError>
                    do throws(OutputDirectory.WriteError) {
                        written = .success(try writeTemporaryManifest(merged))
                    } catch {
                        written = .failure(error)
                    }
                    manifest.withLock { $0 = written }
                    continue
                }
                let run = task - (tasks - runs)
                for move in moves[moves.count * run / runs ..< moves.count * (run + 1) / runs] {
                    if move.lowerBound > firstFailure.load(ordering: .relaxed) {
                        discard(staged[move])
                        continue
                    }
                    if let failed = self.move(staged[move], startingAt: move.lowerBound) {
                        firstFailure.min(failed.position, ordering: .relaxed)
                        failure.withLock { first in
                            if failed.position < first?.position ?? .max { first = failed }
                        }
                    }
                }
            }
        }
        let manifestTemporary = manifest.withLock { $0 }
        if let first = failure.withLock({ $0 }) {
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

    /// The staged files in batch order as units of renaming (the files of one new folder
    /// together, any other file on its own), and the first path two of them share, if any.
    ///
    /// Two paths can only be the same in one folder: folders are compared once per group
    /// of files with one tag and folder (a batch item's), names only within a group, and
    /// every path only when a folder recurs in another group. Hashing every path of a
    /// 110,000-file batch kept one thread busy 80 ms while the other waited to rename.
    private static func moves(_ staged: [Staged]) -> (moves: [Range<Int>], duplicate: String?) {
        var moves: [Range<Int>] = []
        moves.reserveCapacity(staged.count)
        var folders = Set<Substring>()
        var comparePaths = false
        var groupStart = 0
        var groupFolder: Substring = ""
        for position in staged.indices {
            let path = staged[position].entry.file, tag = staged[position].tag
            let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
            let sameGroup = position > 0 && staged[position - 1].tag == tag && folder == groupFolder
            if !sameGroup {
                groupStart = position
                groupFolder = folder
                if !folders.insert(folder).inserted { comparePaths = true }
            } else if !comparePaths {
                // Groups are a batch item's files in one folder: a few names.
                if position - groupStart > 64 {
                    comparePaths = true
                } else if (groupStart ..< position).contains(where: { staged[$0].entry.file == path }) {
                    return (moves, path)
                }
            }
            if sameGroup, staged[position].inNewFolder, let last = moves.last, last.upperBound == position, staged[last.lowerBound].inNewFolder {
                moves[moves.count - 1] = last.lowerBound ..< position + 1
            } else {
                moves.append(position ..< position + 1)
            }
        }
        if comparePaths {
            var seen = Set<String>(minimumCapacity: staged.count)
            for file in staged where !seen.insert(file.entry.file).inserted {
                return (moves, file.entry.file)
            }
        }
        return (moves, nil)
    }

    /// Puts one unit in place: a new folder with one rename, a file with one. A folder
    /// that appeared since it was staged (another run, or two interfaces of one name) gets
    /// the files one by one. The first file that could not be put in place, with the
    /// reason; what was not put in place is deleted.
    private func move(_ files: ArraySlice<Staged>, startingAt first: Int) -> (position: Int, error: OutputDirectory.WriteError)? {
        let head = files[first]
        if head.inNewFolder, let (folder, _) = Self.singleFolder(of: head.entry.file) {
            let source = stagedFolderPath(folder, tag: head.tag)
            if rename(source, targetPath(String(folder))) == 0 { return nil }
            guard errno == EEXIST || errno == ENOTEMPTY else {
                let error = OutputDirectory.WriteError(path: targetPath(String(folder)), reason: String(cString: strerror(errno)))
                discard(files)
                return (first, error)
            }
            defer { rmdir(source) }
            for position in files.indices {
                let target = targetPath(files[position].entry.file)
                if rename(temporaryPath(files[position]), target) != 0 {
                    let error = OutputDirectory.WriteError(path: target, reason: String(cString: strerror(errno)))
                    discard(files[position...])
                    return (position, error)
                }
            }
            return nil
        }
        let target = targetPath(head.entry.file)
        guard rename(temporaryPath(head), target) == 0 else {
            let error = OutputDirectory.WriteError(path: target, reason: String(cString: strerror(errno)))
            unlink(temporaryPath(head))
            return (first, error)
        }
        return nil
    }
}
