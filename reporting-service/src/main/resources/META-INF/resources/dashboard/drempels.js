// "Drempels": a coordinator's thresholds on the indicator figures of their Veilig Thuis region (issue 28), over the
// scoring-service's /api/indicator-thresholds, called from the browser with the caller's token (CORS there; the
// dashboard's CSP allows that origin). A figure of the region, or of one of its municipalities, with exactly the
// threshold's breakdown that crosses it raises an alert ("Meldingen"). Coordinators see and manage their region's;
// admins every region's; analysts read. The indicators to choose from are the definitions the reporting-service
// serves (GET /api/indicators): those recorded per region or per municipality.
//   #/drempels?region=Groningen
// Built with /shared/dom.js el(): no text a user typed is ever parsed as markup.

import { createApi, placeErrors, showErrors, clearErrors } from '/shared/api.js';
import { amount, dateTime } from '/shared/format.js';
import { el } from '/shared/dom.js';

const SIDES = { ABOVE: 'boven', BELOW: 'onder' };
const FIELDS = ['region', 'indicator', 'breakdown', 'value', 'alertWhen', 'margin', 'description'];
/** Dutch texts for the scoring-service's error codes (problem documents' errors[].code). */
const ERROR_TEXTS = {
  required: 'Vul dit veld in.',
  'unknown-region': 'Onbekende regio.',
  'unknown-indicator': 'Onbekende indicator.',
  'national-only': 'Deze indicator kent alleen landelijke cijfers; een regio heeft er geen om te bewaken.',
  'unknown-dimension': 'Deze indicator kent deze uitsplitsing niet.',
  'unknown-value': 'Kies een waarde van deze uitsplitsing.',
  'out-of-range': error => error.field === 'margin' ? 'De marge mag niet negatief zijn.'
    : 'Deze waarde kan niet voor deze indicator: niet negatief, een percentage hoogstens 100, een aantal een heel getal.',
  invalid: 'Kies boven of onder.',
  'too-long': 'Deze tekst is te lang (hoogstens 500 tekens).'
};

let scoring = null;
let definitions = null;

/** Indicators a region can watch: recorded per region or per municipality. */
export function watchable(indicator) {
  return (indicator.levels || []).some(level => level === 'REGION' || level === 'MUNICIPALITY');
}

/** "Soort mishandeling: seksueel misbruik" for a breakdown {dimension: value}; "totaal" for none. */
export function breakdownLabel(breakdown, dimensions) {
  const parts = Object.entries(breakdown || {}).map(([dimensionId, valueId]) => {
    const dimension = dimensions.find(d => d.id === dimensionId);
    const value = dimension ? dimension.values.find(v => v.id === valueId) : null;
    return `${dimension ? dimension.title : dimensionId}: ${value ? value.label : valueId}`;
  });
  return parts.length ? parts.join(', ') : 'totaal';
}

/** A Dutch decimal as typed ("12,5", "12.5", " 7 ") as a number; null for empty, NaN when it is none. */
export function parseDecimal(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : NaN;
}

function say(text) {
  document.getElementById('threshold-status').textContent = text;
}

/**
 * Renders the page into {@code view}.
 *
 * @param context { params, reporting, claims, token, scoringUrl } — reporting(path) answers the reporting-service's
 *                JSON with the caller's token, claims() the signed-in caller's claims, token() the access token
 */
export async function drempelsView(view, { params, reporting, claims, token, scoringUrl }) {
  scoring = createApi({ baseUrl: scoringUrl, token });
  const mine = claims();
  const roles = mine.groups || [];
  const everything = roles.includes('admin') || roles.includes('analyst');
  const manages = roles.includes('admin') || roles.includes('coordinator');
  const region = everything ? (params.get('region') || '') : (mine.region || '');
  const [indicatorSet, regions] = await Promise.all([reporting('/api/indicators'), reporting('/api/regions')]);
  definitions = indicatorSet;
  const thresholds = await list(region);

  const regionChoices = everything ? regions : [mine.region].filter(Boolean);
  view.replaceChildren(...[
    el('h2', { text: 'Drempels op indicatoren' }),
    el('p', { class: 'muted', text: 'Een cijfer van de regio of van een van haar gemeenten met precies deze uitsplitsing'
      + ' dat over een drempel gaat, geeft een melding (zie Meldingen). Een nieuwe drempel bewaakt de cijfers die daarna'
      + ' worden vastgelegd.' }),
    everything ? el('div', { class: 'panel controls' },
      el('label', { for: 'threshold-region-filter' }, 'Regio',
        el('select', { id: 'threshold-region-filter' },
          el('option', { value: '', selected: region === '', text: 'Alle regio\'s' }),
          regions.map(r => el('option', { value: r, selected: r === region, text: r })))),
      el('button', { id: 'threshold-show', type: 'button', text: 'Toon',
        onclick: () => {
          const chosen = document.getElementById('threshold-region-filter').value;
          location.hash = '#/drempels' + (chosen ? '?region=' + encodeURIComponent(chosen) : '');
        } })) : null,
    el('div', { class: 'panel' },
      el('table', { id: 'thresholds' },
        el('caption', { text: region ? `Drempels van regio ${region}` : 'Drempels van alle regio\'s' }),
        el('thead', {}, el('tr', {},
          ['Regio', 'Indicator', 'Uitsplitsing', 'Melden bij', 'Marge', 'Omschrijving', 'Vastgelegd']
            .map(text => el('th', { scope: 'col', text })),
          manages ? el('th', { scope: 'col', text: 'Actie' }) : null)),
        el('tbody')),
      el('p', { id: 'thresholds-empty', class: 'muted', hidden: true, text: 'Nog geen drempels.' }),
      el('p', { id: 'threshold-status', role: 'status' })),
    manages ? form(regionChoices, region || mine.region || regionChoices[0] || '') : null].filter(Boolean));
  renderList(thresholds, manages);
}

