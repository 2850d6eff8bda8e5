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
    /// Azure route tables (UDRs) that subnets name (R22).
    public var routeTables: [RouteTable]
    /// Names of nodes, or `a--b` sessions, that start down.
    public var down: [String]

    public init(name: String, title: String = "", description: String = "", hub: VirtualNetwork,
                routeServer: RouteServer? = nil, nvas: [NVA] = [], expressRouteGateway: ExpressRouteGateway? = nil,
                vpnGateway: VPNGateway? = nil, sites: [Site] = [], routeTables: [RouteTable] = [], down: [String] = []) {
        self.name = name; self.title = title; self.description = description; self.hub = hub
        self.routeServer = routeServer; self.nvas = nvas; self.expressRouteGateway = expressRouteGateway
        self.vpnGateway = vpnGateway; self.sites = sites; self.routeTables = routeTables; self.down = down
    }

    public func routeTable(named name: String?) -> RouteTable? {
        name.flatMap { name in routeTables.first { $0.name == name } }
    }
}

/// A prefix a speaker originates, with the communities and the MED it attaches (R28).
public struct Advertisement: Equatable, Sendable {
    public var prefix: Prefix
    public var communities: [Community]
    /// nil: not set (BGP then compares it as 0).
    public var med: UInt32?
    public init(_ prefix: Prefix, communities: [Community] = [], med: UInt32? = nil) {
        self.prefix = prefix; self.communities = communities; self.med = med
    }
}

public struct VirtualNetwork: Equatable, Sendable {
    public var name: String
    public var addressSpace: [Prefix]
    /// Peered with "use remote gateways" (R1). Spokes have no spokes of their own.
    public var spokes: [VirtualNetwork]
    /// Empty: one implicit subnet, the VNet's NICs all get the same routes.
    public var subnets: [Subnet]
    /// For spokes: peered with "use the remote virtual network's gateway or Route Server" (R1 rev. 2).
    public var useRemoteGateways: Bool
    public init(name: String, addressSpace: [Prefix], spokes: [VirtualNetwork] = [], subnets: [Subnet] = [],
                useRemoteGateways: Bool = true) {
        self.name = name; self.addressSpace = addressSpace; self.spokes = spokes; self.subnets = subnets
        self.useRemoteGateways = useRemoteGateways
    }
}

/// A subnet of a VNet, optionally with a route table (R22).
public struct Subnet: Equatable, Sendable {
    public var name: String
    public var addressPrefix: Prefix
    public var routeTable: String?
    public init(name: String, addressPrefix: Prefix, routeTable: String? = nil) {
        self.name = name; self.addressPrefix = addressPrefix; self.routeTable = routeTable
    }
}

/// An Azure route table: user-defined routes and "Propagate gateway routes" (R22).
public struct RouteTable: Equatable, Sendable {
    public var name: String
    /// true = "Propagate gateway routes: No": no gateway or Route Server routes in its subnets.
    public var disableBgpRoutePropagation: Bool
    public var routes: [UserRoute]
    public init(name: String, disableBgpRoutePropagation: Bool = false, routes: [UserRoute] = []) {
        self.name = name; self.disableBgpRoutePropagation = disableBgpRoutePropagation; self.routes = routes
    }
}

/// One user-defined route, with Azure's property names.
public struct UserRoute: Equatable, Sendable {
    public enum NextHopType: String, CaseIterable, Equatable, Sendable {
        case virtualAppliance = "VirtualAppliance"
        case virtualNetworkGateway = "VirtualNetworkGateway"
        case vnetLocal = "VnetLocal"
        case internet = "Internet"
        case none = "None"
    }
    public var name: String
    public var addressPrefix: Prefix
    public var nextHopType: NextHopType
    /// Only with `VirtualAppliance`.
    public var nextHopIpAddress: IPv4Address?
    public init(name: String, addressPrefix: Prefix, nextHopType: NextHopType, nextHopIpAddress: IPv4Address? = nil) {
        self.name = name; self.addressPrefix = addressPrefix; self.nextHopType = nextHopType
        self.nextHopIpAddress = nextHopIpAddress
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
    /// The NEXT_HOP it sets towards Route Server (a load balancer frontend, a firewall); nil: `ip` (R4, R23).
    public var nextHop: IPv4Address?
    public init(name: String, asn: UInt32, ip: IPv4Address, site: String? = nil,
                advertise: [Advertisement] = [], asPathPrepend: Int = 0, nextHop: IPv4Address? = nil) {
        self.name = name; self.asn = asn; self.ip = ip; self.site = site
        self.advertise = advertise; self.asPathPrepend = asPathPrepend; self.nextHop = nextHop
    }
}

public struct ExpressRouteGateway: Equatable, Sendable {
    public var name: String
    /// One or more circuits (`circuit`, or `circuits`: R29); never empty.
    public var circuits: [ExpressRouteCircuit]
    /// The two instances' addresses in the GatewaySubnet; nil → derived from the hub.
    public var ips: [IPv4Address]?
    public init(name: String, circuit: ExpressRouteCircuit, ips: [IPv4Address]? = nil) {
        self.init(name: name, circuits: [circuit], ips: ips)
    }
    public init(name: String, circuits: [ExpressRouteCircuit], ips: [IPv4Address]? = nil) {
        precondition(!circuits.isEmpty, "an ExpressRoute gateway has at least one circuit")
        self.name = name; self.circuits = circuits; self.ips = ips
    }

    /// The first circuit: the only one in a file that writes `circuit:`.
    public var circuit: ExpressRouteCircuit {
        get { circuits[0] }
        set { circuits[0] = newValue }
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
    /// Extra copies of its ASN towards an attached element, by the element's name (R27).
    public var asPathPrepend: [String: Int]
    public init(name: String, asn: UInt32, prefixes: [Advertisement] = [], bgpPeeringAddress: IPv4Address? = nil,
                asPathPrepend: [String: Int] = [:]) {
        self.name = name; self.asn = asn; self.prefixes = prefixes; self.bgpPeeringAddress = bgpPeeringAddress
        self.asPathPrepend = asPathPrepend
    }
}
