/// The network as the topology file describes it: the engine's input.
/// Field names follow the file format (contract §1), which follows Azure's resource model.
public struct Topology: Equatable, Sendable {
    public var name: String
    public var title: String
    public var description: String
    public var hub: VirtualNetwork
    public var routeServer: RouteServer?
    public var nvas: [NVA]
    public var expressRouteGateway: ExpressRouteGateway?
    public var vpnGateway: VPNGateway?
    public var sites: [Site]
    /// Names of nodes, or `a--b` sessions, that start down.
    public var down: [String]

    public init(name: String, title: String = "", description: String = "", hub: VirtualNetwork,
                routeServer: RouteServer? = nil, nvas: [NVA] = [], expressRouteGateway: ExpressRouteGateway? = nil,
                vpnGateway: VPNGateway? = nil, sites: [Site] = [], down: [String] = []) {
        self.name = name; self.title = title; self.description = description; self.hub = hub
        self.routeServer = routeServer; self.nvas = nvas; self.expressRouteGateway = expressRouteGateway
        self.vpnGateway = vpnGateway; self.sites = sites; self.down = down
    }
}

/// A prefix a speaker originates, with the communities it attaches.
public struct Advertisement: Equatable, Sendable {
    public var prefix: Prefix
    public var communities: [Community]
    public init(_ prefix: Prefix, communities: [Community] = []) {
        self.prefix = prefix; self.communities = communities
    }
}

public struct VirtualNetwork: Equatable, Sendable {
    public var name: String
    public var addressSpace: [Prefix]
    /// Peered with "use remote gateways" (R1). Spokes have no spokes of their own.
    public var spokes: [VirtualNetwork]
    public init(name: String, addressSpace: [Prefix], spokes: [VirtualNetwork] = []) {
        self.name = name; self.addressSpace = addressSpace; self.spokes = spokes
    }
}

public enum HubRoutingPreference: String, CaseIterable, Equatable, Sendable {
    case expressRoute = "ExpressRoute"
    case vpnGateway = "VpnGateway"
    case asPath = "ASPath"
}

public struct RouteServer: Equatable, Sendable {
    public var name: String
    public var allowBranchToBranchTraffic: Bool
    public var hubRoutingPreference: HubRoutingPreference
    /// The two instances' addresses; nil → derived from the hub's address space.
    public var ips: [IPv4Address]?
    public init(name: String, allowBranchToBranchTraffic: Bool = false,
                hubRoutingPreference: HubRoutingPreference = .expressRoute, ips: [IPv4Address]? = nil) {
        self.name = name; self.allowBranchToBranchTraffic = allowBranchToBranchTraffic
        self.hubRoutingPreference = hubRoutingPreference; self.ips = ips
    }
}

public struct NVA: Equatable, Sendable {
    public var name: String
    public var asn: UInt32
    public var ip: IPv4Address
    /// The on-premises site behind the appliance, if any.
    public var site: String?
    public var advertise: [Advertisement]
    public var asPathPrepend: Int
    public init(name: String, asn: UInt32, ip: IPv4Address, site: String? = nil,
                advertise: [Advertisement] = [], asPathPrepend: Int = 0) {
        self.name = name; self.asn = asn; self.ip = ip; self.site = site
        self.advertise = advertise; self.asPathPrepend = asPathPrepend
    }
}

public struct ExpressRouteGateway: Equatable, Sendable {
    public var name: String
    public var circuit: ExpressRouteCircuit
    /// The two instances' addresses in the GatewaySubnet; nil → derived from the hub.
    public var ips: [IPv4Address]?
    public init(name: String, circuit: ExpressRouteCircuit, ips: [IPv4Address]? = nil) {
        self.name = name; self.circuit = circuit; self.ips = ips
    }
}

public enum CircuitSKU: String, CaseIterable, Equatable, Sendable {
    case standard = "Standard"
    case premium = "Premium"

    /// R13: prefixes the circuit accepts from the customer edge.
    public var prefixLimit: Int { self == .premium ? 10_000 : 4_000 }
}

public struct ExpressRouteCircuit: Equatable, Sendable {
    public var name: String
    public var site: String
    public var sku: CircuitSKU
    /// Private peering /30 link subnets: the customer edge takes the first address, the MSEE the second.
    public var primaryPeerAddressPrefix: Prefix
    public var secondaryPeerAddressPrefix: Prefix
    public init(name: String, site: String, sku: CircuitSKU = .standard,
                primaryPeerAddressPrefix: Prefix = Prefix("192.168.255.0/30"),
                secondaryPeerAddressPrefix: Prefix = Prefix("192.168.255.4/30")) {
        self.name = name; self.site = site; self.sku = sku
        self.primaryPeerAddressPrefix = primaryPeerAddressPrefix
        self.secondaryPeerAddressPrefix = secondaryPeerAddressPrefix
    }
}

public struct VPNGateway: Equatable, Sendable {
    public var name: String
    public var activeActive: Bool
    public var asn: UInt32
    /// The instances' BGP addresses; nil → derived from the hub.
    public var ips: [IPv4Address]?
    public var connections: [VPNConnection]
    public init(name: String, activeActive: Bool = true, asn: UInt32 = ASN.azure, ips: [IPv4Address]? = nil,
                connections: [VPNConnection] = []) {
        self.name = name; self.activeActive = activeActive; self.asn = asn; self.ips = ips
        self.connections = connections
    }
}

public struct VPNConnection: Equatable, Sendable {
    public var site: String
    /// false: a static connection; the gateway originates the site's prefixes itself.
    public var bgp: Bool
    public init(site: String, bgp: Bool = true) { self.site = site; self.bgp = bgp }
}

public struct Site: Equatable, Sendable {
    public var name: String
    public var asn: UInt32
    public var prefixes: [Advertisement]
    /// The customer edge's BGP address; nil → derived (the circuit's link address, or a private one).
    public var bgpPeeringAddress: IPv4Address?
    public init(name: String, asn: UInt32, prefixes: [Advertisement] = [], bgpPeeringAddress: IPv4Address? = nil) {
        self.name = name; self.asn = asn; self.prefixes = prefixes; self.bgpPeeringAddress = bgpPeeringAddress
    }
}
