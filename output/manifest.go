package output

import (
	"encoding/json"
	"sort"
)

// Manifest describes a finished dataset: what made it, from what, and what
// is in it. It is written as DIR/manifest.json.
type Manifest struct {
	Tool          string               `json:"tool"`
	ToolVersion   string               `json:"tool_version"`
	SchemaVersion string               `json:"schema_version"`
	Config        any                  `json:"config"`
	Since         []string             `json:"since,omitempty"`          // datasets an incremental run built on (absolute paths)
	KnownArticles int64                `json:"known_articles,omitempty"` // articles skipped because a Since dataset has their text
	Inputs        []Input              `json:"inputs"`
	Skipped       []Skipped            `json:"skipped,omitempty"`
	Tables        map[string]TableInfo `json:"tables"`
	Statuses      map[string]int64     `json:"article_statuses"`
	Timings       map[string]float64   `json:"timings_seconds"`
	PeakRSSBytes  int64                `json:"peak_rss_bytes,omitempty"`
}

// Input is one input file that was read.
type Input struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Skipped is one path that was not read, and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// TableInfo is one table's row count and parts.
type TableInfo struct {
	Rows  int64      `json:"rows"`
	Parts []PartInfo `json:"parts"`
}

// SetParts fills m.Tables from parts, in table and part order.
func (m *Manifest) SetParts(parts []PartInfo) {
	sort.Slice(parts, func(i, j int) bool {
		if parts[i].Table != parts[j].Table {
			return parts[i].Table < parts[j].Table
		}
		return parts[i].Index < parts[j].Index
	})
	if m.Tables == nil {
		m.Tables = map[string]TableInfo{}
	}
	for _, p := range parts {
		t := m.Tables[p.Table]
		t.Rows += p.Rows
		t.Parts = append(t.Parts, p)
		m.Tables[p.Table] = t
	}
}

// Marshal returns the manifest as indented JSON.
func (m *Manifest) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
