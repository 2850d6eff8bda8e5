import RoutingEngine
import Yams

/// `sites[]`: the on-premises networks, each one BGP speaker.
extension TopologyDecoder {
    func site(_ field: Field) -> Site? {
        guard let reader = MappingReader(field, expected: "a site (a mapping with name, asn and prefixes)",
                                         keys: ["name", "asn", "prefixes", "bgpPeeringAddress", "asPathPrepend"],
                                         log: log) else { return nil }
        let name = namedElement(reader, owner: field.path)
        let asn = reader.required("asn", hint: "the site's BGP ASN, e.g. asn: 65010").flatMap(self.asn)
        let prefixes = reader.required("prefixes", hint: "the networks the site announces, e.g. prefixes: [10.1.0.0/16]")
            .flatMap { $0.value.isNull ? [] : advertisements($0) } ?? []
        let peeringAddress = reader["bgpPeeringAddress"].flatMap(address)
        let prepends = reader["asPathPrepend"].flatMap { prependsPerPeer($0, site: name, owner: Self.owner(field.path, name)) }
        guard let name, let asn else { return nil }
        return Site(name: name, asn: asn, prefixes: prefixes, bgpPeeringAddress: peeringAddress, asPathPrepend: prepends ?? [:])
    }

    /// `asPathPrepend: {er-circuit: 2}`: extra copies of the site's ASN towards each named attachment (R27);
    /// `ReferenceChecks` checks that each names an element attached to the site.
    private func prependsPerPeer(_ field: Field, site: String?, owner: String) -> [String: Int]? {
        guard case .mapping(let mapping) = field.value else {
            let hint = field.items() == nil && !field.value.isNull
                ? "a site prepends per attached element: asPathPrepend: {er-circuit: 2}" : nil
            typeMismatch(field, expected: "a mapping of attached elements to counts", hint: hint)
            return nil
        }
        var prepends: [String: Int] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, !key.isNull else {
                log.refuse("expected an element name in \(field.path), found \(key.foundDescription)", at: key.position)
                continue
            }
            let peer = scalar.string
            let item = Field(key: key, value: value, path: "\(field.path).\(peer)")
            guard let copies = integer(item, in: 0...10, noun: "asPathPrepend", expected: "a whole number from 0 to 10",
                                       rangeHint: "the site prepends its ASN 0 to 10 extra times") else { continue }
            if let site { prependPeers.append(PrependPeer(site: site, peer: peer, position: key.position, by: owner)) }
            prepends[peer] = copies
        }
        return prepends
    }
}
