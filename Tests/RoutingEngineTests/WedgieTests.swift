import Testing
@testable import RoutingEngine

/// A network with two stable states (a BGP wedgie, RFC 4264), found by the property tests once sites
/// could be attached twice (R27): which state BGP ends in depends on what happened before.
@Suite("BGP wedgie")
struct WedgieTests {
    /// One site behind an NVA (AS 65001) and behind ExpressRoute (prepended twice towards the circuit),
    /// route exchange on: at the circuit, the site's path and the gateway's path via Route Server have
    /// the same length.
    static let topology = Topology(
        name: "wedgie", hub: VirtualNetwork(name: "hub-vnet", addressSpace: [Prefix("10.0.0.0/16")]),
        routeServer: RouteServer(name: "route-server", allowBranchToBranchTraffic: true),
        nvas: [NVA(name: "nva", asn: 65001, ip: IPv4Address("10.0.2.4")!, site: "branch")],
        expressRouteGateway: ExpressRouteGateway(name: "er-gateway", circuit: ExpressRouteCircuit(name: "er-circuit", site: "dc")),
        sites: [Site(name: "branch", asn: 65010, prefixes: [Advertisement(Prefix("10.1.0.0/16"))]),
                Site(name: "dc", asn: 65010, prefixes: [Advertisement(Prefix("10.1.0.0/16"))], asPathPrepend: ["er-circuit": 2])])

    static func best(_ result: RoutingResult, at node: String) -> String? {
        result.routes(of: result.node(named: node)!).first { $0.isBest && $0.prefix == Prefix("10.1.0.0/16") }?.from
    }

    @Test("R20: the site's ExpressRoute path and the gateway's path via Route Server are both stable; a fresh run and the explorer's toggle give the first")
    func twoStableStates() throws {
        let start = Settings(of: Self.topology)
        let fresh = compute(Self.topology, settings: start)
        #expect(Self.best(fresh, at: "er-gateway") == "er-circuit")
        #expect(Self.best(fresh, at: "er-circuit") == "dc")
        // One simulator through "dc down" and back: the circuit now prefers the gateway's path
        // (equal length, lower router ID) and never offers the site's path to the gateway again.
        let down = Self.topology.settings { $0.down.insert("dc") }
        let carried = converge(Self.topology, through: [start, down, start])
        #expect(carried.convergence.isConverged)
        #expect(Self.best(carried, at: "er-gateway") == "route-server")
        #expect(Self.best(carried, at: "er-circuit") == "er-gateway")
        #expect(carried.isStableState && fresh.isStableState)
        #expect(carried.sessionsAndLocalPaths == fresh.sessionsAndLocalPaths)
        #expect(carried.tables != fresh.tables)
        // The explorer recomputes each state: toggling there restores the fresh tables (R20).
        let away = try Engine.compute(Self.topology, settings: down, reusing: fresh)
        #expect(try Engine.compute(Self.topology, settings: start, reusing: away).tables == fresh.tables)
    }
}
