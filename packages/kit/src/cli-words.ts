/**
 * The CLI's words for errors written in the action's words. The domain code speaks to a workflow author
 * (`Input 'allow-destroy'`, `set allow-destroy: true`, "run actions/checkout before this step"); on a terminal
 * the same failure reads in flags (`--allow-destroy`) and in what a person at a shell can do. The rewrite knows
 * the subcommand's flags, so only their names change; advice that only makes sense in a workflow is replaced
 * sentence by sentence (cli-words.test.ts checks that no message in the sources keeps "actions/checkout").
 */

/** Advice for a workflow author, and what it means at a shell. First match wins, each applied everywhere. */
const WORKFLOW_ADVICE: readonly (readonly [RegExp, string])[] = [
  [/Run actions\/checkout before this step, or point the working directory at the repository\./g, 'Run conveyor inside a clone of the repository, or pass --working-directory.'],
  [/Run actions\/checkout before this step \(with fetch-depth: 0\), or commit something first\./g, 'Run conveyor inside a clone of the repository, or commit something first.'],
  [/ \(and run actions\/checkout first\)/g, ''],
  [/check the repository out first \(actions\/checkout\)/g, 'run conveyor inside a clone of the repository'],
  [/Set `fetch-depth: 0` on actions\/checkout so the history and the tags are there\./g, 'Fetch the whole history and the tags first: git fetch --unshallow --tags.'],
  [/If this is a shallow clone, set `fetch-depth: 0` on actions\/checkout\./g, 'If this is a shallow clone, fetch the whole history: git fetch --unshallow --tags.'],
  [/set `fetch-depth: 0` on actions\/checkout/g, 'git fetch --unshallow --tags'],
  [/\(actions\/checkout with fetch-depth: 0\)/g, '(git fetch --tags)'],
  [/give the job `permissions: contents: write` and let actions\/checkout persist its credentials \(the default\), or pass a token that can write to the repository/g,
    'check that your git credentials can push to the remote, or pass a token that can write to the repository'],
  [/ \(the default `\$\{\{ github\.token \}\}` works\)/g, ' (or the GITHUB_TOKEN variable)'],
  [/ \(a secret; pass it with \$\{\{ secrets\.NAME \}\}\)/g, ' (a secret)'],
  [/ in an earlier step/g, ' first'],
  [/before this step/g, 'before this command'],
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `message` in the words of a subcommand whose flags are `flags`. */
export function cliWords(message: string, flags: readonly string[]): string {
  let text = message;
  for (const [pattern, replacement] of WORKFLOW_ADVICE) text = text.replace(pattern, replacement);
  if (flags.length === 0) return text;
  const known = new Set(flags);
  const names = [...known].sort((a, b) => b.length - a.length).map(escape).join('|');
  const quoted = `['\`]?(${names})['\`]?`;
  // Input required and not supplied: name (accepted: …).
  text = text.replace(new RegExp(`Input required and not supplied: (${names})\\b`, 'g'), 'Flag --$1 is required');
  // `name: true` / 'name: false' / name: true: the flag itself.
  text = text.replace(new RegExp(`['\`]?\\b(${names}): (true|false)\\b['\`]?`, 'g'), (_, name: string, value: string) => (value === 'true' ? `--${name}` : `--no-${name}`));
  // `name: value` in code: the flag with its value.
  text = text.replace(new RegExp(`\`(${names}): ([^\`]+)\``, 'g'), '--$1 $2');
  // Inputs 'a' and 'b' / Inputs a, b and c / Input 'a' / the input a.
  text = text.replace(new RegExp(`\\b([Ii])nputs ${quoted}((?:,? (?:and|or) |, )${quoted})+`, 'g'), (whole: string, i: string) => {
    const listed = whole.replace(new RegExp(`^${i}nputs `), '').replace(new RegExp(quoted, 'g'), '--$1');
    return `${i === 'I' ? 'F' : 'f'}lags ${listed}`;
  });
  text = text.replace(new RegExp(`\\bthe (?:input|inputs) ${quoted}(?![\\w-])`, 'g'), '--$1');
  text = text.replace(new RegExp(`\\b([Ii])nput ${quoted}(?![\\w-])`, 'g'), (_, i: string, name: string) => `${i === 'I' ? 'F' : 'f'}lag --${name}`);
  // 'name' or `name` quoted: the flag.
  text = text.replace(new RegExp(`['\`](${names})['\`]`, 'g'), '--$1');
  // A bare name with a dash (allowed-destroy), not part of a longer word, path or flag: the flag.
  const dashed = [...known].filter((n) => n.includes('-')).sort((a, b) => b.length - a.length).map(escape).join('|');
  if (dashed) text = text.replace(new RegExp(`(?<![\\w./$-])(${dashed})(?![\\w/-]|\\.\\w)`, 'g'), '--$1');
  // "set --flag" reads "pass --flag" on a command line.
  return text.replace(/\b([Ss])et (?=--[a-z])/g, (_, s: string) => (s === 'S' ? 'Pass ' : 'pass '));
}
