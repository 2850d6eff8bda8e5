import RoutingEngine

/// A node's neighbours, instance by instance, the way FRR's `show bgp summary` and
/// `Get-AzRouteServerPeer` print them: neighbour, AS, state, prefixes received and sent with the
/// limit in use (`812/4000`), and why a session is down. Shared by the explorer's Summary tab and
/// the command line.
public enum NeighborSummaryReport {
    public static let headers = ["Neighbor", "Address", "AS", "Type", "State", "PfxRcd", "PfxSnt", "Reason"]

    /// One row: `sdwan  10.0.2.4  65001  eBGP  Established  1/4000  3`.
    public static func cells(_ peer: PeerSummary) -> [String] {
        let reason = peer.state.reason.map { reason in peer.downRule.map { "\(reason) (\($0.citation))" } ?? reason }
            ?? peer.warning.map { "warning: \($0)" } ?? ""
        return [peer.neighbor, peer.neighborAddress.description, String(peer.asn), peer.type.rawValue,
                peer.state.isUp ? "Established" : "Down", count(peer.received, limit: peer.receiveLimit),
                count(peer.sent, limit: peer.sendLimit), reason]
    }

    /// `812/4000` where a limit applies, `812` where none does.
    static func count(_ count: Int, limit: Int?) -> String { limit.map { "\(count)/\($0)" } ?? String(count) }

    public static func lines(_ node: Node, _ result: RoutingResult) -> [String] {
        let peers = result.peerSummaries(of: node)
        guard !peers.isEmpty else { return ["(no BGP neighbours)"] }
        var lines: [String] = []
        for speaker in node.speakers {
            let name = result.network.name(of: speaker)
            let mine = peers.filter { $0.local == name }
            if !lines.isEmpty { lines.append("") }
            let established = mine.filter(\.state.isUp).count
            lines.append("BGP summary of \(name), router identifier \(result.network.speakers[speaker].address), local AS \(node.asn)")
            guard !mine.isEmpty else {
                lines.append("   (no BGP neighbours)")
                continue
            }
            var table = TextTable(headers)
            for peer in mine { table.add(cells(peer)) }
            lines += table.render()
            lines.append("Total number of neighbors \(mine.count), \(established) established")
        }
        let limited = peers.lazy.compactMap { peer in
            peer.receiveLimit.map { (peer.received, $0) } ?? peer.sendLimit.map { (peer.sent, $0) }
        }.first
        lines += ["", "PfxRcd, PfxSnt: prefixes accepted from and sent to each neighbour."]
        if let (count, limit) = limited {
            lines.append("\(count)/\(limit): \(counted(count, "prefix", plural: "prefixes")); above \(limit) the receiving side drops the session (R13, R18).")
        }
        return lines
    }
}