async function list(region) {
  return scoring.get('/api/indicator-thresholds' + (region ? '?region=' + encodeURIComponent(region) : ''));
}

async function reload() {
  const filter = document.getElementById('threshold-region-filter');
  const region = filter ? filter.value : '';
  renderList(await list(region), true);
}

function indicatorOf(id) {
  return definitions.indicators.find(i => i.id === id);
}

function renderList(thresholds, manages) {
  const body = document.querySelector('#thresholds tbody');
  body.replaceChildren(...thresholds.map(t => {
    const indicator = indicatorOf(t.indicator);
    const unit = indicator ? indicator.unit : null;
    const label = `${t.indicatorTitle} (${breakdownLabel(t.breakdown, definitions.dimensions)}), ${SIDES[t.alertWhen]} ${amount(t.value, unit)}`;
    return el('tr', { 'data-threshold': t.id },
      el('td', { text: t.region }),
      el('td', { text: t.indicatorTitle }),
      el('td', { text: breakdownLabel(t.breakdown, definitions.dimensions) }),
      el('td', { class: 'side', text: `${SIDES[t.alertWhen] || t.alertWhen} ${amount(t.value, unit)}` }),
      el('td', { class: 'num', text: Number(t.margin) ? amount(t.margin, unit) : '–' }),
      el('td', { text: t.description || '' }),
      // createdBy is the account's subject (an id), not a name: shown on hover only
      el('td', { class: 'created', title: `door ${t.createdBy}`, text: dateTime(t.createdAt) }),
      manages ? el('td', { class: 'actions' },
        el('button', { type: 'button', 'data-action': 'delete', 'aria-label': `Verwijderen: ${label}`, text: 'Verwijderen',
          onclick: event => confirmDelete(event.target.closest('tr'), true) }),
        el('span', { 'data-confirm': '', hidden: true }, 'Zeker weten? ',
          el('button', { type: 'button', 'data-action': 'confirm-delete', text: 'Ja, verwijderen',
            onclick: event => remove(event.target.closest('tr')) }),
          el('button', { type: 'button', 'data-action': 'cancel-delete', text: 'Annuleren',
            onclick: event => confirmDelete(event.target.closest('tr'), false) }))) : null);
  }));
  document.getElementById('thresholds-empty').hidden = thresholds.length > 0;
}

function confirmDelete(row, asking) {
  row.querySelector('[data-confirm]').hidden = !asking;
  row.querySelector('[data-action="delete"]').hidden = asking;
  row.querySelector(asking ? '[data-action="confirm-delete"]' : '[data-action="delete"]').focus();
}

async function remove(row) {
  try {
    await scoring.delete(`/api/indicator-thresholds/${encodeURIComponent(row.dataset.threshold)}`);
    await reload();
    say('Drempel verwijderd.');
    document.getElementById('threshold-indicator').focus();
  } catch (e) {
    say(placeErrors(e.problem || { status: e.status }, []).unplaced.join(' '));
  }
}

/** The form's field: a label, the control (data-field = the API's path) and its error line. */
function field(id, path, label, control) {
  control.id = id;
  control.dataset.field = path;
  return el('div', { class: 'form-row' }, el('label', { for: id, text: label }), control,
    el('span', { id: id + '-error', class: 'field-error', hidden: true }));
}

function breakdownOptions(indicator) {
  const options = [el('option', { value: '', text: 'Totaal (geen uitsplitsing)' })];
  for (const dimensionId of (indicator && indicator.breakdowns) || []) {
    const dimension = definitions.dimensions.find(d => d.id === dimensionId);
    for (const value of dimension ? dimension.values : []) {
      options.push(el('option', { value: `${dimensionId}:${value.id}`, text: `${dimension.title}: ${value.label}` }));
    }
  }
  return options;
}

