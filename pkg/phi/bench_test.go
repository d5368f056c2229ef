package phi

import (
	"fmt"
	"testing"
)

// corpus mimics the strings of a large configuration: mostly names without
// digits, some with dates, ids and versions, a few with PHI.
func corpus() []string {
	var out []string
	for i := 0; i < 1000; i++ {
		out = append(out,
			fmt.Sprintf("acme-prod-app-%d-logs", i),
			"patient-records-bucket",
			fmt.Sprintf("arn:aws:iam::1234567890%02d:role/app-%d", i%100, i),
			fmt.Sprintf("logs-2024-01-%02d", i%28+1),
			"terraform-aws-modules/s3-bucket/aws",
			fmt.Sprintf("10.%d.0.0/16", i%256),
			"Environment",
			fmt.Sprintf("exports/%03d-45-6789.csv", i%600+1),
			fmt.Sprintf("dob-19%02d-01-02", i%100),
			"jane.doe@gmail.com",
		)
	}
	return out
}

func BenchmarkFind(b *testing.B) {
	strs := corpus()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range strs {
			Find(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(strs)), "ns/string")
}

func BenchmarkFindName(b *testing.B) {
	strs := corpus()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range strs {
			FindName(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(strs)), "ns/string")
}
