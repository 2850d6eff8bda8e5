import ArgumentParser
import Explorer
import Foundation
import Reports
import RoutingEngine
import TopologyFile

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Tables and the diagram for slides, tickets and handouts.",
        discussion: """
            txt: the text tables · md: Markdown (tables, FRR blocks) · json: the JSON schema ·
            svg: the explorer's diagram as a picture · dot: the same diagram for Graphviz.
            e.g.  routescope export sdwan-er --route-exchange on --format svg --output sdwan-er.svg
            """)

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).", completion: Completions.topologies)
    var topology: String?

    @Option(help: "txt, md, json, svg or dot.")
    var format: ExportFormat = .md

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        let render = { (sink: OutputSink) in Exporter.write(result, format: format, to: sink) }
        if let output { try Output.file(output, render) } else { try Output.standardOutput(render) }
    }
}

enum ExportFormat: String, CaseInsensitiveArgument { case txt, md, json, svg, dot }

/// One place that turns a result into each export format (the command and the explorer's `e`).
enum Exporter {
    static func write(_ result: RoutingResult, format: ExportFormat, to sink: OutputSink) {
        switch format {
        case .txt: TextReport.write(result, to: sink)
        case .md: MarkdownReport.write(result, to: sink)
        case .json: JSONReport.write(result, to: sink)
        case .svg: sink.write(DiagramExport.svg(result))
        case .dot: sink.write(DiagramExport.dot(result))
        }
    }

    static func render(_ result: RoutingResult, format: ExportFormat) -> String {
        OutputSink.collecting { write(result, format: format, to: $0) }
    }
}
