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

// bucketCompanions returns the resources of type typ whose attribute attr names
// bucket b, and those that name a bucket not known statically (so b may have
// one more companion).
func bucketCompanions(p *Pass, b *graph.Resource, typ, attr string) (found []*graph.Resource, unknown []*graph.Resource) {
	idx := bucketRefIndexFor(p, typ, attr)
	found = append(found, idx.byBucket[b]...)
	unknown = append(unknown, idx.unknown...)
	n := nameOfBucket(b)
	switch {
	case n.known:
		found = append(found, idx.byName[n.name]...)
	case !n.generated:
		unknown = append(unknown, idx.literal...)
	}
	return found, unknown
}

// bucketRefIndex answers "which resources name this bucket" for one attribute
// of one resource type in a graph without rescanning them for every bucket:
// the S3 rules ask it once per bucket, and configurations with thousands of
// buckets would otherwise cost buckets × companions.
type bucketRefIndex struct {
	byBucket map[*graph.Resource][]*graph.Resource
	byName   map[string][]*graph.Resource
	// literal holds every resource naming a bucket by a known literal, for
	// buckets whose own name is not known statically.
	literal []*graph.Resource
	// unknown holds the resources whose attribute names no bucket of the
	// graph and whose value is not known statically.
	unknown []*graph.Resource
}

type bucketRefIndexKey struct {
	typ, attr  string
	insideBody bool
}

// cachedBucketRefIndex builds each index once per graph: the S3 rules share them.
func cachedBucketRefIndex(g *graph.Graph, key bucketRefIndexKey, build func() *bucketRefIndex) *bucketRefIndex {
	return g.Memo(key, func() any { return build() }).(*bucketRefIndex)
}

// bucketRefIndexFor indexes attribute attr of every resource of type typ.
func bucketRefIndexFor(p *Pass, typ, attr string) *bucketRefIndex {
	return cachedBucketRefIndex(p.Graph, bucketRefIndexKey{typ: typ, attr: attr}, func() *bucketRefIndex {
		idx := newBucketRefIndex()
		for _, c := range p.Graph.OfType(typ) {
			idx.add(p, c, c.Attr(attr))
		}
		return idx
	})
}

// logTargetIndex indexes every target_bucket: of aws_s3_bucket_logging
// resources and of buckets' inline logging blocks.
func logTargetIndex(p *Pass) *bucketRefIndex {
	return cachedBucketRefIndex(p.Graph, bucketRefIndexKey{typ: "aws_s3_bucket", attr: "logging.target_bucket", insideBody: true}, func() *bucketRefIndex {
		idx := newBucketRefIndex()
		for _, l := range p.Graph.OfType("aws_s3_bucket_logging") {
			idx.add(p, l, l.Attr("target_bucket"))
		}
		for _, other := range p.Graph.OfType("aws_s3_bucket") {
			if other.Body.HasUnknownBlocks("logging") {
				idx.unknown = append(idx.unknown, other)
			}
			for _, lb := range other.Blocks("logging") {
				if !lb.Unknown {
					idx.add(p, other, lb.Attr("target_bucket"))
				}
			}
		}
		return idx
	})
}

func newBucketRefIndex() *bucketRefIndex {
	return &bucketRefIndex{byBucket: map[*graph.Resource][]*graph.Resource{}, byName: map[string][]*graph.Resource{}}
}

// add records what attribute a of resource owner names.
func (idx *bucketRefIndex) add(p *Pass, owner *graph.Resource, a *graph.Attribute) {
	if a == nil {
		return
	}
	if targets := p.Graph.Follow(a, "aws_s3_bucket"); len(targets) > 0 {
		for _, t := range targets {
			idx.byBucket[t] = append(idx.byBucket[t], owner)
		}
		return
	}
	s, ok := a.String()
	if !ok {
		if a.Value.IsKnown() && a.Value.IsNull() {
			return // null names no bucket
		}
		idx.unknown = append(idx.unknown, owner)
		return
	}
	// A target_bucket may be given as the bucket's ARN.
	s = strings.TrimPrefix(s, "arn:aws:s3:::")
	idx.byName[s] = append(idx.byName[s], owner)
	idx.literal = append(idx.literal, owner)
}
