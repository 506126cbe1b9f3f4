import Foundation
import Synchronization

/// An output folder's manifest, read on a thread of its own from the moment a command
/// starts, so that reading it overlaps loading the definitions. A batch reads the
/// manifest before it writes anything (a manifest that is not peerconf's stops the run);
/// read then, the 110,000 entries `render` leaves for `netconf` kept one core busy for
/// 0.1-0.2 s while the other waited.
public final class ManifestPrefetch: Sendable {
    private let outcome = Mutex<Result<OutputManifest?, OutputManifest.ReadError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    public init(directory: String) {
        // A thread, not a Dispatch queue: loading occupies every Dispatch worker of a
        // small machine, and a queued read would start only after it.
        let thread = Thread { [self] in
            let read: Result<OutputManifest?, OutputManifest.ReadError>
            do throws(OutputManifest.ReadError) {
                read = .success(try OutputManifest.read(from: directory))
            } catch {
                read = .failure(error)
            }
            outcome.withLock { $0 = read }
            done.signal()
        }
        thread.start()
    }

    /// The manifest (nil when there is none), waiting for the read to finish.
    public func manifest() throws(OutputManifest.ReadError) -> OutputManifest? {
        if outcome.withLock({ $0 }) == nil {
            done.wait()
            done.signal()
        }
        return try outcome.withLock { $0 }!.get()
    }
}
