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

    @Argument(help: "A topology file or a bundled topology name (default: sdwan-er).")
    var topology: String?

    @Option(help: "txt, md, json, svg or dot.")
    var format: ExportFormat = .md

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup(title: "Switches")
    var toggles: ToggleOptions

    func run() throws {
        let result = try TopologySource.compute(try TopologySource.load(topology), toggles)
        let text = try Exporter.render(result, format: format)
        guard let output else { return print(text, terminator: "") }
        do {
            try TopologyWriter.writeAtomically(text, to: output)
        } catch {
            Diagnostics.error("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case txt, md, json, svg, dot }

/// One place that turns a result into each export format (the command and the explorer's `e`).
enum Exporter {
    static func render(_ result: RoutingResult, format: ExportFormat) throws -> String {
        switch format {
        case .txt: TextReport.render(result)
        case .md: MarkdownReport.render(result)
        case .json: try JSONReport.render(result)
        case .svg: DiagramExport.svg(result)
        case .dot: DiagramExport.dot(result)
        }
    }
}
