import Foundation
import PeerConf
import Workload

// Benchmarks: `swift run -c release peerconf-bench [INTERFACES]`. Prints figures; never
// asserts a time (machines differ; tests check behaviour, this measures speed).

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func measure(runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return median(times)
}

// The modes are listed by --help below.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
    usage: peerconf-bench [N] [--quick] [--work DIR]   the benchmark table (N interfaces, default 1000)
           peerconf-bench N --load-only               only the parse and load rows
           peerconf-bench N --write FILE              write the generated definition
           peerconf-bench --write-inputs DIR          write the end-to-end run's ten files
           peerconf-bench N --profile STEP [--rounds R]  repeat one step for a profiler: load,
                                                      render:VENDOR, viewmodel:VENDOR,
                                                      template:VENDOR, netconf:MODEL
    Run from the package folder after `swift build -c release --static-swift-stdlib`.
    """)
    exit(0)
}
let count = arguments.first.flatMap(Int.init) ?? 1_000
/// The argument after `flag`, when both are there.
func value(after flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
// `peerconf-bench --write-inputs DIR`: the end-to-end run's ten files, to run it by hand.
if let directory = value(after: "--write-inputs") {
    Suite.writeInputs(in: directory).forEach { print($0) }
    exit(0)
}
let text = SyntheticDefinitions().yaml(interfaces: count)
if let path = value(after: "--write") {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    print("wrote \(path): \(count) virtual interfaces, \(text.utf8.count) bytes")
    exit(0)
}
let options = LoadOptions(environment: [SyntheticDefinitions.keyVariable: SyntheticDefinitions.keyValue])

// `peerconf-bench N --profile STEP` repeats one step for a profiler (perf, callgrind):
// see Profile.swift for the steps.
if let step = value(after: "--profile") {
    Profile.run(step: step, text: text, options: options, fixedRounds: value(after: "--rounds").flatMap { Int($0) })
    exit(0)
}

let parseSeconds = measure(runs: 5) {
    _ = DocumentParser.parse(text, file: "synthetic.yaml")
}
var result: LoadResult?
let seconds = measure(runs: 5) {
    result = DefinitionLoader.load(text: text, source: "synthetic.yaml", options: options)
}
guard let definition = result?.definition else {
    print("the synthetic definition did not validate:")
    result?.diagnostics.prefix(10).forEach { print(DiagnosticFormatter.text($0)) }
    exit(1)
}
let peers = definition.virtualInterfaces.reduce(0) { $0 + $1.peers.count }
let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores"
print("peerconf \(PeerConfVersion.current) benchmark (\(machine), median of 5 runs)")
print("| measurement | value |")
print("|---|---|")
print("| input | \(count) virtual interfaces, \(peers) peers, \(text.utf8.count / 1024) KiB YAML |")
print(String(format: "| parse (text -> syntax tree), wall | %.1f ms |", parseSeconds * 1000))
print(String(format: "| load + validate, wall | %.1f ms |", seconds * 1000))
print(String(format: "| validation throughput | %.0f virtual interfaces/s |", Double(count) / seconds))
// `--load-only` stops here: the rows above are all that loading changes.
if arguments.contains("--load-only") { exit(0) }

// Render, NETCONF, template-vs-direct, end to end and cold start (Suite.swift). The end-to-end
// rows run the release `peerconf` next to this executable: `swift build -c release
// --static-swift-stdlib` first (README, "Performance").
let peerconfExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("peerconf").path
print("| machine | \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_048_576) MiB |")
// `--work DIR`: where the end-to-end run writes (default .build/, next to the binaries).
let work = value(after: "--work") ?? ".build"
Suite.run(definition: definition, peerconf: peerconfExecutable, quick: CommandLine.arguments.contains("--quick"), work: work)
