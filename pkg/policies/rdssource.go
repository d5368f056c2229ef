package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// replicaSources returns the aws_db_instance resources a read replica's
// replicate_source_db names: by reference, or by literal identifier (a
// same-region source is named by identifier, a cross-region one by an ARN
// ending in ":db:<identifier>", which may also be in the configuration).
func replicaSources(g *graph.Graph, src *graph.Attribute) []*graph.Resource {
	if found := g.Follow(src, "aws_db_instance"); len(found) > 0 {
		return found
	}
	name, ok := src.String()
	if !ok || name == "" {
		return nil
	}
	if i := strings.LastIndex(name, ":db:"); i >= 0 {
		name = name[i+len(":db:"):]
	}
	return resourcesNamed(g, "aws_db_instance", "identifier", name)
}
