// Command grype-db writes a grype vulnerability database (schema v6) from a small JSON list of
// vulnerabilities, with grype's own v6 store, so tests can run the real grype offline against known data.
//
//	grype-db -spec vulns.json -out DIR [-built 2026-01-02T03:04:05Z] [-archive]
//
// DIR receives 6/vulnerability.db and 6/import.json, the layout grype reads under GRYPE_DB_CACHE_DIR.
// With -archive, 6/ also gets what an update server serves under <update-url>/v6/: latest.json and the
// .tar.gz archive it names (grype's own archive writer).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/afero"
	"gorm.io/gorm"

	v6 "github.com/anchore/grype/grype/db/v6"
	dbbuild "github.com/anchore/grype/grype/db/v6/build"
)

// Entry is one vulnerability of the spec file: a package of an ecosystem (syft's package type, e.g. npm)
// whose versions matching Constraint are affected, fixed in Fix when set.
type Entry struct {
	ID         string `json:"id"`
	Severity   string `json:"severity"`
	Ecosystem  string `json:"ecosystem"`
	Package    string `json:"package"`
	Constraint string `json:"constraint"`
	Format     string `json:"format"`
	Fix        string `json:"fix"`
	CVSS       string `json:"cvss"`
}

func main() {
	spec := flag.String("spec", "", "JSON file: a list of vulnerabilities")
	out := flag.String("out", "", "folder for the database (its 6/ subfolder is written)")
	built := flag.String("built", "", "the build time recorded in the database (RFC 3339); default now")
	archive := flag.Bool("archive", false, "also write latest.json and the archive an update server serves")
	flag.Parse()
	if *spec == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: grype-db -spec vulns.json -out DIR [-built RFC3339]")
		os.Exit(2)
	}
	if err := run(*spec, *out, *built, *archive); err != nil {
		fmt.Fprintln(os.Stderr, "grype-db:", err)
		os.Exit(1)
	}
}

func run(specFile, out, built string, archive bool) error {
	raw, err := os.ReadFile(specFile)
	if err != nil {
		return err
	}
	var entries []Entry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return fmt.Errorf("%s: %w", specFile, err)
	}
	dir := filepath.Join(out, "6")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	store, err := v6.NewWriter(v6.Config{DBDirPath: dir})
	if err != nil {
		return err
	}
	captured := time.Now().UTC().Round(time.Second)
	provider := &v6.Provider{ID: "conveyor-fixture", Version: "1", Processor: "test/scan/grype-db", DateCaptured: &captured, InputDigest: "xxh64:0000000000000000"}
	for _, e := range entries {
		vuln := &v6.VulnerabilityHandle{
			Name:       e.ID,
			Status:     v6.VulnerabilityActive,
			ProviderID: provider.ID,
			Provider:   provider,
			BlobValue: &v6.VulnerabilityBlob{
				ID:          e.ID,
				Description: "Fixture vulnerability " + e.ID + " in " + e.Package,
				References:  []v6.Reference{{URL: "https://example.invalid/advisories/" + e.ID}},
				Severities:  severities(e),
			},
		}
		if err := store.AddVulnerabilities(vuln); err != nil {
			return fmt.Errorf("%s: %w", e.ID, err)
		}
		fix := &v6.Fix{State: v6.NotFixedStatus}
		if e.Fix != "" {
			fix = &v6.Fix{Version: e.Fix, State: v6.FixedStatus}
		}
		format := e.Format
		if format == "" {
			format = "semver"
		}
		affected := &v6.AffectedPackageHandle{
			Vulnerability: vuln,
			Package:       &v6.Package{Ecosystem: e.Ecosystem, Name: e.Package},
			BlobValue: &v6.PackageBlob{
				CVEs:   []string{e.ID},
				Ranges: []v6.Range{{Version: v6.Version{Type: format, Constraint: e.Constraint}, Fix: fix}},
			},
		}
		if err := store.AddAffectedPackages(affected); err != nil {
			return fmt.Errorf("%s: %w", e.ID, err)
		}
	}
	if err := store.SetDBMetadata(); err != nil {
		return err
	}
	if err := store.Close(); err != nil {
		return err
	}
	if built != "" {
		if err := setBuildTime(dir, built); err != nil {
			return err
		}
	}
	if _, err := v6.WriteImportMetadata(afero.NewOsFs(), dir, "conveyor test fixture"); err != nil {
		return err
	}
	if archive {
		return dbbuild.CreateArchive(dir, "tar.gz", nil)
	}
	return nil
}

func severities(e Entry) []v6.Severity {
	out := []v6.Severity{{Scheme: v6.SeveritySchemeHML, Value: e.Severity, Rank: 1}}
	if e.CVSS != "" {
		out = append(out, v6.Severity{Scheme: v6.SeveritySchemeCVSS, Value: v6.CVSSSeverity{Vector: e.CVSS, Version: "3.1"}, Source: "conveyor-fixture", Rank: 2})
	}
	return out
}

// setBuildTime rewrites the recorded build time (to make a database that grype finds too old).
func setBuildTime(dir, built string) error {
	when, err := time.Parse(time.RFC3339, built)
	if err != nil {
		return fmt.Errorf("-built: %w", err)
	}
	db, err := v6.NewLowLevelDB(filepath.Join(dir, v6.VulnerabilityDBFileName), false, true, false)
	if err != nil {
		return err
	}
	res := db.Session(&gorm.Session{AllowGlobalUpdate: true}).Model(&v6.DBMetadata{}).Update("build_timestamp", when.UTC())
	if res.Error != nil {
		return res.Error
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}
