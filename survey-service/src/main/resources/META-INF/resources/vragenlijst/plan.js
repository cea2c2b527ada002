// A municipality's own plan (issue 28): targets per goal (a score by a year) and per municipal indicator (a value by a
// year, for a breakdown), and a short list of actions; plain JavaScript over the survey-service's
// GET/PUT /api/municipalities/{code}/plan. Page address: /vragenlijst/plan.html[?gemeente=GM0014]; without it the
// respondent's own municipality. Respondents (their own municipality) and administrators edit; coordinators and
// analysts read. Errors are placed at their field by the problem's errors[].field and worded by their code.

import { createApi } from '/shared/api.js';
import { accessToken, claims, currentToken, forget, showSignIn, startSignIn } from '/shared/auth.js';
import { el } from '/shared/dom.js';

const MAX_ACTIONS = 10;
const $ = (id) => document.getElementById(id);
const service = createApi({ token: accessToken });
const state = { municipality: null, name: null, version: 0, editable: false, goals: [], indicators: [],
  dimensions: {}, rows: { goal: [], indicator: [], action: [] } };

const CODE_TEXTS = {
  'required': 'Vul dit in.',
  'out-of-range': 'Deze waarde valt buiten het toegestane bereik.',
  'invalid-format': 'Deze waarde heeft een ongeldige vorm (te veel decimalen?).',
  'unknown-goal': 'Deze doelstelling bestaat niet in de vragenlijst van dat jaar.',
  'unknown-indicator': 'Deze indicator bestaat niet.',
  'level-not-recorded': 'Deze indicator wordt niet per gemeente vastgelegd.',
  'unknown-breakdown': 'Deze indicator kent deze uitsplitsing niet.',
  'unknown-option': 'Deze uitsplitsing kent deze waarde niet.',
  'duplicate': 'Er is al een doel voor hetzelfde jaar.',
  'too-long': 'Deze tekst is te lang (ten hoogste 500 tekens).'
};

function say(text, kind = 'error') {
  $('message').className = kind;
  $('message').textContent = text || '';
}

/** A labelled input with its error line; the id is the API field's path made safe ("goalTargets[0].score"). */
function field(id, label, input) {
  input.id = id;
  input.setAttribute('aria-describedby', id + '-error');
  if (!state.editable) input.disabled = true;
  return el('div', { class: 'question' }, el('label', { for: id, text: label }), input,
    el('p', { id: id + '-error', class: 'field-error' }));
}

function numberInput(value, attributes = {}) {
  return el('input', { type: 'text', inputmode: 'decimal', value: value ?? '', size: 8, ...attributes });
}

function removeButton(kind, index, what) {
  return state.editable ? el('button', { type: 'button', class: 'remove', text: 'Verwijderen',
    'aria-label': `${what} ${index + 1} verwijderen`, onclick: () => { read(); state.rows[kind].splice(index, 1); render(); } })
    : null;
}

function fieldId(path) {
  return 'f-' + path.replace(/[[\].]/g, '-');
}

function renderGoals() {
  const rows = state.rows.goal.map((row, i) => {
    const path = `goalTargets[${i}]`;
    const select = el('select', {}, el('option', { value: '', text: '— kies —' }),
      state.goals.map(g => el('option', { value: g.number, text: `${g.number}. ${g.title}`,
        selected: String(row.goal) === String(g.number) })));
    return el('fieldset', { class: 'target-row', 'data-row': path, id: fieldId(path) },
      el('legend', { text: `Doel ${i + 1}` }),
      field(fieldId(path + '.goal'), 'Doelstelling', select),
      field(fieldId(path + '.year'), 'Doeljaar', numberInput(row.year, { inputmode: 'numeric', size: 5 })),
      field(fieldId(path + '.score'), 'Score (0–100)', numberInput(row.score)),
      removeButton('goal', i, 'Doel'));
  });
  $('goal-rows').replaceChildren(...(rows.length ? rows : [el('p', { class: 'muted', text: 'Nog geen doelen per doelstelling.' })]));
}

function breakdownOptions(indicatorId, chosen) {
  const indicator = state.indicators.find(i => i.id === indicatorId);
  const options = [el('option', { value: '', text: 'Totaal' })];
  for (const dimension of indicator ? indicator.breakdowns : []) {
    const dim = state.dimensions[dimension];
    for (const value of dim ? dim.values : []) {
      const key = `${dimension}=${value.id}`;
      options.push(el('option', { value: key, text: `${dim.title}: ${value.label}`, selected: key === chosen }));
    }
  }
  return options;
}

