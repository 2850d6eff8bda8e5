/// The routing rules of `azure-routing.md`, so results can say which rule shaped them.
public enum Rule: String, CaseIterable, Sendable, Comparable {
    case r1 = "R1", r2 = "R2", r3 = "R3", r4 = "R4", r5 = "R5", r6 = "R6", r7 = "R7", r8 = "R8", r9 = "R9"
    case r10 = "R10", r11 = "R11", r12 = "R12", r13 = "R13", r14 = "R14", r15 = "R15", r15a = "R15a"
    case r16 = "R16", r17 = "R17", r18 = "R18", r19 = "R19", r20 = "R20", r21 = "R21"
    case r22 = "R22", r23 = "R23", r24 = "R24", r25 = "R25", r26 = "R26", r27 = "R27", r28 = "R28", r29 = "R29"

    public enum Confidence: String, Sendable {
        /// Microsoft documentation says so.
        case documented = "doc"
        /// Seen in real Azure outputs.
        case observed = "obs"
        /// Our inference where Azure is silent.
        case inferred = "inf"
        /// Plain BGP behaviour.
        case bgp = "bgp"
    }

    public var confidence: Confidence {
        switch self {
        case .r1, .r5, .r6, .r7, .r8, .r9, .r13, .r14, .r15, .r16, .r18, .r19, .r22, .r23, .r24, .r29: .documented
        case .r4, .r10, .r11, .r12, .r15a, .r25, .r26: .observed
        case .r2, .r3, .r17, .r20, .r21, .r27, .r28: .bgp
        }
    }

    public var title: String {
        switch self {
        case .r1: "Azure originates the hub and spoke address spaces"
        case .r2: "eBGP prepends the sender's ASN; iBGP keeps the AS path"
        case .r3: "AS-path loop prevention on eBGP"
        case .r4: "Route Server sets itself as next hop towards NVAs"
        case .r5: "Route Server exchanges routes between NVAs"
        case .r6: "no-advertise: used by Route Server, advertised to no peer"
        case .r7: "route exchange off keeps NVA and gateway routes apart"
        case .r8: "route exchange on passes NVA and gateway routes both ways"
        case .r9: "route exchange on relays between ExpressRoute and VPN"
        case .r10: "an ER gateway drops circuit paths tagged 65517:65517"
        case .r11: "MSEE towards the gateway: prepend 12076 with as-override"
        case .r12: "MSEE towards the site: remove-private-as, then prepend 12076"
        case .r13: "ExpressRoute prefix limits"
        case .r14: "a VPN gateway with Route Server must be active/active with ASN 65515"
        case .r15: "VM effective routes"
        case .r15a: "Azure's own table columns"
        case .r16: "hub routing preference"
        case .r17: "BGP best-path order"
        case .r18: "Route Server peer and route limits"
        case .r19: "NVA ASNs Route Server refuses"
        case .r20: "down nodes and sessions withdraw their routes"
        case .r21: "the engine always terminates"
        case .r22: "route tables (UDRs) and gateway route propagation"
        case .r23: "an NVA's next hop is the NEXT_HOP it sets"
        case .r24: "a VPN gateway never advertises a default route to its BGP peers"
        case .r25: "ExpressRoute and VPN gateways without Route Server: no transit"
        case .r26: "Route Server reflects a gateway instance's paths to the other"
        case .r27: "a site with several attachments peers with each"
        case .r28: "per-prefix communities and MED"
        case .r29: "no transit between two circuits of one gateway"
        }
    }

    /// "R7 [doc]": how explanations cite a rule.
    public var citation: String { "\(rawValue) [\(confidence.rawValue)]" }

    public static func < (a: Rule, b: Rule) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
