// The respondent's questionnaire: plain JavaScript over the survey-service's JSON API (the year's questionnaire and
// scale, draft, preview, "Indienen") and, with the same token, the reporting-service's (peers' measures, official
// score). Page address: /vragenlijst/[?gemeente=GM0014&jaar=2018][&rapportage=<reporting-service URL>]; without
// them, the respondent's own municipality and the wave that is open now. Steps live in the fragment: #/doel/1 ...,
// #/extra (only when the questionnaire asks extra questions), #/overzicht.
// Signing in (Authorization Code + PKCE at the identity provider, or a test key locally), API calls, problem
// documents, the questionnaire's data helpers and the bands' names: the shared modules of web-foundation (/shared/).

import { createApi } from '/shared/api.js';
import { accessToken, claims, currentToken, forget, showSignIn, startSignIn } from '/shared/auth.js';
import { el } from '/shared/dom.js';
import { bandLabel } from '/shared/bands.js';
import { extraField, gradesOf, openWave, placeOfError, scaleCaption } from '/shared/questionnaire.js';

const REPORTING_KEY = 'monitor.reporting';
const STATUS_LABELS = { open: 'niet begonnen', started: 'bezig', complete: 'volledig' };

const $ = (id) => document.getElementById(id);
const state = {
  questionnaire: null, scale: null, wave: null, municipality: null, year: null, app: null, editable: false,
  version: 0, model: { goals: {}, extras: {} }, dirty: false, savedAt: null, savedBy: null,
  submittedVersion: null, preview: null, peers: null, errors: [], sentGoals: [], official: null, submitting: false
};

// ---------------------------------------------------------------- plumbing

function takeReportingUrl() {
  const reporting = new URLSearchParams(location.search).get('rapportage');
  if (reporting) {
    sessionStorage.setItem(REPORTING_KEY, reporting.replace(/\/$/, ''));
  }
}

/** Every call asks the shared sign-in for a token, which refreshes it first when it is about to expire. */
const service = createApi({ token: accessToken });

/** A call to the survey-service, or (an absolute URL) the reporting-service; a failure throws the shared ApiError. */
function api(path, method = 'GET', body = undefined) {
  return service.request(method, path, body);
}

function reportingUrl() {
  return sessionStorage.getItem(REPORTING_KEY) || state.app.reportingUrl;
}

function number(value, digits = 2) {
  return value == null ? '–' : Number(value).toLocaleString('nl-NL', { maximumFractionDigits: digits });
}

function band(value) {
  return value ? el('span', { class: 'band ' + value, text: bandLabel(value) }) : '–';
}

function say(text, kind = 'error') {
  $('message').className = kind;
  $('message').textContent = text || '';
}

// ---------------------------------------------------------------- the answer model

function goalModel(number) {
  if (!state.model.goals[number]) {
    state.model.goals[number] = { inclusion: null, laidDown: null, documents: [], otherDocumentText: '',
      deploys: null, categories: {}, otherMeasure: '', insight: null, share: null };
  }
  return state.model.goals[number];
}

function started(g) {
  return g && (g.inclusion != null || g.deploys != null || g.insight != null);
}

/** The model as the API's answers: goals not started are left out, parts not answered are null. */
function payloadGoals() {
  const goals = [];
  for (const goal of state.questionnaire.goals) {
    const g = state.model.goals[goal.number];
    if (!started(g)) continue;
    const laidDown = g.inclusion === 'INCLUDED' && g.laidDown === true;
    const categories = [];
    if (g.deploys) {
      for (const category of goal.categories) {
        const chosen = g.categories[category.id] || {};
        const options = Object.keys(chosen).map(id => ({ option: id, text: chosen[id] || null }));
        if (options.length) categories.push({ category: category.id, options });
      }
    }
    goals.push({
      goal: goal.number,
      borging: g.inclusion == null ? null : {
        inclusion: g.inclusion, laidDown, documents: laidDown ? g.documents : [],
        otherDocumentText: laidDown && g.documents.includes('other') ? g.otherDocumentText : null
      },
      inhoud: g.deploys == null ? null : {
        deploysMeasures: g.deploys, categories, otherMeasure: g.otherMeasure ? g.otherMeasure : null
      },
      bereik: g.insight == null ? null : { insight: g.insight, share: g.insight ? g.share : null }
    });
  }
  return goals;
}

function payloadExtras() {
  const x = state.model.extras;
  const grades = x.grades || {};
  return {
    riskGroupFigures: x.riskGroupFigures || [], targetGroupPolicies: x.targetGroupPolicies || [],
    // no grades object when no grade is given: a questionnaire without the grades question refuses any
    grades: grades.past == null && grades.current == null && grades.expected == null ? null
      : { past: grades.past ?? null, current: grades.current ?? null, expected: grades.expected ?? null },
    cooperationImproved: x.cooperationImproved ?? null,
    cooperationExplanation: x.cooperationExplanation ? x.cooperationExplanation : null,
    youthInvolved: x.youthInvolved ?? null,
    youthInvolvementHow: x.youthInvolved === true && x.youthInvolvementHow ? x.youthInvolvementHow : null,
    regionalVision: x.regionalVision ?? null
  };
}

