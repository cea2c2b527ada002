// "Meldingen": a coordinator's alerts (newest first, live over the notification-service's alert feed), their
// subscriptions (create and change with filter and digest, test call, rotate the secret, delivery log with a retry of
// a failed delivery, delete) over the notification-service's REST API, and the region's municipalities (their
// contacts, and which have not submitted in the running wave) over the survey- and reporting-service; called from the
// browser with the caller's token (CORS there; the dashboard's CSP allows those origins).
//   #/meldingen?municipality=GM0014&goal=3&state=OPEN
// Filters: municipality and state by the API; goal on the page (the API has no goal filter): "total" or 1..n.

import { createApi, escapeHtml, placeErrors, showErrors, clearErrors } from '/shared/api.js';
import { bandHtml } from '/shared/bands.js';
import { amount, dateTime, score } from '/shared/format.js';
import { openEventStream } from '/shared/sse.js';
import { campaignByMunicipality, messageLine, stepLabel } from '/shared/campaign.js';
import { openWave } from '/shared/questionnaire.js';

const CHANNELS = { WEBHOOK: 'Webhook', EMAIL: 'E-mail', STREAM: 'Live feed' };
const DELIVERY_STATUS = { PENDING: 'wacht', DELIVERED: 'afgeleverd', FAILED: 'mislukt', CANCELLED: 'geannuleerd' };
const ALERT_STATE = { OPEN: 'open', RESOLVED: 'opgelost' };
const DIRECTION = { DOWN: 'gedaald', UP: 'gestegen' };
const TARGET_STATUS = { MISSED: 'niet gehaald', MET: 'gehaald', WITHDRAWN: 'vervallen' };
// Dutch texts for the notification-service's error codes (problem documents' errors[].code).
const ERROR_TEXTS = {
  'invalid-url': 'Geef een volledig webadres, beginnend met https:// (of http:// waar toegestaan).',
  'https-required': 'Het adres moet met https:// beginnen.',
  'forbidden-address': 'Dit adres wijst naar een intern netwerk en is niet toegestaan.',
  'unresolvable-host': 'Deze hostnaam is niet te vinden.',
  'not-for-channel': 'Dit veld hoort niet bij het gekozen kanaal.',
  'invalid-secret': 'Het geheim heeft niet de vorm whsec_… met 24 tot 64 bytes.',
  'unknown-municipality': 'Onbekende gemeentecode.',
  'unknown-region': 'Onbekende regio.',
  'unknown-state': 'Kies open of opgelost.',
  required: 'Vul dit veld in.',
  'invalid-email': 'Geef een geldig e-mailadres.',
  'other-region': 'Deze gemeente ligt in een andere regio.',
  'invalid-goal': 'Kies een doel van de vragenlijst.',
  'out-of-range': 'Een grens ligt tussen 0 en 100.',
  'too-long': 'Deze tekst is te lang.',
  duplicate: 'Dit e-mailadres staat er al.'
};
const FORM_FIELDS = ['region', 'channel', 'url', 'email', 'description', 'digest', 'filter.municipalities',
  'filter.thresholds', 'filter.direction', 'filter.targets'];
const DIRECTION_CHOICES = { '': 'beide (melding en herstel)', DOWN: 'alleen dalingen (en hun herstel)', UP: 'alleen herstel' };

let stream = null;
let notifications = null;
let survey = null;
let reportingApi = null;
let allMunicipalities = [];
let subscriptionsById = new Map();
/** The goal numbers the questionnaires of the waves ask (survey-service), for the goal filter and the thresholds. */
let goalNumbers = [];
/** The delivery log's refresh while a delivery in it is still pending (cleared when the log changes or the page goes). */
let logTimer = null;
const LOG_REFRESH_MS = 2000;
const LOG_REFRESH_ROUNDS = 60;

/** Stops the live feed when the user leaves the page. */
export function leaveMeldingen() {
  stopLogRefresh();
  if (stream) {
    stream.stop();
    stream = null;
  }
}

function goalOf(alert) {
  return alert.threshold && alert.threshold.scope === 'GOAL' ? alert.threshold.goal : null;
}

function thresholdText(alert) {
  const t = alert.threshold || {};
  if (alert.target) {
    // a municipality's own target (threshold-crossed v3): missed, met again or withdrawn in its year
    const g = alert.target;
    const what = g.kind === 'GOAL' ? `doel ${g.goal}` : `${g.title} (${g.breakdownLabel})`;
    return `eigen doel: ${what}, ${g.year}: ${targetAmount(g.target, g)}`;
  }
  if (alert.indicator) {
    // an indicator figure's crossing of a coordinator's threshold (threshold-crossed v2)
    const i = alert.indicator;
    return `${i.title} (${i.breakdownLabel}), ${i.period}: ${i.alertWhen === 'BELOW' ? 'onder' : 'boven'} ${amount(i.threshold, i.unit)}`;
  }
  const what = t.scope === 'GOAL' ? `doel ${t.goal}` : 'totaalscore';
  return `${what}, grens ${score(t.value)}`;
}

/** A target's value or result: a goal score in points, a figure in its unit. */
function targetAmount(value, target) {
  return target.kind === 'GOAL' ? `${amount(value)} punten` : amount(value, target.unit);
}

function matches(alert, filter) {
  if (filter.municipality && alert.municipality !== filter.municipality) {
    return false;
  }
  if (filter.state && alert.state !== filter.state) {
    return false;
  }
  if (filter.goal === 'total') {
    return goalOf(alert) === null;
  }
  return !filter.goal || String(goalOf(alert)) === filter.goal;
}

