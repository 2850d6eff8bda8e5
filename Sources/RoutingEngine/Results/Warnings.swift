/// Something Azure refuses or documents as risky, in a network that still loads and runs (R13, R14,
/// R18, R20). Decided here, once per result; every front end shows `RoutingResult.warnings`.
public struct Warning: Equatable, Sendable, CustomStringConvertible {
    /// The node it concerns; nil for the network as a whole.
    public let node: String?
    public let rule: Rule
    public let message: String
    /// The sessions it concerns: the tables mark them with the message.
    public let sessions: [SessionID]

    /// `vpn-gateway: Azure refuses this: … (R14 [doc])`: how every text front end words it.
    public var description: String { "\(node.map { "\($0): " } ?? "")\(message) (\(rule.citation))" }
}

extension Simulator {
    /// Every warning of the current tables, sorted by node (file order, network-wide first), then rule.
    func warnings() -> [Warning] {
        var found: [(order: Int, warning: Warning)] = []
        func add(_ node: Node?, _ rule: Rule, _ message: String, sessions: [SessionID] = []) {
            found.append((node.map { $0.id } ?? -1, Warning(node: node?.name, rule: rule, message: message, sessions: sessions)))
        }
        let routeServer = network.nodes.first { $0.kind == .routeServer }
        if routeServer != nil, let vpn = network.nodes.first(where: { $0.kind == .vpnGateway }) {
            if network.refusesVPNGateway {
                add(vpn, .r14, "Azure refuses this: Route Server needs an active/active VPN gateway (\"the VPN gateway "
                    + "present is not in Active-Active mode. This scenario is not supported.\"); shown with one "
                    + "instance and no Route Server peering")
            }
            if vpn.asn != ASN.azure {
                add(vpn, .r14, "VPN gateway ASN \(vpn.asn): Microsoft requires 65515 with Route Server for ExpressRoute ↔ VPN "
                    + "transit; shown as an eBGP peer of Route Server")
            }
        }
        for node in network.nodes where node.kind == .nva {
            let toRouteServer = network.sessions(of: node).filter { network.kind(of: $0.a) == .routeServer }
            let up = toRouteServer.filter(\.state.isUp)
            if toRouteServer.count == 2 && up.count == 1 {
                add(node, .r20, "only one of its two Route Server sessions is up: Microsoft requires peering with both "
                    + "instances (some VMs would receive its routes, others not)", sessions: up.map(\.id))
            }
            let advertised = up.map { acceptedCount(at: $0.a, on: $0.id) }.max() ?? 0
            if advertised > AzureLimits.nvaReadvertisementWarning {
                add(node, .r18, "advertises \(advertised) routes: a full re-advertisement counts \(2 * advertised), over "
                    + "Route Server's \(AzureLimits.routeServerRoutesPerPeer) per peer, and would tear the session down",
                    sessions: up.map(\.id))
            }
        }
        if let routeServer {
            let held = (0..<keys.count).filter { key in routeServer.speakers.contains { !ribs[$0].candidates[key].isEmpty } }
                .reduce(0) { $0 + keys.count(of: $1) }
            if held > AzureLimits.routeServerPrefixes {
                add(routeServer, .r18, "holds \(held) prefixes: Route Server supports \(AzureLimits.routeServerPrefixes) "
                    + "from all sources (VNets and branches)")
            }
        }
        // R13: Azure documents 1,000 routes towards the circuit but not what happens beyond [inf].
        for circuit in network.nodes where circuit.kind == .expressRouteCircuit {
            let sessions = network.sessions(of: circuit).filter {
                $0.state.isUp && network.kind(of: $0.a) == .expressRouteGateway
            }
            let count = sessions.map { acceptedCount(at: $0.b, on: $0.id) }.max() ?? 0
            if count > AzureLimits.azureToCircuitRoutes {
                add(circuit, .r13, "Azure advertises \(count) routes to the circuit; ExpressRoute allows \(AzureLimits.azureToCircuitRoutes)",
                    sessions: sessions.map(\.id))
            }
        }
        return found.enumerated().sorted { ($0.element.order, $0.element.warning.rule, $0.offset) < ($1.element.order, $1.element.warning.rule, $1.offset) }
            .map(\.element.warning)
    }
}
