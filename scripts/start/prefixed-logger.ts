const colours = { start: 35, db: 34, migrate: 34, build: 33, web: 36, worker: 32 } as const;

/** A line logger that tags each line with the process it came from, coloured on a terminal. */
export function prefixedLogger(name: string): (text: string) => void {
  const code = colours[name as keyof typeof colours] ?? 37;
  const tag = process.stdout.isTTY ? `\x1b[${code}m[${name}]\x1b[0m` : `[${name}]`;
  return (text) => {
    for (const line of text.split(/\r?\n/)) {
      if (line.trim()) process.stdout.write(`${tag} ${line}\n`);
    }
  };
}