function alertRow(alert) {
  const card = `#/card/${encodeURIComponent(alert.municipality)}/${alert.year}`;
  const i = alert.indicator;
  const where = alert.municipality
    ? `<a href="${card}">${escapeHtml(alert.municipalityName)}</a> <span class="muted">${escapeHtml(alert.municipality)}</span>`
    : `regio ${escapeHtml(alert.region)}`;
  const g = alert.target;
  const values = g
    ? `${g.previousResult == null ? '' : escapeHtml(targetAmount(g.previousResult, g)) + ' → '}${escapeHtml(targetAmount(g.result, g))}`
    : i
    ? `${escapeHtml(amount(i.previousValue, i.unit))} → ${escapeHtml(amount(i.value, i.unit))}`
    : `${score(alert.previousScore)} ${bandHtml(alert.previousBand)} → ${score(alert.newScore)} ${bandHtml(alert.newBand)}`;
  return `<tr data-alert="${escapeHtml(alert.id)}">
    <td>${escapeHtml(dateTime(alert.occurredAt))}</td>
    <td>${where}</td>
    <td>${escapeHtml(thresholdText(alert))}</td>
    <td>${alert.type === 'resolved' ? 'hersteld' : g ? escapeHtml(TARGET_STATUS[g.status] || g.status) : escapeHtml(DIRECTION[alert.direction] || alert.direction)}</td>
    <td class="num">${values}</td>
    <td data-state>${escapeHtml(ALERT_STATE[alert.state] || alert.state)}</td>
  </tr>`;
}

