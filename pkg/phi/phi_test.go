package phi

import (
	"fmt"
	"strings"
	"testing"
)

// kinds renders matches as "kind@text" for readable failures.
func kinds(s string, ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s@%q", m.Kind, s[m.Start:m.End]))
	}
	return out
}

// planted are strings with one PHI value shape each, and the exact span that
// must be found.
var planted = []struct {
	in   string
	kind Kind
	span string
}{
	// US SSN
	{"123-45-6789", SSN, "123-45-6789"},
	{"patient-123-45-6789", SSN, "123-45-6789"},
	{"exports/123-45-6789.pdf", SSN, "123-45-6789"},
	{"ssn 078 05 1120", SSN, "078 05 1120"},
	{"backup_001-01-0001_final", SSN, "001-01-0001"},
	{"665-12-3456", SSN, "665-12-3456"},
	{"667-99-9999", SSN, "667-99-9999"},
	{"899-01-0001", SSN, "899-01-0001"},
	{"x219-09-9999y", SSN, "219-09-9999"},
	{"Patient SSN: 512-34-5678.", SSN, "512-34-5678"},
	{"s3://bucket/123-45-6789/file", SSN, "123-45-6789"},
	{"\"123-45-6789\"", SSN, "123-45-6789"},
	{"ssn=321-54-9876;", SSN, "321-54-9876"},
	{"a 111-22-3333 b", SSN, "111-22-3333"},
	{"(123-45-6789)", SSN, "123-45-6789"},
	{"report_for_456-78-9012", SSN, "456-78-9012"},
	{"SSN#772-11-0987", SSN, "772-11-0987"},
	{"id:123-45-6789", SSN, "123-45-6789"},
	{"prefix/234-56-7890/suffix", SSN, "234-56-7890"},
	{"ssn_345-67-8901.csv", SSN, "345-67-8901"},

	// Medicare Beneficiary Identifier
	{"1EG4-TE5-MK73", MBI, "1EG4-TE5-MK73"},
	{"1EG4TE5MK73", MBI, "1EG4TE5MK73"},
	{"mbi-1eg4-te5-mk73", MBI, "1eg4-te5-mk73"},
	{"claims/2AA0-AA0-AA00/eob.pdf", MBI, "2AA0-AA0-AA00"},
	{"9XY8WV7UT65", MBI, "9XY8WV7UT65"},
	{"member 5C99-D99-EF99", MBI, "5C99-D99-EF99"},
	{"medicare_7RM3QX9WY21", MBI, "7RM3QX9WY21"},
	{"8GH1KM2NP34", MBI, "8GH1KM2NP34"},
	{"4T77-U88-VW99", MBI, "4T77-U88-VW99"},
	{"1EA4FA7CE45", MBI, "1EA4FA7CE45"}, // upper case: not taken for a hash fragment

	// E-mail
	{"jane.doe@gmail.com", Email, "jane.doe@gmail.com"},
	{"contact: j.smith+records@mayo-clinic.org", Email, "j.smith+records@mayo-clinic.org"},
	{"patient-john_doe@yahoo.co.uk-files", Email, "patient-john_doe@yahoo.co.uk"},
	{"uploads/mary.major@example.com/scan.png", Email, "mary.major@example.com"},
	{"A@B.IO", Email, "A@B.IO"},
	{"<bob@hospital.health>", Email, "bob@hospital.health"},
	{"owner=first.last@corp.example.net", Email, "first.last@corp.example.net"},
	{"x%y@z.travel", Email, "x%y@z.travel"},
	{"email: pat123@outlook.com, thanks", Email, "pat123@outlook.com"},
	{".leading@dot.com", Email, "leading@dot.com"},
	{"r.roe@ehr.example", Email, "r.roe@ehr.example"},
	{"a-b@c-d.ef", Email, "a-b@c-d.ef"},

	// US phone
	{"(555) 234-5678", Phone, "(555) 234-5678"},
	{"(555)234-5678", Phone, "(555)234-5678"},
	{"555-234-5678", Phone, "555-234-5678"},
	{"555.234.5678", Phone, "555.234.5678"},
	{"555 234 5678", Phone, "555 234 5678"},
	{"+1 555 234 5678", Phone, "+1 555 234 5678"},
	{"+1-555-234-5678", Phone, "+1-555-234-5678"},
	{"1-800-555-0199", Phone, "1-800-555-0199"},
	{"+15552345678", Phone, "+15552345678"},
	{"call 212-555-0123 now", Phone, "212-555-0123"},
	{"patient_phone_617-555-0142", Phone, "617-555-0142"},
	{"tel:+13125550100", Phone, "+13125550100"},
	{"fax (415) 555-2671", Phone, "(415) 555-2671"},
	{"cb/303.555.0177/", Phone, "303.555.0177"},

	// Date beside a birth keyword
	{"dob-1980-01-02", BirthDate, "1980-01-02"},
	{"DOB: 01/02/1980", BirthDate, "01/02/1980"},
	{"date_of_birth=1975-12-31", BirthDate, "1975-12-31"},
	{"birthdate 19800102", BirthDate, "19800102"},
	{"birth_date_2001-07-04", BirthDate, "2001-07-04"},
	{"born on 3/14/1959", BirthDate, "3/14/1959"},
	{"1990-06-15-dob", BirthDate, "1990-06-15"},
	{"patientDob19800102", BirthDate, "19800102"},
	{"d.o.b. 12.31.1966", BirthDate, "12.31.1966"},
	{"birthday: 2000-02-29", BirthDate, "2000-02-29"},
	{"DateOfBirth/1988/08/08", BirthDate, "1988/08/08"},
	{"dob is 31.12.1970", BirthDate, "31.12.1970"},
	{"bday_2010_10_10", BirthDate, "2010_10_10"},

	// mrn-prefixed numbers
	{"mrn-0012345", MRN, "0012345"},
	{"MRN:123456", MRN, "123456"},
	{"mrn#98765432", MRN, "98765432"},
	{"patient_mrn_445566", MRN, "445566"},
	{"patientMrn778899", MRN, "778899"},
	{"medical_record_number=12345678", MRN, "12345678"},
	{"medical-record-5555", MRN, "5555"},
	{"MedRec 000123", MRN, "000123"},
	{"scans/mrn12345/ct.dcm", MRN, "12345"},
	{"MRN 1234567890", MRN, "1234567890"},
}

