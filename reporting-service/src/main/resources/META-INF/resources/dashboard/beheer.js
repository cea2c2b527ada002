// "Beheer": the administrator's pages over the admin APIs of the four services, called from the browser with the
// caller's token (the survey-, scoring- and notification-service by CORS; GET /api/dashboard-app names them).
//   #/beheer/golven                 waves: open, close, reopen with a reason; window, versions, division
//   #/beheer/campagne/<year>        a wave's campaign: what went to whom and when; run a round now
//   #/beheer/audit?from=&to=&action=&actor=&subject=&municipality=&offset=&limit=   the audit trail, paged, CSV
//   #/beheer/onverwerkbaar          dead letters of every service: reasons, redrive chosen ones or all, outcomes
//   #/beheer/geparkeerd             parked outbox rows of every service: reason, put back
//   #/beheer/leesmodel              the reporting read model's rebuild: start, result
// Every action that cannot be undone asks first in a modal dialog; a failure shows the problem document's text.

import { createApi, escapeHtml, placeErrors, showErrors, clearErrors } from '/shared/api.js';
import { dateInput, dateTime, instantOf, integer, isoDate } from '/shared/format.js';
import { MESSAGE_STATUS } from '/shared/campaign.js';

const SECTIONS = [
  ['golven', 'Golven'], ['audit', 'Audittrail'], ['onverwerkbaar', 'Onverwerkbare berichten'],
  ['geparkeerd', 'Geparkeerde berichten'], ['leesmodel', 'Leesmodel']
];
const WAVE_STATUS = { OPEN: 'open', CLOSED: 'gesloten' };
const OUTCOMES = {
  APPLIED: 'verwerkt', SUPERSEDED: 'achterhaald (een nieuwere versie is al verwerkt)',
  DUPLICATE: 'al eerder verwerkt', POISON: 'nog steeds onverwerkbaar'
};
const AUDIT_PAGE = 50;
const AUDIT_PAGE_MAX = 500;
const AUDIT_FILTERS = [
  ['from', 'Vanaf (dd-mm-jjjj)', 'date'], ['to', 'Tot (dd-mm-jjjj)', 'date'], ['action', 'Actie (bv. wave)', 'text'],
  ['actor', 'Wie (sub)', 'text'], ['subject', 'Onderwerp (bv. wave/2026)', 'text'],
  ['municipality', 'Gemeentecode', 'text']
];
const WAVE_FIELDS = ['year', 'questionnaireVersion', 'rulesVersion', 'openFrom', 'openUntil', 'divisionYear'];
// Dutch texts for the services' error codes (problem documents' errors[].code, or the problem's own type).
const ERROR_TEXTS = {
  required: 'Vul dit veld in.',
  'out-of-range': 'Deze waarde valt buiten het toegestane bereik.',
  'not-a-number': 'Geef een heel getal.',
  'invalid-format': 'Geef een datum als dd-mm-jjjj, bijvoorbeeld 07-12-2026.',
  'invalid-date-time': 'Geef datum en tijd als dd-mm-jjjj uu:mm (Nederlandse tijd), bijvoorbeeld 07-12-2026 09:00.',
  'not-after-from': 'Deze datum moet na de begindatum liggen.',
  'before-open-from': 'Het einde moet na het begin liggen.',
  'in-the-past': 'Het venster zou al voorbij zijn: geef een nieuw einde in de toekomst.',
  'unknown-version': 'Deze versie bestaat niet.',
  'other-questionnaire': 'Deze rekenregels horen bij een andere vragenlijstversie.',
  'unknown-division': 'Van dat jaar is geen gemeentelijke indeling bekend.',
  'unknown-dead-letter-topic': 'Dit onderwerp kent deze dienst niet.',
  'choose-records-or-all': 'Kies berichten, of alles.',
  'history-missing': 'De topics bevatten niet meer hun hele geschiedenis.',
  'rebuild-failed': 'Het herbouwen is halverwege mislukt; het leesmodel is ongewijzigd.'
};

let services = null;

