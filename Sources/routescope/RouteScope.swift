import ArgumentParser

@main
struct RouteScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routescope",
        abstract: "Explore Azure hybrid routing: Route Server, SD-WAN NVAs, ExpressRoute and VPN gateways.",
        discussion: """
            Computes every BGP speaker's tables for a topology, the way Azure documents its behaviour.
            Without a subcommand it opens the interactive explorer (or prints the tables when stdout is not a terminal).
            TOPOLOGY is a YAML file or the name of a bundled topology (see `routescope list`);
            without one, the seed's first diagram (sdwan-er) is used.

            Exit status: 0 success, 1 invalid topology or input, 64 bad command line.
            """,
        version: "0.1.0",
        subcommands: [ExploreCommand.self, RoutesCommand.self, DiffCommand.self, ExplainCommand.self, TraceCommand.self, StepsCommand.self, ExportCommand.self, LessonCommand.self,
                      CheckCommand.self, ListCommand.self],
        defaultSubcommand: ExploreCommand.self)
}