/** Renders the page into {@code view}; {@code reporting} is the reporting-service's API (regions), {@code token} the caller's. */
export async function meldingenView(view, { params, reporting, token, notificationUrl, surveyUrl }) {
  notifications = createApi({ baseUrl: notificationUrl, token });
  survey = createApi({ baseUrl: surveyUrl, token });
  reportingApi = reporting;
  editing = null;
  const filter = {
    municipality: (params.get('municipality') || '').trim().toUpperCase(),
    goal: params.get('goal') || '',
    state: params.get('state') || ''
  };
  const query = new URLSearchParams({ limit: '200' });
  if (filter.municipality) query.set('municipality', filter.municipality);
  if (filter.state) query.set('state', filter.state);
  const [regions, subscriptions, municipalityList, goals] = await Promise.all([reporting('/api/regions'),
    notifications.get('/api/subscriptions'), survey.get('/api/municipalities'), questionnaireGoals()]);
  allMunicipalities = municipalityList;
  goalNumbers = goals;
  let alerts = [];
  let filterProblem = null;
  try {
    alerts = (await notifications.get('/api/alerts?' + query)).filter(a => matches(a, filter));
  } catch (e) {
    if (e.status !== 422) throw e;
    filterProblem = e.problem;
  }
  const goalOptions = ['<option value="">alle</option>', `<option value="total"${filter.goal === 'total' ? ' selected' : ''}>totaalscore</option>`]
    .concat(goalNumbers
      .map(g => `<option value="${g}"${filter.goal === String(g) ? ' selected' : ''}>doel ${g}</option>`)).join('');
  view.innerHTML = `
    <h2>Meldingen</h2>
    <form id="alert-filter" class="panel controls" novalidate>
      <label for="filter-municipality">Gemeentecode
        <input id="filter-municipality" data-field="municipality" value="${escapeHtml(filter.municipality)}" placeholder="GM0014" size="8"></label>
      <span id="filter-municipality-error" class="field-error" hidden></span>
      <label for="filter-goal">Doel <select id="filter-goal">${goalOptions}</select></label>
      <label for="filter-state">Status <select id="filter-state" data-field="state">
        <option value="">alle</option>
        <option value="OPEN"${filter.state === 'OPEN' ? ' selected' : ''}>open</option>
        <option value="RESOLVED"${filter.state === 'RESOLVED' ? ' selected' : ''}>opgelost</option></select></label>
      <span id="filter-state-error" class="field-error" hidden></span>
      <button type="submit">Toon</button>
      <p id="filter-summary" class="field-error" hidden></p>
    </form>
    <div class="panel">
      <p id="live-status" role="status" class="muted">Live: verbinden…</p>
      <table id="alerts">
        <caption class="visually-hidden">Meldingen, nieuwste eerst</caption>
        <thead><tr><th scope="col">Tijdstip</th><th scope="col">Gemeente</th><th scope="col">Drempel</th>
          <th scope="col">Richting</th><th scope="col" class="num">Score oud → nieuw</th><th scope="col">Status</th></tr></thead>
        <tbody>${alerts.map(alertRow).join('')}</tbody>
      </table>
      <p id="alerts-empty" class="muted"${alerts.length ? ' hidden' : ''}>Geen meldingen.</p>
    </div>
    <h2>Abonnementen</h2>
    <div class="panel">
      <table id="subscriptions">
        <caption class="visually-hidden">Uw abonnementen</caption>
        <thead><tr><th scope="col">Kanaal</th><th scope="col">Adres</th><th scope="col">Omschrijving</th><th scope="col">Acties</th></tr></thead>
        <tbody></tbody>
      </table>
      <p id="subscriptions-empty" class="muted" hidden>Nog geen abonnementen.</p>
      <div id="secret-panel" class="secret" hidden>
        <p><strong>Bewaar dit geheim nu: het wordt maar één keer getoond.</strong> Uw ontvanger controleert er de
          handtekening van elke webhookoproep mee.</p>
        <p><code id="secret-value"></code></p>
        <button id="secret-copy" type="button">Kopiëren</button>
        <button id="secret-done" type="button">Ik heb het bewaard</button>
        <span id="secret-copied" role="status"></span>
      </div>
      <p id="subscription-status" role="status"></p>
      <div id="delivery-log" hidden>
        <h3 id="delivery-log-title">Afleverlog</h3>
        <table><thead><tr><th scope="col">Aangemaakt</th><th scope="col">Status</th><th scope="col" class="num">Pogingen</th>
          <th scope="col">Volgende poging</th><th scope="col">Laatste antwoord</th><th scope="col">Actie</th></tr></thead><tbody></tbody></table>
        <p id="delivery-log-empty" class="muted" hidden>Nog niets afgeleverd.</p>
      </div>
    </div>
    <form id="subscribe" class="panel" novalidate>
      <h3 id="subscribe-title">Nieuw abonnement</h3>
      <p id="subscribe-summary" class="field-error" role="alert" hidden></p>
      <div class="form-row"><label for="sub-region">Regio</label>
        <select id="sub-region" data-field="region">${regions.map(r => `<option>${escapeHtml(r)}</option>`).join('')}</select>
        <span id="sub-region-error" class="field-error" hidden></span></div>
      <div class="form-row"><label for="sub-channel">Kanaal</label>
        <select id="sub-channel" data-field="channel">${Object.entries(CHANNELS).map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select>
        <span id="sub-channel-error" class="field-error" hidden></span></div>
      <div class="form-row" data-for="WEBHOOK"><label for="sub-url">Webadres (URL)</label>
        <input id="sub-url" data-field="url" type="url" size="50" placeholder="https://…">
        <span id="sub-url-error" class="field-error" hidden></span></div>
      <div class="form-row" data-for="EMAIL" hidden><label for="sub-email">E-mailadres</label>
        <input id="sub-email" data-field="email" type="email" size="40">
        <span id="sub-email-error" class="field-error" hidden></span></div>
      <div class="form-row"><label for="sub-description">Omschrijving</label>
        <input id="sub-description" data-field="description" size="40">
        <span id="sub-description-error" class="field-error" hidden></span></div>
      <div class="form-row"><label for="sub-municipalities">Gemeenten <span class="muted">(niets gekozen: de hele regio)</span></label>
        <select id="sub-municipalities" data-field="filter.municipalities" multiple size="6"></select>
        <span id="sub-municipalities-error" class="field-error" hidden></span></div>
      <fieldset id="sub-thresholds" class="thresholds" data-field="filter.thresholds"><legend>Drempels <span class="muted">(geen: elke drempel)</span></legend>
        <span id="sub-thresholds-error" class="field-error" hidden></span>
        <ol id="threshold-rows"></ol>
        <button id="threshold-add" type="button">Drempel toevoegen</button></fieldset>
      <div class="form-row"><label for="sub-direction">Richting</label>
        <select id="sub-direction" data-field="filter.direction">${Object.entries(DIRECTION_CHOICES)
          .map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select>
        <span id="sub-direction-error" class="field-error" hidden></span></div>
      <div class="form-row"><input id="sub-targets" data-field="filter.targets" type="checkbox">
        <label for="sub-targets">Ook de eigen doelen van gemeenten: niet gehaald, alsnog gehaald of vervallen</label>
        <span id="sub-targets-error" class="field-error" hidden></span></div>
      <div class="form-row" data-not-for="STREAM"><input id="sub-digest" data-field="digest" type="checkbox">
        <label for="sub-digest">Dagelijks overzicht (om 07:00) in plaats van elke melding apart</label>
        <span id="sub-digest-error" class="field-error" hidden></span></div>
      <button id="subscribe-submit" type="submit">Abonneren</button>
      <button id="subscribe-cancel" type="button" hidden>Annuleren</button>
    </form>
    <h2>Gemeenten van de regio</h2>
    <div class="panel" id="region-municipalities">
      <label for="contacts-region">Regio</label>
      <select id="contacts-region">${regions.map(r => `<option>${escapeHtml(r)}</option>`).join('')}</select>
      <h3 id="outstanding-title">Nog niet ingediend</h3>
      <p id="outstanding-status" role="status" class="muted"></p>
      <table id="outstanding" hidden>
        <caption class="visually-hidden">Gemeenten die nog niet hebben ingediend</caption>
        <thead><tr><th scope="col">Code</th><th scope="col">Gemeente</th><th scope="col">Uitgenodigd</th>
          <th scope="col">Herinnerd</th><th scope="col">Contactpersonen</th></tr></thead>
        <tbody></tbody>
      </table>
      <form id="contacts" novalidate>
        <h3>Contactpersonen</h3>
        <label for="contacts-municipality">Gemeente</label>
        <select id="contacts-municipality"></select>
        <p id="contacts-summary" class="field-error" role="alert" hidden></p>
        <table id="contacts-table">
          <caption class="visually-hidden">Contactpersonen van de gekozen gemeente</caption>
          <thead><tr><th scope="col">Naam</th><th scope="col">E-mailadres</th><th scope="col">Rol</th><th scope="col">Actie</th></tr></thead>
          <tbody></tbody>
        </table>
        <p id="contacts-empty" class="muted" hidden>Nog geen contactpersonen.</p>
        <button id="contact-add" type="button">Contactpersoon toevoegen</button>
        <button id="contacts-save" type="submit">Contactpersonen opslaan</button>
        <p id="contacts-status" role="status"></p>
      </form>
    </div>`;

  const filterForm = document.getElementById('alert-filter');
  if (filterProblem) {
    showErrors(filterForm, placeErrors(filterProblem, ['municipality', 'state'], ERROR_TEXTS),
      document.getElementById('filter-summary'));
  }
  filterForm.onsubmit = event => {
    event.preventDefault();
    const next = new URLSearchParams();
    const municipality = document.getElementById('filter-municipality').value.trim();
    if (municipality) next.set('municipality', municipality);
    if (document.getElementById('filter-goal').value) next.set('goal', document.getElementById('filter-goal').value);
    if (document.getElementById('filter-state').value) next.set('state', document.getElementById('filter-state').value);
    location.hash = '#/meldingen' + (next.toString() ? '?' + next : '');
  };

  renderSubscriptions(subscriptions);
  wireSubscribeForm();
  wireSecretPanel();
  await wireRegionMunicipalities();
  if (!filterProblem) {
    startLive(filter, notificationUrl, token);
  } else {
    document.getElementById('live-status').textContent = 'Live: uit (pas de filter aan).';
  }
}

