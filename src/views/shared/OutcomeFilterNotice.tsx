import { outcomeFieldsSet, type Filter } from '../../filters/filter';
import { useT } from '../../i18n';

/** Says which set filters a survival estimate leaves out, and why; nothing when none is set. */
export function OutcomeFilterNotice({
  filter,
  message = 'survival.notApplied',
}: {
  filter: Filter;
  message?: 'survival.notApplied' | 'survival.notAppliedColumns';
}) {
  const { t } = useT();
  const fields = outcomeFieldsSet(filter);
  if (fields.length === 0) return null;
  const names = fields.map((field) => t(`filter.outcome.${field as 'states' | 'scope' | 'status'}`)).join(', ');
  return (
    <p className="note notice" data-testid="outcome-filters-not-applied">
      {t(message, { filters: names })}
    </p>
  );
}
