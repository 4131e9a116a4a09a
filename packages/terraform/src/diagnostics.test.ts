import { describe, expect, it } from '@jest/globals';
import { fmtAnnotations, parseFmtOutput, parseValidate, validateAnnotations, validateRows } from './diagnostics.ts';

// The shape terraform validate -json prints (FORMATS.md), written for this test.
const validateJson = JSON.stringify({
  format_version: '1.0', valid: false, error_count: 1, warning_count: 1,
  diagnostics: [
    { severity: 'error', summary: 'Unsupported argument', detail: 'An argument named "amii" is not expected here.',
      range: { filename: 'main.tf', start: { line: 4, column: 3, byte: 40 }, end: { line: 4, column: 7, byte: 44 } } },
    { severity: 'warning', summary: 'Deprecated attribute', detail: '' },
  ],
});

// `terraform fmt -check -diff -recursive` output: the file name, then its diff; a second file.
const fmtOutput = `main.tf
--- old/main.tf
+++ new/main.tf
@@ -1,4 +1,4 @@
 resource "aws_instance" "web" {
-  ami="ami-1"
+  ami = "ami-1"
   instance_type = "t3.micro"
 }
modules/net/vpc.tf
--- old/modules/net/vpc.tf
+++ new/modules/net/vpc.tf
@@ -7,3 +7,3 @@
 variable "cidr" {
-type = string
+  type = string
 }
`;

describe('terraform validate -json', () => {
  it('becomes annotations at file and line and summary rows', () => {
    const report = parseValidate(validateJson, 'terraform validate in infra');
    expect([report.valid, report.errorCount, report.warningCount]).toEqual([false, 1, 1]);
    expect(validateAnnotations(report, 'infra')).toEqual([
      { level: 'error', title: 'terraform validate: Unsupported argument', message: 'Unsupported argument: An argument named "amii" is not expected here.', file: 'infra/main.tf', startLine: 4, endLine: 4, startColumn: 3, endColumn: 7 },
      { level: 'warning', title: 'terraform validate: Deprecated attribute', message: 'Deprecated attribute', file: undefined, startLine: undefined, endLine: undefined, startColumn: undefined, endColumn: undefined },
    ]);
    expect(validateRows(report, 'infra')).toEqual([
      ['error', 'infra/main.tf:4', 'Unsupported argument: An argument named "amii" is not expected here.'],
      ['warning', 'infra', 'Deprecated attribute'],
    ]);
  });

  it('refuses output that is not validate JSON', () => {
    expect(() => parseValidate('Error: x', 'terraform validate in infra')).toThrow(/terraform validate in infra did not print validate JSON/);
    expect(() => parseValidate('{}', 'terraform validate in infra')).toThrow(/without "valid" and "diagnostics"/);
  });
});

describe('terraform fmt -check -diff', () => {
  it('lists each unformatted file with its diff and first changed line', () => {
    const files = parseFmtOutput(fmtOutput);
    expect(files.map((f) => [f.file, f.line])).toEqual([['main.tf', 1], ['modules/net/vpc.tf', 7]]);
    expect(files[0]!.diff).toContain('+  ami = "ami-1"');
    expect(files[1]!.diff.split('\n')).toHaveLength(8);
    expect(fmtAnnotations(files, 'infra')[1]).toEqual({
      level: 'error', title: 'terraform fmt', file: 'infra/modules/net/vpc.tf', startLine: 7,
      message: 'modules/net/vpc.tf is not formatted. Run `terraform fmt` in infra and commit the result.',
    });
  });

  it('reads names without diffs (fmt -check without -diff)', () => {
    expect(parseFmtOutput('a.tf\nb/c.tf\n').map((f) => f.file)).toEqual(['a.tf', 'b/c.tf']);
  });
});
