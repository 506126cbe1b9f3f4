import Foundation

/// Writes generated files under a folder so that no reader ever sees half a file: each
/// file is written to a temporary name in its final folder and renamed over the target
/// (rename is atomic within one file system). Everything is rendered before the first
/// write, so an error leaves the previous files as they were.
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
        for file in files {
            let target = URL(fileURLWithPath: directory).appendingPathComponent(file.relativePath)
            let folder = target.deletingLastPathComponent()
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: folder.path, reason: "cannot create the folder")
            }
            let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try Data(file.contents.utf8).write(to: temporary)
                if rename(temporary.path, target.path) != 0 {
                    throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
                }
            } catch let error as WriteError {
                try? manager.removeItem(at: temporary)
                throw error
            } catch {
                try? manager.removeItem(at: temporary)
                throw WriteError(path: target.path, reason: "cannot write the file")
            }
        }
    }
}
