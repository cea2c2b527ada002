// "Meldingen": a coordinator's alerts (newest first, live over the notification-service's alert feed) and their
// subscriptions (create, test call, rotate the secret, delivery log, delete), over the notification-service's REST
// API, called from the browser with the caller's token (CORS there; the dashboard's CSP allows that origin).
//   #/meldingen?municipality=GM0014&goal=3&state=OPEN
// Filters: municipality and state by the API; goal on the page (the API has no goal filter): "total" or 1..n.

import { createApi, escapeHtml, placeErrors, showErrors, clearErrors } from '/shared/api.js';
import { bandHtml } from '/shared/bands.js';
import { dateTime, score } from '/shared/format.js';
import { openEventStream } from '/shared/sse.js';

const CHANNELS = { WEBHOOK: 'Webhook', EMAIL: 'E-mail', STREAM: 'Live feed' };
const DELIVERY_STATUS = { PENDING: 'wacht', DELIVERED: 'afgeleverd', FAILED: 'mislukt', CANCELLED: 'geannuleerd' };
const ALERT_STATE = { OPEN: 'open', RESOLVED: 'opgelost' };
const DIRECTION = { DOWN: 'gedaald', UP: 'gestegen' };
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
  'invalid-email': 'Geef een geldig e-mailadres.'
};
const FORM_FIELDS = ['region', 'channel', 'url', 'email', 'description'];

let stream = null;
let notifications = null;

/** Stops the live feed when the user leaves the page. */
export function leaveMeldingen() {
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
  const what = t.scope === 'GOAL' ? `doel ${t.goal}` : 'totaalscore';
  return `${what}, grens ${score(t.value)}`;
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
  return `<tr data-alert="${escapeHtml(alert.id)}">
    <td>${escapeHtml(dateTime(alert.occurredAt))}</td>
    <td><a href="${card}">${escapeHtml(alert.municipalityName)}</a> <span class="muted">${escapeHtml(alert.municipality)}</span></td>
    <td>${escapeHtml(thresholdText(alert))}</td>
    <td>${alert.type === 'resolved' ? 'hersteld' : escapeHtml(DIRECTION[alert.direction] || alert.direction)}</td>
    <td class="num">${score(alert.previousScore)} ${bandHtml(alert.previousBand)} → ${score(alert.newScore)} ${bandHtml(alert.newBand)}</td>
    <td data-state>${escapeHtml(ALERT_STATE[alert.state] || alert.state)}</td>
  </tr>`;
}

/** Renders the page into {@code view}; {@code reporting} is the reporting-service's API (regions), {@code token} the caller's. */
export async function meldingenView(view, { params, reporting, token, notificationUrl }) {
  notifications = createApi({ baseUrl: notificationUrl, token });
  const filter = {
    municipality: (params.get('municipality') || '').trim().toUpperCase(),
    goal: params.get('goal') || '',
    state: params.get('state') || ''
  };
  const query = new URLSearchParams({ limit: '200' });
  if (filter.municipality) query.set('municipality', filter.municipality);
  if (filter.state) query.set('state', filter.state);
  const [regions, subscriptions] = await Promise.all([reporting('/api/regions'), notifications.get('/api/subscriptions')]);
  let alerts = [];
  let filterProblem = null;
  try {
    alerts = (await notifications.get('/api/alerts?' + query)).filter(a => matches(a, filter));
  } catch (e) {
    if (e.status !== 422) throw e;
    filterProblem = e.problem;
  }
  const goalOptions = ['<option value="">alle</option>', `<option value="total"${filter.goal === 'total' ? ' selected' : ''}>totaalscore</option>`]
    .concat(Array.from({ length: 11 }, (_, i) => i + 1)
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
          <th scope="col">Volgende poging</th><th scope="col">Laatste antwoord</th></tr></thead><tbody></tbody></table>
        <p id="delivery-log-empty" class="muted" hidden>Nog niets afgeleverd.</p>
      </div>
    </div>
    <form id="subscribe" class="panel" novalidate>
      <h3>Nieuw abonnement</h3>
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
      <button id="subscribe-submit" type="submit">Abonneren</button>
    </form>`;

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
    } else if (action === 'delete') {
      row.querySelector('.confirm').hidden = false;
      row.querySelector('[data-action="confirm-delete"]').focus();
    } else if (action === 'cancel-delete') {
      row.querySelector('.confirm').hidden = true;
      row.querySelector('[data-action="delete"]').focus();
    } else if (action === 'confirm-delete') {
      await notifications.delete(`/api/subscriptions/${id}`);
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

async function showLog(id, row) {
  const deliveries = await notifications.get(`/api/subscriptions/${id}/deliveries?limit=50`);
  const panel = document.getElementById('delivery-log');
  document.getElementById('delivery-log-title').textContent =
    'Afleverlog: ' + (row.children[2].textContent || row.children[1].textContent);
  panel.querySelector('tbody').innerHTML = deliveries.map(d => {
    const last = d.attempts && d.attempts.length ? d.attempts[d.attempts.length - 1] : null;
    const answer = !last ? '–' : last.error ? last.error : 'HTTP ' + last.httpStatus;
    return `<tr><td>${escapeHtml(dateTime(d.createdAt))}</td><td>${escapeHtml(DELIVERY_STATUS[d.status] || d.status)}</td>
      <td class="num">${d.attemptsMade}</td><td>${d.nextAttemptAt ? escapeHtml(dateTime(d.nextAttemptAt)) : '–'}</td>
      <td>${escapeHtml(answer)}</td></tr>`;
  }).join('');
  document.getElementById('delivery-log-empty').hidden = deliveries.length > 0;
  panel.hidden = false;
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

function wireSubscribeForm() {
  const form = document.getElementById('subscribe');
  const channel = document.getElementById('sub-channel');
  const showChannelFields = () => form.querySelectorAll('[data-for]').forEach(row => {
    row.hidden = row.dataset.for !== channel.value;
  });
  channel.onchange = showChannelFields;
  showChannelFields();
  form.onsubmit = async event => {
    event.preventDefault();
    const summary = document.getElementById('subscribe-summary');
    clearErrors(form, summary);
    const request = { region: document.getElementById('sub-region').value, channel: channel.value };
    if (channel.value === 'WEBHOOK') request.url = document.getElementById('sub-url').value.trim();
    if (channel.value === 'EMAIL') request.email = document.getElementById('sub-email').value.trim();
    const description = document.getElementById('sub-description').value.trim();
    if (description) request.description = description;
    try {
      const created = await notifications.post('/api/subscriptions', request);
      form.reset();
      showChannelFields();
      await reloadSubscriptions();
      say(`Abonnement aangemaakt (${CHANNELS[created.channel]}).`);
      if (created.secret) {
        showSecret(created.secret);
      }
    } catch (e) {
      if (!e.problem) throw e;
      showErrors(form, placeErrors(e.problem, FORM_FIELDS, ERROR_TEXTS), summary);
    }
  };
}
