import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '../../data/use-query';
import { toCsv } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import type { Filter } from '../../filters/filter';
import { updateFilter } from '../../filters/location-store';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { useT, type Translator } from '../../i18n';
import { pendingCasesQuery, type PendingCase } from '../../queries/planner';
import type { Team } from '../../stats/planner';
import { stateName } from '../corridors/names';
import { TeamMap } from './TeamMap';
import type { Planner } from './use-planner';

/** A pending case goes in a team's packet from this probability of being in the team's area. */
export const PACKET_MIN_PROBABILITY = 0.01;

const districtName = (id: string, f: Translator) => (DISTRICT_BY_ID.has(id) ? f.name(DISTRICT_BY_ID.get(id)!) : id);

interface PacketRow {
  c: PendingCase;
  probability: number;
}

function packetRows(cases: readonly PendingCase[], team: Team, planner: Planner): PacketRow[] {
  const inArea = planner.within(team.area);
  return cases
    .map((c) => ({ c, probability: inArea(c) }))
    .filter((r) => r.probability >= PACKET_MIN_PROBABILITY)
    .sort((a, b) => b.probability - a.probability || a.c.caseId.localeCompare(b.c.caseId));
}

function packetTable(rows: readonly PacketRow[], f: Translator): { header: string[]; cells: (string | number)[][] } {
  const k = (key: 'caseId' | 'district' | 'station' | 'missingDate' | 'days' | 'band' | 'sex' | 'probability') =>
    f.t(`planner.packetColumns.${key}`);
  return {
    header: [k('caseId'), k('district'), k('station'), k('missingDate'), k('days'), k('band'), k('sex'), k('probability')],
    cells: rows.map(({ c, probability }) => [
      c.caseId,
      districtName(c.district, f),
      c.station ?? '',
      c.missingDate,
      c.daysMissing,
      c.band,
      f.t(`sex.${c.sex as 'F' | 'M' | 'T' | 'U'}`),
      f.percent(probability),
    ]),
  };
}

/** Loads the pending cases once asked, then downloads a team's packet or shows it for printing. */
function TeamPacket({
  team,
  index,
  planner,
  filter,
  radius,
  mode,
  onDone,
}: {
  team: Team;
  index: number;
  planner: Planner;
  filter: Filter;
  radius: number;
  mode: 'csv' | 'print';
  onDone: () => void;
}) {
  const f = useT();
  const cases = useQuery(pendingCasesQuery, filter);
  const rows = useMemo(() => (cases.data ? packetRows(cases.data, team, planner) : undefined), [cases.data, team, planner]);
  const title = f.t('planner.packetTitle', { n: index + 1, base: team.base.name, state: stateName(team.base.state, f), radius });
  const delivered = useRef(false);
  useEffect(() => {
    if (!rows || delivered.current) return;
    delivered.current = true;
    if (mode === 'csv') {
      const { header, cells } = packetTable(rows, f);
      downloadCsv(`muskaan-team-${index + 1}-${team.base.name.replace(/[^A-Za-z0-9]+/g, '-')}.csv`, toCsv(header, cells));
      onDone();
    } else {
      window.print();
    }
  }, [rows, mode, f, index, team, onDone]);
  if (mode === 'csv' || !rows) return null;
  const { header, cells } = packetTable(rows, f);
  return (
    <section className="team-print" data-testid="team-print">
      <h2>{title}</h2>
      <p>{f.t('planner.packetNote')}</p>
      <table className="survival-table">
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="action no-print" onClick={onDone}>
        {f.t('corridors.close')}
      </button>
    </section>
  );
}

/** A team on the map filters every view to the state of its base. */
const filterToBaseState = (team: Team) => updateFilter({ states: [team.base.state] });

export function TeamPlan({ planner, filter, radius }: { planner: Planner; filter: Filter; radius: number }) {
  const f = useT();
  const { t, number } = f;
  const [packet, setPacket] = useState<{ index: number; mode: 'csv' | 'print' }>();
  return (
    <>
      <p className="note">{t('planner.teamsNote')}</p>
      <table className="survival-table" data-testid="team-table">
        <thead>
          <tr>
            <th>{t('planner.team')}</th>
            <th>{t('planner.base')}</th>
            <th className="num">{t('planner.covered')}</th>
            <th className="num">{t('planner.interval')}</th>
            <th>{t('planner.origins')}</th>
            <th className="num">{t('planner.km')}</th>
            <th>{t('planner.packets')}</th>
          </tr>
        </thead>
        <tbody>
          {planner.teams.map((team, i) => (
            <tr key={team.base.id} data-base={team.base.id}>
              <td>{number(i + 1)}</td>
              <td>
                <button type="button" className="link" onClick={() => filterToBaseState(team)}>
                  {team.base.name}, {stateName(team.base.state, f)}
                </button>
              </td>
              <td className="num">{f.decimal(team.expected, 1)}</td>
              <td className="num">
                {number(team.lower)}–{number(team.upper)}
              </td>
              <td>
                {team.origins
                  .slice(0, 3)
                  .map((o) => districtName(o.district, f))
                  .join(', ')}
              </td>
              <td className="num">{number(team.km)}</td>
              <td className="actions">
                <button
                  type="button"
                  className="action"
                  data-testid={`packet-${i + 1}`}
                  onClick={() => setPacket({ index: i, mode: 'csv' })}
                >
                  {t('planner.packet')}
                </button>
                <button type="button" className="action" onClick={() => setPacket({ index: i, mode: 'print' })}>
                  {t('planner.print')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('planner.packetNote')}</p>
      <TeamMap teams={planner.teams} radiusKm={radius} onPick={filterToBaseState} />
      {packet && planner.teams[packet.index] && (
        <TeamPacket
          key={`${packet.index}-${packet.mode}`}
          team={planner.teams[packet.index]}
          index={packet.index}
          planner={planner}
          filter={filter}
          radius={radius}
          mode={packet.mode}
          onDone={() => setPacket(undefined)}
        />
      )}
    </>
  );
}
