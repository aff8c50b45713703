import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/data/manifest';

const demo = JSON.parse(readFileSync('data/snapshots/demo/manifest.json', 'utf8'));
const engineFile = { file: 'cases.duckdb', sha256: '0'.repeat(64), bytes: 1 };

describe('a snapshot manifest', () => {
  it('is read with or without an engine file', () => {
    expect(checkManifest(demo).name).toBe('demo');
    expect(checkManifest({ ...demo, engineFile }).engineFile).toEqual(engineFile);
  });

  it('names what it lacks', () => {
    const { asOf: _, ...noAsOf } = demo;
    expect(() => checkManifest(noAsOf)).toThrow('manifest.json has no "asOf"');
  });

  it('never points the engine file outside the snapshot folder', () => {
    for (const file of ['../index.json', '/etc/passwd', '..', 'a/b.duckdb', 'https://example.org/x', '', undefined]) {
      expect(() => checkManifest({ ...demo, engineFile: { ...engineFile, file } })).toThrow('not a plain file name');
    }
  });

  it("lists an engine file's cubes by their names only", () => {
    expect(checkManifest({ ...demo, engineFile: { ...engineFile, cubes: ['cube_0046166c0644530a'] } }).engineFile?.cubes).toHaveLength(1);
    for (const cubes of ['cube_0046166c0644530a', ['cases'], [1], [null]]) {
      expect(() => checkManifest({ ...demo, engineFile: { ...engineFile, cubes } })).toThrow('not cube names');
    }
  });
});
