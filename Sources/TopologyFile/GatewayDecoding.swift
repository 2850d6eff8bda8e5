import RoutingEngine

/// `expressRouteGateway` with its circuit, and `vpnGateway` with its connections.
extension TopologyDecoder {
    func expressRouteGateway(_ field: Field) -> ExpressRouteGateway? {
        guard let reader = MappingReader(field, expected: "an ExpressRoute gateway (a mapping with name and circuit)",
                                         keys: ["name", "circuit", "circuits", "ips"], log: log) else { return nil }
        let name = namedElement(reader, owner: "expressRouteGateway")
        var circuits: [ExpressRouteCircuit]?
        if let listField = reader["circuits"] {
            // R29: two or more circuits on one gateway; `circuit` is the one-circuit spelling.
            if reader["circuit"] != nil, let position = reader.keyPosition("circuits") {
                log.refuse("expressRouteGateway has both circuit and circuits", at: position,
                           hint: "write one circuit under circuit:, or list them all under circuits:")
            }
            circuits = elements(listField, expected: "a list of circuits") { self.circuit($0, gateway: name) }
            if let items = listField.items(), items.isEmpty {
                log.refuse("expressRouteGateway.circuits is empty", at: listField.position,
                           hint: "list at least one circuit, e.g. circuits: [{name: er-circuit, site: on-prem-2}]")
            }
        } else {
            circuits = reader.required("circuit", hint: "e.g. circuit: {name: er-circuit, site: on-prem-2}")
                .flatMap { self.circuit($0, gateway: name) }.map { [$0] }
        }
        let ips = reader["ips"].flatMap { instanceAddresses($0, example: "[10.0.3.4, 10.0.3.5]") }
        guard let name, let circuits, !circuits.isEmpty else { return nil }
        return ExpressRouteGateway(name: name, circuits: circuits, ips: ips)
    }

    private func circuit(_ field: Field, gateway: String?) -> ExpressRouteCircuit? {
        guard let reader = MappingReader(field, expected: "a circuit (a mapping with name and site)",
                                         keys: ["name", "site", "sku", "primaryPeerAddressPrefix", "secondaryPeerAddressPrefix"],
                                         log: log) else { return nil }
        let name = namedElement(reader, owner: field.path)
        let site = reader.required("site", hint: "the site behind the circuit, e.g. site: on-prem-2")
            .flatMap { siteReference($0, by: Self.owner(field.path, name), element: name) }
        let sku = reader["sku"].flatMap { choice($0, of: CircuitSKU.self, noun: "sku") } ?? .standard
        let defaults = ExpressRouteCircuit(name: "", site: "")
        let primaryField = reader["primaryPeerAddressPrefix"]
        let secondaryField = reader["secondaryPeerAddressPrefix"]
        let primary = primaryField.flatMap(linkSubnet) ?? defaults.primaryPeerAddressPrefix
        let secondary = secondaryField.flatMap(linkSubnet) ?? defaults.secondaryPeerAddressPrefix
        if primary.overlaps(secondary), let field = secondaryField ?? primaryField {
            log.refuse("the primary and secondary links of \(reader.path) overlap (\(primary) and \(secondary))",
                       at: field.position, hint: "each link has its own /30, e.g. 192.168.255.0/30 and 192.168.255.4/30")
        }
        peer(gateway, name)
        peer(name, site)
        guard let name, let site else { return nil }
        return ExpressRouteCircuit(name: name, site: site, sku: sku,
                                   primaryPeerAddressPrefix: primary, secondaryPeerAddressPrefix: secondary)
    }

    func vpnGateway(_ field: Field) -> VPNGateway? {
        guard let reader = MappingReader(field, expected: "a VPN gateway (a mapping with at least a name)",
                                         keys: ["name", "activeActive", "asn", "ips", "connections"], log: log) else { return nil }
        let name = namedElement(reader, owner: "vpnGateway")
        // Not active/active, or an ASN other than 65515, loads: the engine shows the consequences (R14).
        let activeActive = reader["activeActive"].flatMap(bool) ?? true
        let asn = reader["asn"].flatMap(self.asn) ?? ASN.azure
        let ips = reader["ips"].flatMap { instanceAddresses($0, example: "[10.0.4.4, 10.0.4.5]") }
        let connections = reader["connections"].flatMap { field in
            elements(field, expected: "a list of connections") { connection($0, gateway: name) }
        } ?? []
        peer(name, name)
        guard let name else { return nil }
        return VPNGateway(name: name, activeActive: activeActive, asn: asn, ips: ips, connections: connections)
    }

    private func connection(_ field: Field, gateway: String?) -> VPNConnection? {
        guard let reader = MappingReader(field, expected: "a connection (a mapping with site and bgp)",
                                         keys: ["site", "bgp"], log: log) else { return nil }
        let bgp = reader["bgp"].flatMap(bool) ?? true
        let siteField = reader.required("site", hint: "the site at the other end, e.g. site: on-prem-1")
        let site = siteField.flatMap { siteReference($0, by: field.path, element: bgp ? gateway : nil) }
        // A static connection has no BGP session to take down.
        if bgp { peer(gateway, site) }
        return site.map { VPNConnection(site: $0, bgp: bgp) }
    }
}
