enum TopologyFilePlaceholder {}