function payload() {
  return { version: state.version, questionnaireVersion: state.questionnaire.version,
    goals: payloadGoals(), extras: payloadExtras() };
}

/** A saved draft back into the model. */
function loadModel(draft) {
  state.model = { goals: {}, extras: {} };
  for (const goal of draft.goals || []) {
    const g = goalModel(goal.goal);
    if (goal.borging) {
      g.inclusion = goal.borging.inclusion;
      g.laidDown = goal.borging.inclusion === 'INCLUDED' ? goal.borging.laidDown : null;
      g.documents = goal.borging.documents || [];
      g.otherDocumentText = goal.borging.otherDocumentText || '';
    }
    if (goal.inhoud) {
      g.deploys = goal.inhoud.deploysMeasures;
      g.otherMeasure = goal.inhoud.otherMeasure || '';
      for (const category of goal.inhoud.categories || []) {
        g.categories[category.category] = {};
        for (const option of category.options || []) {
          g.categories[category.category][option.option] = option.text || '';
        }
      }
    }
    if (goal.bereik) {
      g.insight = goal.bereik.insight;
      g.share = goal.bereik.share;
    }
  }
  const x = draft.extras || {};
  state.model.extras = {
    riskGroupFigures: x.riskGroupFigures || [], targetGroupPolicies: x.targetGroupPolicies || [],
    grades: x.grades || {}, cooperationImproved: x.cooperationImproved, cooperationExplanation: x.cooperationExplanation,
    youthInvolved: x.youthInvolved, youthInvolvementHow: x.youthInvolvementHow, regionalVision: x.regionalVision
  };
  state.version = draft.version;
  state.savedAt = draft.updatedAt;
  state.savedBy = draft.updatedBy;
  state.submittedVersion = draft.submittedVersion;
}

// ---------------------------------------------------------------- changes, preview, save

let previewTimer = null;
let previewTicket = 0;

function changed(rerender = true) {
  state.dirty = true;
  $('live-score').setAttribute('data-state', 'pending');
  if (rerender) renderStep(false);
  renderSaveState();
  clearTimeout(previewTimer);
  previewTimer = setTimeout(refreshPreview, 250);
}

async function refreshPreview() {
  const ticket = ++previewTicket;
  $('live-score').setAttribute('data-state', 'loading');
  try {
    const preview = await api(`/api/municipalities/${state.municipality}/years/${state.year}/preview`, 'POST', payload());
    if (ticket !== previewTicket) return;
    state.preview = preview;
    renderLive();
    renderProgress();
    $('live-score').setAttribute('data-state', 'ready');
  } catch (e) {
    if (ticket === previewTicket) {
      $('live-score').textContent = 'De score kan nu niet worden berekend: ' + e.message;
      $('live-score').setAttribute('data-state', 'failed');
    }
  }
}

async function save() {
  say('');
  try {
    const draft = await api(`/api/municipalities/${state.municipality}/years/${state.year}/draft`, 'PUT', payload());
    state.version = draft.version;
    state.savedAt = draft.updatedAt;
    state.savedBy = draft.updatedBy;
    state.dirty = false;
    renderSaveState();
    return true;
  } catch (e) {
    if (waveNotOpen(e)) {
      say('Niet opgeslagen: de meting van ' + state.year + ' is nu niet open (' + e.problem.detail + ').');
    } else if (e.status === 409) {
      await explainConflict();
    } else {
      say('Opslaan is niet gelukt: ' + e.message);
    }
    return false;
  }
}

/** A 409 because the year's wave is closed, not yet open or past its window (not a colleague's save). */
function waveNotOpen(e) {
  return e.status === 409 && e.code === 'wave-not-open';
}

/** Someone saved the draft since this page loaded it: say who and when, keep the answers on screen. */
async function explainConflict() {
  let who = 'een collega';
  let when = '';
  let version = '?';
  try {
    const current = await api(`/api/municipalities/${state.municipality}/years/${state.year}/draft`);
    who = current.updatedBy;
    when = new Date(current.updatedAt).toLocaleString('nl-NL');
    version = current.version;
  } catch (ignored) { /* the message below still holds */ }
  const message = $('message');
  message.className = 'error';
  message.replaceChildren(
    el('span', { id: 'conflict', text: `Niet opgeslagen: ${who} heeft dit concept intussen opgeslagen (versie ${version}`
        + (when ? `, ${when}` : '') + `), terwijl uw scherm versie ${state.version} toont. `
        + 'Uw antwoorden staan nog op het scherm maar zijn niet bewaard. Laad de nieuwste versie en voer uw '
        + 'wijzigingen opnieuw in, zodat u elkaars antwoorden niet overschrijft. ' }),
    el('button', { type: 'button', id: 'reload-draft', text: 'Nieuwste versie laden', onclick: reloadDraft }));
  message.focus();
}

async function reloadDraft() {
  say('');
  await loadDraft();
  render();
  refreshPreview();
}

