package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Since AWS provider v4 a bucket's settings live in split resources
// (aws_s3_bucket_versioning, aws_s3_bucket_policy, ...) that name the bucket in
// an attribute, by reference (`bucket = aws_s3_bucket.b.id`) or by the bucket's
// literal name. This file answers "which of those belong to this bucket".

// bucketName is what is known of a bucket's name: known, generated (omitted
// `bucket`, or `bucket_prefix`: no literal in the configuration can equal it),
// or not known statically.
type bucketName struct {
	name      string
	known     bool
	generated bool
}

func nameOfBucket(b *graph.Resource) bucketName {
	a := b.Attr("bucket")
	if a.IsSet() == graph.False {
		return bucketName{generated: true}
	}
	if s, ok := a.String(); ok {
		return bucketName{name: s, known: true}
	}
	return bucketName{}
}

// namesBucket answers whether attribute a (the `bucket` of a split resource, the
// `target_bucket` of a logging configuration) names bucket b.
func namesBucket(p *Pass, a *graph.Attribute, b *graph.Resource) graph.Tri {
	if a == nil {
		return graph.False
	}
	if targets := p.Graph.Follow(a, "aws_s3_bucket"); len(targets) > 0 {
		for _, t := range targets {
			if t == b {
				return graph.True
			}
		}
		return graph.False
	}
	if !a.Value.IsKnown() {
		return graph.Unknown
	}
	s, ok := a.String()
	if !ok {
		return graph.Unknown
	}
	// A target_bucket may be given as the bucket's ARN.
	s = strings.TrimPrefix(s, "arn:aws:s3:::")
	n := nameOfBucket(b)
	switch {
	case n.known:
		return graph.TriOf(n.name == s)
	case n.generated:
		return graph.False
	}
	return graph.Unknown
}

// bucketCompanions returns the resources of type typ whose attribute attr names
// bucket b, and whether some other resource of that type names a bucket that
// is not known statically (so b may have one more companion).
func bucketCompanions(p *Pass, b *graph.Resource, typ, attr string) (found []*graph.Resource, unknown []*graph.Resource) {
	for _, c := range p.Graph.OfType(typ) {
		switch namesBucket(p, c.Attr(attr), b) {
		case graph.True:
			found = append(found, c)
		case graph.Unknown:
			unknown = append(unknown, c)
		}
	}
	return found, unknown
}
