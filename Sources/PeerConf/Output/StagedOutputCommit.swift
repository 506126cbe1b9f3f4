import Foundation
import Synchronization

/// Putting a batch's staged files in place (see `StagedOutput`).
extension StagedOutput {
    /// Renames every staged file (or new folder) over its target, on `jobs` threads (a
    /// batch stages a hundred thousand files, and one thread renaming them took about half
    /// a second with the other cores idle), then puts the manifest (merged with the one
    /// already there) in place atomically, last. Meanwhile the manifest is merged and
    /// written under its temporary name, which took one thread another 0.1 s after the
    /// renames. Two files for one path are an error before anything is renamed. After a
    /// failed rename the files not yet renamed are discarded, the manifest is not
    /// replaced, and the error of the first failed file in batch order is the one reported.
    public func commit(_ staged: [Staged], jobs: Int = BatchPipeline.defaultJobs) throws(OutputDirectory.WriteError) {
        var seen = Set<String>()
        for file in staged where !seen.insert(file.entry.file).inserted {
            discard(staged)
            throw OutputDirectory.WriteError(path: file.entry.file, reason: "two outputs would be written to the same file; give the virtual interfaces distinct names")
        }
        let moves = Self.moves(staged)
        let failures = Mutex<[(position: Int, error: OutputDirectory.WriteError)]>([])
        let failed = Atomic<Bool>(false)
        let manifest = Mutex<Result<String, OutputDirectory.WriteError>?>(nil)
        // Contiguous runs, so that each thread works in its own folders; several per
        // thread, so that the one writing the manifest first takes fewer.
        let runs = max(1, min(max(1, jobs) * 4, moves.count))
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
            for move in moves[moves.count * job / runs ..< moves.count * (job + 1) / runs] {
                if failed.load(ordering: .relaxed) {
                    discard(staged[move])
                    continue
                }
                if let failure = self.move(staged[move], startingAt: move.lowerBound) {
                    failed.store(true, ordering: .relaxed)
                    failures.withLock { $0.append(failure) }
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

    /// The staged files in batch order as units of renaming: the files of one new folder
    /// together, any other file on its own.
    private static func moves(_ staged: [Staged]) -> [Range<Int>] {
        var moves: [Range<Int>] = []
        moves.reserveCapacity(staged.count)
        for position in staged.indices {
            if let last = moves.last, staged[position].inNewFolder, staged[last.lowerBound].inNewFolder,
               staged[position].tag == staged[last.lowerBound].tag,
               singleFolder(of: staged[position].entry.file)?.folder == singleFolder(of: staged[last.lowerBound].entry.file)?.folder {
                moves[moves.count - 1] = last.lowerBound ..< position + 1
            } else {
                moves.append(position ..< position + 1)
            }
        }
        return moves
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