async function loadDraft() {
  try {
    loadModel(await api(`/api/municipalities/${state.municipality}/years/${state.year}/draft`));
  } catch (e) {
    if (e.status !== 404) throw e;
    loadModel({ version: 0, goals: [], extras: {} });
  }
  state.dirty = false;
}

async function submit() {
  if (state.submitting) return;
  state.submitting = true;
  say('');
  state.errors = [];
  try {
    if (state.dirty || state.version === 0) {
      if (!(await save())) return;
    }
    state.sentGoals = payloadGoals();
    const result = await api(`/api/municipalities/${state.municipality}/years/${state.year}/draft/submission`, 'POST',
        { version: state.version });
    state.submittedVersion = result.submission.version;
    state.official = null;
    renderErrors();
    location.hash = '#/overzicht';
    render();
    awaitOfficialScore(result.submission.version);
  } catch (e) {
    if (e.status === 422 && e.problem.errors) {
      state.errors = e.problem.errors;
      renderErrors();
      render();
      $('errors').focus();
    } else if (waveNotOpen(e)) {
      say('Niet ingediend: de meting van ' + state.year + ' is nu niet open (' + e.problem.detail + ').');
    } else if (e.status === 409) {
      await explainConflict();
    } else {
      say('Indienen is niet gelukt: ' + e.message);
    }
  } finally {
    state.submitting = false;
  }
}