func TestPlantedShapesAreFound(t *testing.T) {
	for _, tc := range planted {
		t.Run(tc.in, func(t *testing.T) {
			ms := Find(tc.in)
			for _, m := range ms {
				if m.Kind == tc.kind && tc.in[m.Start:m.End] == tc.span {
					return
				}
			}
			t.Fatalf("Find(%q) = %v, want %s at %q", tc.in, kinds(tc.in, ms), tc.kind, tc.span)
		})
	}
}

// benign are strings from real configurations that hold no PHI; none may
// produce a value match.
var benign = []string{
	// names that describe PHI without containing it
	"patient-records-bucket", "patient-records", "phi-data-lake", "ehr-exports-prod",
	"hipaa-audit-logs", "claims-archive", "dicom-images-us-east-1", "member-portal-assets",
	"patient-portal-static-assets", "medical-records-glacier", "ssn-lookup-service",
	"dob-validator", "email-templates", "phone-verification-queue", "mrn-index",
	// dates without a birth keyword
	"logs-2024-01-01", "backup-20240101", "snapshot-2023-12-31-0400", "report_01/02/2024",
	"cur/2024/01/01/", "archive-1999-12-31", "rotated.2022.06.30.gz", "2024-01-01T00:00:00Z",
	"2024-06-30T23:59:59.999+02:00", "Mon, 02 Jan 2006 15:04:05 MST", "birthday-party-2024-05-01",
	"adobe-2024-01-01", "dobro-2021-03-04", "rebirth of 2020", "born2run-2020-01-01x",
	// number runs that only resemble SSNs and phones
	"build-123-45-678", "build-1234-56-7890", "v1-123-45-6789-2", "000-12-3456", "666-12-3456",
	"912-34-5678", "123-00-4567", "123-45-0000", "123-45-67890", "1123-45-6789",
	"123.45.6789", "12-345-6789", "123-456-789", "job-555-234-56789", "555-234-56",
	"155-234-5678", "555-134-5678", "911-555-0100", "555-234.5678", "123-456-7890",
	"1234567890", "5552345678", "1700000000", "1700000000123", "20240101123045",
	"0.0.0.0/0", "10.0.0.0/16", "192.168.200.100", "172.31.255.255", "10.123.234.5678",
	"2001:db8::1", "fe80::1ff:fe23:4567:890a", "255.255.255.0", "100.64.0.0/10",
	// versions
	"1.2.3", "v5.100.0", "v1.2.3-rc.1+build.45", "~> 5.0", ">= 1.5.7, < 2.0.0",
	"6.0.0-beta2", "2.25.0", "release-2024.01.15", "go1.26.8", "python3.12",
	// AWS identifiers
	"123456789012", "1234-5678-9012", "arn:aws:iam::123456789012:role/app", "arn:aws:s3:::my-bucket/*",
	"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/fn:*",
	"arn:aws:sns:eu-west-1:444455556666:alerts", "alias/aws/s3", "alias/hipaa-phi-key",
	"alias/app-prod-2024", "sg-0123456789abcdef0", "ami-0abcdef1234567890", "i-1234567890abcdef0",
	"vpc-0a1b2c3d", "subnet-12345678", "vol-049df61146c4d7901", "eni-0e1f2a3b4c5d6e7f8",
	"us-east-1", "eu-central-1a", "db.r6g.large", "m5.2xlarge",
	"123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000",
	"f47ac10b-58cc-4372-a567-0e02b2c3d479",
	// hashes and short shas
	"1ea4fa7ce45", "d41d8cd98f00b204e9800998ecf8427e",
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "build-3f9a2c1",
	"3N7H2KM4PQ11",
	// terraform-aws-modules style names
	"complete-s3-bucket", "my-s3-bucket-123", "s3-bucket-abc123", "logs-bucket-xyz",
	"terraform-aws-modules/vpc/aws", "eks-cluster-1-29", "module.vpc.aws_subnet.private[0]",
	"ex-complete-dynamodb-table", "my-table-20240101", "glacier-vault-test", "cloudtrail-logs-eu",
	"tf-state-lock", "${var.prefix}-data", "bucket-${count.index}", "kms-key-rotation-90",
	// e-mail look-alikes
	"git@github.com:org/repo.git", "user@localhost", "image@sha256:abc123", "@example.com",
	"handle@", "a@b", "node@14",
	// misc infrastructure strings
	"0 12 * * ? *", "rate(5 minutes)", "cron(0 2 * * ? *)", "application/json", "us-gov-west-1",
	"Port 5432", "tcp/443", "10.0.1.0/24,10.0.2.0/24", "max-age=31536000", "TLSv1.2_2021",
	"ELBSecurityPolicy-TLS13-1-2-2021-06", "GLACIER_IR", "INTELLIGENT_TIERING", "", "-",
	"mrn-abc", "smrn-123456", "mrna-vaccine-1234", "MRN", "mrn-123",
}

