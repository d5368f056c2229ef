package distribution

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tflint-hipaa/tflint-hipaa/internal/schematest"
)

func compileGoreleaserSchema(t *testing.T) *jsonschema.Schema {
	return schematest.Compile(t, filepath.Join("testdata", "goreleaser-schema.json"))
}

func TestGoreleaserConfigMatchesSchema(t *testing.T) {
	schema := compileGoreleaserSchema(t)
	cfg := readYAML(t, ".goreleaser.yaml")
	if err := schema.Validate(cfg); err != nil {
		t.Fatalf(".goreleaser.yaml does not match goreleaser's schema:\n%v", err)
	}
	// The validator must be live: a wrong key is rejected.
	bad := readYAML(t, ".goreleaser.yaml")
	bad.(map[string]any)["archivez"] = []any{}
	if schema.Validate(bad) == nil {
		t.Fatal("the schema accepted an unknown top-level key; the test is not checking anything")
	}
}

// deprecatedKeys are keys goreleaser v2 still parses but has replaced; the
// schema accepts them, so the test rejects them itself.
func deprecatedKeys(cfg any) []string {
	var found []string
	if v, ok := get(cfg, "version").(float64); !ok || v != 2 {
		found = append(found, "version must be 2")
	}
	if get(cfg, "brews") != nil {
		found = append(found, "brews (use homebrew_casks)")
	}
	if get(cfg, "snapshot", "name_template") != nil {
		found = append(found, "snapshot.name_template (use version_template)")
	}
	archives, _ := get(cfg, "archives").([]any)
	for i, a := range archives {
		if get(a, "format") != nil {
			found = append(found, fmt.Sprintf("archives[%d].format (use formats)", i))
		}
		if get(a, "builds") != nil {
			found = append(found, fmt.Sprintf("archives[%d].builds (use ids)", i))
		}
		overrides, _ := get(a, "format_overrides").([]any)
		for j, o := range overrides {
			if get(o, "format") != nil {
				found = append(found, fmt.Sprintf("archives[%d].format_overrides[%d].format (use formats)", i, j))
			}
		}
	}
	return found
}

func TestGoreleaserConfigUsesCurrentKeys(t *testing.T) {
	cfg := readYAML(t, ".goreleaser.yaml")
	if dep := deprecatedKeys(cfg); len(dep) > 0 {
		t.Errorf("deprecated goreleaser keys: %s", strings.Join(dep, "; "))
	}
	old := map[string]any{
		"version":  1.0,
		"brews":    []any{},
		"snapshot": map[string]any{"name_template": "x"},
		"archives": []any{map[string]any{"format": "zip", "builds": []any{"a"}, "format_overrides": []any{map[string]any{"goos": "windows", "format": "zip"}}}},
	}
	if got := deprecatedKeys(old); len(got) != 6 {
		t.Errorf("deprecated-key check found %d of 6 in an old config: %v", len(got), got)
	}
}

func TestGoreleaserBuildsTheSixTargets(t *testing.T) {
	cfg := readYAML(t, ".goreleaser.yaml")
	builds, _ := get(cfg, "builds").([]any)
	if len(builds) != 1 {
		t.Fatalf("want one build, got %d", len(builds))
	}
	b := builds[0]
	if got := get(b, "main"); got != "./cmd/tflint-hipaa" {
		t.Errorf("main = %v", got)
	}
	if goos := strings_(get(b, "goos")); !slices.Equal(sorted(goos), []string{"darwin", "linux", "windows"}) {
		t.Errorf("goos = %v", goos)
	}
	if goarch := strings_(get(b, "goarch")); !slices.Equal(sorted(goarch), []string{"amd64", "arm64"}) {
		t.Errorf("goarch = %v", goarch)
	}
	if !slices.Contains(strings_(get(b, "env")), "CGO_ENABLED=0") || !slices.Contains(strings_(get(b, "flags")), "-trimpath") {
		t.Errorf("build must be CGO_ENABLED=0 and -trimpath")
	}
	ld := strings.Join(strings_(get(b, "ldflags")), " ")
	for _, v := range []string{"version.Version=", "version.Commit=", "version.Date="} {
		if !strings.Contains(ld, "github.com/tflint-hipaa/tflint-hipaa/internal/version."+strings.TrimPrefix(v, "version.")) {
			t.Errorf("ldflags lack %s: %s", v, ld)
		}
	}
	if get(cfg, "checksum") == nil || get(cfg, "changelog") == nil {
		t.Error("checksum and changelog sections are required")
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
