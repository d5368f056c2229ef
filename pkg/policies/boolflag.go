package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// checkFlagDefaultFalse judges a boolean argument whose provider default is
// false (the CloudTrail trail settings): omitted and false are findings, an
// unknown value is undetermined.
func checkFlagDefaultFalse(p *Pass, r *graph.Resource, attr, fix string) {
	a := r.Attr(attr)
	if a == nil {
		p.ReportMissing(r, nil, attr, "%s is not set (default false); %s", attr, fix)
		return
	}
	switch a.Bool() {
	case graph.False:
		p.Report(r, a, "%s is false; %s", attr, fix)
	case graph.Unknown:
		if a.Value.IsKnown() && a.Value.IsNull() {
			// null means "use the default", which is false.
			p.Report(r, a, "%s is null (default false); %s", attr, fix)
			return
		}
		p.Undetermined(r, a, "%s is not known before apply", attr)
	}
}
