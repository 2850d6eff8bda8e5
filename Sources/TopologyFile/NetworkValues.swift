import RoutingEngine
import Yams

/// Prefixes, addresses, communities and the lists made of them.
extension TopologyDecoder {
    /// An IPv4 prefix with no host bits set (`10.1.0.1/16` → "did you mean 10.1.0.0/16?").
    func prefix(_ field: Field) -> Prefix? {
        guard let text = text(field, expected: "an IPv4 prefix such as 10.1.0.0/16") else { return nil }
        switch Prefix.parse(text) {
        case .success(let prefix):
            return prefix
        case .failure(.hostBits(let suggestion)):
            log.refuse("'\(text)' has host bits set", at: field.position, hint: "did you mean \(suggestion)?")
        case .failure(.malformed):
            let hint: String
            if IPv4Address(text) != nil {
                hint = "a prefix needs a length: write it as a.b.c.d/len, e.g. \(text)/\(Self.classfulLength(text))"
            } else if let slash = text.lastIndex(of: "/"), let length = Int(text[text.index(after: slash)...]), length > 32 {
                hint = "an IPv4 prefix length is 0–32"
            } else {
                hint = "write it as a.b.c.d/len, e.g. 10.1.0.0/16"
            }
            log.refuse("'\(text)' is not an IPv4 prefix", at: field.position, hint: hint)
        }
        return nil
    }

    /// An IPv4 address in dotted-quad form.
    func address(_ field: Field) -> IPv4Address? {
        guard let text = text(field, expected: "an IPv4 address such as 10.0.2.4") else { return nil }
        if let address = IPv4Address(text) { return address }
        let hint = text.contains("/")
            ? "an address has no /length: write just the address, e.g. \(text.prefix { $0 != "/" })"
            : "write it as four numbers 0–255, e.g. 10.0.2.4"
        log.refuse("'\(text)' is not an IPv4 address", at: field.position, hint: hint)
        return nil
    }

    /// A VNet address space: a non-empty list of prefixes.
    func addressSpace(_ field: Field) -> [Prefix]? {
        guard let items = list(field, expected: "a list of prefixes") else { return nil }
        guard !items.isEmpty else {
            log.refuse("\(field.path) is empty", at: field.position, hint: "a VNet needs at least one prefix, e.g. [10.0.0.0/16]")
            return nil
        }
        return items.compactMap(prefix)
    }

    /// The two instances' addresses (`ips`): exactly two, and different.
    func instanceAddresses(_ field: Field, example: String) -> [IPv4Address]? {
        guard let items = list(field, expected: "a list of two IPv4 addresses") else { return nil }
        guard items.count == 2 else {
            log.refuse("\(field.path) has \(items.count) address\(items.count == 1 ? "" : "es"); it needs exactly 2",
                       at: field.position, hint: "one address per instance, e.g. \(example)")
            return nil
        }
        let addresses = items.map(address)
        guard let first = addresses[0], let second = addresses[1] else { return nil }
        guard first != second else {
            log.refuse("\(field.path) gives both instances the address \(first)", at: items[1].position,
                       hint: "each instance has its own address, e.g. \(example)")
            return nil
        }
        return [first, second]
    }

    /// A private-peering link subnet of a circuit: a /30.
    func linkSubnet(_ field: Field) -> Prefix? {
        guard let prefix = prefix(field) else { return nil }
        guard prefix.length == 30 else {
            log.refuse("\(field.path) is a /\(prefix.length); an ExpressRoute peering link is a /30", at: field.position,
                       hint: "e.g. \(Prefix(prefix.network, length: 30))")
            return nil
        }
        return prefix
    }

    /// `advertise` and site `prefixes`: each item a prefix, or `{prefix: P, communities: [...], med: N}`.
    /// Repeating a prefix is allowed (the speaker announces it once).
    func advertisements(_ field: Field) -> [Advertisement]? {
        guard let items = list(field, expected: "a list of prefixes") else { return nil }
        return items.compactMap(advertisement)
    }

    private func advertisement(_ item: Field) -> Advertisement? {
        guard case .mapping = item.value else {
            return prefix(item).map { Advertisement($0) }
        }
        guard let reader = MappingReader(item, expected: "a prefix", keys: ["prefix", "communities", "med"], log: log) else {
            return nil
        }
        let prefix = reader.required("prefix", hint: "e.g. {prefix: 10.9.0.0/16, communities: [no-advertise]}").flatMap(self.prefix)
        let communities = reader["communities"].flatMap(self.communities) ?? []
        // R28: the MULTI_EXIT_DISC the speaker sends with the prefix.
        let med = reader["med"].flatMap {
            integer($0, in: 0...Int(UInt32.max), noun: "med", expected: "a whole number from 0 to 4294967295",
                    rangeHint: "a MED is 0–4294967295; lower is preferred")
        }.map { UInt32($0) }
        return prefix.map { Advertisement($0, communities: communities, med: med) }
    }

    private func communities(_ field: Field) -> [Community]? {
        guard let items = list(field, expected: "a list of communities") else { return nil }
        return items.compactMap(community)
    }

    /// `no-advertise`, `no-export` or `high:low` with both halves 0–65535.
    private func community(_ field: Field) -> Community? {
        guard let text = text(field, expected: "a BGP community") else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let wellFormed = ["no-advertise", "no-export"].contains(text)
            || (parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        guard wellFormed, let community = Community(text) else {
            let hint = Suggestions.closest(to: text, in: ["no-advertise", "no-export"]).map { "did you mean '\($0)'?" }
                ?? "write no-advertise, no-export or high:low with both halves 0–65535, e.g. \"65001:100\""
            log.refuse("'\(text)' is not a BGP community", at: field.position, hint: hint)
            return nil
        }
        return community
    }

    /// The length a bare address most likely wanted, for the hint only.
    private static func classfulLength(_ text: String) -> Int {
        guard let address = IPv4Address(text) else { return 16 }
        if address.value == 0 { return 0 }
        if address.value & 0xFFFF == 0 { return 16 }
        return address.value & 0xFF == 0 ? 24 : 32
    }
}
