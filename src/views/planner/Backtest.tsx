import { memo } from 'react';
import { useT } from '../../i18n';
import { destinationLabel } from './names';
import type { Planner } from './use-planner';

/**
 * The model fitted at a cut-off, scored on the children pending then and found since, beside the naive baseline.
 * Memoized: not redrawn while a filter change is fetched.
 */
export const Backtest = memo(function Backtest({ planner, teams, radius }: { planner: Planner; teams: number; radius: number }) {
  const f = useT();
  const { t, number, percent, date } = f;
  const b = planner.backtest;
  if (!b)
    return (
      <p className="empty" data-testid="backtest-none">
        {t('planner.noBacktest', { cutoff: planner.selectionCutoffs[0] ? date(planner.selectionCutoffs[0]) : '' })}
      </p>
    );
  const share = (x: number) => (Number.isFinite(x) ? percent(x) : '–');
  const rows: [label: string, model: string, baseline: string][] = [
    [t('planner.logLoss'), f.decimal(b.model.logLoss, 3), f.decimal(b.baseline.logLoss, 3)],
    [t('planner.top1'), share(b.model.top1), share(b.baseline.top1)],
    [t('planner.top3'), share(b.model.top3), share(b.baseline.top3)],
    [t('planner.coverage', { radius: number(radius), k: number(teams) }), share(b.teamCoverage), share(b.baselineCoverage)],
  ];
  return (
    <>
      <p className="headline" data-testid="backtest-line">
        {t('planner.backtestLine', {
          n: number(b.scored),
          cutoff: date(b.cutoff),
          model: share(b.model.top3),
          baseline: share(b.baseline.top3),
        })}
      </p>
      <table className="survival-table" data-testid="backtest-table">
        <thead>
          <tr>
            <th>{t('planner.measure')}</th>
            <th className="num">{t('planner.model')}</th>
            <th className="num">{t('planner.baseline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, model, baseline]) => (
            <tr key={label}>
              <td>{label}</td>
              <td className="num">{model}</td>
              <td className="num">{baseline}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('planner.baselineNote', { k: number(teams) })}</p>
      <h3>{t('planner.calibrationHeading')}</h3>
      <table className="survival-table" data-testid="calibration-table">
        <thead>
          <tr>
            <th>{t('planner.destination')}</th>
            <th className="num">{t('planner.model')}</th>
            <th className="num">{t('planner.baseline')}</th>
            <th className="num">{t('planner.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {b.calibration
            .filter((c) => c.actual > 0 || c.expected >= 0.5)
            .map((c) => (
              <tr key={c.destination}>
                <td>{destinationLabel(c.destination, f)}</td>
                <td className="num">{f.decimal(c.expected, 1)}</td>
                <td className="num">{f.decimal(c.baseline, 1)}</td>
                <td className="num">{number(c.actual)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
});
