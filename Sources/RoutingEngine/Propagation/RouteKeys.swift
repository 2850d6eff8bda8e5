/// The units BGP propagation works on. Propagation of a prefix depends only on who originates it and
/// with which communities and MED (no policy here looks at the prefix itself), so prefixes with identical
/// origination share one key and are propagated once: the scale topology's 13,000 prefixes become a
/// few dozen keys. Step-through uses one key per prefix so every UPDATE names its prefix.
struct RouteKeys: Sendable {
    /// Per key: its prefixes, sorted; the first one stands for the key.
    let prefixes: [[Prefix]]
    let keyOfPrefix: [Prefix: Int]
    /// Every prefix, sorted, each once.
    let allPrefixes: [Prefix]

    var count: Int { prefixes.count }

    /// One key per group of prefixes with identical origination.
    init(grouping originations: [[Origination]]) {
        struct Origin: Hashable { let speaker: SpeakerID; let communities: [Community]; let med: UInt32?; let source: Origination.Source }
        var signatures: [Prefix: [Origin]] = [:]
        for (speaker, list) in originations.enumerated() {
            for origination in list {
                signatures[origination.prefix, default: []]
                    .append(Origin(speaker: speaker, communities: origination.communities, med: origination.med,
                                   source: origination.source))
            }
        }
        var keyOfSignature: [[Origin]: Int] = [:]
        var groups: [[Prefix]] = []
        for prefix in signatures.keys.sorted() {
            let signature = signatures[prefix]!
            if let key = keyOfSignature[signature] {
                groups[key].append(prefix)
            } else {
                keyOfSignature[signature] = groups.count
                groups.append([prefix])
            }
        }
        self.init(groups: groups)
    }

    /// One key per prefix, for step-through: every message then names its prefix.
    init(eachOf prefixes: some Sequence<Prefix>) {
        self.init(groups: Set(prefixes).sorted().map { [$0] })
    }

    private init(groups: [[Prefix]]) {
        prefixes = groups
        var keyOfPrefix: [Prefix: Int] = [:]
        for (key, group) in groups.enumerated() {
            for prefix in group { keyOfPrefix[prefix] = key }
        }
        self.keyOfPrefix = keyOfPrefix
        allPrefixes = groups.joined().sorted()
    }

    func count(of key: Int) -> Int { prefixes[key].count }
}
