@testable import RoutingEngine
import Testing

/// Invariants of per-subnet effective routes over random topologies with route tables (R22).
@Suite("Properties: subnets and route tables")
struct SubnetPropertyTests {
    @Test("R22: in every subnet a user route is Active and takes over its prefix; propagation off leaves no gateway route; every trace ends")
    func R22_userRoutesTakeOver() async {
        await seededPropertyCheck(count: 150) { topology in
            let result = try! Engine.compute(topology, settings: Settings(of: topology))
            for table in result.subnetRouteTables {
                let place = table.subnet?.name ?? table.vnet.name
                let user = table.routeTable?.routes ?? []
                for prefix in Set(user.map(\.addressPrefix)) {
                    let routes = table.routes.filter { $0.prefix == prefix }
                    let active = routes.filter { $0.state == .active }
                    #expect(active.count == 1 && active.first?.source == .user, "\(place) \(prefix)")
                }
                #expect(table.routes.filter { $0.source == .user }.count == user.count, "\(place)")
                if table.routeTable?.disableBgpRoutePropagation == true {
                    #expect(!table.routes.contains { $0.source == .virtualNetworkGateway }, "\(place)")
                }
                // Without a route table the subnet gets exactly the VNet's routes (revision 1's table).
                if table.routeTable == nil { #expect(table.routes == result.effectiveRoutes(of: table.vnet), "\(place)") }
                for address in ["10.1.0.1", "10.0.10.1", "8.8.8.8", "10.20.0.1"] {
                    #expect(result.dataPath(from: place, to: IPv4Address(address)!) != nil, "\(place) → \(address)")
                }
            }
        }
    }
}
