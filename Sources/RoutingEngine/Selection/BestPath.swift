/// Best-path selection: an ordered list of decision steps, one small function each (R16, R17).
/// The first step that tells two paths apart decides, and its name is kept on the result.
struct BestPath: Sendable {
    /// Negative: the first path is better; positive: the second; zero: this step cannot tell.
    typealias Comparison = @Sendable (Candidate, Candidate, SelectionContext) -> Int

    let steps: [(step: DecisionStep, compare: Comparison)]
    /// Paths equal through this step may share the best slot (ECMP).
    let multipathThrough: DecisionStep
    /// What else multipath siblings must have in common.
    let multipathRequires: @Sendable (Candidate, Candidate, SelectionContext) -> Bool

    /// R17: every BGP speaker but Route Server. Multipath needs the same AS path (FRR's default).
    static let standard = BestPath(
        steps: [(.weight, weight), (.localPreference, localPreference), (.locallyOriginated, locallyOriginated),
                (.asPathLength, asPathLength), (.origin, origin), (.med, med), (.ebgpOverIbgp, ebgpOverIbgp),
                (.routerID, routerID), (.neighborAddress, neighborAddress)],
        multipathThrough: .ebgpOverIbgp,
        multipathRequires: { first, second, _ in
            first.peer != nil && second.peer != nil && first.attributes.asPath == second.attributes.asPath
        })

    /// R16: Route Server decides with the VMs' function (HubDecision: hub routing preference, AS-path
    /// length, kind of source); equal offers from the same kind of source are all programmed (several
    /// NVAs → ECMP), whatever ASNs the paths hold.
    static let routeServer = BestPath(
        steps: [(.locallyOriginated, locallyOriginated)]
            + HubDecision.steps.map { step in (step, { a, b, context in hubDecision(a, b, context, at: step) }) }
            + [(.origin, origin), (.med, med), (.ebgpOverIbgp, ebgpOverIbgp),
               (.routerID, routerID), (.neighborAddress, neighborAddress)],
        multipathThrough: .sourceKind,
        multipathRequires: { first, second, context in
            first.peer != nil && second.peer != nil
                && context.sourceClass(of: first) == context.sourceClass(of: second)
        })

    static func process(for kind: NodeKind) -> BestPath { kind == .routeServer ? routeServer : standard }

    /// The first step that tells the two apart, with the winner (true = `first`).
    func decide(_ first: Candidate, _ second: Candidate, _ context: SelectionContext) -> (step: DecisionStep, firstWins: Bool)? {
        for (step, compare) in steps {
            let verdict = compare(first, second, context)
            if verdict != 0 { return (step, verdict < 0) }
        }
        return nil
    }

    private func equalThroughMultipathStep(_ first: Candidate, _ second: Candidate, _ context: SelectionContext) -> Bool {
        for (step, compare) in steps {
            if compare(first, second, context) != 0 { return false }
            if step == multipathThrough { return true }
        }
        return true
    }

    /// Sorts `candidates` best first, marks what each lost at, and returns how many share the best
    /// slot (0 when there is no candidate) with the step that decided.
    func select(_ candidates: inout [Candidate], _ context: SelectionContext) -> (selected: Int, reason: DecisionStep?) {
        guard !candidates.isEmpty else { return (0, nil) }
        candidates.sort { first, second in
            if let verdict = decide(first, second, context) { return verdict.firstWins }
            return context.order(of: first.source) < context.order(of: second.source)
        }
        let best = candidates[0]
        candidates[0].lostAt = nil
        for index in candidates.indices.dropFirst() {
            candidates[index].lostAt = decide(candidates[index], best, context)?.step ?? .neighborAddress
        }
        // ECMP siblings move up next to the best path, in their sorted order.
        let siblings = candidates.indices.dropFirst().filter {
            equalThroughMultipathStep(candidates[$0], best, context) && multipathRequires(candidates[$0], best, context)
        }
        if !siblings.isEmpty {
            let rest = candidates.indices.dropFirst().filter { !siblings.contains($0) }
            candidates = [best] + siblings.map { candidates[$0] } + rest.map { candidates[$0] }
        }
        let selected = 1 + siblings.count
        if selected > 1 { return (selected, .multipath) }
        return (1, candidates.count > 1 ? candidates[1].lostAt : .onlyPath)
    }
}

