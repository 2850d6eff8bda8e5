import RoutingEngine

/// `sites[]`: the on-premises networks, each one BGP speaker.
extension TopologyDecoder {
    func site(_ field: Field) -> Site? {
        guard let reader = MappingReader(field, expected: "a site (a mapping with name, asn and prefixes)",
                                         keys: ["name", "asn", "prefixes", "bgpPeeringAddress"], log: log) else { return nil }
        let name = namedElement(reader, owner: field.path)
        let asn = reader.required("asn", hint: "the site's BGP ASN, e.g. asn: 65010").flatMap(self.asn)
        let prefixes = reader.required("prefixes", hint: "the networks the site announces, e.g. prefixes: [10.1.0.0/16]")
            .flatMap { $0.value.isNull ? [] : advertisements($0) } ?? []
        let peeringAddress = reader["bgpPeeringAddress"].flatMap(address)
        guard let name, let asn else { return nil }
        return Site(name: name, asn: asn, prefixes: prefixes, bgpPeeringAddress: peeringAddress)
    }
}
