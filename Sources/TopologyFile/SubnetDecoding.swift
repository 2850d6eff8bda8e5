import RoutingEngine

/// `subnets` of the hub and spokes, and `routeTables` with their user-defined routes (R22).
extension TopologyDecoder {
    /// A VNet's subnets: each inside the VNet's address space, none overlapping another.
    func subnets(_ field: Field, of vnet: String?, addressSpace: [Prefix]?) -> [Subnet]? {
        guard let items = list(field, expected: "a list of subnets") else { return nil }
        var read: [(subnet: Subnet, field: Field, owner: String)] = []
        for item in items {
            guard let reader = MappingReader(item, expected: "a subnet (a mapping with name and addressPrefix)",
                                             keys: ["name", "addressPrefix", "routeTable"], log: log) else { continue }
            let name = namedElement(reader, owner: item.path)
            let owner = Self.owner(item.path, name)
            let prefixField = reader.required("addressPrefix", hint: "the subnet's range, e.g. addressPrefix: 10.0.10.0/24")
            let prefix = prefixField.flatMap(self.prefix)
            let table = reader["routeTable"].flatMap { field -> String? in
                guard let table = text(field, expected: "a route table name") else { return nil }
                routeTableLinks.append(SiteLink(site: table, position: field.position, by: owner))
                return table
            }
            guard let name, let prefix, let prefixField else { continue }
            if let addressSpace, !addressSpace.contains(where: { $0.contains(prefix) }) {
                log.refuse("subnet \(prefix) of \(owner) is outside \(vnet ?? "its VNet")'s address space "
                           + "(\(addressSpace.map(\.description).joined(separator: ", ")))", at: prefixField.position,
                           hint: "a subnet's addressPrefix lies inside one of its VNet's addressSpace prefixes")
                continue
            }
            if let other = read.first(where: { $0.subnet.addressPrefix.overlaps(prefix) }) {
                log.refuse("subnet \(prefix) of \(owner) overlaps \(other.subnet.addressPrefix) of \(other.owner)",
                           at: prefixField.position, hint: "the subnets of a VNet do not overlap")
                continue
            }
            read.append((Subnet(name: name, addressPrefix: prefix, routeTable: table), item, owner))
        }
        return read.map(\.subnet)
    }

    /// `routeTables[]`.
    func routeTable(_ field: Field) -> RouteTable? {
        guard let reader = MappingReader(field, expected: "a route table (a mapping with name and routes)",
                                         keys: ["name", "disableBgpRoutePropagation", "routes"], log: log) else { return nil }
        let name = namedElement(reader, owner: field.path)
        let disable = reader["disableBgpRoutePropagation"].flatMap(bool) ?? false
        var routeNames: [String: SourcePosition] = [:]
        var routePrefixes: [Prefix: (name: String, line: Int)] = [:]
        let routes = reader["routes"].flatMap { field in
            elements(field, expected: "a list of routes") { (item: Field) -> UserRoute? in
                guard let route = userRoute(item), let nameField = item.nameField else { return nil }
                if let first = routeNames[route.name] {
                    log.refuse("duplicate route name '\(route.name)' in \(reader.path)", at: nameField.position,
                               hint: "first defined at line \(first.line); route names are unique in a route table")
                    return nil
                }
                routeNames[route.name] = nameField.position
                // Azure refuses a second route for the same address prefix in one table.
                if let first = routePrefixes[route.addressPrefix], let prefixField = item.field(named: "addressPrefix") {
                    log.refuse("route '\(route.name)' repeats addressPrefix \(route.addressPrefix) of route '\(first.name)' in \(reader.path)",
                               at: prefixField.position,
                               hint: "first given at line \(first.line); a route table has one route per address prefix")
                    return nil
                }
                routePrefixes[route.addressPrefix] = (route.name, item.field(named: "addressPrefix")?.position.line ?? 0)
                return route
            }
        } ?? []
        guard let name else { return nil }
        return RouteTable(name: name, disableBgpRoutePropagation: disable, routes: routes)
    }

    private func userRoute(_ field: Field) -> UserRoute? {
        guard let reader = MappingReader(field, expected: "a route (a mapping with name, addressPrefix and nextHopType)",
                                         keys: ["name", "addressPrefix", "nextHopType", "nextHopIpAddress"], log: log)
        else { return nil }
        let name = reader.required("name").flatMap(self.name)
        let prefix = reader.required("addressPrefix", hint: "the destination, e.g. addressPrefix: 0.0.0.0/0").flatMap(self.prefix)
        let type = reader.required("nextHopType", hint: "e.g. nextHopType: VirtualAppliance")
            .flatMap { choice($0, of: UserRoute.NextHopType.self, noun: "nextHopType") }
        let addressField = reader["nextHopIpAddress"]
        let address = addressField.flatMap(self.address)
        if type == .virtualAppliance, addressField == nil {
            log.refuse("missing key 'nextHopIpAddress' in \(reader.path)", at: reader.position,
                       hint: "a VirtualAppliance route names the appliance, e.g. nextHopIpAddress: 10.0.3.4")
        } else if let type, type != .virtualAppliance, let addressField {
            log.refuse("nextHopIpAddress is only for VirtualAppliance routes, not \(type.rawValue)", at: addressField.position,
                       hint: "remove nextHopIpAddress, or write nextHopType: VirtualAppliance")
        }
        guard let name, let prefix, let type else { return nil }
        return UserRoute(name: name, addressPrefix: prefix, nextHopType: type,
                         nextHopIpAddress: type == .virtualAppliance ? address : nil)
    }
}

extension Field {
    /// The `name:` value of a mapping item, for positions in messages about it.
    var nameField: Field? { field(named: "name") }

    /// The value of one key of a mapping item.
    func field(named name: String) -> Field? {
        guard case .mapping(let mapping) = value else { return nil }
        for (key, value) in mapping where key.scalar?.string == name {
            return Field(key: key, value: value, path: "\(path).\(name)")
        }
        return nil
    }
}
