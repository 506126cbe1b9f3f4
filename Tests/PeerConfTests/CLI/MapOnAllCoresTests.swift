import Synchronization
import Testing
@testable import PeerConf

@Suite("mapOnAllCores: map on every core, results in order")
struct MapOnAllCoresTests {
    @Test("results come back in the elements' order, each transformed once, whatever finishes first")
    func order() {
        let calls = Atomic<Int>(0)
        let values = Array(0..<200)
        let mapped = values.mapOnAllCores { value -> String in
            calls.add(1, ordering: .relaxed)
            // Uneven work, so that later elements often finish first.
            var sum = 0
            for step in 0..<((200 - value) * 200) { sum &+= step }
            return "\(value):\(sum & 1)"
        }
        #expect(mapped.map { Int($0.split(separator: ":")[0])! } == values)
        #expect(calls.load(ordering: .relaxed) == 200)
        #expect([Int]().mapOnAllCores { $0 + 1 } == [])
        #expect([41].mapOnAllCores { $0 + 1 } == [42])
    }
}