/** Polls the reporting-service until the score of the submitted version is there, within the configured time. */
async function awaitOfficialScore(version) {
  const deadline = Date.now() + state.app.officialScoreWaitSeconds * 1000;
  while (Date.now() < deadline) {
    try {
      const score = await api(`${reportingUrl()}/api/municipalities/${state.municipality}/scores/${state.year}`);
      if (score.submissionVersion >= version) {
        state.official = score;
        renderStep(false);
        return;
      }
    } catch (e) {
      if (e.status !== 404) break;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  const pending = $('official');
  if (pending && !state.official) {
    pending.textContent = 'De officiële score is nog niet berekend; kijk later op de gemeentekaart.';
  }
}

async function loadPeers() {
  try {
    state.peers = await api(`${reportingUrl()}/api/municipalities/${state.municipality}/peer-measures?year=${state.year}`);
  } catch (e) {
    state.peers = null;
  }
}

// ---------------------------------------------------------------- field errors

/** Where a problem belongs: by its field path, code and category (web-foundation's questionnaire.js). */
function placeOf(error) {
  return placeOfError(error, state.sentGoals);
}

function focusQuestion(id) {
  const block = $(id);
  if (!block) return;
  const input = block.querySelector('input, select, textarea');
  (input || block).focus();
}

const MESSAGES = {
  required: 'Dit antwoord ontbreekt.',
  'text-required': 'Vul een omschrijving in.',
  'category-missing': 'Kies bij deze categorie een maatregel of "(geen onderdeel van beleid)".',
  'exclusive-option-combined': 'Dit antwoord kan niet samen met een ander antwoord.',
  'too-long': 'De tekst is te lang (ten hoogste 2.000 tekens).',
  'out-of-range': 'Deze waarde valt buiten het toegestane bereik.',
  'other-version': 'Dit jaar is al ingediend met een andere versie van de vragenlijst.',
  'unknown-question': 'Deze vraag hoort niet bij deze versie van de vragenlijst.',
  'text-without-yes': 'Een toelichting hoort alleen bij het antwoord "Ja".',
  'share-without-insight': 'Een bereik hoort alleen bij zicht op bereik.'
};

/** The page's Dutch text for a problem's code; the server's (English) message is for developers, not shown. */
function dutch(error) {
  return MESSAGES[error.code] || 'Dit antwoord is niet geldig (' + error.code + ').';
}

function renderErrors() {
  const box = $('errors');
  box.replaceChildren();
  box.removeAttribute('tabindex');
  if (!state.errors.length) return;
  box.setAttribute('tabindex', '-1');
  box.append(el('h2', { text: `Het indienen is niet gelukt: ${state.errors.length} antwoord(en) nog aanpassen` }));
  const list = el('ul');
  for (const error of state.errors) {
    const place = placeOf(error);
    const text = dutch(error);
    list.append(el('li', {}, place
        ? el('a', { href: '#' + place.step, 'data-target': place.id, text: describe(place) + ': ' + text,
          onclick: (event) => {
            if (location.hash === '#' + place.step) { event.preventDefault(); focusQuestion(place.id); }
          } })
        : text));
  }
  box.append(list);
}

function describe(place) {
  const goal = place.step.match(/doel\/(\d+)/);
  return goal ? 'Doelstelling ' + goal[1] : 'Aanvullende vragen';
}

/** Shows the errors of this step at their questions. */
function placeErrors() {
  for (const error of state.errors) {
    const place = placeOf(error);
    const block = place && $(place.id);
    if (!block) continue;
    block.classList.add('has-error');
    const slot = block.querySelector('.field-error');
    if (slot) {
      slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + dutch(error);
      block.querySelectorAll('input, select, textarea').forEach(input => input.setAttribute('aria-invalid', 'true'));
    }
  }
}

// ---------------------------------------------------------------- rendering

function currentStep() {
  const hash = location.hash.replace(/^#/, '');
  const goal = hash.match(/^\/doel\/(\d+)$/);
  if (goal && state.questionnaire.goals.some(g => g.number === Number(goal[1]))) return { goal: Number(goal[1]) };
  if (hash === '/extra' && hasExtras()) return { extra: true };
  if (hash === '/overzicht') return { summary: true };
  return { goal: state.questionnaire.goals[0].number };
}

/** Whether this questionnaire asks extra questions (version 2 asks none). */
function hasExtras() {
  return state.questionnaire.extraQuestions.length > 0;
}

function render() {
  renderProgress();
  renderStep(true);
  renderLive();
  renderSaveState();
}

function statusOf(number) {
  const g = state.model.goals[number];
  if (!started(g)) return 'open';
  const preview = state.preview && state.preview.goals.find(p => p.goal === number);
  return preview && preview.complete ? 'complete' : 'started';
}

function renderProgress() {
  const step = currentStep();
  const list = $('steps');
  list.replaceChildren();
  let complete = 0;
  for (const goal of state.questionnaire.goals) {
    const status = statusOf(goal.number);
    if (status === 'complete') complete++;
    list.append(el('li', {}, el('a', { href: '#/doel/' + goal.number, 'data-goal': goal.number,
      'aria-current': step.goal === goal.number ? 'step' : null },
      el('span', { text: goal.number + '. ' + goal.title }),
      el('span', { class: 'status ' + status, text: STATUS_LABELS[status] }))));
  }
  if (hasExtras()) {
    list.append(el('li', {}, el('a', { href: '#/extra', 'aria-current': step.extra ? 'step' : null },
      el('span', { text: 'Aanvullende vragen' }))));
  }
  list.append(el('li', {}, el('a', { href: '#/overzicht', 'aria-current': step.summary ? 'step' : null },
    el('span', { text: 'Overzicht en indienen' }))));
  $('progress-count').textContent = `${complete} van de ${state.questionnaire.goals.length} doelstellingen volledig`;
  $('progress-count').setAttribute('data-complete', complete);
}

function renderStep(moveFocus) {
  const step = currentStep();
  const container = $('step');
  const focused = document.activeElement && document.activeElement.id;
  container.replaceChildren();
  if (step.goal) container.append(...goalStep(step.goal));
  else if (step.extra) container.append(...extraStep());
  else container.append(...summaryStep());
  placeErrors();
  container.setAttribute('data-state', 'ready');
  container.setAttribute('data-step', step.goal ? 'goal-' + step.goal : step.extra ? 'extra' : 'summary');
  if (!state.editable) {
    container.querySelectorAll('input, select, textarea').forEach(input => { input.disabled = true; });
  }
  if (moveFocus) {
    const heading = container.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  } else if (focused && $(focused)) {
    $(focused).focus();
  }
  renderSuggestions();
}

function question(id, legend, ...content) {
  return el('fieldset', { id, class: 'question' }, el('legend', { text: legend }),
    el('p', { class: 'field-error', id: id + '-error' }), ...content);
}

function radio(name, id, label, checked, onchange, describedBy) {
  return el('div', { class: 'choice' },
    el('input', { type: 'radio', name, id, checked, onchange, 'aria-describedby': describedBy }),
    el('label', { for: id, text: label }));
}

function checkbox(id, label, checked, onchange, describedBy) {
  return el('div', { class: 'choice' },
    el('input', { type: 'checkbox', id, checked, onchange, 'aria-describedby': describedBy }),
    el('label', { for: id, text: label }));
}

function textInput(id, label, value, oninput, describedBy) {
  return el('div', { class: 'other-text' },
    el('label', { for: id, text: label }), el('br'),
    el('input', { type: 'text', id, value: value || '', maxlength: 2000, 'aria-describedby': describedBy,
      oninput: (event) => { oninput(event.target.value); changed(false); } }));
}

function yesNo(name, question_, value, set) {
  return [radio(name, name + '-yes', 'Ja', value === true, () => { set(true); changed(); }, question_ + '-error'),
    radio(name, name + '-no', 'Nee', value === false, () => { set(false); changed(); }, question_ + '-error')];
}

function goalStep(number) {
  const q = state.questionnaire;
  const goal = q.goals.find(g => g.number === number);
  const g = goalModel(number);
  const p = 'g' + number;
  const parts = [el('h1', { text: `Doelstelling ${goal.number}: ${goal.title}` }),
    el('p', { class: 'goal-text', text: goal.text })];

  // Borging
  const borging = [question(`q-${p}-inclusion`, q.borging.inclusionQuestion,
    ...Object.entries(q.borging.inclusionLabels).map(([value, label]) =>
      radio(`${p}-inclusion`, `${p}-inclusion-${value}`, label, g.inclusion === value,
        () => { g.inclusion = value; changed(); }, `q-${p}-inclusion-error`)))];
  if (g.inclusion === 'INCLUDED') {
    borging.push(question(`q-${p}-laidDown`, q.borging.laidDownQuestion,
      ...yesNo(`${p}-laidDown`, `q-${p}-laidDown`, g.laidDown, v => { g.laidDown = v; })));
    if (g.laidDown === true) {
      const documents = q.borging.documentKinds.map(kind => checkbox(`${p}-doc-${kind.id}`, kind.label,
        g.documents.includes(kind.id), (event) => {
          g.documents = event.target.checked ? [...g.documents, kind.id] : g.documents.filter(d => d !== kind.id);
          changed();
        }, `q-${p}-documents-error`));
      if (g.documents.includes('other')) {
        documents.push(textInput(`${p}-doc-other-text`, 'Welk ander document?', g.otherDocumentText,
          v => { g.otherDocumentText = v; }, `q-${p}-documents-error`));
      }
      borging.push(question(`q-${p}-documents`, 'In welk document? (meerdere antwoorden mogelijk)', ...documents));
    }
  }
  parts.push(el('fieldset', { class: 'part' }, el('legend', { text: 'Borging' }), ...borging));

  // Inhoud
  const inhoud = [question(`q-${p}-deploys`, q.inhoud.deploysMeasuresQuestion,
    ...yesNo(`${p}-deploys`, `q-${p}-deploys`, g.deploys, v => { g.deploys = v; }))];
  if (g.deploys === true) {
    const categories = goal.categories.map(category => {
      const chosen = g.categories[category.id] || {};
      const options = [];
      for (const option of category.options) {
        const id = `${p}-cat-${category.id}-${option.id}`;
        options.push(checkbox(id, option.label, option.id in chosen, (event) => {
          const current = { ...(g.categories[category.id] || {}) };
          if (event.target.checked) {
            if (option.kind === 'NOT_IN_POLICY') {
              g.categories[category.id] = { [option.id]: '' };
            } else {
              category.options.filter(o => o.kind === 'NOT_IN_POLICY').forEach(o => delete current[o.id]);
              current[option.id] = '';
              g.categories[category.id] = current;
            }
          } else {
            delete current[option.id];
            g.categories[category.id] = current;
          }
          changed();
        }, `q-${p}-cat-${category.id}-error`));
        if (option.kind === 'OTHER' && option.id in chosen) {
          options.push(textInput(id + '-text', 'Omschrijf de andere maatregel', chosen[option.id],
            v => { g.categories[category.id][option.id] = v; }, `q-${p}-cat-${category.id}-error`));
        }
      }
      return question(`q-${p}-cat-${category.id}`, category.label, ...options);
    });
    inhoud.push(el('fieldset', { id: `q-${p}-measures`, class: 'question' },
      el('legend', { text: q.inhoud.measuresQuestion }), el('p', { class: 'field-error' }), ...categories));
  }
  inhoud.push(el('div', { id: `q-${p}-otherMeasure`, class: 'question' },
    el('p', { class: 'field-error', id: `q-${p}-otherMeasure-error` }),
    el('label', { class: 'label', for: `${p}-otherMeasure`, text: q.inhoud.otherMeasureQuestion }),
    el('input', { type: 'text', id: `${p}-otherMeasure`, value: g.otherMeasure, maxlength: 2000,
      'aria-describedby': `q-${p}-otherMeasure-error`,
      oninput: (event) => { g.otherMeasure = event.target.value; changed(false); } })));
  parts.push(el('fieldset', { class: 'part' }, el('legend', { text: 'Inhoud' }), ...inhoud));

  // Bereik
  const bereik = [question(`q-${p}-insight`, q.bereik.insightQuestion,
    ...yesNo(`${p}-insight`, `q-${p}-insight`, g.insight, v => { g.insight = v; }))];
  if (g.insight === true) {
    bereik.push(question(`q-${p}-share`, q.bereik.shareQuestion,
      ...Object.entries(q.bereik.shareLabels).map(([value, label]) =>
        radio(`${p}-share`, `${p}-share-${value}`, label, g.share === value,
          () => { g.share = value; changed(); }, `q-${p}-share-error`))));
  }
  parts.push(el('fieldset', { class: 'part' }, el('legend', { text: 'Bereik' }), ...bereik));
  parts.push(actions(number));
  return parts;
}

function extraStep() {
  const x = state.model.extras;
  const parts = [el('h1', { text: 'Aanvullende vragen' })];
  for (const question_ of state.questionnaire.extraQuestions) {
    const field = extraField(question_.id);
    if (!field) continue; // a question the answer model cannot carry (the survey-service would refuse its answer)
    const id = 'q-x-' + field;
    const legend = question_.number + '. ' + question_.text;
    if (question_.type === 'MULTIPLE_CHOICE') {
      const chosen = x[field] || [];
      parts.push(question(id, legend, ...question_.options.map(option => checkbox(`x-${question_.id}-${option.id}`,
        option.label, chosen.includes(option.id), (event) => {
          let now = (x[field] || []).filter(o => o !== option.id);
          if (event.target.checked) {
            const exclusive = question_.options.filter(o => o.exclusive).map(o => o.id);
            now = option.exclusive ? [option.id] : [...now.filter(o => !exclusive.includes(o)), option.id];
          }
          x[field] = now;
          changed();
        }, id + '-error'))));
    } else if (question_.type === 'GRADES') {
      const grades = x.grades || (x.grades = {});
      parts.push(question(id, legend, ...question_.options.map(option => el('div', { class: 'choice' },
        el('label', { for: `x-grade-${option.id}`, text: option.label }),
        el('select', { id: `x-grade-${option.id}`, 'aria-describedby': id + '-error', onchange: (event) => {
          grades[option.id] = event.target.value === '' ? null : Number(event.target.value);
          changed();
        } }, el('option', { value: '', text: '—' }),
        ...gradesOf(question_).map(grade => el('option', { value: grade, text: String(grade),
          selected: grades[option.id] === grade })))))));
    } else if (question_.type === 'SINGLE_CHOICE') {
      const content = question_.options.map(option => radio(`x-${question_.id}`, `x-${question_.id}-${option.id}`,
        option.label, x[field] === option.id, () => { x[field] = option.id; changed(); }, id + '-error'));
      if (field === 'cooperationImproved') {
        content.push(textInput('x-cooperation-explanation', 'Toelichting (niet verplicht)', x.cooperationExplanation,
          v => { x.cooperationExplanation = v; }, id + '-error'));
      }
      parts.push(question(id, legend, ...content));
    } else {
      const content = yesNo('x-youth', id, x.youthInvolved, v => { x.youthInvolved = v; });
      if (x.youthInvolved === true) {
        content.push(textInput('x-youth-how', 'Hoe betrekt uw gemeente kinderen en jongeren?', x.youthInvolvementHow,
          v => { x.youthInvolvementHow = v; }, id + '-error'));
      }
      parts.push(question(id, legend, ...content));
    }
  }
  parts.push(actions(null));
  return parts;
}

function summaryStep() {
  const q = state.questionnaire;
  const preview = state.preview;
  const parts = [el('h1', { text: `Overzicht: ${state.municipality}, ${state.year}` })];
  if (state.submittedVersion) {
    const official = state.official;
    parts.push(el('div', { class: 'result', id: 'submitted' },
      el('p', { id: 'submitted-version', text: `Ingediend als versie ${state.submittedVersion}.` }),
      official
        ? el('p', { id: 'official' }, 'Officiële score: ', el('strong', { id: 'official-total', text: number(official.total) }),
          ' ', band(official.band), ` over ${official.goalsAnswered} doelstelling(en). `,
          el('a', { id: 'card-link', href: cardLink(), text: 'Bekijk de gemeentekaart' }), ' ',
          el('button', { type: 'button', id: 'download-factsheet', text: 'Factsheet (PDF)', onclick: downloadFactsheet }),
          el('span', { id: 'download-message', role: 'status' }))
        : el('p', { id: 'official', text: 'De officiële score wordt berekend…' })));
  }
  const list = el('div', { class: 'summary' });
  for (const goal of q.goals) {
    const g = state.model.goals[goal.number];
    const score = preview && preview.goals.find(s => s.goal === goal.number);
    const section = el('section', { class: 'goal-summary' },
      el('h2', { text: `${goal.number}. ${goal.title}` }));
    if (!started(g)) {
      section.append(el('p', { class: 'muted', text: 'Niet ingevuld.' }));
    } else {
      const dl = el('dl');
      dl.append(el('dt', { text: 'Borging' }), el('dd', { text: g.inclusion ? q.borging.inclusionLabels[g.inclusion]
          + (g.laidDown ? ', vastgelegd in: ' + g.documents.map(d => q.borging.documentKinds.find(k => k.id === d)?.label).join(', ') : '')
          : '–' }));
      const measures = goal.categories.flatMap(c => Object.keys(g.categories[c.id] || {})
        .map(o => { const option = c.options.find(x => x.id === o); return option ? option.label + (g.categories[c.id][o] ? ' (' + g.categories[c.id][o] + ')' : '') : o; }));
      dl.append(el('dt', { text: 'Inhoud' }), el('dd', { text: g.deploys == null ? '–' : g.deploys
          ? 'Maatregelen: ' + (measures.join('; ') || 'geen gekozen') : 'Geen maatregelen' }));
      dl.append(el('dt', { text: 'Bereik' }), el('dd', { text: g.insight == null ? '–' : g.insight
          ? 'Zicht op bereik: ' + (g.share ? q.bereik.shareLabels[g.share] : '–') : 'Geen zicht op bereik' }));
      if (score) {
        dl.append(el('dt', { text: 'Score' }), el('dd', {}, `borging ${number(score.borging)}, inhoud ${number(score.inhoud)}, `
            + `bereik ${number(score.bereik)}, totaal ${number(score.total)} `, band(score.band)));
      }
      section.append(dl);
    }
    list.append(section);
  }
  if (preview) {
    parts.push(el('p', { class: 'total-line' }, `Totaal (voorlopig): ${number(preview.total)} `, band(preview.band),
      ` over ${preview.goalsAnswered} doelstelling(en)`));
  }
  parts.push(list);
  const acts = actions(null, true);
  parts.push(acts);
  return parts;
}

/** The municipality's card on the dashboard; the dashboard signs its user in itself (no token in the link). */
function cardLink() {
  return `${reportingUrl()}/dashboard/#/card/${state.municipality}/${state.year}`;
}

/** The municipality's factsheet (its card as a PDF/UA-1 document of the reporting-service), with the caller's token. */
async function downloadFactsheet() {
  const status = document.getElementById('download-message');
  status.textContent = '';
  let response;
  try {
    response = await fetch(`${reportingUrl()}/api/municipalities/${state.municipality}/card?year=${state.year}&format=pdf`,
      { headers: { Authorization: 'Bearer ' + await accessToken() } });
  } catch (error) {
    status.textContent = ' De factsheet kan niet worden opgehaald: geen antwoord van de rapportagedienst.';
    return;
  }
  if (!response.ok) {
    status.textContent = ' De factsheet kan niet worden opgehaald (HTTP ' + response.status + ').';
    return;
  }
  const link = el('a', { href: URL.createObjectURL(await response.blob()),
    download: `factsheet-${state.municipality}-${state.year}.pdf` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function actions(goalNumber, summary = false) {
  const buttons = el('div', { class: 'actions' });
  const goals = state.questionnaire.goals.map(g => g.number);
  const index = goalNumber == null ? -1 : goals.indexOf(goalNumber);
  if (index > 0) buttons.append(el('a', { href: '#/doel/' + goals[index - 1], text: 'Vorige doelstelling' }));
  if (state.editable) {
    buttons.append(el('button', { type: 'button', id: 'save', text: 'Opslaan', onclick: save }));
  }
  if (index >= 0 && index < goals.length - 1) {
    buttons.append(el('a', { href: '#/doel/' + goals[index + 1], id: 'next', text: 'Volgende doelstelling' }));
  } else if (index === goals.length - 1 && hasExtras()) {
    buttons.append(el('a', { href: '#/extra', id: 'next', text: 'Naar de aanvullende vragen' }));
  } else if (index === goals.length - 1) {
    buttons.append(el('a', { href: '#/overzicht', id: 'next', text: 'Naar het overzicht' }));
  } else if (!summary) {
    buttons.append(el('a', { href: '#/overzicht', id: 'next', text: 'Naar het overzicht' }));
  }
  if (summary) {
    if (state.editable) {
      buttons.append(el('button', { type: 'button', class: 'primary', id: 'submit', text: 'Indienen', onclick: submit }));
    }
    buttons.append(el('button', { type: 'button', id: 'print', text: 'Afdrukken', onclick: () => window.print() }));
  }
  buttons.append(el('span', { class: 'saved-state', id: 'saved-state', 'aria-live': 'polite' }));
  return buttons;
}

function renderSaveState() {
  const slot = $('saved-state');
  if (!slot) return;
  const when = state.savedAt ? new Date(state.savedAt).toLocaleString('nl-NL') : null;
  slot.textContent = !state.editable ? 'Alleen lezen'
    : state.dirty ? 'Niet opgeslagen wijzigingen'
    : when ? `Concept opgeslagen (versie ${state.version}, ${when})` : 'Nog geen concept opgeslagen';
  slot.setAttribute('data-version', state.version);
}

function renderLive() {
  const live = $('live-score');
  const preview = state.preview;
  live.replaceChildren();
  if (!preview) return;
  live.append(el('p', { class: 'total-line' }, 'Totaal: ', el('strong', { id: 'live-total', text: number(preview.total) }),
    ' ', band(preview.band), el('br'), el('span', { class: 'muted', text: `over ${preview.goalsAnswered} doelstelling(en)` })));
  const table = el('table', {}, el('caption', { class: 'muted', text: `Punten per doelstelling (${scaleCaption(state.scale)})` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Doel' }), el('th', { scope: 'col', class: 'num', text: 'Borging' }),
      el('th', { scope: 'col', class: 'num', text: 'Inhoud' }), el('th', { scope: 'col', class: 'num', text: 'Bereik' }),
      el('th', { scope: 'col', class: 'num', text: 'Totaal' }))));
  const body = el('tbody');
  for (const goal of preview.goals) {
    body.append(el('tr', { 'data-goal': goal.goal }, el('th', { scope: 'row', text: String(goal.goal) }),
      el('td', { class: 'num borging', text: number(goal.borging) }), el('td', { class: 'num inhoud', text: number(goal.inhoud) }),
      el('td', { class: 'num bereik', text: number(goal.bereik) }), el('td', { class: 'num total', text: number(goal.total) })));
  }
  table.append(body);
  live.append(table);
  renderSuggestions();
}

/** For the goal on screen: the measures that raise its score most, and how many peers of the size class use them. */
function renderSuggestions() {
  const box = $('suggestions');
  box.replaceChildren();
  const step = currentStep();
  if (!step.goal || !state.preview) return;
  const goal = state.preview.goals.find(g => g.goal === step.goal);
  if (!goal) return;
  const peersOfGoal = state.peers && state.peers.goals.find(g => g.goal === step.goal);
  const peersOf = (s) => peersOfGoal && peersOfGoal.measures.find(m => m.category === s.category && m.option === s.option);
  const ranked = goal.suggestions.map(s => ({ ...s, peers: peersOf(s) }))
    .sort((a, b) => b.gain - a.gain || (b.peers ? b.peers.peers : 0) - (a.peers ? a.peers.peers : 0)).slice(0, 3);
  box.append(el('h3', { text: 'Wat als u een maatregel toevoegt?' }));
  if (!ranked.length) {
    box.append(el('p', { class: 'muted', text: 'Geen maatregel verhoogt de inhoudsscore van deze doelstelling nog.' }));
    return;
  }
  const list = el('ul', { id: 'suggestion-list' });
  for (const s of ranked) {
    const peerText = s.peers
      ? `${s.peers.peers} van ${s.peers.peersAnswered} gemeenten in grootteklasse ${state.peers.sizeClass} (${s.peers.percent} %, ${state.peers.year})`
      : state.peers ? `geen gemeente in grootteklasse ${state.peers.sizeClass}` : 'aantallen niet beschikbaar';
    list.append(el('li', { 'data-option': s.category + '/' + s.option },
      el('strong', { text: `+${number(s.gain)} punten` }), ': ' + s.label,
      el('br'), el('span', { class: 'muted peers', text: peerText }), ' ',
      state.editable ? el('button', { type: 'button', 'aria-label': 'Voeg toe: ' + s.label, text: 'Voeg toe',
        onclick: () => addSuggestion(step.goal, s) }) : null));
  }
  box.append(list);
}

function addSuggestion(number, suggestion) {
  const g = goalModel(number);
  g.deploys = true;
  const goal = state.questionnaire.goals.find(x => x.number === number);
  const category = goal.categories.find(c => c.id === suggestion.category);
  const current = { ...(g.categories[suggestion.category] || {}) };
  category.options.filter(o => o.kind === 'NOT_IN_POLICY').forEach(o => delete current[o.id]);
  current[suggestion.option] = '';
  g.categories[suggestion.category] = current;
  changed();
}

// ---------------------------------------------------------------- start

/** Without ?jaar=: the year of the wave that takes answers now (the newest), else this calendar year. */
async function landingYear() {
  const wave = openWave(await api('/api/waves'));
  return wave ? wave.year : new Date().getFullYear();
}

function waveText() {
  const wave = state.wave;
  if (!wave) return '';
  const until = new Date(wave.openUntil).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam' });
  return wave.acceptingNow ? ` · meting ${wave.year} open tot ${until}` : ` · meting ${wave.year} niet open`;
}

async function start() {
  takeReportingUrl();
  const signedIn = Boolean(currentToken());
  showSignIn(!signedIn);
  if (!signedIn) {
    $('layout').hidden = true;
    $('who').textContent = '';
    return;
  }
  try {
    state.app = await api('/api/questionnaire-app');
    const params = new URLSearchParams(location.search);
    state.municipality = params.get('gemeente') || state.app.municipality;
    if (!state.municipality) {
      say('Kies een gemeente: open deze pagina met ?gemeente=GM0000&jaar=2018.');
      return;
    }
    state.year = params.has('jaar') ? Number(params.get('jaar')) : await landingYear();
    if (!params.has('gemeente') || !params.has('jaar')) {
      // The address names what is on screen, so that it can be bookmarked and a reload shows the same.
      params.set('gemeente', state.municipality);
      params.set('jaar', state.year);
      history.replaceState(null, '', location.pathname + '?' + params + location.hash);
    }
    state.editable = state.app.editsDrafts && (!state.app.municipality || state.app.municipality === state.municipality);
    const form = await api(`/api/years/${state.year}/questionnaire`);
    state.questionnaire = form.questionnaire;
    state.scale = form.scale;
    state.wave = form.wave;
    await loadDraft();
    await loadPeers();
    const mine = claims();
    $('who').textContent = `${mine.preferred_username || mine.sub || ''} · ${state.municipality} · ${state.year}`
        + waveText() + (state.editable ? '' : ' · alleen lezen');
    $('layout').hidden = false;
    render();
    await refreshPreview();
    if (state.submittedVersion) {
      awaitOfficialScore(state.submittedVersion);
    }
  } catch (e) {
    if (e.status === 401) {
      await forget();
      showSignIn(true);
      say('Uw aanmelding is verlopen of ongeldig; meld u opnieuw aan.');
    } else if (e.status === 403) {
      say('Geen toegang: u mag alleen de vragenlijst van uw eigen gemeente (of, als coördinator, die van uw regio) zien.');
    } else {
      say('De vragenlijst kan niet worden geladen: ' + e.message);
    }
  }
}

window.addEventListener('hashchange', () => {
  if (!state.questionnaire) return;
  const target = document.activeElement && document.activeElement.getAttribute('data-target');
  renderProgress();
  renderStep(true);
  if (target) focusQuestion(target);
});

startSignIn(start, { defaultRoute: '/doel/1' }).then(start, e => say('Aanmelden is nu niet mogelijk: ' + e.message));
