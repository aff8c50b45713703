import { AGE_BANDS, EMPTY_FILTER, SEXES, toggle, type Scope, type Status } from '../../filters/filter';
import { navigate, updateFilter, updateSettings, useLocation } from '../../filters/location-store';
import { DISTRICT_BY_ID } from '../../geo/mp-districts';
import { STATE_BY_CODE } from '../../geo/states';
import { useT } from '../../i18n';
import { DateField } from '../shared/DateField';

/** The global filters; every change goes to the URL and from there to every view. */
export function FilterBar() {
  const { filter, settings } = useLocation();
  const { t, name } = useT();
  const chips = [
    ...filter.districts.map((id) => ({
      key: `d-${id}`,
      label: DISTRICT_BY_ID.get(id) ? name(DISTRICT_BY_ID.get(id)!) : id,
      remove: () => updateFilter({ districts: filter.districts.filter((d) => d !== id) }),
    })),
    ...filter.states.map((code) => ({
      key: `s-${code}`,
      label: STATE_BY_CODE.get(code) ? name(STATE_BY_CODE.get(code)!) : code,
      remove: () => updateFilter({ states: filter.states.filter((s) => s !== code) }),
    })),
  ];
  return (
    <section className="filter-bar" aria-label="filters">
      <label className="field">
        <span>{t('filter.from')}</span>
        <DateField value={filter.from} testId="filter-from" onChange={(from) => updateFilter({ from })} />
      </label>
      <label className="field">
        <span>{t('filter.to')}</span>
        <DateField value={filter.to} testId="filter-to" onChange={(to) => updateFilter({ to })} />
      </label>
      <fieldset className="field toggles">
        <legend>{t('filter.sex')}</legend>
        {SEXES.map((sex) => (
          <button
            key={sex}
            type="button"
            aria-pressed={filter.sex.includes(sex)}
            data-testid={`filter-sex-${sex}`}
            onClick={() => updateFilter({ sex: toggle(filter.sex, sex) })}
          >
            {t(`sex.${sex}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="field toggles">
        <legend>{t('filter.age')}</legend>
        {AGE_BANDS.map((band) => (
          <button
            key={band}
            type="button"
            aria-pressed={filter.ageBands.includes(band)}
            onClick={() => updateFilter({ ageBands: toggle(filter.ageBands, band) })}
          >
            {band}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('filter.scope')}</span>
        <select
          value={filter.scope ?? ''}
          data-testid="filter-scope"
          onChange={(e) => updateFilter({ scope: (e.target.value || undefined) as Scope | undefined })}
        >
          <option value="">{t('filter.any')}</option>
          <option value="within">{t('filter.within')}</option>
          <option value="interstate">{t('filter.interstate')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('filter.status')}</span>
        <select
          value={filter.status ?? ''}
          data-testid="filter-status"
          onChange={(e) => updateFilter({ status: (e.target.value || undefined) as Status | undefined })}
        >
          <option value="">{t('filter.any')}</option>
          <option value="recovered">{t('filter.recovered')}</option>
          <option value="missing">{t('filter.missing')}</option>
        </select>
      </label>
      {chips.length > 0 && (
        <div className="chips">
          {chips.map((chip) => (
            <button
              key={chip.key}
              type="button"
              className="chip"
              onClick={chip.remove}
              aria-label={t('filter.remove', { name: chip.label })}
            >
              {chip.label} ×
            </button>
          ))}
        </div>
      )}
      <label className="field inline">
        <input
          type="checkbox"
          checked={settings.suppress}
          data-testid="filter-suppress"
          onChange={(e) => updateSettings({ suppress: e.target.checked })}
        />
        <span>{t('filter.suppress')}</span>
      </label>
      <button type="button" className="reset" data-testid="filter-reset" onClick={() => navigate({ filter: EMPTY_FILTER })}>
        {t('filter.reset')}
      </button>
    </section>
  );
}
