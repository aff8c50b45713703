import { outcomeFieldsSet, type Filter } from '../../filters/filter';
import { useT } from '../../i18n';

const TEST_IDS = {
  'survival.notApplied': 'outcome-filters-not-applied',
  'survival.notAppliedColumns': 'km-filters-not-applied',
  'summary.notApplied': 'summary-filters-not-applied',
} as const;

/** Says which set filters a survival estimate or the monthly summary leaves out, and why; nothing when none is set. */
export function OutcomeFilterNotice({ filter, message = 'survival.notApplied' }: { filter: Filter; message?: keyof typeof TEST_IDS }) {
  const { t } = useT();
  const fields = outcomeFieldsSet(filter);
  if (fields.length === 0) return null;
  const names = fields.map((field) => t(`filter.outcome.${field as 'states' | 'scope' | 'status'}`)).join(', ');
  return (
    <p className="note notice" data-testid={TEST_IDS[message]}>
      {t(message, { filters: names })}
    </p>
  );
}
