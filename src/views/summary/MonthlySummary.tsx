import { useMemo } from 'react';
import { useQuery } from '../../data/use-query';
import { useSession } from '../../data/session';
import { monthBounds } from '../../filters/dates';
import { useLocation } from '../../filters/location-store';
import { useT, type Translator } from '../../i18n';
import { SECONDARY, SUPPRESSED } from '../../i18n/format';
import {
  summaryDistrictsQuery,
  summaryFiguresQuery,
  summaryInterstateQuery,
  summaryMonth,
  summaryPeriods,
  type SummaryFigures,
} from '../../queries/summary';
import { isSmallCount } from '../../stats/suppression';
import { stateName } from '../corridors/names';
import { OutcomeFilterNotice } from '../shared/OutcomeFilterNotice';
import { byDistance, interstateRoutes, pressNoteSuppression } from './press-note';

const FIGURES = ['reported', 'recovered', 'interstate', 'within24h', 'within48h'] as const;
const DISTRICT_COLUMNS = FIGURES;
const LONGEST = 10;

/** A count as printed: "<5" when small, "×" when hidden beside a small one, the number otherwise. */
function cellText(n: number, hidden: boolean, f: Translator): string {
  if (!hidden) return f.count(n);
  return isSmallCount(n) ? SUPPRESSED : SECONDARY;
}

/**
 * The facts the monthly press note is written from, for one month: the month against the month before and
 * the same month last year, by district, the interstate recoveries and the longest distances. The public
 * version has aggregates only, small counts suppressed; the internal one lists case lines for police use.
 * `compact` (a slide) keeps the comparison and the largest interstate routes.
 */
