import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run('npx', ['tsx', 'src/cli/snapshot.ts', ...args], { encoding: 'utf8' }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('npm run snapshot', () => {
  it('writes cases.parquet, its engine file, manifest.json and rejects.csv, and prints the summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'snap-'));
    const { code, stdout } = await cli([
      'tests/fixtures/import/every-reject.csv',
      '--name',
      'rejects',
      '--as-of',
      '2025-11-30',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('input rows 17, accepted 2, rejected 15');
    expect(stdout).toContain('rejected, impossible-date: 2');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'rejects',
      asOf: '2025-11-30',
      synthetic: false,
      rows: { input: 17, accepted: 2, rejected: 15 },
    });
    expect(manifest.sources[0]).toMatchObject({
      file: 'every-reject.csv',
      bytes: readFileSync('tests/fixtures/import/every-reject.csv').byteLength,
    });
    expect(manifest.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(out, 'rejects.csv'), 'utf8').trim().split('\r\n')).toHaveLength(16);
    expect(existsSync(join(out, 'cases.parquet'))).toBe(true);
    expect(manifest.engineFile).toMatchObject({ file: 'cases.duckdb', bytes: readFileSync(join(out, 'cases.duckdb')).byteLength });
    expect(manifest.engineFile.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists unlocated places with suggestions', async () => {
    const out = mkdtempSync(join(tmpdir(), 'snap-'));
    const { stdout } = await cli(['data/examples/cases-example.csv', '--as-of', '2025-11-30', '--out', out]);
    expect(stdout).toContain('unlocated "Gorakhpurr" (IN-UP): 1 row(s); suggestions: Gorakhpur (Gorakhpur, IN-UP)');
    expect(stdout).toContain('matched through transliteration: गोरखपुर → Gorakhpur');
  });

  it('exits non-zero with a one-line reason when the file cannot be read', async () => {
    const { code, stderr } = await cli(['tests/fixtures/import/truncated.parquet', '--out', mkdtempSync(join(tmpdir(), 'snap-'))]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/truncated or damaged/);
  });
});
