console.log('::error::configure-aws-credentials stand-in: AWS cannot be reached in these tests; the step should have been skipped.');
process.exit(1);