function renderIndicators() {
  const rows = state.rows.indicator.map((row, i) => {
    const path = `indicatorTargets[${i}]`;
    const select = el('select', { onchange: () => { read(); render(); } }, el('option', { value: '', text: '— kies —' }),
      state.indicators.map(ind => el('option', { value: ind.id, text: ind.title, selected: row.indicator === ind.id })));
    return el('fieldset', { class: 'target-row', 'data-row': path, id: fieldId(path) },
      el('legend', { text: `Indicatordoel ${i + 1}` }),
      field(fieldId(path + '.indicator'), 'Indicator', select),
      field(fieldId(path + '.breakdown'), 'Uitsplitsing', el('select', {}, breakdownOptions(row.indicator, row.breakdown))),
      field(fieldId(path + '.year'), 'Doeljaar', numberInput(row.year, { inputmode: 'numeric', size: 5 })),
      field(fieldId(path + '.value'), 'Doelwaarde', numberInput(row.value)),
      removeButton('indicator', i, 'Indicatordoel'));
  });
  $('indicator-rows').replaceChildren(...(rows.length ? rows : [el('p', { class: 'muted', text: 'Nog geen doelen per indicator.' })]));
}

function renderActions() {
  const rows = state.rows.action.map((row, i) => {
    const path = `actions[${i}]`;
    const text = el('textarea', { rows: 2, cols: 60, maxlength: 500 });
    text.value = row.text ?? '';
    return el('fieldset', { class: 'target-row', 'data-row': path, id: fieldId(path) },
      el('legend', { text: `Actie ${i + 1}` }),
      field(fieldId(path + '.text'), 'Omschrijving (ten hoogste 500 tekens)', text),
      field(fieldId(path + '.dueYear'), 'Gereed in (jaar, niet verplicht)', numberInput(row.dueYear, { inputmode: 'numeric', size: 5 })),
      removeButton('action', i, 'Actie'));
  });
  $('action-rows').replaceChildren(...(rows.length ? rows : [el('p', { class: 'muted', text: 'Nog geen acties.' })]));
  $('add-action').disabled = !state.editable || state.rows.action.length >= MAX_ACTIONS;
}

function render() {
  renderGoals();
  renderIndicators();
  renderActions();
  for (const id of ['add-goal', 'add-indicator', 'save']) {
    $(id).hidden = !state.editable;
  }
  if (!state.editable) $('add-action').hidden = true;
}

/** The form's values back into the rows (inputs keep what was typed, also when it is not a number). */
function read() {
  const value = id => { const input = $(fieldId(id)); return input ? input.value.trim() : ''; };
  state.rows.goal = state.rows.goal.map((row, i) => ({ goal: value(`goalTargets[${i}].goal`),
    year: value(`goalTargets[${i}].year`), score: value(`goalTargets[${i}].score`) }));
  state.rows.indicator = state.rows.indicator.map((row, i) => ({ indicator: value(`indicatorTargets[${i}].indicator`),
    breakdown: value(`indicatorTargets[${i}].breakdown`), year: value(`indicatorTargets[${i}].year`),
    value: value(`indicatorTargets[${i}].value`) }));
  state.rows.action = state.rows.action.map((row, i) => ({ text: $(fieldId(`actions[${i}].text`)).value,
    dueYear: value(`actions[${i}].dueYear`) }));
}