function startLive(filter, notificationUrl, token) {
  leaveMeldingen();
  const status = document.getElementById('live-status');
  const body = document.querySelector('#alerts tbody');
  stream = openEventStream(notificationUrl + '/api/alerts/stream', {
    token,
    onState: (state) => {
      status.textContent = state === 'open' ? 'Live: verbonden — nieuwe meldingen verschijnen hier vanzelf.'
        : 'Live: verbinding verbroken, opnieuw verbinden…';
      status.dataset.live = state;
    },
    onEvent: event => {
      let alert;
      try {
        alert = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (alert.resolvesAlertId) {
        const resolved = body.querySelector(`tr[data-alert="${CSS.escape(alert.resolvesAlertId)}"] [data-state]`);
        if (resolved) resolved.textContent = ALERT_STATE.RESOLVED;
      }
      if (!matches(alert, filter) || body.querySelector(`tr[data-alert="${CSS.escape(alert.id)}"]`)) {
        return;
      }
      body.insertAdjacentHTML('afterbegin', alertRow(alert));
      document.getElementById('alerts-empty').hidden = true;
    }
  });
}

function renderSubscriptions(subscriptions) {
  subscriptionsById = new Map(subscriptions.map(s => [s.id, s]));
  const body = document.querySelector('#subscriptions tbody');
  body.innerHTML = subscriptions.map(s => {
    const address = s.channel === 'WEBHOOK' ? s.url : s.channel === 'EMAIL' ? s.email : s.streamPath;
    const label = escapeHtml(s.description || address || s.id);
    const webhookOnly = s.channel === 'WEBHOOK' ? `
        <button type="button" data-action="test" aria-label="Testoproep versturen: ${label}">Testoproep versturen</button>
        <button type="button" data-action="rotate" aria-label="Geheim vervangen: ${label}">Geheim vervangen</button>` : '';
    return `<tr data-subscription="${escapeHtml(s.id)}" data-url="${escapeHtml(s.url || '')}">
      <td>${escapeHtml(CHANNELS[s.channel] || s.channel)}${s.digest ? ' (dagoverzicht)' : ''}</td>
      <td>${escapeHtml(address || '')}</td>
      <td>${escapeHtml(s.description || '')}</td>
      <td class="actions">${webhookOnly}
        <button type="button" data-action="edit" aria-label="Wijzigen: ${label}">Wijzigen</button>
        <button type="button" data-action="log" aria-label="Afleverlog: ${label}">Afleverlog</button>
        <button type="button" data-action="delete" aria-label="Verwijderen: ${label}">Verwijderen</button>
        <span class="confirm" hidden>Zeker weten?
          <button type="button" data-action="confirm-delete">Ja, verwijderen</button>
          <button type="button" data-action="cancel-delete">Annuleren</button></span></td>
    </tr>`;
  }).join('');
  document.getElementById('subscriptions-empty').hidden = subscriptions.length > 0;
  body.querySelectorAll('button[data-action]').forEach(button => {
    button.onclick = () => act(button.dataset.action, button.closest('tr'), button);
  });
}

async function reloadSubscriptions() {
  renderSubscriptions(await notifications.get('/api/subscriptions'));
}

function say(text) {
  document.getElementById('subscription-status').textContent = text;
}

async function act(action, row, button) {
  const id = row.dataset.subscription;
  try {
    if (action === 'test') {
      say('Testoproep wordt verstuurd…');
      const result = await notifications.post(`/api/subscriptions/${id}/test`);
      say(result.delivered
        ? `Testoproep afgeleverd: de ontvanger antwoordde HTTP ${result.httpStatus} (${result.latencyMs} ms).`
        : `Testoproep mislukt: ${result.error || 'HTTP ' + result.httpStatus}.`);
    } else if (action === 'rotate') {
      const rotation = await notifications.post(`/api/subscriptions/${id}/secret`);
      showSecret(rotation.secret, `Het vorige geheim blijft geldig tot ${dateTime(rotation.previousSecretValidUntil)}; `
        + 'tot dan draagt elke oproep beide handtekeningen.');
    } else if (action === 'log') {
      await showLog(id, row);
    } else if (action === 'edit') {
      startEdit(subscriptionsById.get(id));
    } else if (action === 'delete') {
      row.querySelector('.confirm').hidden = false;
      row.querySelector('[data-action="confirm-delete"]').focus();
    } else if (action === 'cancel-delete') {
      row.querySelector('.confirm').hidden = true;
      row.querySelector('[data-action="delete"]').focus();
    } else if (action === 'confirm-delete') {
      await notifications.delete(`/api/subscriptions/${id}`);
      stopLogRefresh();
      document.getElementById('delivery-log').hidden = true;
      await reloadSubscriptions();
      say('Abonnement verwijderd.');
    }
  } catch (e) {
    say(placeErrors(e.problem || { status: e.status }, [], {
      'wrong-channel': 'Alleen een webhook heeft een geheim en een testoproep.'
    }).unplaced.join(' '));
  }
}

function stopLogRefresh() {
  clearTimeout(logTimer);
  logTimer = null;
}

/**
 * Shows a subscription's delivery log; while a delivery in it is still pending (a retry under way), it is read again
 * every {@link LOG_REFRESH_MS} until none is (at most {@link LOG_REFRESH_ROUNDS} times), so a retry's outcome appears
 * by itself. {@code data-state} of the panel: "refreshing" while it waits for a pending delivery, else "ready".
 */
async function showLog(id, row, round = 0) {
  stopLogRefresh();
  const deliveries = await notifications.get(`/api/subscriptions/${id}/deliveries?limit=50`);
  const panel = document.getElementById('delivery-log');
  if (!panel) return;
  document.getElementById('delivery-log-title').textContent =
    'Afleverlog: ' + (row.children[2].textContent || row.children[1].textContent);
  const body = panel.querySelector('tbody');
  body.innerHTML = deliveries.map(d => {
    const last = d.attempts && d.attempts.length ? d.attempts[d.attempts.length - 1] : null;
    const answer = !last ? '–' : last.error ? last.error : 'HTTP ' + last.httpStatus;
    const retry = d.status === 'FAILED'
      ? `<button type="button" data-retry="${escapeHtml(d.id)}" aria-label="Opnieuw proberen: aflevering van ${escapeHtml(dateTime(d.createdAt))}">Opnieuw proberen</button>`
      : '';
    return `<tr data-delivery="${escapeHtml(d.id)}" data-status="${escapeHtml(d.status)}"><td>${escapeHtml(dateTime(d.createdAt))}</td>
      <td>${escapeHtml(DELIVERY_STATUS[d.status] || d.status)}</td>
      <td class="num">${d.attemptsMade}</td><td>${d.nextAttemptAt ? escapeHtml(dateTime(d.nextAttemptAt)) : '–'}</td>
      <td>${escapeHtml(answer)}</td><td>${retry}</td></tr>`;
  }).join('');
  body.querySelectorAll('button[data-retry]').forEach(button => {
    button.onclick = async () => {
      try {
        await notifications.post(`/api/subscriptions/${id}/deliveries/${button.dataset.retry}/retry`);
        say('Aflevering wordt opnieuw geprobeerd; het afleverlog toont de uitkomst zodra die er is.');
        await showLog(id, row);
      } catch (e) {
        say(placeErrors(e.problem || { status: e.status }, []).unplaced.join(' '));
      }
    };
  });
  document.getElementById('delivery-log-empty').hidden = deliveries.length > 0;
  panel.hidden = false;
  panel.dataset.subscription = id;
  const pending = deliveries.some(d => d.status === 'PENDING');
  panel.dataset.state = pending && round < LOG_REFRESH_ROUNDS ? 'refreshing' : 'ready';
  if (panel.dataset.state === 'refreshing') {
    logTimer = setTimeout(() => showLog(id, row, round + 1).catch(e => {
      say('Het afleverlog kan nu niet worden bijgewerkt: ' + placeErrors(e.problem || { status: e.status }, []).unplaced.join(' '));
    }), LOG_REFRESH_MS);
  }
}

function showSecret(secret, note) {
  document.getElementById('secret-value').textContent = secret;
  document.getElementById('secret-copied').textContent = note || '';
  document.getElementById('secret-panel').hidden = false;
  document.getElementById('secret-copy').focus();
}

function wireSecretPanel() {
  document.getElementById('secret-copy').onclick = async () => {
    const secret = document.getElementById('secret-value').textContent;
    try {
      await navigator.clipboard.writeText(secret);
      document.getElementById('secret-copied').textContent = 'Gekopieerd.';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('secret-value'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.getElementById('secret-copied').textContent = 'Kopiëren lukt hier niet: het geheim is geselecteerd, kopieer het met Ctrl+C.';
    }
  };
  document.getElementById('secret-done').onclick = () => {
    document.getElementById('secret-value').textContent = '';
    document.getElementById('secret-copied').textContent = '';
    document.getElementById('secret-panel').hidden = true;
  };
}

let editing = null;

/** The region's municipalities as options, the chosen ones selected. */
function municipalityOptions(region, chosen = []) {
  return allMunicipalities.filter(m => m.region === region)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map(m => `<option value="${escapeHtml(m.code)}"${chosen.includes(m.code) ? ' selected' : ''}>${escapeHtml(m.name)} (${escapeHtml(m.code)})</option>`)
    .join('');
}

/** The filter the form describes; null when it narrows nothing. */
function filterFromForm() {
  const municipalities = Array.from(document.getElementById('sub-municipalities').selectedOptions).map(o => o.value);
  const thresholds = readThresholds().map(t => t.on === 'TOTAL' ? { scope: 'TOTAL', value: Number(t.value) }
    : { scope: 'GOAL', goal: Number(t.on), value: Number(t.value) });
  const direction = document.getElementById('sub-direction').value;
  const filter = {};
  if (municipalities.length) filter.municipalities = municipalities;
  if (thresholds.length) filter.thresholds = thresholds;
  if (direction) filter.direction = direction;
  if (document.getElementById('sub-targets').checked) filter.targets = true;
  // what the form does not show (the indicators) stays as the subscription had it
  const kept = editing && editing.filter;
  if (kept && kept.indicators && kept.indicators.length) filter.indicators = kept.indicators;
  return Object.keys(filter).length ? filter : null;
}

/** The threshold rows as the form holds them: {on: "TOTAL" or a goal number, value: the text typed}. */
function readThresholds() {
  return Array.from(document.querySelectorAll('#threshold-rows li')).map(row => ({
    on: row.querySelector('select').value, value: row.querySelector('input').value.trim()
  }));
}

/** One threshold row; its fields carry the paths the API names (filter.thresholds[i], filter.thresholds[i].value). */
function thresholdRow(threshold, i) {
  const on = String(threshold.on || 'TOTAL');
  // A stored threshold on a goal no wave's questionnaire asks (any more) keeps its goal: the form never changes it unasked.
  const goals = on === 'TOTAL' || goalNumbers.includes(Number(on)) ? goalNumbers
    : [...goalNumbers, Number(on)].sort((a, b) => a - b);
  const options = [['TOTAL', 'totaalscore']].concat(goals.map(g => [String(g), `doel ${g}`]))
    .map(([v, l]) => `<option value="${v}"${v === on ? ' selected' : ''}>${l}</option>`).join('');
  return `<li data-threshold="${i}">
    <label for="sub-threshold-${i}-on">Drempel ${i + 1} op</label>
    <select id="sub-threshold-${i}-on" data-field="filter.thresholds[${i}]">${options}</select>
    <span id="sub-threshold-${i}-on-error" class="field-error" hidden></span>
    <label for="sub-threshold-${i}-value">grens (0–100)</label>
    <input id="sub-threshold-${i}-value" data-field="filter.thresholds[${i}].value" type="number" inputmode="decimal"
      min="0" max="100" step="0.5" size="5" value="${escapeHtml(String(threshold.value ?? ''))}">
    <span id="sub-threshold-${i}-value-error" class="field-error" hidden></span>
    <button type="button" data-remove-threshold aria-label="Drempel ${i + 1} verwijderen">Verwijderen</button></li>`;
}

function renderThresholds(thresholds) {
  const list = document.getElementById('threshold-rows');
  list.innerHTML = thresholds.map(thresholdRow).join('');
  list.querySelectorAll('button[data-remove-threshold]').forEach(button => {
    button.onclick = () => {
      // Renumbered so the field paths stay filter.thresholds[i] as the API will name them.
      const at = Number(button.closest('li').dataset.threshold);
      renderThresholds(readThresholds().filter((_, i) => i !== at));
      const rest = list.querySelectorAll('li');
      (rest.length ? rest[Math.min(at, rest.length - 1)].querySelector('select') : document.getElementById('threshold-add')).focus();
    };
  });
}

/** The form's field paths, a threshold row's included (the longest path of an error wins). */
function formFields() {
  return FORM_FIELDS.concat(readThresholds().flatMap((_, i) => [`filter.thresholds[${i}]`, `filter.thresholds[${i}].value`]));
}

function showChannelFields() {
  const form = document.getElementById('subscribe');
  const channel = document.getElementById('sub-channel').value;
  form.querySelectorAll('[data-for]').forEach(row => {
    row.hidden = row.dataset.for !== channel;
  });
  form.querySelectorAll('[data-not-for]').forEach(row => {
    row.hidden = row.dataset.notFor === channel;
  });
}

/** Turns the form into "Abonnement wijzigen" for one subscription: its region, channel and address stay. */
function startEdit(subscription) {
  const form = document.getElementById('subscribe');
  clearErrors(form, document.getElementById('subscribe-summary'));
  editing = subscription;
  const filter = subscription.filter || {};
  document.getElementById('subscribe-title').textContent = 'Abonnement wijzigen';
  document.getElementById('sub-region').value = subscription.region;
  document.getElementById('sub-channel').value = subscription.channel;
  document.getElementById('sub-url').value = subscription.url || '';
  document.getElementById('sub-email').value = subscription.email || '';
  ['sub-region', 'sub-channel', 'sub-url', 'sub-email'].forEach(id => { document.getElementById(id).disabled = true; });
  document.getElementById('sub-description').value = subscription.description || '';
  document.getElementById('sub-municipalities').innerHTML = municipalityOptions(subscription.region, filter.municipalities || []);
  renderThresholds((filter.thresholds || []).map(t => ({ on: t.scope === 'TOTAL' ? 'TOTAL' : String(t.goal), value: t.value })));
  document.getElementById('sub-direction').value = filter.direction || '';
  document.getElementById('sub-targets').checked = !!filter.targets;
  document.getElementById('sub-digest').checked = !!subscription.digest;
  document.getElementById('subscribe-submit').textContent = 'Wijzigingen opslaan';
  document.getElementById('subscribe-cancel').hidden = false;
  showChannelFields();
  form.scrollIntoView();
  document.getElementById('sub-description').focus();
}

function endEdit() {
  const form = document.getElementById('subscribe');
  editing = null;
  form.reset();
  ['sub-region', 'sub-channel', 'sub-url', 'sub-email'].forEach(id => { document.getElementById(id).disabled = false; });
  document.getElementById('subscribe-title').textContent = 'Nieuw abonnement';
  document.getElementById('subscribe-submit').textContent = 'Abonneren';
  document.getElementById('subscribe-cancel').hidden = true;
  document.getElementById('sub-municipalities').innerHTML = municipalityOptions(document.getElementById('sub-region').value);
  renderThresholds([]);
  showChannelFields();
}

function wireSubscribeForm() {
  const form = document.getElementById('subscribe');
  const channel = document.getElementById('sub-channel');
  const region = document.getElementById('sub-region');
  channel.onchange = showChannelFields;
  region.onchange = () => {
    document.getElementById('sub-municipalities').innerHTML = municipalityOptions(region.value);
  };
  region.onchange();
  renderThresholds([]);
  document.getElementById('threshold-add').onclick = () => {
    const list = document.getElementById('threshold-rows');
    renderThresholds(readThresholds().concat([{ on: 'TOTAL', value: '' }]));
    list.lastElementChild.querySelector('select').focus();
  };
  showChannelFields();
  document.getElementById('subscribe-cancel').onclick = () => {
    endEdit();
    say('Wijzigen geannuleerd.');
  };
  form.onsubmit = async event => {
    event.preventDefault();
    const summary = document.getElementById('subscribe-summary');
    clearErrors(form, summary);
    const options = {};
    const description = document.getElementById('sub-description').value.trim();
    if (description) options.description = description;
    // A threshold without a limit is not sent: it is placed at its field here.
    const blank = readThresholds().map((t, i) => t.value === '' ? `filter.thresholds[${i}].value` : null).filter(Boolean);
    if (blank.length) {
      showErrors(form, { byField: Object.fromEntries(blank.map(path => [path, ['Vul een grens in.']])), unplaced: [] }, summary);
      return;
    }
    const filter = filterFromForm();
    if (filter) options.filter = filter;
    if (channel.value !== 'STREAM' && document.getElementById('sub-digest').checked) options.digest = true;
    try {
      if (editing) {
        await notifications.put(`/api/subscriptions/${editing.id}`, options);
        endEdit();
        await reloadSubscriptions();
        say('Abonnement gewijzigd.');
        return;
      }
      const request = { region: region.value, channel: channel.value, ...options };
      if (channel.value === 'WEBHOOK') request.url = document.getElementById('sub-url').value.trim();
      if (channel.value === 'EMAIL') request.email = document.getElementById('sub-email').value.trim();
      const created = await notifications.post('/api/subscriptions', request);
      endEdit();
      await reloadSubscriptions();
      say(`Abonnement aangemaakt (${CHANNELS[created.channel]}).`);
      if (created.secret) {
        showSecret(created.secret);
      }
    } catch (e) {
      if (!e.problem) throw e;
      showErrors(form, placeErrors(e.problem, formFields(), ERROR_TEXTS), summary);
    }
  };
}

/**
 * The goal numbers of the questionnaires the waves are filled in with (every version a wave uses, the latest when
 * there is no wave), ascending: a subscription's threshold and the alert filter name one of them.
 */
async function questionnaireGoals() {
  const waves = await survey.get('/api/waves');
  const versions = [...new Set(waves.map(w => w.questionnaireVersion))];
  const questionnaires = await Promise.all(versions.length
    ? versions.map(v => survey.get(`/api/questionnaire/${v}`)) : [survey.get('/api/questionnaire')]);
  return [...new Set(questionnaires.flatMap(q => q.goals.map(g => g.number)))].sort((a, b) => a - b);
}

async function wireRegionMunicipalities() {
  const regionSelect = document.getElementById('contacts-region');
  const municipalitySelect = document.getElementById('contacts-municipality');
  const showRegion = async () => {
    municipalitySelect.innerHTML = municipalityOptions(regionSelect.value);
    // One part failing (a service away) leaves the other and the rest of the page.
    await Promise.all([
      showOutstanding(regionSelect.value).catch(e => {
        document.getElementById('outstanding-status').textContent = 'De lijst is nu niet beschikbaar: '
          + placeErrors(e.problem || { status: e.status }, []).unplaced.join(' ');
      }),
      contactsOf(municipalitySelect.value)]);
  };
  regionSelect.onchange = showRegion;
  municipalitySelect.onchange = () => contactsOf(municipalitySelect.value);
  document.getElementById('contact-add').onclick = () => {
    const body = document.querySelector('#contacts-table tbody');
    body.insertAdjacentHTML('beforeend', contactRow({}, body.children.length));
    wireContactRows();
    body.lastElementChild.querySelector('input').focus();
  };
  document.getElementById('contacts').onsubmit = async event => {
    event.preventDefault();
    await saveContacts(municipalitySelect.value);
  };
  await showRegion();
}

async function showOutstanding(region) {
  const status = document.getElementById('outstanding-status');
  const table = document.getElementById('outstanding');
  table.hidden = true;
  if (!region) {
    status.textContent = 'Geen regio.';
    return;
  }
  const wave = openWave(await survey.get('/api/waves'));
  if (!wave) {
    document.getElementById('outstanding-title').textContent = 'Nog niet ingediend';
    status.textContent = 'Er loopt nu geen uitvraag.';
    return;
  }
  const [outstanding, campaign] = await Promise.all([
    reportingApi(`/api/regions/${encodeURIComponent(region)}/outstanding?year=${wave.year}`),
    // Analysts see the list but not the campaign's addresses (personal data): 403 there.
    survey.get(`/api/regions/${encodeURIComponent(region)}/campaign?year=${wave.year}`).catch(e => {
      if (e.status !== 403) throw e;
      return null;
    })]);
  const sent = campaignByMunicipality(campaign ? campaign.messages : []);
  const lines = (list, withStep) => !campaign ? '<span class="muted">geen inzage</span>'
    : list.length ? list.map(m => escapeHtml((withStep ? stepLabel(m.step) + ' — ' : '') + messageLine(m))).join('<br>')
      : '<span class="muted">nog niet</span>';
  document.getElementById('outstanding-title').textContent = `Nog niet ingediend in ${wave.year}`;
  status.textContent = outstanding.outstanding.length === 0 ? 'Alle gemeenten van de regio hebben ingediend.'
    : `${outstanding.outstanding.length} van ${outstanding.invited} gemeenten hebben nog niet ingediend.`;
  table.querySelector('tbody').innerHTML = outstanding.outstanding.map(m => `
    <tr data-municipality="${escapeHtml(m.municipality)}"><td>${escapeHtml(m.municipality)}</td><td>${escapeHtml(m.name)}</td>
      <td data-invited>${lines((sent.get(m.municipality) || { invited: [] }).invited)}</td>
      <td data-reminded>${lines((sent.get(m.municipality) || { reminded: [] }).reminded, true)}</td>
      <td><button type="button" data-contacts="${escapeHtml(m.municipality)}" aria-label="Contactpersonen van ${escapeHtml(m.name)}">Contactpersonen</button></td></tr>`).join('');
  table.querySelectorAll('button[data-contacts]').forEach(button => {
    button.onclick = async () => {
      document.getElementById('contacts-municipality').value = button.dataset.contacts;
      await contactsOf(button.dataset.contacts);
      document.getElementById('contacts-municipality').focus();
    };
  });
  table.hidden = outstanding.outstanding.length === 0;
}

function contactRow(contact, i) {
  const field = (name, type, label, size) => `<input id="contact-${i}-${name}" data-field="contacts[${i}].${name}" type="${type}"
      size="${size}" value="${escapeHtml(contact[name] || '')}" aria-label="${label} ${i + 1}">
      <span id="contact-${i}-${name}-error" class="field-error" hidden></span>`;
  return `<tr data-contact="${i}"><td>${field('name', 'text', 'Naam', 20)}</td><td>${field('email', 'email', 'E-mailadres', 28)}</td>
    <td>${field('role', 'text', 'Rol', 16)}</td>
    <td><button type="button" data-remove-contact aria-label="Contactpersoon ${i + 1} verwijderen">Verwijderen</button></td></tr>`;
}

function wireContactRows() {
  const body = document.querySelector('#contacts-table tbody');
  body.querySelectorAll('button[data-remove-contact]').forEach(button => {
    button.onclick = () => {
      // Renumbered so field paths stay contacts[i] as the API will name them.
      const rest = readContacts().filter((_, i) => i !== Number(button.closest('tr').dataset.contact));
      renderContacts(rest);
      document.getElementById('contacts-status').textContent = 'Verwijderd; sla op om het door te voeren.';
      document.getElementById('contact-add').focus();
    };
  });
  document.getElementById('contacts-empty').hidden = body.children.length > 0;
}

function renderContacts(contacts) {
  document.querySelector('#contacts-table tbody').innerHTML = contacts.map(contactRow).join('');
  wireContactRows();
}

function readContacts() {
  return Array.from(document.querySelectorAll('#contacts-table tbody tr')).map(row => {
    const value = name => row.querySelector(`input[data-field$=".${name}"]`).value.trim();
    const contact = { name: value('name'), email: value('email') };
    if (value('role')) contact.role = value('role');
    return contact;
  });
}

/** Shows a municipality's contacts, or says why they cannot be shown now. */
function contactsOf(code) {
  return showContacts(code).catch(e => {
    document.getElementById('contacts-status').textContent = 'De contactpersonen zijn nu niet beschikbaar: '
      + placeErrors(e.problem || { status: e.status }, []).unplaced.join(' ');
  });
}

async function showContacts(code) {
  clearErrors(document.getElementById('contacts'), document.getElementById('contacts-summary'));
  document.getElementById('contacts-status').textContent = '';
  if (!code) {
    renderContacts([]);
    return;
  }
  let found;
  try {
    found = await survey.get(`/api/municipalities/${encodeURIComponent(code)}/contacts`);
  } catch (e) {
    if (e.status !== 403) throw e;
    renderContacts([]);
    document.getElementById('contacts-empty').hidden = true;
    document.getElementById('contacts-status').textContent =
      'Contactpersonen zijn alleen in te zien voor de coördinatoren van de regio en beheerders.';
    document.getElementById('contact-add').disabled = true;
    document.getElementById('contacts-save').disabled = true;
    return;
  }
  document.getElementById('contact-add').disabled = false;
  document.getElementById('contacts-save').disabled = false;
  renderContacts(found.contacts);
  document.getElementById('contacts-table').dataset.municipality = code;
}

async function saveContacts(code) {
  const form = document.getElementById('contacts');
  const summary = document.getElementById('contacts-summary');
  clearErrors(form, summary);
  const contacts = readContacts();
  try {
    const saved = await survey.put(`/api/municipalities/${encodeURIComponent(code)}/contacts`, { contacts });
    renderContacts(saved.contacts);
    document.getElementById('contacts-status').textContent = `Contactpersonen opgeslagen (${saved.contacts.length}).`;
  } catch (e) {
    if (!e.problem) throw e;
    const fields = contacts.flatMap((_, i) => [`contacts[${i}].name`, `contacts[${i}].email`, `contacts[${i}].role`]);
    showErrors(form, placeErrors(e.problem, fields, ERROR_TEXTS), summary);
  }
}