function form(regionChoices, defaultRegion) {
  const indicators = definitions.indicators.filter(watchable);
  const indicatorSelect = el('select', {},
    definitions.themes.map(theme => el('optgroup', { label: `${theme.number} ${theme.title}` },
      indicators.filter(i => i.theme === theme.number).map(i => el('option', { value: i.id, text: i.title })))));
  const breakdownSelect = el('select', {});
  const unitNote = el('span', { id: 'threshold-unit', class: 'muted' });
  const showIndicator = () => {
    const indicator = indicatorOf(indicatorSelect.value);
    breakdownSelect.replaceChildren(...breakdownOptions(indicator));
    unitNote.textContent = indicator ? { PERCENTAGE: 'in procenten', DAYS: 'in dagen', COUNT: 'een aantal' }[indicator.unit]
      || '' : '';
  };
  indicatorSelect.onchange = showIndicator;
  const summary = el('p', { id: 'threshold-summary', class: 'field-error', role: 'alert', hidden: true });
  const created = el('form', { id: 'threshold-form', class: 'panel', novalidate: true },
    el('h3', { text: 'Nieuwe drempel' }),
    summary,
    field('threshold-region', 'region', 'Regio',
      el('select', {}, regionChoices.map(r => el('option', { value: r, selected: r === defaultRegion, text: r })))),
    field('threshold-indicator', 'indicator', 'Indicator', indicatorSelect),
    field('threshold-breakdown', 'breakdown', 'Uitsplitsing', breakdownSelect),
    field('threshold-alert-when', 'alertWhen', 'Melden als het cijfer',
      el('select', {}, el('option', { value: 'ABOVE', text: 'boven de drempel komt' }),
        el('option', { value: 'BELOW', text: 'onder de drempel komt' }))),
    el('div', { class: 'form-row' },
      el('label', { for: 'threshold-value', text: 'Drempel' }),
      el('input', { id: 'threshold-value', 'data-field': 'value', inputmode: 'decimal', size: 8,
        'aria-describedby': 'threshold-unit' }),
      unitNote,
      el('span', { id: 'threshold-value-error', class: 'field-error', hidden: true })),
    field('threshold-margin', 'margin', 'Marge (optioneel)',
      el('input', { inputmode: 'decimal', size: 8, title: 'Na een melding pas weer rustig als het cijfer de marge terug is' })),
    field('threshold-description', 'description', 'Omschrijving', el('input', { size: 50 })),
    el('button', { id: 'threshold-submit', type: 'submit', text: 'Drempel vastleggen' }));
  showIndicator();
  created.onsubmit = async event => {
    event.preventDefault();
    clearErrors(created, summary);
    const value = parseDecimal(document.getElementById('threshold-value').value);
    const margin = parseDecimal(document.getElementById('threshold-margin').value);
    // Not a number at all: placed at its field here, nothing sent (the API names what it refuses itself).
    const local = {};
    if (Number.isNaN(value)) local.value = ['Geef een getal, bijvoorbeeld 12,5.'];
    if (Number.isNaN(margin)) local.margin = ['Geef een getal, bijvoorbeeld 0,5.'];
    if (Object.keys(local).length) {
      showErrors(created, { byField: local, unplaced: [] }, summary);
      return;
    }
    const request = {
      region: document.getElementById('threshold-region').value,
      indicator: indicatorSelect.value,
      value,
      alertWhen: document.getElementById('threshold-alert-when').value
    };
    if (breakdownSelect.value) {
      const [dimension, chosen] = breakdownSelect.value.split(':');
      request.breakdown = { [dimension]: chosen };
    }
    if (margin !== null) request.margin = margin;
    const description = document.getElementById('threshold-description').value.trim();
    if (description) request.description = description;
    try {
      const saved = await scoring.post('/api/indicator-thresholds', request);
      document.getElementById('threshold-value').value = '';
      document.getElementById('threshold-margin').value = '';
      document.getElementById('threshold-description').value = '';
      await reload();
      say(`Drempel vastgelegd: ${saved.indicatorTitle}, ${SIDES[saved.alertWhen]} ${amount(saved.value,
        indicatorOf(saved.indicator)?.unit)}.`);
    } catch (e) {
      if (!e.problem) throw e;
      const placed = e.status === 409 ? { byField: {}, unplaced: ['De regio heeft deze drempel al.'] }
        : placeErrors(e.problem, FIELDS, ERROR_TEXTS);
      showErrors(created, placed, summary);
    }
  };
  return created;
}
