package phi

import "strings"

// token is one word of a name, lower-cased, with its byte span in the name.
type token struct {
	word       string
	start, end int
}

// tokenize splits a name into words the way people write field names:
// snake_case, kebab-case, dotted.paths, camelCase, PascalCase and
// ACRONYMCase ("SSNNumber" → ssn, number), with digits as words of their own.
func tokenize(s string) []token {
	out := make([]token, 0, 8)
	i := 0
	for i < len(s) {
		if !isAlnum(s[i]) {
			i++
			continue
		}
		start := i
		for i < len(s) && isAlnum(s[i]) {
			if i > start && wordBreak(s, i) {
				out = append(out, token{word: lowerASCII(s[start:i]), start: start, end: i})
				start = i
			}
			i++
		}
		out = append(out, token{word: lowerASCII(s[start:i]), start: start, end: i})
	}
	return out
}

// lowerASCII lower-cases a token of ASCII letters and digits, without
// allocating when it already is.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if isUpper(w[i]) {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if isUpper(b[j]) {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// wordBreak answers whether a new word starts at s[i] inside a run of letters
// and digits.
func wordBreak(s string, i int) bool {
	prev, cur := s[i-1], s[i]
	switch {
	case isDigit(prev) != isDigit(cur):
		return true
	case isLower(prev) && isUpper(cur):
		return true
	case isUpper(prev) && isUpper(cur) && i+1 < len(s) && isLower(s[i+1]):
		// The last capital of an acronym starts the next word: SSNNumber.
		return true
	}
	return false
}

// phrase is a field name as a word sequence, with what it names.
type phrase struct {
	words []string
	field string
}

// Field labels, reused by the phrases that mean the same field.
const (
	fieldSSN       = "social security number"
	fieldName      = "person name"
	fieldDOB       = "date of birth"
	fieldMRN       = "medical record number"
	fieldEmail     = "e-mail address"
	fieldPhone     = "phone number"
	fieldMemberID  = "health plan member ID"
	fieldInsurance = "insurance ID"
	fieldDiagnosis = "diagnosis"
	fieldClinical  = "clinical data"
	fieldAddress   = "street address"
	fieldLicense   = "licence or passport number"
	fieldAccount   = "account or card number"
)

// builtinPhrases are the HIPAA identifiers and clinical fields that name PHI
// in a key. Words that also name infrastructure on their own ("name",
// "address", "patient", "record", "id") only count inside a phrase, so
// ip_address, patient-records and record_id stay quiet. "account number" is
// left out because AccountNumber tags usually hold an AWS account id.
var builtinPhrases = []phrase{
	{[]string{"ssn"}, fieldSSN},
	{[]string{"social", "security"}, fieldSSN},
	{[]string{"socialsecurity"}, fieldSSN},
	{[]string{"socialsecuritynumber"}, fieldSSN},

	{[]string{"patient", "name"}, fieldName},
	{[]string{"patientname"}, fieldName},
	{[]string{"first", "name"}, fieldName},
	{[]string{"firstname"}, fieldName},
	{[]string{"last", "name"}, fieldName},
	{[]string{"lastname"}, fieldName},
	{[]string{"middle", "name"}, fieldName},
	{[]string{"maiden", "name"}, fieldName},
	{[]string{"given", "name"}, fieldName},
	{[]string{"givenname"}, fieldName},
	{[]string{"family", "name"}, fieldName},
	{[]string{"familyname"}, fieldName},
	{[]string{"full", "name"}, fieldName},
	{[]string{"fullname"}, fieldName},
	{[]string{"surname"}, fieldName},

	{[]string{"dob"}, fieldDOB},
	{[]string{"date", "of", "birth"}, fieldDOB},
	{[]string{"birth", "date"}, fieldDOB},
	{[]string{"birth"}, fieldDOB},
	{[]string{"birthdate"}, fieldDOB},
	{[]string{"birthday"}, fieldDOB},
	{[]string{"dateofbirth"}, fieldDOB},

	{[]string{"mrn"}, fieldMRN},
	{[]string{"medical", "record"}, fieldMRN},
	{[]string{"medicalrecord"}, fieldMRN},
	{[]string{"medrec"}, fieldMRN},

	{[]string{"email"}, fieldEmail},
	{[]string{"e", "mail"}, fieldEmail},
	{[]string{"emailaddress"}, fieldEmail},

	{[]string{"phone"}, fieldPhone},
	{[]string{"telephone"}, fieldPhone},
	{[]string{"phonenumber"}, fieldPhone},
	{[]string{"mobile", "number"}, fieldPhone},
	{[]string{"cell", "number"}, fieldPhone},
	{[]string{"fax", "number"}, fieldPhone},

	{[]string{"member", "id"}, fieldMemberID},
	{[]string{"memberid"}, fieldMemberID},
	{[]string{"member", "number"}, fieldMemberID},
	{[]string{"subscriber", "id"}, fieldMemberID},
	{[]string{"beneficiary", "id"}, fieldMemberID},
	{[]string{"mbi"}, fieldMemberID},
	{[]string{"hicn"}, fieldMemberID},
	{[]string{"medicare", "id"}, fieldMemberID},
	{[]string{"medicare", "number"}, fieldMemberID},
	{[]string{"medicaid", "id"}, fieldMemberID},
	{[]string{"medicaid", "number"}, fieldMemberID},
	{[]string{"health", "plan", "id"}, fieldMemberID},

	{[]string{"insurance", "id"}, fieldInsurance},
	{[]string{"insuranceid"}, fieldInsurance},
	{[]string{"insurance", "number"}, fieldInsurance},
	{[]string{"policy", "number"}, fieldInsurance},

	{[]string{"diagnosis"}, fieldDiagnosis},
	{[]string{"diagnoses"}, fieldDiagnosis},
	{[]string{"icd"}, fieldDiagnosis},
	{[]string{"prescription"}, fieldClinical},
	{[]string{"medication"}, fieldClinical},
	{[]string{"allergy"}, fieldClinical},
	{[]string{"allergies"}, fieldClinical},
	{[]string{"lab", "result"}, fieldClinical},

	{[]string{"home", "address"}, fieldAddress},
	{[]string{"street", "address"}, fieldAddress},
	{[]string{"mailing", "address"}, fieldAddress},
	{[]string{"patient", "address"}, fieldAddress},
	{[]string{"zip", "code"}, fieldAddress},
	{[]string{"zipcode"}, fieldAddress},
	{[]string{"postal", "code"}, fieldAddress},

	{[]string{"drivers", "license"}, fieldLicense},
	{[]string{"driver", "license"}, fieldLicense},
	{[]string{"driving", "licence"}, fieldLicense},
	{[]string{"passport"}, fieldLicense},

	{[]string{"credit", "card"}, fieldAccount},
	{[]string{"card", "number"}, fieldAccount},
	{[]string{"bank", "account"}, fieldAccount},
}

