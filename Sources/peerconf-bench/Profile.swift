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
        let cpuStart = threadCPUSeconds()
        func repeating(_ body: () -> Void) {
            while fixedRounds.map({ rounds < $0 }) ?? (ContinuousClock.now < deadline) { body(); rounds += 1 }
        }
        let load = { DefinitionLoader.load(text: text, source: "synthetic.yaml", options: options) }
        let parts = step.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count > 1 ? parts[1] : nil) {
        case ("load", nil):
            repeating { _ = load() }
        case ("render", let name?):
            guard let vendor = VendorID(rawValue: name) else { return fail("no vendor \(name)") }
            let intents = try! IntentBuilder.intents(for: load().definition!).get()
            let dialect = Dialects.dialect(for: vendor)
            let templates = try! TemplateSet(vendor: vendor)
            let renderOptions = RenderOptions(secrets: .redact)
            repeating { for intent in intents { _ = ConfigRenderer.render(intent, dialect: dialect, templates: templates, options: renderOptions) } }
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
            let intents = try! IntentBuilder.intents(for: load().definition!).get()
            let netconfOptions = NetconfOptions(secrets: .redact)
            repeating { for intent in intents { _ = NetconfRenderer.render([intent], model: model, options: netconfOptions) } }
        default:
            return fail("unknown step \(step): use load, render:VENDOR, viewmodel:VENDOR, template:VENDOR or netconf:MODEL")
        }
        // CPU time of this thread, not wall time: the figure holds on a busy machine.
        let cpu = threadCPUSeconds() - cpuStart
        print(String(format: "%@: %d rounds, %.1f µs CPU per round", step, rounds, cpu / Double(max(rounds, 1)) * 1e6))
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
