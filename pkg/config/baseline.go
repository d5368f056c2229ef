package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// maxBaselineBytes bounds what ReadBaseline reads.
const maxBaselineBytes = 256 << 20

// Baseline is the file --write-baseline writes and --baseline reads:
//
//	{
//	  "version": 1,
//	  "entries": [
//	    {"fingerprint": "…", "rule_id": "aws-rds-storage-encrypted",
//	     "address": "aws_db_instance.main", "path": "storage_encrypted", "file": "main.tf"}
//	  ]
//	}
//
// Entries match findings by fingerprint alone (policies.Fingerprint, the same
// value as SARIF's partialFingerprints); the other fields are there so a human
// reviewing the file can tell what was accepted. Entries are sorted by
// fingerprint so the file diffs cleanly.
type Baseline struct {
	Version int             `json:"version"`
	Entries []BaselineEntry `json:"entries"`
}

// BaselineEntry records one accepted finding.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"rule_id"`
	Address     string `json:"address"`
	Path        string `json:"path"`
	File        string `json:"file"`
}

// NewBaseline records the findings that fail or are accepted by a baseline
// now: determined ones not silenced by an inline comment. Findings hidden by
// --min-severity or --fail-on are recorded too, so lowering a threshold later
// does not surface what was accepted.
func NewBaseline(findings []policies.Finding) *Baseline {
	b := &Baseline{Version: BaselineVersion, Entries: []BaselineEntry{}}
	seen := map[string]bool{}
	for i := range findings {
		f := &findings[i]
		if f.Undetermined || (f.Suppressed() && f.Suppression.Source != "baseline") {
			continue
		}
		fp := policies.Fingerprint(f)
		if seen[fp] {
			continue
		}
		seen[fp] = true
		b.Entries = append(b.Entries, BaselineEntry{
			Fingerprint: fp,
			RuleID:      f.RuleID,
			Address:     f.Address,
			Path:        f.Path,
			File:        filepath.ToSlash(f.Range.Filename),
		})
	}
	sort.Slice(b.Entries, func(i, j int) bool { return b.Entries[i].Fingerprint < b.Entries[j].Fingerprint })
	return b
}

// WriteBaseline writes b to path atomically: a reader never sees a half-written
// file, and a failed write leaves the old baseline in place.
func WriteBaseline(path string, b *Baseline) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; a baseline is meant to be committed and shared.
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return err
	}
	return os.Rename(tmpName, path)
}

// ReadBaseline reads a baseline file, refusing other versions and malformed entries.
func ReadBaseline(path string) (*Baseline, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	if st.Size() > maxBaselineBytes {
		return nil, fmt.Errorf("%s: file is %d bytes, more than a baseline may have", path, st.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseBaseline(path, data)
}

// ParseBaseline decodes baseline JSON; name is used in errors.
func ParseBaseline(name string, data []byte) (*Baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: not a tflint-hipaa baseline: %v", name, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, this tflint-hipaa reads version %d", name, b.Version, BaselineVersion)
	}
	for i, e := range b.Entries {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: entry %d has no fingerprint", name, i+1)
		}
	}
	return &b, nil
}

// ApplyBaseline marks unsuppressed findings whose fingerprint is in b as
// suppressed (kind external, source baseline) and returns a note for every
// entry that matched nothing: that finding was fixed, and the entry can go.
// Entries for rules that did not run (active false) are not called fixed:
// they could not have matched. name is the baseline file, for reasons.
func ApplyBaseline(findings []policies.Finding, b *Baseline, name string, active func(id string) bool) []string {
	if b == nil {
		return nil
	}
	byFP := map[string]int{}
	for i, e := range b.Entries {
		if _, dup := byFP[e.Fingerprint]; !dup {
			byFP[e.Fingerprint] = i
		}
	}
	matched := make([]bool, len(b.Entries))
	for i := range findings {
		f := &findings[i]
		if f.Undetermined {
			continue
		}
		idx, ok := byFP[policies.Fingerprint(f)]
		if !ok {
			continue
		}
		matched[idx] = true
		if f.Suppressed() {
			continue
		}
		f.Suppression = &policies.Suppression{
			Kind:   "external",
			Source: "baseline",
			Reason: "recorded in baseline " + filepath.ToSlash(name),
		}
	}
	var notes []string
	for i, e := range b.Entries {
		if matched[i] || (active != nil && !active(e.RuleID)) {
			continue
		}
		if j := byFP[e.Fingerprint]; j != i {
			continue // a duplicate entry: reported once
		}
		where := e.Address
		if e.Path != "" {
			where += "." + e.Path
		}
		notes = append(notes, fmt.Sprintf("%s: fixed: baseline entry %s %s no longer matches a finding; it can be removed from %s",
			e.File, e.RuleID, where, filepath.ToSlash(name)))
	}
	sort.Strings(notes)
	return notes
}