export function MonthlySummary({ compact = false }: { compact?: boolean }) {
  const { filter, settings } = useLocation();
  const session = useSession();
  const f = useT();
  const { t, name, count } = f;
  const context = session.status === 'ready' ? session.context : undefined;
  const month = context ? summaryMonth(settings.month, context) : '1970-01';
  const internal = settings.edition === 'internal' && !f.suppressing;
  const figures = useQuery(summaryFiguresQuery(month), filter);
  const districts = useQuery(summaryDistrictsQuery(month), filter);
  const interstate = useQuery(summaryInterstateQuery(month), filter);
  const districtRows = useMemo(() => districts.data ?? [], [districts.data]);
  const { routes, districtCells, districtTotals } = useMemo(
    () =>
      pressNoteSuppression(
        interstateRoutes(interstate.data ?? []),
        districtRows.map((d) => ({ id: d.id, counts: DISTRICT_COLUMNS.map((c) => d[c]) })),
        DISTRICT_COLUMNS.indexOf('interstate'),
      ),
    [interstate.data, districtRows],
  );
  const periods = summaryPeriods(month);
  const byPeriod = new Map((figures.data ?? []).map((r) => [r.period, r]));
  // A month before the snapshot's first month has no figures, not zeros.
  const covered = (period: SummaryFigures['period']) => !context || periods[period][0] >= monthBounds(context.firstMissing)[0];
  const error = [figures, districts, interstate].find((r) => r.status === 'error');
  const hide = f.suppressing;
  const place = (p: { place: string | null; state: string }) => `${p.place ?? t('summary.placeUnknown')}, ${stateName(p.state, f)}`;
  const totals = DISTRICT_COLUMNS.map((c) => districtRows.reduce((sum, d) => sum + d[c], 0));

  return (
    <div className="monthly-summary" data-testid="monthly-summary" data-month={month}>
      <div className="section-head">
        <h2>{t('summary.heading', { month: f.month(month) })}</h2>
        <span className="edition" data-testid="summary-edition">
          {t(internal ? 'summary.internalBadge' : 'summary.publicBadge')}
        </span>
      </div>
      {error?.status === 'error' && <p className="error">{t('status.queryError', { message: error.error })}</p>}
      <table className="survival-table summary-figures" data-testid="summary-figures">
        <thead>
          <tr>
            <td />
            <th className="num">{f.month(month)}</th>
            <th className="num">{f.month(periods.previous[0])}</th>
            <th className="num">{f.month(periods.lastYear[0])}</th>
          </tr>
        </thead>
        <tbody>
          {FIGURES.map((key) => (
            <tr key={key}>
              <th scope="row">{t(`summary.figures.${key}`)}</th>
              {(['current', 'previous', 'lastYear'] as const).map((period) => {
                const row = byPeriod.get(period);
                return (
                  <td key={period} className="num" data-testid={`summary-${key}-${period}`}>
                    {row && covered(period) ? count(row[key]) : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('summary.within48hShare')}</th>
            {(['current', 'previous', 'lastYear'] as const).map((period) => {
              const row = byPeriod.get(period);
              return (
                <td key={period} className="num" data-testid={`summary-share-${period}`}>
                  {row && covered(period) ? f.share(row.within48h, row.recovered) : '–'}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      <p className="note">{t('summary.definitions')}</p>
      <OutcomeFilterNotice filter={filter} message="summary.notApplied" />
      {hide && (
        <p className="note suppression-note" data-testid="suppression-note">
          {t('summary.suppressionNote', { secondary: SECONDARY })}
        </p>
      )}

      <h3>{t('summary.interstateHeading', { n: count(interstate.data?.length ?? 0) })}</h3>
      {internal ? (
        <table className="survival-table" data-testid="summary-cases">
          <thead>
            <tr>
              {(['caseId', 'district', 'station', 'ageBand', 'sex', 'destination', 'km', 'days'] as const).map((c) => (
                <th key={c} className={c === 'km' || c === 'days' ? 'num' : undefined}>
                  {t(`summary.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(interstate.data ?? []).slice(0, compact ? 8 : undefined).map((c) => (
              <tr key={c.caseId}>
                <td>{c.caseId}</td>
                <td>{name({ name: c.originName, nameHi: c.originNameHi })}</td>
                <td>{c.station ?? '–'}</td>
                <td>{c.ageBand ?? '–'}</td>
                <td>{t(`sex.${c.sex as 'F' | 'M' | 'T' | 'U'}`)}</td>
                <td>{place(c)}</td>
                <td className="num">{c.km === null ? '–' : f.number(c.km)}</td>
                <td className="num">{f.number(c.days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="survival-table" data-testid="summary-routes">
          <thead>
            <tr>
              <th>{t('summary.columns.district')}</th>
              <th>{t('summary.columns.destination')}</th>
              <th className="num">{t('summary.columns.children')}</th>
              <th className="num">{t('summary.columns.km')}</th>
              <th className="num">{t('summary.columns.medianDays')}</th>
            </tr>
          </thead>
          <tbody>
            {(compact ? [...routes].sort((a, b) => b.children - a.children).slice(0, 8) : routes).map((r) => (
              <tr key={`${r.origin}-${r.state}-${r.place}`}>
                <td>{name({ name: r.originName, nameHi: r.originNameHi })}</td>
                <td>{place(r)}</td>
                <td className="num">{hide ? cellText(r.children, r.hidden, f) : count(r.children)}</td>
                <td className="num">{r.km === null ? '–' : f.number(r.km)}</td>
                {/* A median over fewer than five children is close to a case line: hidden with the count. */}
                <td className="num">{hide && r.hidden ? '–' : f.decimal(r.medianDays, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {!compact && (
        <>
          <h3>{t('summary.longestHeading')}</h3>
          <table className="survival-table" data-testid="summary-longest">
            <thead>
              <tr>
                <th>{t('summary.columns.district')}</th>
                <th>{t('summary.columns.destination')}</th>
                <th className="num">{t('summary.columns.km')}</th>
                <th className="num">{t(internal ? 'summary.columns.days' : 'summary.columns.children')}</th>
              </tr>
            </thead>
            <tbody>
              {internal
                ? byDistance(interstate.data ?? [], LONGEST).map((c) => (
                    <tr key={c.caseId}>
                      <td>{name({ name: c.originName, nameHi: c.originNameHi })}</td>
                      <td>{place(c)}</td>
                      <td className="num">{f.number(c.km!)}</td>
                      <td className="num">{f.number(c.days)}</td>
                    </tr>
                  ))
                : byDistance(routes, LONGEST).map((r) => (
                    <tr key={`${r.origin}-${r.state}-${r.place}`}>
                      <td>{name({ name: r.originName, nameHi: r.originNameHi })}</td>
                      <td>{place(r)}</td>
                      <td className="num">{f.number(r.km!)}</td>
                      <td className="num">{hide ? cellText(r.children, r.hidden, f) : count(r.children)}</td>
                    </tr>
                  ))}
            </tbody>
          </table>

          <h3>{t('summary.districtsHeading')}</h3>
          <table className="survival-table" data-testid="summary-districts">
            <thead>
              <tr>
                <th>{t('summary.columns.district')}</th>
                {DISTRICT_COLUMNS.map((c) => (
                  <th key={c} className="num">
                    {t(`summary.figures.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {districtRows.map((d, i) => (
                <tr key={d.id}>
                  <td>{name(d)}</td>
                  {DISTRICT_COLUMNS.map((c, j) => (
                    <td key={c} className="num">
                      {hide ? cellText(d[c], districtCells[i][j], f) : count(d[c])}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="total">
                <th scope="row">{t('summary.allDistricts')}</th>
                {totals.map((n, j) => (
                  <td key={DISTRICT_COLUMNS[j]} className="num">
                    {hide ? cellText(n, districtTotals[j], f) : count(n)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