// builtinByFirst indexes the phrases by their first word for one map look-up
// per token.
var builtinByFirst = indexPhrases(builtinPhrases)

func indexPhrases(ps []phrase) map[string][]phrase {
	m := make(map[string][]phrase, len(ps))
	for _, p := range ps {
		m[p.words[0]] = append(m[p.words[0]], p)
	}
	return m
}

// wordIs compares a token with a phrase word, accepting a plural on the last
// word of a phrase (emails, phone_numbers, first_names).
func wordIs(tok, want string, last bool) bool {
	if tok == want {
		return true
	}
	if !last || !strings.HasPrefix(tok, want) {
		return false
	}
	suffix := tok[len(want):]
	return suffix == "s" || suffix == "es"
}

// matchAt answers whether the phrase's words start at toks[i].
func (p phrase) matchAt(toks []token, i int) bool {
	if i+len(p.words) > len(toks) {
		return false
	}
	for k, w := range p.words {
		if !wordIs(toks[i+k].word, w, k == len(p.words)-1) {
			return false
		}
	}
	return true
}

// findFieldNames reports every built-in or extra phrase in the name s. A
// plural first word (ssns, emails) is tried against the singular index.
func findFieldNames(s string, extra []phrase) []Match {
	if s == "" {
		return nil
	}
	toks := tokenize(s)
	var out []Match
	for i, t := range toks {
		candidates := builtinByFirst[t.word]
		if len(candidates) == 0 {
			if w := strings.TrimSuffix(t.word, "s"); w != t.word {
				candidates = builtinByFirst[w]
			}
		}
		for _, p := range candidates {
			if p.matchAt(toks, i) {
				out = append(out, Match{Kind: FieldName, Start: t.start, End: toks[i+len(p.words)-1].end, Field: p.field})
			}
		}
		for _, p := range extra {
			if p.matchAt(toks, i) {
				out = append(out, Match{Kind: FieldName, Start: t.start, End: toks[i+len(p.words)-1].end, Field: p.field})
			}
		}
	}
	return dropNestedFields(out)
}

// dropNestedFields keeps one match per span region: social_security_number
// is one field, not "social security" and "security number" separately.
func dropNestedFields(ms []Match) []Match {
	return dropCovered(ms, func(Match) bool { return true })
}