func TestBenignStringsAreNotFlagged(t *testing.T) {
	for _, s := range benign {
		if ms := Find(s); len(ms) != 0 {
			t.Errorf("Find(%q) = %v, want nothing", s, kinds(s, ms))
		}
		if got := Redact(s); got != s {
			t.Errorf("Redact(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestTableHasEnoughStrings(t *testing.T) {
	n := len(planted) + len(benign) + len(fieldNames) + len(notFieldNames)
	t.Logf("%d planted values, %d benign values, %d field names, %d non-field names: %d strings",
		len(planted), len(benign), len(fieldNames), len(notFieldNames), n)
	if n < 200 {
		t.Fatalf("%d strings, the issue asks for at least 200", n)
	}
}

var fieldNames = []struct {
	in    string
	field string
}{
	{"ssn", fieldSSN}, {"SSN", fieldSSN}, {"patient_ssn", fieldSSN}, {"patientSSN", fieldSSN},
	{"SSNNumber", fieldSSN}, {"ssns", fieldSSN}, {"social_security_number", fieldSSN},
	{"socialSecurityNumber", fieldSSN}, {"Social-Security", fieldSSN}, {"socialsecurity", fieldSSN},
	{"patient_name", fieldName}, {"PatientName", fieldName}, {"first_name", fieldName},
	{"firstName", fieldName}, {"FIRST_NAME", fieldName}, {"last-name", fieldName},
	{"LastName", fieldName}, {"lastname", fieldName}, {"surname", fieldName}, {"full_name", fieldName},
	{"dob", fieldDOB}, {"DOB", fieldDOB}, {"patientDob", fieldDOB}, {"date_of_birth", fieldDOB},
	{"DateOfBirth", fieldDOB}, {"date-of-birth", fieldDOB}, {"birth_date", fieldDOB},
	{"birthdate", fieldDOB}, {"BirthDate", fieldDOB},
	{"mrn", fieldMRN}, {"MRN", fieldMRN}, {"patient_mrn", fieldMRN}, {"medical_record", fieldMRN},
	{"MedicalRecordNumber", fieldMRN}, {"medical-record-id", fieldMRN},
	{"email", fieldEmail}, {"Email", fieldEmail}, {"patient_email", fieldEmail},
	{"patientEmail", fieldEmail}, {"e-mail", fieldEmail}, {"EMAIL_ADDRESS", fieldEmail},
	{"emails", fieldEmail},
	{"phone", fieldPhone}, {"phone_number", fieldPhone}, {"PhoneNumber", fieldPhone},
	{"mobile-phone", fieldPhone}, {"telephone", fieldPhone},
	{"member_id", fieldMemberID}, {"memberId", fieldMemberID}, {"MemberID", fieldMemberID},
	{"member-id", fieldMemberID}, {"subscriber_id", fieldMemberID}, {"mbi", fieldMemberID},
	{"insurance_id", fieldInsurance}, {"InsuranceId", fieldInsurance}, {"insurance-number", fieldInsurance},
	{"diagnosis", fieldDiagnosis}, {"diagnosis_code", fieldDiagnosis}, {"primaryDiagnosis", fieldDiagnosis},
	{"icd10", fieldDiagnosis}, {"home_address", fieldAddress}, {"zip_code", fieldAddress},
	{"passport_number", fieldLicense}, {"credit_card_number", fieldAccount},
}

func TestFieldNamesFireInKeys(t *testing.T) {
	for _, tc := range fieldNames {
		ms := FindName(tc.in)
		found := false
		for _, m := range ms {
			if m.Kind == FieldName && m.Field == tc.field {
				found = true
			}
		}
		if !found {
			t.Errorf("FindName(%q) = %v, want field %q", tc.in, kinds(tc.in, ms), tc.field)
		}
		// A name is not a value: Find must stay quiet on it.
		if vs := Find(tc.in); len(vs) != 0 {
			t.Errorf("Find(%q) = %v, want no value shape in a bare field name", tc.in, kinds(tc.in, vs))
		}
	}
}

// notFieldNames are key and tag names from real configurations.
var notFieldNames = []string{
	"id", "pk", "sk", "PK", "SK", "GSI1PK", "name", "Name", "ip_address", "IpAddress",
	"patient_id", "record_id", "RecordType", "created_at", "updated_at", "ttl", "version",
	"Environment", "Owner", "CostCenter", "Project", "Terraform", "ManagedBy",
	"patient-records", "template_id", "username",
	"LockID", "tenant_id", "AccountNumber", "GitRepo", "Application", "DataClassification",
	"iphone_app", "microphone", "adobe", "dobro", "icdm", "mailer",
	"region", "hash_key", "range_key", "status",
}

func TestInfrastructureNamesAreNotFieldNames(t *testing.T) {
	for _, s := range notFieldNames {
		if ms := FindName(s); len(ms) != 0 {
			t.Errorf("FindName(%q) = %v, want nothing", s, kinds(s, ms))
		}
	}
}

func TestFindNameAlsoFindsValues(t *testing.T) {
	s := "customer-123-45-6789"
	ms := FindName(s)
	if len(ms) != 1 || ms[0].Kind != SSN {
		t.Fatalf("FindName(%q) = %v, want one SSN", s, kinds(s, ms))
	}
}

func TestTokenize(t *testing.T) {
	cases := map[string]string{
		"patient_first_name":  "patient first name",
		"PatientFirstName":    "patient first name",
		"patientSSNHash":      "patient ssn hash",
		"SSNNumber":           "ssn number",
		"icd10Code":           "icd 10 code",
		"kebab-case.path/key": "kebab case path key",
		"ALLCAPS":             "allcaps",
		"__x__":               "x",
		"":                    "",
		"é-mail":              "mail",
	}
	for in, want := range cases {
		var words []string
		for _, tk := range tokenize(in) {
			words = append(words, tk.word)
			if in[tk.start:tk.end] != "" && strings.ToLower(in[tk.start:tk.end]) != tk.word {
				t.Errorf("tokenize(%q): span %q does not hold word %q", in, in[tk.start:tk.end], tk.word)
			}
		}
		if got := strings.Join(words, " "); got != want {
			t.Errorf("tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"patient-123-45-6789":          "patient-***-**-6789",
		"123 45 6789":                  "*** ** 6789",
		"jane.doe@gmail.com":           "j*******@*****.com",
		"to: a@b.co":                   "to: a@*.co",
		"(555) 234-5678":               "(***) ***-****",
		"dob-1980-01-02":               "dob-****-**-**",
		"mrn-0012345":                  "mrn-*******",
		"1EG4-TE5-MK73":                "****-***-****",
		"logs-2024-01-01":              "logs-2024-01-01",
		"ssn 123-45-6789, 487-65-4321": "ssn ***-**-6789, ***-**-4321",
		// The second copy does not match on its own (a digit follows) but
		// holds the same value, so it is masked too.
		"123-45-6789 and 123-45-67891": "***-**-6789 and ***-**-67891",
	}
	for in, want := range cases {
		got := Redact(in)
		if got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
		if len(got) != len(in) {
			t.Errorf("Redact(%q) changed the length", in)
		}
	}
}

func TestDescribeNeverHoldsTheValue(t *testing.T) {
	s := "jane.doe@gmail.com 123-45-6789 jane.doe@gmail.com"
	ms := Find(s)
	got := Describe(ms)
	want := "an e-mail address-shaped value and a US SSN-shaped value"
	if got != want {
		t.Fatalf("Describe = %q, want %q", got, want)
	}
	if Describe(FindName("date_of_birth")) != "a PHI field name (date of birth)" {
		t.Fatalf("Describe(field) = %q", Describe(FindName("date_of_birth")))
	}
	if Describe(nil) != "" {
		t.Fatal("Describe(nil) must be empty")
	}
}

func TestExtraKeywordsAndAllowList(t *testing.T) {
	d, err := New([]string{"patient_id", "caseNumber"}, []string{"patient-portal-*", "*@acme-health.example", "team_email"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"patient_id", "PatientID", "patient-id", "case_number", "CaseNumber"} {
		ms := d.FindName(s)
		if len(ms) != 1 || ms[0].Kind != FieldName || !strings.HasPrefix(ms[0].Field, "keyword ") {
			t.Errorf("FindName(%q) with extra keywords = %v", s, kinds(s, ms))
		}
	}
	// The default detector knows none of them.
	if ms := FindName("patient_id"); len(ms) != 0 {
		t.Errorf("default FindName(patient_id) = %v", kinds("patient_id", ms))
	}
	allowed := []string{
		"patient-portal-123-45-6789", // the whole string is allowed
		"oncall@acme-health.example", // the matched span is allowed
		"contact oncall@ACME-HEALTH.example today",
		"team_email",
	}
	for _, s := range allowed {
		if ms := d.FindName(s); len(ms) != 0 {
			t.Errorf("allowed %q still matched: %v", s, kinds(s, ms))
		}
		if got := d.Redact(s); got != s {
			t.Errorf("allowed %q was redacted to %q", s, got)
		}
	}
	// Allowing one address does not allow another in the same string.
	s := "oncall@acme-health.example jane@gmail.com"
	if ms := d.Find(s); len(ms) != 1 || s[ms[0].Start:ms[0].End] != "jane@gmail.com" {
		t.Errorf("Find(%q) = %v, want only the gmail address", s, kinds(s, ms))
	}

	for _, bad := range [][2][]string{{{""}, nil}, {{"__"}, nil}, {nil, {"*"}}, {nil, {" "}}} {
		if _, err := New(bad[0], bad[1]); err == nil {
			t.Errorf("New(%q, %q) accepted a useless entry", bad[0], bad[1])
		}
	}
}

func TestConfigureReplacesTheDefault(t *testing.T) {
	old := Default()
	t.Cleanup(func() { std.Store(old) })
	if err := Configure([]string{"chart_number"}, []string{"jane@gmail.com"}); err != nil {
		t.Fatal(err)
	}
	if ms := FindName("chartNumber"); len(ms) != 1 {
		t.Errorf("configured keyword not found: %v", ms)
	}
	if ms := Find("jane@gmail.com"); len(ms) != 0 {
		t.Errorf("configured allow entry not honoured: %v", ms)
	}
	if err := Configure([]string{"--"}, nil); err == nil {
		t.Fatal("Configure accepted an empty keyword")
	}
	if ms := FindName("chartNumber"); len(ms) != 1 {
		t.Error("a failed Configure changed the default")
	}
}

func TestGlobMatch(t *testing.T) {
	cases := []struct {
		pat, s string
		want   bool
	}{
		{"abc", "abc", true}, {"abc", "abcd", false}, {"a*c", "abbbc", true}, {"a*c", "abbb", false},
		{"*@x.org", "me@x.org", true}, {"*@x.org", "me@x.org.evil", false}, {"**", "", true},
		{"a/*/c", "a/b/d/c", true}, {"*a*b*", "xxaxxbxx", true}, {"*a*b*", "xxbxxaxx", false},
	}
	for _, c := range cases {
		if got := globMatch(c.pat, c.s); got != c.want {
			t.Errorf("globMatch(%q, %q) = %v", c.pat, c.s, got)
		}
	}
}

// TestLongStrings places each shape at every offset around the scan window
// sizes, so a match is neither lost nor cut where one window ends and the
// next begins, and an edge check still sees the bytes beside it.
func TestLongStrings(t *testing.T) {
	shapes := []struct {
		text string
		kind Kind
	}{
		{"123-45-6789", SSN}, {"1EG4-TE5-MK73", MBI}, {"(555) 234-5678", Phone},
		{"+15552345678", Phone}, {"mrn-0012345", MRN}, {"dob 1980-01-02", BirthDate},
		{strings.Repeat("j", 60) + "@" + strings.Repeat("d", 60) + ".example.org", Email},
	}
	for _, sh := range shapes {
		for _, pad := range []int{0, 1, 200, 240, 250, 255, 256, 300, 1000, 2100, 2148, 4096, 9000} {
			s := strings.Repeat("x ", pad/2) + strings.Repeat("y", pad%2) + " " + sh.text + " " + strings.Repeat("z ", 700)
			ms := Find(s)
			if len(ms) != 1 || ms[0].Kind != sh.kind {
				t.Errorf("%s at offset %d: got %v", sh.kind, pad+1, kinds(s, ms))
				continue
			}
			if got := s[ms[0].Start:ms[0].End]; !strings.Contains(sh.text, got) || len(got) < 7 {
				t.Errorf("%s at offset %d: span %q", sh.kind, pad+1, got)
			}
			// A digit glued on behind the shape must still be seen.
			glued := s[:ms[0].End] + "7" + s[ms[0].End:]
			if sh.kind != Email && sh.kind != MBI {
				for _, m := range Find(glued) {
					if m.Kind == sh.kind && m.End == ms[0].End {
						t.Errorf("%s at offset %d: matched with a digit glued on", sh.kind, pad+1)
					}
				}
			}
		}
	}
	// Many matches in one long line, as a minified JSON excerpt could hold.
	line := strings.Repeat(`{"ssn":"123-45-6789","mail":"a.b@c.org"},`, 5000)
	if n := len(Find(line)); n != 10000 {
		t.Fatalf("got %d matches in the long line, want 10000", n)
	}
	if red := Redact(line); strings.Contains(red, "123-45-6789") || strings.Contains(red, "a.b@c.org") || len(red) != len(line) {
		t.Fatal("Redact left a value in the long line")
	}
}

// TestConcurrentUse runs the detector from many goroutines while the default
// is replaced, as a CLI that configures once and checks in parallel would;
// `go test -race` proves it safe.
func TestConcurrentUse(t *testing.T) {
	old := Default()
	t.Cleanup(func() { std.Store(old) })
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 200; i++ {
				if len(Find("exports-123-45-6789")) != 1 {
					t.Error("SSN not found")
					return
				}
				_ = FindName("patient_email")
				_ = Redact("jane.doe@gmail.com")
			}
		}()
	}
	for i := 0; i < 50; i++ {
		if err := Configure([]string{"chart_number"}, []string{"*@acme.example"}); err != nil {
			t.Fatal(err)
		}
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}