/** A typed number as the API takes it: a decimal comma read as a point; what is no number goes as typed (422). */
function num(text) {
  if (text === '' || text == null) return null;
  const n = Number(String(text).replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

function payload() {
  return {
    version: state.version,
    goalTargets: state.rows.goal.map(r => ({ goal: num(r.goal), year: num(r.year), score: num(r.score) })),
    indicatorTargets: state.rows.indicator.map(r => ({ indicator: r.indicator || null, year: num(r.year),
      value: num(r.value), breakdown: r.breakdown ? Object.fromEntries([r.breakdown.split('=')]) : {} })),
    actions: state.rows.action.map(r => ({ text: r.text, dueYear: num(r.dueYear) }))
  };
}

function load(plan) {
  state.version = plan.version;
  state.name = plan.name;
  state.rows.goal = plan.goalTargets.map(t => ({ goal: t.goal, year: t.year, score: t.score }));
  state.rows.indicator = plan.indicatorTargets.map(t => ({ indicator: t.indicator, year: t.year, value: t.value,
    breakdown: Object.entries(t.breakdown || {}).map(([d, v]) => `${d}=${v}`)[0] || '' }));
  state.rows.action = plan.actions.map(a => ({ text: a.text, dueYear: a.dueYear }));
  $('plan-title').textContent = `Eigen doelen en acties — ${plan.name} (${plan.municipality})`;
  $('saved-state').textContent = plan.version === 0 ? 'Nog niet opgeslagen.'
    : `Versie ${plan.version}, opgeslagen door ${plan.savedBy} op ${new Date(plan.savedAt).toLocaleString('nl-NL')}.`;
}

function clearErrors() {
  $('errors').replaceChildren();
  document.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  document.querySelectorAll('.field-error').forEach(p => { p.textContent = ''; });
  document.querySelectorAll('.has-error').forEach(e => e.classList.remove('has-error'));
}

/** Every problem at its field (or its row), and a summary linking to them; focus on the summary. */
function showErrors(errors) {
  const items = [];
  for (const error of errors) {
    const path = String(error.field || '').replace(/^breakdown\..*/, 'breakdown');
    const fieldPath = path.replace(/\.breakdown\..*$/, '.breakdown');
    const id = fieldId(fieldPath);
    const text = CODE_TEXTS[error.code] || 'Deze waarde is niet geldig.';
    const input = $(id);
    const line = $(id + '-error');
    if (input && line) {
      input.setAttribute('aria-invalid', 'true');
      line.textContent = text;
      input.closest('.question').classList.add('has-error');
    } else if (input) {
      input.classList.add('has-error');
    }
    items.push(el('li', {}, input ? el('a', { href: '#' + id, text: labelOf(fieldPath) + ': ' + text,
      onclick: (event) => { event.preventDefault(); input.focus(); } }) : labelOf(fieldPath) + ': ' + text));
  }
  const summary = el('div', { tabindex: '-1', id: 'error-summary' },
    el('h2', { text: `Niet opgeslagen: ${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'}` }), el('ul', {}, items));
  $('errors').replaceChildren(summary);
  summary.focus();
}

function labelOf(path) {
  const m = /^(goalTargets|indicatorTargets|actions)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return path === 'actions' ? 'Acties' : path;
  const kind = { goalTargets: 'Doel', indicatorTargets: 'Indicatordoel', actions: 'Actie' }[m[1]];
  const part = { goal: 'doelstelling', year: 'doeljaar', score: 'score', indicator: 'indicator', value: 'doelwaarde',
    breakdown: 'uitsplitsing', text: 'omschrijving', dueYear: 'gereed in' }[m[3]];
  return `${kind} ${Number(m[2]) + 1}${part ? ', ' + part : ''}`;
}

async function save(event) {
  event.preventDefault();
  read();
  clearErrors();
  say('');
  $('save').disabled = true;
  try {
    const plan = await service.put(`/api/municipalities/${state.municipality}/plan`, payload());
    load(plan);
    render();
    say(`Plan opgeslagen (versie ${plan.version}).`, 'info');
  } catch (e) {
    if (e.status === 422) {
      render();
      showErrors(e.errors);
    } else if (e.status === 409) {
      say('Niet opgeslagen: iemand anders heeft het plan intussen gewijzigd. Laad de pagina opnieuw en breng uw '
        + 'wijzigingen opnieuw aan.');
    } else if (e.status === 403) {
      say('Geen toegang: u mag alleen het plan van uw eigen gemeente wijzigen.');
    } else {
      say('Niet opgeslagen: ' + e.message);
    }
  } finally {
    $('save').disabled = false;
  }
}

async function start() {
  const signedIn = Boolean(currentToken());
  showSignIn(!signedIn);
  if (!signedIn) {
    $('content').hidden = true;
    $('who').textContent = '';
    return;
  }
  try {
    const app = await service.get('/api/questionnaire-app');
    state.municipality = new URLSearchParams(location.search).get('gemeente') || app.municipality;
    if (!state.municipality) {
      say('Kies een gemeente: open deze pagina met ?gemeente=GM0000.');
      return;
    }
    state.editable = Boolean(app.editsDrafts) && (!app.municipality || app.municipality === state.municipality);
    const [plan, questionnaire, indicators] = await Promise.all([
      service.get(`/api/municipalities/${state.municipality}/plan`), service.get('/api/questionnaire'),
      service.get('/api/indicators')]);
    state.goals = questionnaire.goals;
    state.dimensions = Object.fromEntries(indicators.dimensions.map(d => [d.id, d]));
    state.indicators = indicators.indicators.filter(i => i.levels.includes('MUNICIPALITY'));
    load(plan);
    const mine = claims();
    $('who').textContent = `${mine.preferred_username || mine.sub || ''} · ${state.municipality}`
      + (state.editable ? '' : ' · alleen lezen');
    $('content').hidden = false;
    render();
    $('content').dataset.state = 'ready';
  } catch (e) {
    if (e.status === 401) {
      await forget();
      showSignIn(true);
      say('Uw aanmelding is verlopen of ongeldig; meld u opnieuw aan.');
    } else if (e.status === 403) {
      say('Geen toegang: u mag alleen het plan van uw eigen gemeente (of, als coördinator, van uw regio) zien.');
    } else {
      say('Het plan kan niet worden geladen: ' + e.message);
    }
  }
}

$('plan-form').addEventListener('submit', save);
$('add-goal').addEventListener('click', () => { read(); state.rows.goal.push({ goal: '', year: '', score: '' }); render();
  $(fieldId(`goalTargets[${state.rows.goal.length - 1}].goal`)).focus(); });
$('add-indicator').addEventListener('click', () => { read(); state.rows.indicator.push({ indicator: '', year: '', value: '', breakdown: '' });
  render(); $(fieldId(`indicatorTargets[${state.rows.indicator.length - 1}].indicator`)).focus(); });
$('add-action').addEventListener('click', () => { read(); if (state.rows.action.length < MAX_ACTIONS) {
  state.rows.action.push({ text: '', dueYear: '' }); render(); $(fieldId(`actions[${state.rows.action.length - 1}].text`)).focus(); } });

startSignIn(start, { defaultRoute: '/' }).then(start, e => say('Aanmelden is nu niet mogelijk: ' + e.message));