/** Renders the section the route names into {@code view}; {@code settings} is GET /api/dashboard-app. */
export async function beheerView(view, { parts, params, token, settings, downloadCsv }) {
  services = [
    { name: 'survey-service', label: 'Vragenlijsten (survey-service)', api: createApi({ baseUrl: settings.surveyUrl, token }) },
    { name: 'scoring-service', label: 'Scores (scoring-service)', api: createApi({ baseUrl: settings.scoringUrl, token }) },
    { name: 'reporting-service', label: 'Rapportages (reporting-service)', api: createApi({ token }) },
    { name: 'notification-service', label: 'Meldingen (notification-service)', api: createApi({ baseUrl: settings.notificationUrl, token }) }
  ];
  const section = parts[1] === 'campagne' ? 'golven' : parts[1] || 'golven';
  view.innerHTML = `
    <h2>Beheer</h2>
    <nav class="subnav" aria-label="Beheer">${SECTIONS.map(([id, label]) => `<a href="#/beheer/${id}"
      ${id === section ? 'aria-current="page" class="active"' : ''}>${label}</a>`).join('')}</nav>
    <div id="beheer"></div>
    ${dialogHtml()}`;
  const page = document.getElementById('beheer');
  if (parts[1] === 'campagne') {
    await campaignPage(page, Number(parts[2]));
  } else if (section === 'audit') {
    await auditPage(page, params, downloadCsv);
  } else if (section === 'onverwerkbaar') {
    await deadLettersPage(page);
  } else if (section === 'geparkeerd') {
    await parkedPage(page);
  } else if (section === 'leesmodel') {
    rebuildPage(page);
  } else {
    await wavesPage(page);
  }
}

function service(name) {
  return services.find(s => s.name === name);
}

// ---- failures and the confirmation dialog

/** The Dutch text of a failed call, with the service's own words (the problem's detail) after it. */
function failureText(error, fields = []) {
  if (!error.status) { // no answer at all: the service is down, or the browser refused the call
    return { placed: { byField: {}, unplaced: [] }, text: `Geen antwoord van de dienst (${error.message}).` };
  }
  const problem = error.problem || { status: error.status, detail: error.message };
  const placed = placeErrors(problem, fields, ERROR_TEXTS);
  const own = problem.detail || problem.title;
  return { placed, text: [...placed.unplaced, own ? `Melding van de dienst: ${own}` : ''].filter(Boolean).join(' ') };
}

function dialogHtml() {
  return `<dialog id="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
    <form id="confirm-form" novalidate>
      <h3 id="confirm-title"></h3>
      <p id="confirm-text"></p>
      <div id="confirm-fields"></div>
      <p id="confirm-error" class="field-error" role="alert" hidden></p>
      <div class="dialog-buttons">
        <button id="confirm-ok" type="submit"></button>
        <button id="confirm-cancel" type="button">Annuleren</button>
      </div>
    </form>
  </dialog>`;
}

/**
 * Asks before an action that cannot be undone: a modal dialog (Escape or "Annuleren" cancels) with {@code fields}
 * (HTML, each input with data-field) whose values {@code run} gets. The dialog stays open when {@code run} fails and
 * shows why, the fields in error marked; it closes when it succeeds, and focus returns to where it was.
 */
function confirmAction({ title, text, confirmLabel, fields = '', fieldNames = [], run }) {
  const dialog = document.getElementById('confirm-dialog');
  const form = document.getElementById('confirm-form');
  const summary = document.getElementById('confirm-error');
  const ok = document.getElementById('confirm-ok');
  const opener = document.activeElement;
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-fields').innerHTML = fields;
  ok.textContent = confirmLabel;
  clearErrors(form, summary);
  document.getElementById('confirm-cancel').onclick = () => dialog.close();
  dialog.onclose = () => {
    // Back where the user was, unless the page moved focus on purpose meanwhile (to a field in error).
    const unplaced = document.activeElement === document.body || dialog.contains(document.activeElement);
    if (unplaced && opener && document.contains(opener)) opener.focus();
  };
  form.onsubmit = async event => {
    event.preventDefault();
    clearErrors(form, summary);
    ok.disabled = true;
    const values = Object.fromEntries(fieldNames.map(name => [name,
      form.querySelector(`[data-field="${name}"]`).value.trim()]));
    try {
      await run(values);
      dialog.close();
    } catch (e) {
      const { placed, text: why } = failureText(e, fieldNames);
      showErrors(form, { byField: placed.byField, unplaced: [] }, null);
      summary.textContent = 'Dat is niet gelukt. ' + why;
      summary.hidden = false;
    } finally {
      ok.disabled = false;
    }
  };
  dialog.showModal();
  (form.querySelector('[data-field]') || ok).focus();
}

function say(id, text) {
  document.getElementById(id).textContent = text;
}

/**
 * Date and date-and-time fields are text fields in the Dutch order with the format in their label (dd-mm-jjjj,
 * dd-mm-jjjj uu:mm in Dutch time), not the browser's date pickers, whose order and zone follow the browser's locale:
 * web-foundation's format.js reads them. The paths of those typed but unreadable, placed before anything is sent.
 */
function unreadable(form, names, read) {
  return names.filter(name => {
    const value = form.querySelector(`[data-field="${name}"]`).value.trim();
    return value !== '' && read(value) === null;
  });
}

