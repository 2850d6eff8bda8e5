/// The units BGP propagation works on. Propagation of a prefix depends only on who originates it, with
/// which communities and MED, and how it relates to the VNet address spaces (the only thing about a
/// prefix a policy looks at: R15, R24), so prefixes with identical origination and class share one key
/// and are propagated once: the scale topology's 13,000 prefixes become a
/// few dozen keys. Step-through uses one key per prefix so every UPDATE names its prefix.
struct RouteKeys: Sendable {
    /// Per key: its prefixes, sorted; the first one stands for the key.
    let prefixes: [[Prefix]]
    let keyOfPrefix: [Prefix: Int]
    /// Every prefix, sorted, each once.
    let allPrefixes: [Prefix]
    /// The key of each of `allPrefixes` (effective routes walk the prefixes in order).
    let keyOfSortedPrefix: [Int]

    var count: Int { prefixes.count }

    /// One key per group of prefixes with identical origination.
    init(grouping originations: [[Origination]], classifiedBy classify: (Prefix) -> PrefixClass) {
        struct Origin: Hashable { let speaker: SpeakerID; let communities: [Community]; let med: UInt32?; let source: Origination.Source }
        struct Signature: Hashable { let origins: [Origin]; let prefixClass: PrefixClass }
        var signatures: [Prefix: [Origin]] = [:]
        for (speaker, list) in originations.enumerated() {
            for origination in list {
                signatures[origination.prefix, default: []]
                    .append(Origin(speaker: speaker, communities: origination.communities, med: origination.med,
                                   source: origination.source))
            }
        }
        var keyOfSignature: [Signature: Int] = [:]
        var groups: [[Prefix]] = []
        for prefix in signatures.keys.sorted() {
            let signature = Signature(origins: signatures[prefix]!, prefixClass: classify(prefix))
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
        let sorted = groups.enumerated().flatMap { key, group in group.map { (prefix: $0, key: key) } }.sorted { $0.prefix < $1.prefix }
        allPrefixes = sorted.map(\.prefix)
        keyOfSortedPrefix = sorted.map(\.key)
    }

    func count(of key: Int) -> Int { prefixes[key].count }

    /// The prefix that stands for a key: every prefix of the key has its class.
    func representative(of key: Int) -> Prefix { prefixes[key][0] }
}
