import RoutingEngine

/// `nvas[]`: the appliances that peer with Route Server.
extension TopologyDecoder {
    static let nvaKeys = ["name", "asn", "ip", "nextHop", "site", "advertise", "asPathPrepend"]

    func nva(_ field: Field) -> NVA? {
        guard let reader = MappingReader(field, expected: "an NVA (a mapping with name, asn and ip)",
                                         keys: Self.nvaKeys, log: log) else { return nil }
        let name = namedElement(reader, owner: field.path)
        // Reserved and 32-bit ASNs are not refused here: they load, and the session shows why Azure drops it (R19).
        let asn = reader.required("asn", hint: "the appliance's BGP ASN, e.g. asn: 65001").flatMap(self.asn)
        let ip = reader.required("ip", hint: "the address Route Server peers with, e.g. ip: 10.0.2.4").flatMap(address)
        let nextHop = reader["nextHop"].flatMap(address)
        let site = reader["site"].flatMap { siteReference($0, by: Self.owner(field.path, name), element: name) }
        let advertise = reader["advertise"].flatMap(advertisements) ?? []
        let prepend = reader["asPathPrepend"].flatMap {
            integer($0, in: 0...10, noun: "asPathPrepend", expected: "a whole number from 0 to 10",
                    rangeHint: "the NVA prepends its ASN 0 to 10 extra times")
        } ?? 0
        peer(name, site)
        guard let name, let asn, let ip else { return nil }
        return NVA(name: name, asn: asn, ip: ip, site: site, advertise: advertise, asPathPrepend: prepend, nextHop: nextHop)
    }

    /// A `site:` value, recorded so `ReferenceChecks` can check it names a site; `element` is the BGP
    /// peer the site gets (nil for a static connection).
    func siteReference(_ field: Field, by owner: String, element: String?) -> String? {
        guard let site = text(field, expected: "a site name") else { return nil }
        link(site: site, at: field, by: owner, element: element)
        return site
    }

    /// `nvas[0] (sdwan)`: how messages name an element.
    static func owner(_ path: String, _ name: String?) -> String {
        name.map { "\(path) (\($0))" } ?? path
    }
}