/** Places local errors as a problem's would be: by field, with the page's Dutch text for the code. */
function localErrors(paths, code) {
  return { byField: Object.fromEntries(paths.map(path => [path, [ERROR_TEXTS[code]]])), unplaced: [] };
}

// ---- waves and campaigns (survey-service)

function waveRow(w) {
  const label = `golf ${w.year}`;
  const action = w.status === 'OPEN'
    ? `<button type="button" data-action="close" aria-label="Sluiten: ${label}">Sluiten</button>`
    : `<button type="button" data-action="reopen" aria-label="Heropenen: ${label}">Heropenen</button>`;
  const reopened = w.reopenCount ? `${w.reopenCount}× heropend, laatst ${escapeHtml(dateTime(w.reopenedAt))} door
    ${escapeHtml(w.reopenedBy)}: “${escapeHtml(w.reopenReason)}”` : '–';
  return `<tr data-wave="${w.year}">
    <th scope="row">${w.year}</th>
    <td data-status>${WAVE_STATUS[w.status] || escapeHtml(w.status)}${w.acceptingNow ? ' (neemt nu in)' : ''}</td>
    <td>${escapeHtml(dateTime(w.openFrom))} – ${escapeHtml(dateTime(w.openUntil))}</td>
    <td class="num">${w.questionnaireVersion}</td><td class="num">${w.rulesVersion}</td>
    <td class="num">${w.divisionYear}</td><td class="num">${integer(w.invited)}</td>
    <td>${escapeHtml(dateTime(w.openedAt))}${w.openedBy ? ' door ' + escapeHtml(w.openedBy) : ''}</td>
    <td>${w.closedAt ? escapeHtml(dateTime(w.closedAt)) + ' door ' + escapeHtml(w.closedBy) : '–'}</td>
    <td>${reopened}</td>
    <td class="actions">${action} <a href="#/beheer/campagne/${w.year}">Campagne<span class="visually-hidden"> ${label}</span></a></td>
  </tr>`;
}

async function wavesPage(page) {
  const survey = service('survey-service').api;
  const waves = await survey.get('/api/admin/waves');
  const field = (name, label, type, extra = '') => `<div class="form-row"><label for="wave-${name}">${label}</label>
      <input id="wave-${name}" data-field="${name}" type="${type}" ${extra}>
      <span id="wave-${name}-error" class="field-error" hidden></span></div>`;
  page.innerHTML = `
    <div class="panel">
      <h3>Golven</h3>
      <p id="wave-status" role="status"></p>
      <table id="waves">
        <caption class="visually-hidden">Alle golven, nieuwste jaar eerst</caption>
        <thead><tr><th scope="col">Jaar</th><th scope="col">Status</th><th scope="col">Venster</th>
          <th scope="col" class="num">Vragenlijst&shy;versie</th><th scope="col" class="num">Rekenregel&shy;versie</th>
          <th scope="col" class="num">Indeling</th><th scope="col" class="num">Uitgenodigd</th><th scope="col">Geopend</th>
          <th scope="col">Gesloten</th><th scope="col">Heropend</th><th scope="col">Acties</th></tr></thead>
        <tbody>${waves.map(waveRow).join('')}</tbody>
      </table>
      <p id="waves-empty" class="muted"${waves.length ? ' hidden' : ''}>Nog geen golven.</p>
    </div>
    <form id="open-wave" class="panel" novalidate>
      <h3>Golf openen</h3>
      <p id="open-wave-summary" class="field-error" role="alert" hidden></p>
      ${field('year', 'Jaar', 'number', 'min="2000" max="2100" required')}
      ${field('questionnaireVersion', 'Vragenlijstversie', 'number', 'min="1" value="1" required')}
      ${field('rulesVersion', 'Rekenregelversie', 'number', 'min="1" value="1" required')}
      ${field('openFrom', 'Open vanaf (dd-mm-jjjj uu:mm, Nederlandse tijd)', 'text', 'required autocomplete="off" size="16"')}
      ${field('openUntil', 'Open tot, niet tot en met (dd-mm-jjjj uu:mm)', 'text', 'required autocomplete="off" size="16"')}
      ${field('divisionYear', 'Gemeentelijke indeling van (jaar, leeg: standaard)', 'number', 'min="2000" max="2100"')}
      <button id="open-wave-submit" type="submit">Golf openen…</button>
    </form>`;
  page.querySelectorAll('#waves button[data-action]').forEach(button => {
    const year = Number(button.closest('tr').dataset.wave);
    button.onclick = () => (button.dataset.action === 'close' ? closeWave(year) : reopenWave(year));
  });
  wireOpenWave();
}

