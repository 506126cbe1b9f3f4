import Foundation

extension Array where Element: Sendable {
    /// `map`, with the elements transformed on every core at once (Dispatch runs at most one
    /// iteration per core at a time); the results in the elements' order, so what a caller
    /// prints from them does not depend on which finished first.
    public func mapOnAllCores<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(transform(self[index]), at: index)
        }
        return slots.collect()
    }
}

/// One slot per element for `mapOnAllCores`: each slot is written by exactly one
/// iteration, and read only after all of them have finished.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    func collect() -> [Value] {
        slots.map { $0! }
    }
}
