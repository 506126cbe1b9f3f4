import Foundation
import PeerConf

/// One step of the pipeline repeated for about five seconds, so a profiler samples it
/// alone: `perf record -g .build/release/peerconf-bench 1000 --profile render:frr`.
enum Profile {
    /// `fixedRounds`: exactly that many rounds instead of five seconds' worth (for
    /// `valgrind --tool=callgrind`, whose instruction counts do not depend on the machine's load).
    static func run(step: String, text: String, options: LoadOptions, fixedRounds: Int? = nil) {
        let deadline = ContinuousClock.now + .seconds(5)
        var rounds = 0
        var measured = Duration.zero
        var cpuSeconds = 0.0
        // Timed from the first round, so the per-round figures leave the setup out. The
        // thread's CPU time is the steadier figure on a machine shared with other work.
        func repeating(_ body: () -> Void) {
            let start = ContinuousClock.now
            let cpuStart = threadCPUSeconds()
            while fixedRounds.map({ rounds < $0 }) ?? (ContinuousClock.now < deadline) { body(); rounds += 1 }
            measured = ContinuousClock.now - start
            cpuSeconds = threadCPUSeconds() - cpuStart
        }
        let load = { DefinitionLoader.load(text: text, source: "synthetic.yaml", options: options) }
        let parts = step.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count > 1 ? parts[1] : nil) {
        case ("load", nil):
            repeating { _ = load() }
        case ("render", let name?):
            guard let vendor = VendorID(rawValue: name) else { return fail("no vendor \(name)") }
            repeating(Rounds.render(try! IntentBuilder.intents(for: load().definition!).get(), vendor: vendor))
        case ("viewmodel", let name?), ("template", let name?):
            // The two halves of a render: building the values, and the template alone.
            guard let vendor = VendorID(rawValue: name) else { return fail("no vendor \(name)") }
            let intents = try! IntentBuilder.intents(for: load().definition!).get()
            let dialect = Dialects.dialect(for: vendor)
            let templates = try! TemplateSet(vendor: vendor)
            let models = intents.map { ViewModel(intent: $0, dialect: dialect, secrets: .redact) }
            if parts[0] == "viewmodel" {
                repeating { for model in models { _ = model.build() } }
            } else {
                let contexts = models.map { $0.build() }
                repeating { for context in contexts { _ = try! templates.render("config", context: context) } }
            }
        case ("netconf", let name?):
            guard let model = NetconfModel(rawValue: name) else { return fail("no NETCONF model \(name)") }
            repeating(Rounds.netconf(try! IntentBuilder.intents(for: load().definition!).get(), model: model))
        default:
            return fail("unknown step \(step): use load, render:VENDOR, viewmodel:VENDOR, template:VENDOR or netconf:MODEL")
        }
        let milliseconds = Double(measured.components.seconds) * 1e3 + Double(measured.components.attoseconds) / 1e15
        let perRound = { (total: Double) in String(format: "%.1f", rounds == 0 ? 0 : total / Double(rounds)) }
        print("\(step): \(rounds) rounds, \(perRound(milliseconds)) ms each (\(perRound(cpuSeconds * 1e3)) ms CPU)")
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("peerconf-bench: \(message)\n".utf8))
        exit(2)
    }
}
