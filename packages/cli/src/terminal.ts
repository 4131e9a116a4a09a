/**
 * Outside GitHub Actions nothing reads workflow commands, so the CLI shows them as a person would want:
 * `::warning file=x,line=3::msg` → `warning: x:3: msg`, groups as plain headings, debug lines only with
 * CONVEYOR_DEBUG=1, and `::add-mask::` (never issued there, see setRunnerMasking) dropped.
 */
export function renderWorkflowCommand(line: string, debug: boolean): string | undefined {
  const match = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
  if (!match) return line;
  const [, command, props = '', raw = ''] = match;
  const message = raw.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  switch (command) {
    case 'debug':
      return debug ? `debug: ${message}` : undefined;
    case 'group':
      return `▸ ${message}`;
    case 'endgroup':
    case 'add-mask':
    case 'save-state':
    case 'set-output':
      return undefined;
    case 'error':
    case 'warning':
    case 'notice': {
      const fields = Object.fromEntries(props.trim().split(',').filter(Boolean).map((kv) => {
        const i = kv.indexOf('=');
        return [kv.slice(0, i), kv.slice(i + 1).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%25/g, '%')];
      }));
      const where = fields.file ? `${fields.file}${fields.line ? `:${fields.line}` : ''}: ` : '';
      return `${command}: ${where}${message}`;
    }
    default:
      return line;
  }
}

/** Wraps a stream's `write` so each complete line passes through `renderWorkflowCommand`. */
export function humanizeWorkflowCommands(stream: NodeJS.WriteStream, debug: boolean): void {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array) => boolean;
  let pending = '';
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const shown = lines.map((l) => renderWorkflowCommand(l, debug)).filter((l): l is string => l !== undefined);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    const ok = shown.length > 0 ? write(`${shown.join('\n')}\n`) : true;
    callback?.();
    return ok;
  }) as typeof stream.write;
  process.once('beforeExit', () => {
    if (pending) write(pending);
  });
}