/// What a comparison needs beyond the two paths.
struct SelectionContext {
    let network: Network
    let speaker: SpeakerID
    let preference: HubRoutingPreference

    func sourceClass(of candidate: Candidate) -> RouteSourceClass? {
        candidate.peer.flatMap { RouteSourceClass(network.kind(of: $0)) }
    }

    func routerID(of candidate: Candidate) -> IPv4Address {
        network.speakers[candidate.peer ?? speaker].address
    }

    func neighborAddress(of candidate: Candidate) -> IPv4Address {
        guard case .session(let id) = candidate.source, let peer = candidate.peer else {
            return network.speakers[speaker].address
        }
        return network.sessions[id].address(of: peer)
    }

    /// Last resort for paths no step can tell apart: local first, then session order.
    func order(of source: PathSource) -> Int {
        switch source {
        case .local(let index): index - 1_000_000
        case .session(let id): id
        }
    }
}

// MARK: - The steps, in R17's order

private func weight(_ a: Candidate, _ b: Candidate, _: SelectionContext) -> Int {
    compareDescending(a.weight, b.weight)
}

private func localPreference(_ a: Candidate, _ b: Candidate, _: SelectionContext) -> Int {
    compareDescending(a.localPreference, b.localPreference)
}

private func locallyOriginated(_ a: Candidate, _ b: Candidate, _: SelectionContext) -> Int {
    compareDescending(a.source.isLocal ? 1 : 0, b.source.isLocal ? 1 : 0)
}

private func asPathLength(_ a: Candidate, _ b: Candidate, _: SelectionContext) -> Int {
    compareAscending(a.attributes.asPath.count, b.attributes.asPath.count)
}

private func origin(_ a: Candidate, _ b: Candidate, _: SelectionContext) -> Int {
    compareAscending(a.attributes.origin.rawValue, b.attributes.origin.rawValue)
}

/// MED counts only between paths from the same neighbouring AS.
private func med(_ a: Candidate, _ b: Candidate, _: SelectionContext) -> Int {
    guard a.attributes.asPath.first == b.attributes.asPath.first else { return 0 }
    return compareAscending(a.attributes.med, b.attributes.med)
}

private func ebgpOverIbgp(_ a: Candidate, _ b: Candidate, _: SelectionContext) -> Int {
    compareDescending(a.ibgp ? 0 : 1, b.ibgp ? 0 : 1)
}

private func routerID(_ a: Candidate, _ b: Candidate, _ context: SelectionContext) -> Int {
    compareAscending(context.routerID(of: a).value, context.routerID(of: b).value)
}

private func neighborAddress(_ a: Candidate, _ b: Candidate, _ context: SelectionContext) -> Int {
    compareAscending(context.neighborAddress(of: a).value, context.neighborAddress(of: b).value)
}

/// One of HubDecision's steps: the shared decision, counted only at the step that made it.
private func hubDecision(_ a: Candidate, _ b: Candidate, _ context: SelectionContext, at step: DecisionStep) -> Int {
    let decision = HubDecision(preference: context.preference)
        .decide((context.sourceClass(of: a), a.attributes.asPath.count), (context.sourceClass(of: b), b.attributes.asPath.count))
    guard let decision, decision.step == step else { return 0 }
    return decision.firstWins ? -1 : 1
}

private func compareAscending<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
private func compareDescending<T: Comparable>(_ a: T, _ b: T) -> Int { compareAscending(b, a) }
