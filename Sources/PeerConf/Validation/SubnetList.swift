/// The blocks of one subnet list that parsed, in list order and without duplicates,
/// together with where each was written.
///
/// The rules that compare blocks (nesting, overlaps) work on `prefixes`, plain values,
/// and walk them in ascending order: CIDR blocks are either nested or disjoint, so in
/// that order every block comes right after the chain of blocks holding it, and one
/// pass with a stack finds every nested or overlapping pair without comparing all pairs.
/// The written item of a block is looked up only when a finding is reported.
struct SubnetList {
    /// The list as written.
    let list: DraftList
    /// The blocks in list order; "entry [n]" in findings counts in this array, which
    /// skips entries that did not parse or repeat an earlier one.
    private(set) var prefixes: [IPPrefix]
    /// For each block, the index of its item in `list`.
    private(set) var itemIndices: [Int]
    /// False when an entry did not parse or repeated an earlier one.
    var complete: Bool
    /// Indices of `prefixes` in ascending block order; nil when the list is written in
    /// ascending order already (the usual case), which saves sorting it.
    private var ascendingOrder: [Int]?

    init(list: DraftList, prefixes: [IPPrefix], itemIndices: [Int], complete: Bool) {
        self.list = list
        self.prefixes = prefixes
        self.itemIndices = itemIndices
        self.complete = complete
    }

    var count: Int { prefixes.count }

    /// Where block `index` was written.
    func field(_ index: Int) -> DraftScalar {
        list.items[itemIndices[index]]
    }

    /// The index of the block at position `rank` in ascending order.
    func index(atRank rank: Int) -> Int {
        ascendingOrder?[rank] ?? rank
    }

    /// Drops every block equal to an earlier one, reporting it with the position of the
    /// first in `prefixes` as it stands without the duplicates. Also settles the ascending
    /// order. Returns whether there was a duplicate.
    mutating func removeDuplicates(field: String, diagnostics: inout DiagnosticCollector) -> Bool {
        let count = prefixes.count
        if (1..<max(count, 1)).allSatisfy({ prefixes[$0 - 1] < prefixes[$0] }) {
            ascendingOrder = nil
            return false
        }
        // Ties are broken by position, so each run of equal blocks starts with the first written.
        let order = (0..<count).sorted { prefixes[$0] != prefixes[$1] ? prefixes[$0] < prefixes[$1] : $0 < $1 }
        var firstOfSame = [Int](repeating: -1, count: count)
        var hasDuplicate = false
        for rank in 1..<count where prefixes[order[rank]] == prefixes[order[rank - 1]] {
            let previous = order[rank - 1]
            firstOfSame[order[rank]] = firstOfSame[previous] >= 0 ? firstOfSame[previous] : previous
            hasDuplicate = true
        }
        guard hasDuplicate else {
            ascendingOrder = order
            return false
        }

        // Renumber the blocks that stay, reporting the others in list order.
        var newIndex = [Int](repeating: -1, count: count)
        var kept: [IPPrefix] = []
        var keptItems: [Int] = []
        for index in 0..<count {
            let first = firstOfSame[index]
            guard first >= 0 else {
                newIndex[index] = kept.count
                kept.append(prefixes[index])
                keptItems.append(itemIndices[index])
                continue
            }
            let item = list.items[itemIndices[index]]
            diagnostics.report(.subnetDuplicate, at: item.path, item.location, "\(prefixes[index]) is listed twice in \(field) (also entry [\(newIndex[first])])")
        }
        self.prefixes = kept
        itemIndices = keptItems
        ascendingOrder = order.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil }
        return true
    }

    /// Calls `body(inner, outer)` once for every block inside another block of the list,
    /// with `outer` the first such block in list order.
    func forEachNested(_ body: (_ inner: Int, _ outer: Int) -> Void) {
        guard count > 1 else { return }
        // The stack holds the chain of blocks around the current one, each with the
        // smallest index in the chain up to it.
        withUnsafeTemporaryAllocation(of: (index: Int, firstInChain: Int).self, capacity: count) { stack in
            var depth = 0
            for rank in 0..<count {
                let index = index(atRank: rank)
                let prefix = prefixes[index]
                while depth > 0, !prefixes[stack[depth - 1].index].contains(prefix) { depth -= 1 }
                var firstInChain = index
                if depth > 0 {
                    let outer = stack[depth - 1].firstInChain
                    body(index, outer)
                    firstInChain = min(outer, index)
                }
                stack[depth] = (index, firstInChain)
                depth += 1
            }
        }
    }

    /// Calls `body(mine, theirs)` for every block of this list that overlaps a block of
    /// `other` (indices into the two lists' `prefixes`).
    func forEachOverlap(with other: SubnetList, _ body: (_ mine: Int, _ theirs: Int) -> Void) {
        guard count > 0, other.count > 0 else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { myChain in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: other.count) { theirChain in
                var myDepth = 0, theirDepth = 0
                var myRank = 0, theirRank = 0
                // Both lists merged in ascending order (this list first on equal blocks);
                // each keeps the chain of its own blocks around the current block, and
                // every block of the other chain that holds the current block overlaps it.
                while myRank < count || theirRank < other.count {
                    let takeMine: Bool
                    if myRank == count {
                        if myDepth == 0 { return }
                        takeMine = false
                    } else if theirRank == other.count {
                        if theirDepth == 0 { return }
                        takeMine = true
                    } else {
                        takeMine = !(other.prefixes[other.index(atRank: theirRank)] < prefixes[index(atRank: myRank)])
                    }
                    let prefix = takeMine ? prefixes[index(atRank: myRank)] : other.prefixes[other.index(atRank: theirRank)]
                    while myDepth > 0, !prefixes[myChain[myDepth - 1]].contains(prefix) { myDepth -= 1 }
                    while theirDepth > 0, !other.prefixes[theirChain[theirDepth - 1]].contains(prefix) { theirDepth -= 1 }
                    if takeMine {
                        let index = index(atRank: myRank)
                        for level in 0..<theirDepth { body(index, theirChain[level]) }
                        myChain[myDepth] = index
                        myDepth += 1
                        myRank += 1
                    } else {
                        let index = other.index(atRank: theirRank)
                        for level in 0..<myDepth { body(myChain[level], index) }
                        theirChain[theirDepth] = index
                        theirDepth += 1
                        theirRank += 1
                    }
                }
            }
        }
    }
}
