console.log('::error::google-github-actions/auth stand-in: GCP cannot be reached in these tests; the step should have been skipped.');
process.exit(1);
