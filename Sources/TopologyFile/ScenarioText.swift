import RoutingEngine

extension TopologyWriter {
    /// A scenario from an edited file: its own text with the switches written into their keys where they
    /// differ from the file's (route exchange, preference, active/active, down), every other byte kept.
    public static func scenario(_ document: TopologyDocument, settings: Settings) -> String {
        let file = Settings(of: document.topology)
        guard settings != file else { return document.text }
        var editor = TextEditor(document.text)
        let root = document.outline
        if let routeServer = root["routeServer"], routeServer.entries != nil {
            if settings.routeExchange != file.routeExchange {
                editor.set("allowBranchToBranchTraffic", to: "\(settings.routeExchange)", in: routeServer)
            }
            if settings.hubRoutingPreference != file.hubRoutingPreference {
                editor.set("hubRoutingPreference", to: settings.hubRoutingPreference.rawValue, in: routeServer)
            }
        }
        if let vpn = root["vpnGateway"], vpn.entries != nil, let activeActive = settings.vpnActiveActive,
           activeActive != file.vpnActiveActive {
            editor.set("activeActive", to: "\(activeActive)", in: vpn)
        }
        if settings.down != file.down {
            let down = settings.down.sorted()
            if down.isEmpty {
                editor.remove("down", from: root)
            } else {
                editor.set("down", to: "[\(down.map(scalar).joined(separator: ", "))]", in: root)
            }
        }
        return editor.result()
    }
}
