/// Autonomous system numbers the rules name, and the classification R12 and R19 need.
public enum ASN {
    public static let azure: UInt32 = 65515
    public static let microsoftEdge: UInt32 = 12076

    /// R12: private ranges removed by the MSEE's `remove-private-as`.
    public static func isPrivate(_ asn: UInt32) -> Bool {
        (64512...65534).contains(asn) || (4_200_000_000...4_294_967_294).contains(asn)
    }

    /// R19: why an NVA may not use this ASN with Route Server, or nil when it may.
    public static func routeServerRefusal(_ asn: UInt32) -> String? {
        switch asn {
        case 65515, 65517...65520, 8074, 8075, 12076:
            return "NVA uses reserved ASN \(asn)"
        case 23456, 64496...64511, 65535...65551:
            return "NVA uses reserved ASN \(asn) (IANA)"
        case 65536...:
            return "NVA uses 32-bit ASN \(asn); Route Server supports 16-bit ASNs only"
        default:
            return nil
        }
    }
}
