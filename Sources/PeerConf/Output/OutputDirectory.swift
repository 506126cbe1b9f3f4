import Foundation

/// Writes generated files under a folder so that no reader ever sees half a file: each
/// file is written to a temporary name in its final folder and renamed over the target
/// (rename is atomic within one file system). Everything is rendered before the first
/// write, and every file is written before the first rename, so an error leaves the
/// previous files as they were and no temporary file behind.
public enum OutputDirectory {
    public struct File: Sendable {
        public var relativePath: String
        public var contents: String

        public init(relativePath: String, contents: String) {
            self.relativePath = relativePath
            self.contents = contents
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func write(_ files: [File], to directory: String) throws(WriteError) {
        var seen = Set<String>()
        for file in files where !seen.insert(file.relativePath).inserted {
            throw WriteError(path: file.relativePath, reason: "two outputs would be written to the same file; give the virtual interfaces distinct names")
        }
        let manager = FileManager.default
        // Two phases, so a failure halfway changes nothing: every file is first written to
        // a temporary name beside its target (a full disk, a folder that cannot be made,
        // a target that is a folder all fail here, with every previous file as it was and
        // the temporary files removed); only then is each renamed over its target.
        var written: [(temporary: URL, target: URL)] = []
        func removeTemporaries() {
            for entry in written { try? manager.removeItem(at: entry.temporary) }
        }
        for file in files {
            let target = URL(fileURLWithPath: directory).appendingPathComponent(file.relativePath)
            let folder = target.deletingLastPathComponent()
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
                removeTemporaries()
                throw WriteError(path: target.path, reason: "a folder is in the way")
            }
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                removeTemporaries()
                throw WriteError(path: folder.path, reason: "cannot create the folder")
            }
            let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            if FileWriter.write(file.contents, toFileAt: temporary.path) {
                written.append((temporary, target))
            } else {
                try? manager.removeItem(at: temporary)
                removeTemporaries()
                throw WriteError(path: target.path, reason: "cannot write the file")
            }
        }
        for (index, entry) in written.enumerated() where rename(entry.temporary.path, entry.target.path) != 0 {
            let reason = String(cString: strerror(errno))
            for later in written[index...] { try? manager.removeItem(at: later.temporary) }
            throw WriteError(path: entry.target.path, reason: reason)
        }
    }
}
