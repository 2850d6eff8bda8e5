import CLibFuzzer
import FuzzSupport
import RoutingEngine
import TopologyFile

/// The name the input is read under; its default topology name is `input`.
private let file = "fuzz/input.yaml"

/// Any bytes, as UTF-8 text (invalid sequences become U+FFFD; `load` refuses them before `parse`).
/// A refusal must satisfy `Invariants.checkRefusals`; a topology must survive `TopologyWriter`: written,
/// read back, the same topology.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTopologyLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let yaml = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let topology: Topology
    do {
        topology = try TopologyLoader.parse(yaml, file: file)
    } catch {
        Invariants.checkRefusals(error.errors, in: yaml, file: file)
        return 0
    }
    let written = TopologyWriter.yaml(topology)
    do {
        let reread = try TopologyLoader.parse(written, file: file)
        Invariants.require(reread == topology, "written and read back, the topology differs:\n\(written)", yaml)
    } catch {
        Invariants.require(false, "the writer's output is refused: \(error)\n\(written)", yaml)
    }
    return 0
}

/// SwiftPM links `main` to `<module>_main`: hand the command line to libFuzzer's driver.
@_cdecl("FuzzTopologyLoader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzTopologyLoader)
}