async function reloadWaves(text) {
  await wavesPage(document.getElementById('beheer'));
  say('wave-status', text);
}

function closeWave(year) {
  confirmAction({
    title: `Golf ${year} sluiten?`,
    text: 'Daarna neemt de golf geen inzendingen of concepten meer aan tot een beheerder haar heropent (met een reden).',
    confirmLabel: `Golf ${year} sluiten`,
    run: async () => {
      await service('survey-service').api.post(`/api/admin/waves/${year}/close`);
      await reloadWaves(`Golf ${year} is gesloten.`);
    }
  });
}

function reopenWave(year) {
  confirmAction({
    title: `Golf ${year} heropenen?`,
    text: 'Heropenen wordt met uw reden in de audittrail vastgelegd. Is het venster verstreken, geef dan een nieuw einde.',
    confirmLabel: `Golf ${year} heropenen`,
    fieldNames: ['reason', 'openUntil'],
    fields: `<div class="form-row"><label for="reopen-reason">Reden</label>
        <textarea id="reopen-reason" data-field="reason" rows="2" cols="40" required></textarea>
        <span id="reopen-reason-error" class="field-error" hidden></span></div>
      <div class="form-row"><label for="reopen-until">Nieuw einde (optioneel; dd-mm-jjjj uu:mm, Nederlandse tijd)</label>
        <input id="reopen-until" data-field="openUntil" type="text" autocomplete="off" size="16">
        <span id="reopen-until-error" class="field-error" hidden></span></div>`,
    run: async values => {
      const request = { reason: values.reason || null };
      if (values.openUntil) {
        request.openUntil = instantOf(values.openUntil);
        if (!request.openUntil) {
          const error = new Error('invalid-date-time');
          error.status = 422;
          error.problem = { status: 422, errors: [{ field: 'openUntil', code: 'invalid-date-time' }] };
          throw error;
        }
      }
      await service('survey-service').api.post(`/api/admin/waves/${year}/reopen`, request);
      await reloadWaves(`Golf ${year} is heropend.`);
    }
  });
}

function wireOpenWave() {
  const form = document.getElementById('open-wave');
  const summary = document.getElementById('open-wave-summary');
  form.onsubmit = event => {
    event.preventDefault();
    clearErrors(form, summary);
    const badMoments = unreadable(form, ['openFrom', 'openUntil'], instantOf);
    if (badMoments.length) {
      showErrors(form, localErrors(badMoments, 'invalid-date-time'), summary);
      return;
    }
    const value = name => form.querySelector(`[data-field="${name}"]`).value.trim();
    const number = name => (value(name) === '' ? null : Number(value(name)));
    const request = {
      year: number('year'), questionnaireVersion: number('questionnaireVersion'), rulesVersion: number('rulesVersion'),
      openFrom: instantOf(value('openFrom')), openUntil: instantOf(value('openUntil'))
    };
    if (value('divisionYear')) request.divisionYear = number('divisionYear');
    confirmAction({
      title: `Golf ${request.year ?? ''} openen?`,
      text: 'Gemeenten kunnen dan in het venster inzenden; de uitnodigingen gaan bij de volgende campagneronde uit en '
        + 'zijn niet terug te halen. Per jaar is er één golf.',
      confirmLabel: 'Golf openen',
      run: async () => {
        try {
          await service('survey-service').api.post('/api/admin/waves', request);
        } catch (e) {
          if (!e.problem || !(e.problem.errors || []).length) throw e;
          // The fields are on the form behind the dialog: show them there.
          document.getElementById('confirm-dialog').close();
          showErrors(form, failureText(e, WAVE_FIELDS).placed, summary);
          return;
        }
        await reloadWaves(`Golf ${request.year} is geopend.`);
      }
    });
  };
}

async function campaignPage(page, year) {
  const survey = service('survey-service').api;
  const campaign = await survey.get(`/api/admin/waves/${year}/campaign`);
  const steps = campaign.steps.map(s => `<li>${escapeHtml(s.step)}: ${escapeHtml(dateTime(s.at))}</li>`).join('');
  const counts = Object.entries(campaign.counts || {}).map(([step, byStatus]) => `<li>${escapeHtml(step)}: ${Object
    .entries(byStatus).map(([status, n]) => `${integer(n)} ${MESSAGE_STATUS[status] || escapeHtml(status)}`).join(', ')}</li>`)
    .join('');
  page.innerHTML = `
    <div class="panel">
      <h3>Campagne van golf ${year}</h3>
      <p><a href="#/beheer/golven">Terug naar de golven</a></p>
      <h4>Stappen</h4><ul id="campaign-steps">${steps || '<li>Geen stappen.</li>'}</ul>
      <h4>Stand</h4><ul id="campaign-counts">${counts || '<li>Nog niets verstuurd.</li>'}</ul>
      <button id="campaign-run" type="button">Ronde nu uitvoeren…</button>
      <p id="campaign-status" role="status"></p>
      <table id="campaign-messages">
        <caption>Berichten: wat naar wie ging en wanneer</caption>
        <thead><tr><th scope="col">Gemeente</th><th scope="col">E-mailadres</th><th scope="col">Stap</th>
          <th scope="col">Status</th><th scope="col">Geclaimd</th><th scope="col">Verstuurd</th>
          <th scope="col" class="num">Pogingen</th><th scope="col">Laatste fout</th></tr></thead>
        <tbody>${campaign.messages.map(m => `<tr><td>${escapeHtml(m.municipality)}</td><td>${escapeHtml(m.email)}</td>
          <td>${escapeHtml(m.step)}</td><td>${MESSAGE_STATUS[m.status] || escapeHtml(m.status)}</td>
          <td>${escapeHtml(dateTime(m.claimedAt))}</td><td>${escapeHtml(dateTime(m.sentAt))}</td>
          <td class="num">${m.attempts}</td><td>${escapeHtml(m.lastError || '–')}</td></tr>`).join('')}</tbody>
      </table>
      <p class="muted"${campaign.messages.length ? ' hidden' : ''}>Nog geen berichten.</p>
    </div>`;
  document.getElementById('campaign-run').onclick = () => confirmAction({
    title: `Campagneronde voor golf ${year} nu uitvoeren?`,
    text: 'Wat nu aan de beurt is en nog niet verstuurd is, gaat direct per e-mail uit; verstuurde e-mail is niet terug te halen.',
    confirmLabel: 'Ronde uitvoeren',
    run: async () => {
      const result = await survey.post(`/api/admin/waves/${year}/campaign/run`);
      await campaignPage(page, year);
      say('campaign-status', `Ronde uitgevoerd: ${result.sent} verstuurd, ${result.failed} mislukt, ${result.uncertain} onzeker.`);
    }
  });
}

// ---- the audit trail (reporting-service)

function auditQuery(filter, offset, limit) {
  const query = new URLSearchParams();
  AUDIT_FILTERS.forEach(([name]) => filter[name] && query.set(name, filter[name]));
  query.set('limit', String(limit));
  query.set('offset', String(offset));
  return query;
}

async function auditPage(page, params, downloadCsv) {
  const filter = Object.fromEntries(AUDIT_FILTERS.map(([name]) => [name, (params.get(name) || '').trim()]));
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  // Pages of 50 unless the link asks another size (1-500).
  const pageSize = Math.min(AUDIT_PAGE_MAX, Math.max(1, Number(params.get('limit')) || AUDIT_PAGE));
  let result = null;
  let problem = null;
  try {
    result = await service('reporting-service').api.get('/api/admin/audit?' + auditQuery(filter, offset, pageSize));
  } catch (e) {
    if (e.status !== 422) throw e;
    problem = e;
  }
  const entries = result ? result.entries : [];
  const pageLink = (to, label) => {
    const query = auditQuery(filter, to, pageSize);
    if (pageSize === AUDIT_PAGE) query.delete('limit');
    return `<a href="#/beheer/audit?${query}" id="audit-${to < offset ? 'previous' : 'next'}">${label}</a>`;
  };
  page.innerHTML = `
    <form id="audit-filter" class="panel controls" novalidate>
      ${AUDIT_FILTERS.map(([name, label, kind]) => `<label for="audit-${name}">${label}
        <input id="audit-${name}" data-field="${name}" type="text"${kind === 'date'
          ? ` autocomplete="off" size="11" value="${escapeHtml(dateInput(filter[name]))}"`
          : ` value="${escapeHtml(filter[name])}"`}></label>
        <span id="audit-${name}-error" class="field-error" hidden></span>`).join('')}
      <button type="submit">Toon</button>
      <button id="audit-csv" type="button">Exporteren (CSV)</button>
      <p id="audit-summary" class="field-error" role="alert" hidden></p>
    </form>
    <div class="panel">
      <p id="audit-count" role="status">${result ? `${integer(result.total)} ${result.total === 1 ? 'regel' : 'regels'}${result.total
        ? `, ${integer(offset + 1)}–${integer(offset + entries.length)} getoond` : ''}` : 'Pas de filter aan.'}</p>
      <table id="audit">
        <caption class="visually-hidden">Audittrail, nieuwste eerst</caption>
        <thead><tr><th scope="col">Tijdstip</th><th scope="col">Actie</th><th scope="col">Onderwerp</th>
          <th scope="col">Gemeente</th><th scope="col">Wie</th><th scope="col">Vanaf adres</th><th scope="col">Dienst</th>
          <th scope="col">Details</th></tr></thead>
        <tbody>${entries.map(e => `<tr data-action="${escapeHtml(e.action)}">
          <td>${escapeHtml(dateTime(e.occurredAt))}</td><td>${escapeHtml(e.action)}</td><td>${escapeHtml(e.subject)}</td>
          <td>${escapeHtml(e.municipality || '–')}</td>
          <td>${escapeHtml(e.actor)}${(e.roles || []).length ? ` <span class="muted">(${escapeHtml(e.roles.join(', '))})</span>` : ''}</td>
          <td>${escapeHtml(e.clientAddress || '–')}</td><td>${escapeHtml(e.service)}</td>
          <td class="details">${escapeHtml(Object.entries(e.details || {}).map(([k, v]) =>
            `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; '))}</td></tr>`).join('')}</tbody>
      </table>
      <p id="audit-empty" class="muted"${entries.length || !result ? ' hidden' : ''}>Geen regels voor deze filter.</p>
      <nav class="pager" aria-label="Pagina's van de audittrail">
        ${offset > 0 ? pageLink(Math.max(0, offset - pageSize), 'Vorige pagina') : ''}
        ${result && result.more ? pageLink(offset + pageSize, 'Volgende pagina') : ''}
      </nav>
    </div>`;
  const form = document.getElementById('audit-filter');
  if (problem) {
    const { placed } = failureText(problem, AUDIT_FILTERS.map(([name]) => name));
    showErrors(form, placed, document.getElementById('audit-summary'));
  }
  form.onsubmit = event => {
    event.preventDefault();
    const summary = document.getElementById('audit-summary');
    clearErrors(form, summary);
    const dates = AUDIT_FILTERS.filter(([, , kind]) => kind === 'date').map(([name]) => name);
    const badDates = unreadable(form, dates, isoDate);
    if (badDates.length) {
      showErrors(form, localErrors(badDates, 'invalid-format'), summary);
      return;
    }
    const next = new URLSearchParams();
    AUDIT_FILTERS.forEach(([name, , kind]) => {
      const value = document.getElementById('audit-' + name).value.trim();
      if (value) next.set(name, kind === 'date' ? isoDate(value) : value);
    });
    const hash = '#/beheer/audit' + (next.toString() ? '?' + next : '');
    if (location.hash === hash) {
      window.dispatchEvent(new HashChangeEvent('hashchange')); // "Toon" again: the newest entries
    } else {
      location.hash = hash;
    }
  };
  // The export takes every entry of the filter (up to the API's 10,000), not just this page.
  document.getElementById('audit-csv').onclick = () => {
    const query = auditQuery(filter, 0, 10000);
    downloadCsv('/api/admin/audit?' + query, 'audittrail.csv');
  };
}

// ---- dead letters and parked outbox rows (every service)

/** Each service's answer to {@code path}: {service, items} or {service, error}; one service down hides no other. */
async function fromEveryService(path) {
  return Promise.all(services.map(s => s.api.get(path).then(items => ({ service: s, items }),
    error => {
      if (error.status === 401 || error.status === 403) throw error;
      return { service: s, error };
    })));
}

function serviceError(error) {
  return `<p class="field-error" role="alert">Deze dienst antwoordt niet zoals verwacht. ${escapeHtml(failureText(error).text)}</p>`;
}

async function deadLettersPage(page) {
  const answers = await fromEveryService('/api/admin/dead-letters?limit=500');
  page.innerHTML = `<p class="muted">Berichten die een dienst nooit kon verwerken, met de reden. Opnieuw aanbieden
      (na een herstel) verwerkt ze zoals de gewone verwerking; wat nog steeds niet kan, blijft staan.</p>
    ${answers.map(({ service: s, items, error }) => `<section class="panel" data-service="${s.name}">
      <h3>${escapeHtml(s.label)}</h3>
      ${error ? serviceError(error) : items.length === 0 ? '<p class="muted" data-empty>Geen onverwerkbare berichten.</p>' : `
      <table>
        <caption class="visually-hidden">Onverwerkbare berichten van ${escapeHtml(s.name)}</caption>
        <thead><tr><th scope="col">Kiezen</th><th scope="col">Bron</th><th scope="col">Plaats</th>
          <th scope="col">Sinds</th><th scope="col">Reden</th><th scope="col">Begin van het bericht</th></tr></thead>
        <tbody>${items.map(d => {
          const id = `dl-${s.name}-${d.partition}-${d.offset}`;
          return `<tr data-topic="${escapeHtml(d.topic)}" data-partition="${d.partition}" data-offset="${d.offset}">
            <td><input type="checkbox" id="${id}" aria-label="Kiezen: ${escapeHtml(d.topic)} ${d.partition}/${d.offset}"></td>
            <td>${escapeHtml(d.sourceTopic || '–')}</td>
            <td>${escapeHtml(d.topic)} ${d.partition}/${d.offset}</td>
            <td>${escapeHtml(dateTime(d.deadLetteredAt))}</td>
            <td data-reason>${escapeHtml(d.reason || '–')}</td>
            <td><code>${escapeHtml(d.valuePreview || '')}</code></td></tr>`;
        }).join('')}</tbody>
      </table>
      <button type="button" data-redrive="chosen">Gekozen opnieuw aanbieden…</button>
      <button type="button" data-redrive="all">Alle opnieuw aanbieden…</button>`}
      <p class="redrive-status" role="status"></p>
      <table class="outcomes" hidden>
        <caption>Uitkomst van het opnieuw aanbieden</caption>
        <thead><tr><th scope="col">Bericht</th><th scope="col">Uitkomst</th><th scope="col">Reden</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>`).join('')}`;
  page.querySelectorAll('section[data-service] button[data-redrive]').forEach(button => {
    button.onclick = () => redrive(button.closest('section'), button.dataset.redrive === 'all');
  });
}

function redrive(section, all) {
  const s = service(section.dataset.service);
  const rows = [...section.querySelectorAll('tbody tr[data-topic]')];
  const chosen = all ? rows : rows.filter(row => row.querySelector('input[type=checkbox]').checked);
  const status = section.querySelector('.redrive-status');
  if (chosen.length === 0) {
    status.textContent = 'Kies eerst een of meer berichten.';
    return;
  }
  // One request per dead-letter topic: all of it, or the chosen records by partition and offset.
  const byTopic = new Map();
  chosen.forEach(row => byTopic.set(row.dataset.topic, [...(byTopic.get(row.dataset.topic) || []),
    { partition: Number(row.dataset.partition), offset: Number(row.dataset.offset) }]));
  confirmAction({
    title: all ? `Alle onverwerkbare berichten van ${s.name} opnieuw aanbieden?` : `${chosen.length} gekozen ${chosen.length === 1
      ? 'bericht' : 'berichten'} opnieuw aanbieden?`,
    text: 'Wat nu wel verwerkt kan worden, verandert de gegevens van de dienst; dat is niet terug te draaien. '
      + 'Het opnieuw aanbieden wordt in de audittrail vastgelegd.',
    confirmLabel: 'Opnieuw aanbieden',
    run: async () => {
      status.textContent = 'Bezig met opnieuw aanbieden…';
      const outcomes = [];
      for (const [topic, records] of byTopic) {
        outcomes.push(...await s.api.post('/api/admin/dead-letters/redrive', all ? { topic, all: true } : { topic, records }));
      }
      const table = section.querySelector('table.outcomes');
      table.querySelector('tbody').innerHTML = outcomes.map(o => `<tr data-outcome="${escapeHtml(o.outcome)}">
        <td>${escapeHtml(o.topic)} ${o.partition}/${o.offset}</td><td>${OUTCOMES[o.outcome] || escapeHtml(o.outcome)}</td>
        <td>${escapeHtml(o.reason || '–')}</td></tr>`).join('');
      table.hidden = false;
      status.textContent = `${outcomes.length} ${outcomes.length === 1 ? 'bericht' : 'berichten'} opnieuw aangeboden: `
        + Object.entries(outcomes.reduce((n, o) => ({ ...n, [o.outcome]: (n[o.outcome] || 0) + 1 }), {}))
          .map(([outcome, n]) => `${n} ${OUTCOMES[outcome] || outcome}`).join(', ') + '.';
    }
  });
}

async function parkedPage(page) {
  const answers = await fromEveryService('/api/admin/outbox/parked');
  page.innerHTML = `<p class="muted">Uitgaande berichten die Kafka voorgoed weigerde (te groot, bijvoorbeeld). Ze houden
      niets op; terugzetten (na het verhogen van een limiet) zet ze weer in de rij.</p>
    ${answers.map(({ service: s, items, error }) => `<section class="panel" data-service="${s.name}">
      <h3>${escapeHtml(s.label)}</h3>
      ${error ? serviceError(error) : items.length === 0 ? '<p class="muted" data-empty>Geen geparkeerde berichten.</p>' : `
      <table>
        <caption class="visually-hidden">Geparkeerde berichten van ${escapeHtml(s.name)}</caption>
        <thead><tr><th scope="col">Nr.</th><th scope="col">Topic</th><th scope="col">Sleutel</th>
          <th scope="col" class="num">Grootte (tekens)</th><th scope="col">Aangemaakt</th><th scope="col">Geparkeerd</th>
          <th scope="col">Reden</th><th scope="col">Actie</th></tr></thead>
        <tbody>${items.map(p => `<tr data-parked="${p.id}">
          <td>${p.id}</td><td>${escapeHtml(p.topic)}</td><td>${escapeHtml(p.key || '–')}</td>
          <td class="num">${integer(p.payloadLength)}</td><td>${escapeHtml(dateTime(p.createdAt))}</td>
          <td>${escapeHtml(dateTime(p.parkedAt))}</td><td>${escapeHtml(p.reason || '–')}</td>
          <td><button type="button" data-retry="${p.id}" aria-label="Terugzetten: bericht ${p.id}">Terugzetten…</button></td>
        </tr>`).join('')}</tbody>
      </table>`}
      <p class="parked-status" role="status"></p>
    </section>`).join('')}`;
  page.querySelectorAll('button[data-retry]').forEach(button => {
    const section = button.closest('section');
    const s = service(section.dataset.service);
    button.onclick = () => confirmAction({
      title: `Bericht ${button.dataset.retry} van ${s.name} terugzetten?`,
      text: 'Het bericht gaat weer in de rij naar Kafka en wordt verstuurd zodra Kafka het aanneemt; dat is niet terug te draaien.',
      confirmLabel: 'Terugzetten',
      run: async () => {
        await s.api.post(`/api/admin/outbox/parked/${button.dataset.retry}/retry`);
        await parkedPage(page);
        page.querySelector(`section[data-service="${s.name}"] .parked-status`).textContent =
          `Bericht ${button.dataset.retry} staat weer in de rij.`;
      }
    });
  });
}

// ---- the read-model rebuild (reporting-service)

function rebuildPage(page) {
  page.innerHTML = `
    <div class="panel">
      <h3>Leesmodel herbouwen</h3>
      <p>Leegt het leesmodel van de rapportages en speelt <code>score-computed</code> en <code>survey-submitted</code>
        vanaf het begin opnieuw af. Lezers zien het oude leesmodel tot het nieuwe af is; een herbouw die halverwege
        mislukt, laat het oude staan. De audittrail hoort er niet bij en blijft zoals hij is.</p>
      <div class="form-row"><input id="rebuild-force" type="checkbox">
        <label for="rebuild-force">Ook als de topics niet meer hun hele geschiedenis bevatten (wat weg is, komt niet terug)</label></div>
      <button id="rebuild-start" type="button">Herbouwen…</button>
      <p id="rebuild-status" role="status"></p>
      <table id="rebuild-result" hidden>
        <caption>Wat het herbouwen las</caption>
        <thead><tr><th scope="col">Topic</th><th scope="col" class="num">Records</th><th scope="col" class="num">Verwerkt</th>
          <th scope="col" class="num">Achterhaald</th><th scope="col" class="num">Dubbel</th>
          <th scope="col" class="num">Onverwerkbaar overgeslagen</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>`;
  document.getElementById('rebuild-start').onclick = () => confirmAction({
    title: 'Leesmodel herbouwen?',
    text: 'Dit leegt het leesmodel en bouwt het opnieuw op uit de topics; dat kan minuten duren.',
    confirmLabel: 'Herbouwen',
    run: async () => {
      say('rebuild-status', 'Bezig met herbouwen…');
      const force = document.getElementById('rebuild-force').checked;
      let report;
      try {
        report = await service('reporting-service').api.post('/api/admin/read-model/rebuild' + (force ? '?force=true' : ''));
      } catch (e) {
        say('rebuild-status', '');
        throw e;
      }
      const line = (name, r) => `<tr><th scope="row">${escapeHtml(name)}</th><td class="num">${integer(r.records)}</td>
        <td class="num">${integer(r.applied)}</td><td class="num">${integer(r.superseded)}</td>
        <td class="num">${integer(r.duplicates)}</td><td class="num">${integer(r.poisonSkipped)}</td></tr>`;
      const table = document.getElementById('rebuild-result');
      table.querySelector('tbody').innerHTML = report.topics.map(t => line(t.topic, t)).join('') + line('Totaal', report);
      table.hidden = false;
      const seconds = (new Date(report.finishedAt) - new Date(report.startedAt)) / 1000;
      say('rebuild-status', `Herbouwd in ${seconds.toLocaleString('nl-NL')} s (klaar ${dateTime(report.finishedAt)}).`);
    }
  });
}
