// The Monitor dashboard: plain JavaScript over the reporting-service's JSON API (the same one the reports use),
// Chart.js for the figures. Routes live in the URL fragment:
//   #/national?year=2017&compare=2014   per goal (bars by band, comparison year as dots) and per size class
//   #/rapport?year=2017&compare=2014&region=  the whole yearly report (Figuur/Tabel 4.1-4.14, documents, distribution):
//                                        rapport.js
//   #/region/<region>?year=2017          every municipality of a Veilig Thuis region, the region against the nation
//   #/card/<code>/<year>?components=...  a municipality's card, with the component switches and its trend
//   #/response?year=2021&region=...      the live response of a wave (Tabel 3.1 while it runs), who has not submitted
//   #/meldingen?municipality=&goal=&state= the region's alerts (live) and the coordinator's subscriptions: meldingen.js
//   #/drempels?region=                   the coordinators' thresholds on indicator figures (scoring-service): drempels.js
//   #/beheer/<section>                   the administrator's waves, campaigns, audit trail, dead letters, parked
//                                        outbox rows and read-model rebuild: beheer.js
// Signing in and the caller's token: web-foundation's /shared/auth.js.

import { accessToken, claims, currentToken, forget, showSignIn, startSignIn } from '/shared/auth.js';
import { createApi, escapeHtml } from '/shared/api.js';
import { bandOf as bandOfScore, DEFAULT_BOUNDS } from '/shared/bands.js';
import { boundsOf } from '/shared/questionnaire.js';
import { leaveMeldingen, meldingenView } from './meldingen.js';
import { beheerView } from './beheer.js';
import { drempelsView } from './drempels.js';
import { indicatorenView } from './indicatoren.js';
import { rapportView } from './rapport.js';

// Band colours with at least 4.5:1 against white (WCAG 2.1 AA: white text on them, bars on a white chart).
const BAND_COLOURS = { RED: '#b03a2e', ORANGE: '#9c4a00', GREEN: '#1e7040' };
const COMPONENTS = [['borging', 'Borging'], ['inhoud', 'Inhoud'], ['bereik', 'Bereik']];
const charts = [];

const view = document.getElementById('view');
const message = document.getElementById('message');

// Each render has a ticket; a render overtaken by a newer one (the user clicked on) stops before touching the page.
let currentTicket = 0;

class Overtaken extends Error {
}

async function fresh(ticket, promise) {
  const value = await promise;
  if (ticket !== currentTicket) {
    throw new Overtaken();
  }
  clearCharts();
  return value;
}

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(path) {
  const response = await fetch(path, {
    headers: { Authorization: 'Bearer ' + await accessToken(), Accept: 'application/json' }
  });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (ignored) { /* not a problem document */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

/**
 * Downloads a report in another format (the same endpoint with ?format=csv, xlsx or pdf), with the caller's token.
 */
async function download(path, format, filename) {
  const separator = path.includes('?') ? '&' : '?';
  const response = await fetch(path + separator + 'format=' + format, {
    headers: { Authorization: 'Bearer ' + await accessToken() }
  });
  if (!response.ok) {
    message.hidden = false;
    message.textContent = 'Kan de ' + format.toUpperCase() + ' niet ophalen: HTTP ' + response.status;
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function csvButton(id, path, filename) {
  downloadButton(id, path, 'csv', filename);
}

function downloadButton(id, path, format, filename) {
  const button = document.getElementById(id);
  button.onclick = () => download(path, format, filename);
}

// ---- formatting

const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const score = value => value == null ? '–' : nl.format(value);
const percent = value => value == null ? '–' : value + ' %';
const signed = value => value == null ? '–' : (value > 0 ? '+' : '') + nl.format(value);
/**
 * The scale of a year's scoring rules (the survey-service's /api/years/{year}/questionnaire: maxima and band bounds),
 * for the bands of means the reporting-service does not band itself. When the survey-service cannot answer, the
 * shipped rules' bounds (25/75 of 100), so the figures still show.
 */
async function yearScale(year) {
  try {
    const settings = await dashboardApp();
    const survey = createApi({ baseUrl: settings.surveyUrl, token: accessToken });
    return (await survey.get(`/api/years/${year}/questionnaire`)).scale;
  } catch (e) {
    return { goal: 100, redBelow: DEFAULT_BOUNDS.red, greenAbove: DEFAULT_BOUNDS.green };
  }
}
const bandLabel = { RED: 'rood', ORANGE: 'oranje', GREEN: 'groen' };
/** Result against a municipality's own target (issue 28), as the card and the region view word it. */
const TARGET_LABELS = { MET: 'gehaald', MISSED: 'niet gehaald', ON_TRACK: 'op koers', BEHIND: 'achter op koers',
  NO_RESULT: 'geen resultaat', NO_TARGET: 'geen doel' };
const targetStatus = status => `<span class="target target-${status}">${TARGET_LABELS[status] || '–'}</span>`;
const band = value => value ? `<span class="band ${value}">${bandLabel[value]}</span>` : '–';
/** A figure withheld because fewer than k municipalities make it up (small-cell suppression, from the API's flags). */
const held = (suppressed, text) => suppressed
  ? '<span class="suppressed" title="Afgeschermd: te weinig gemeenten in deze groep">–</span>' : text;

/** Predecessors of a merged municipality with their weight: "Nuth (15.425 inw., 42 %, 30,0)". */
const inhabitants = new Intl.NumberFormat('nl-NL');
const predecessorList = predecessors => predecessors.map(p => `${escapeHtml(p.name)} (${inhabitants.format(p.inhabitants)}
  inw.${p.approximate ? ' (benadering)' : ''}, ${p.scored ? `${percent(p.share)}, ${score(p.points)}` : 'niet deelgenomen'})`)
  .join('; ');

function parseRoute() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || '') };
}

function go(hash) {
  location.hash = hash;
}

function clearCharts() {
  while (charts.length) {
    charts.pop().destroy();
  }
}

function chart(canvas, config) {
  const made = new Chart(canvas, config);
  charts.push(made);
  return made;
}

// ---- views

async function nationalView(ticket, params) {
  const year = Number(params.get('year') || 2017);
  const compare = params.get('compare') === null ? year - 3 : Number(params.get('compare')) || null;
  const query = `year=${year}` + (compare ? `&compareWith=${compare}` : '');
  const [scores, participation, scale] = await fresh(ticket, Promise.all([
    api(`/api/reports/goal-scores?${query}`), api(`/api/reports/participation?${query}`), yearScale(year)]));
  const bandOf = value => bandOfScore(value, boundsOf(scale));
  const at = goal => goal.years.find(y => y.year === year);
  const before = goal => compare ? goal.years.find(y => y.year === compare) : null;
  view.innerHTML = `
    <div class="panel controls">
      <label>Jaar <input id="year" type="number" value="${year}" min="2000" max="2100"></label>
      <label>Vergelijken met <input id="compare" type="number" value="${compare ?? ''}" min="2000" max="2100"></label>
      <button id="show" type="button">Toon</button>
    </div>
    <div class="panel">
      <h2>Gemiddelde score per doelstelling, ${year}${compare ? ` (stippen: ${compare})` : ''}
        <button id="download-goal-scores" type="button" class="csv">CSV</button>
        <button id="download-yearly-pdf" type="button" class="csv">Jaarrapport (PDF)</button>
        <button id="download-yearly-xlsx" type="button" class="csv">Excel</button></h2>
      <p class="muted">Per doelstelling de onderdelen door de jaren, de maatregelen, de documenten, de rapportcijfers en
        de extra vragen: <a href="#/rapport?year=${year}&compare=${compare ?? 'none'}">het hele rapport</a>.</p>
      <div class="chart"><canvas id="goal-chart" aria-label="Score per doelstelling"></canvas></div>
      <table id="goal-table">
        <thead><tr><th>Doel</th><th>Titel</th><th class="num">n</th><th class="num">Totaal ${year}</th><th>Band</th>
          <th class="num">Borging</th><th class="num">Inhoud</th><th class="num">Bereik</th>
          ${compare ? `<th class="num">Totaal ${compare}</th>` : ''}</tr></thead>
        <tbody>${scores.goals.map(goal => `
          <tr data-goal="${goal.goal}"><td>${goal.goal}</td><td>${escapeHtml(goal.title)}</td>
            <td class="num">${at(goal).n}</td>
            <td class="num total">${held(at(goal).suppressed, score(at(goal).meanTotal))}</td>
            <td>${held(at(goal).suppressed, band(bandOf(at(goal).meanTotal)))}</td>
            <td class="num">${held(at(goal).suppressed, score(at(goal).meanBorging))}</td>
            <td class="num">${held(at(goal).suppressed, score(at(goal).meanInhoud))}</td>
            <td class="num">${held(at(goal).suppressed, score(at(goal).meanBereik))}</td>
            ${compare ? `<td class="num compare">${score(before(goal)?.meanTotal)}</td>` : ''}</tr>`).join('')}
        </tbody>
      </table>
    </div>
    <div class="panel">
      <h2>Deelname en gemiddelde totaalscore per grootteklasse
        <button id="download-participation" type="button" class="csv">CSV</button></h2>
      <div class="chart"><canvas id="size-chart" aria-label="Score per grootteklasse"></canvas></div>
      <table id="size-table">
        <thead><tr><th>Grootteklasse</th>${participation.sizeClasses[0].years.map(y => `
          <th class="num">Uitgenodigd ${y.year}</th><th class="num">Deelname ${y.year}</th>
          <th class="num">Gem. totaal ${y.year}</th>`).join('')}</tr></thead>
        <tbody>${participation.sizeClasses.map(row => `
          <tr><td>${escapeHtml(row.label)}</td>${row.years.map(y => `
            <td class="num">${y.invited}</td><td class="num">${y.participated} (${percent(y.percent)})</td>
            <td class="num">${held(y.suppressed, score(y.meanTotal))}</td>`).join('')}</tr>`).join('')}
        </tbody>
      </table>
    </div>`;
  csvButton('download-goal-scores', `/api/reports/goal-scores?${query}`, `doelen-${year}.csv`);
  downloadButton('download-yearly-pdf', `/api/reports/yearly?${query}`, 'pdf', `jaarrapport-${year}.pdf`);
  downloadButton('download-yearly-xlsx', `/api/reports/yearly?${query}`, 'xlsx', `jaarrapport-${year}.xlsx`);
  csvButton('download-participation', `/api/reports/participation?${query}`, `grootteklassen-${year}.csv`);
  document.getElementById('show').onclick = () => {
    const compareTo = document.getElementById('compare').value;
    go(`#/national?year=${document.getElementById('year').value}&compare=${compareTo || 'none'}`);
  };

  const labels = scores.goals.map(goal => 'Doel ' + goal.goal);
  const datasets = [{
    type: 'bar', label: String(year), data: scores.goals.map(goal => at(goal).meanTotal),
    backgroundColor: scores.goals.map(goal => BAND_COLOURS[bandOf(at(goal).meanTotal)] || '#ccc'), order: 2
  }];
  if (compare) {
    datasets.push({
      type: 'line', label: String(compare), data: scores.goals.map(goal => before(goal)?.meanTotal ?? null),
      showLine: false, pointRadius: 6, pointBackgroundColor: '#14365d', borderColor: '#14365d', order: 1
    });
  }
  chart(document.getElementById('goal-chart'), {
    data: { labels, datasets },
    options: { maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: scale.goal } } }
  });
  const classes = participation.sizeClasses.filter(row => row.sizeClass !== null);
  chart(document.getElementById('size-chart'), {
    type: 'bar',
    data: {
      labels: classes.map(row => row.label),
      datasets: classes[0].years.map((y, i) => ({
        label: String(y.year), data: classes.map(row => row.years[i].meanTotal),
        backgroundColor: i === classes[0].years.length - 1 ? '#14365d' : '#9fb4cc'
      }))
    },
    options: { maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: scale.goal } } }
  });
}

/**
 * "De regio en Nederland": the region's mean total and per goal mean points against the nation's, with their counts
 * (the region view's {@code comparison}); a mean the API withholds shows as withheld, the nation's count with it.
 */
function comparisonPanel(data) {
  const line = l => `<td class="num region-n">${l.regionN}</td>
    <td class="num region-mean">${held(l.regionMeanSuppressed, score(l.regionMean))}</td>
    <td class="num nation-n">${held(l.nationMeanSuppressed, l.nationN ?? '–')}</td>
    <td class="num nation-mean">${held(l.nationMeanSuppressed, score(l.nationMean))}</td>
    <td class="num difference">${l.regionMean == null || l.nationMean == null ? '–'
      : signed(Math.round((l.regionMean - l.nationMean) * 10) / 10)}</td>`;
  return `<div class="panel">
      <h2 id="comparison-title">De regio en Nederland, ${data.year}</h2>
      <table id="comparison-table" aria-labelledby="comparison-title">
        <thead><tr><th scope="col">Doel</th><th scope="col" class="num">Gemeenten regio</th>
          <th scope="col" class="num">Gemiddelde regio</th><th scope="col" class="num">Gemeenten Nederland</th>
          <th scope="col" class="num">Gemiddelde Nederland</th><th scope="col" class="num">Verschil</th></tr></thead>
        <tbody>
          <tr data-goal="total"><th scope="row">Totaalscore</th>${line(data.comparison.total)}</tr>
          ${data.comparison.goals.map(g => `<tr data-goal="${g.goal}"><th scope="row">${g.goal}. ${
            escapeHtml(g.title)}</th>${line(g.line)}</tr>`).join('')}
        </tbody>
      </table>
    </div>`;
}

async function regionView(ticket, parts, params) {
  const region = parts[1] || claims().region || 'Groningen';
  const year = Number(params.get('year') || 2017);
  const [data, regions] = await fresh(ticket, Promise.all([
    api(`/api/regions/${encodeURIComponent(region)}/municipalities?year=${year}`), api('/api/regions')]));
  const trend = { UP: '▲ hoger', DOWN: '▼ lager', SAME: '= gelijk', NEW: 'nieuw', NONE: '–' };
  view.innerHTML = `
    <div class="panel controls">
      <label>Regio <select id="region">${regions.map(name => `<option ${name === region ? 'selected' : ''}>${
        escapeHtml(name)}</option>`).join('')}</select></label>
      <label>Jaar <input id="year" type="number" value="${year}"></label>
      <button id="show" type="button">Toon</button>
    </div>
    <div class="panel">
      <h2>Regio ${escapeHtml(data.region)}, ${data.year}
        <button id="download-region" type="button" class="csv">CSV</button>
        <button id="download-region-pdf" type="button" class="csv">Regiorapport (PDF)</button>
        <button id="download-region-xlsx" type="button" class="csv">Excel</button></h2>
      <table id="region-table">
        <thead><tr><th>Gemeente</th><th class="num">Totaal</th><th>Band</th><th class="num">Doelen</th>
          <th class="num">Verandering</th><th>Trend</th><th>Eigen doelen</th></tr></thead>
        <tbody>${data.municipalities.map(row => `
          <tr data-municipality="${row.municipality}">
            <td>${row.participated ? `<a href="#/card/${row.municipality}/${data.year}">${escapeHtml(row.name)}</a>`
              : `<span class="muted">${escapeHtml(row.name)} (niet deelgenomen)</span>`}${row.previousFromPredecessors
              ? `<br><span class="muted predecessors">${row.previousYear}: ${predecessorList(row.predecessors)}</span>` : ''}</td>
            <td class="num">${score(row.total)}</td><td>${band(row.band)}</td>
            <td class="num">${row.goalsAnswered ?? '–'}</td><td class="num">${signed(row.change)}</td>
            <td class="trend-${row.trend}">${trend[row.trend] || row.trend}</td>
            <td class="target-status">${targetStatus(row.targetStatus)}</td></tr>`).join('')}
        </tbody>
      </table>
    </div>
    ${data.comparison ? comparisonPanel(data) : ''}`;
  csvButton('download-region', `/api/regions/${encodeURIComponent(region)}/municipalities?year=${year}`,
    `regio-${region}-${year}.csv`);
  downloadButton('download-region-pdf', `/api/regions/${encodeURIComponent(region)}/municipalities?year=${year}`,
    'pdf', `regiorapport-${region}-${year}.pdf`);
  downloadButton('download-region-xlsx', `/api/regions/${encodeURIComponent(region)}/municipalities?year=${year}`,
    'xlsx', `regio-${region}-${year}.xlsx`);
  document.getElementById('show').onclick = () =>
    go(`#/region/${encodeURIComponent(document.getElementById('region').value)}?year=${document.getElementById('year').value}`);
}

async function cardView(ticket, parts, params) {
  const code = parts[1] || claims().municipality || 'GM0014';
  const year = Number(parts[2] || params.get('year') || 2017);
  const components = (params.get('components') || 'borging,inhoud,bereik').split(',').filter(Boolean);
  const [card, settings] = await fresh(ticket, Promise.all([
    api(`/api/municipalities/${code}/card?year=${year}&components=${components.join(',')}`),
    dashboardApp().catch(() => null)]));
  view.innerHTML = `
    <div class="panel">
      <h2>${escapeHtml(card.name)} (${card.municipality}), ${card.year}
        <button id="download-card" type="button" class="csv">CSV</button>
        <button id="download-factsheet" type="button" class="csv">Factsheet (PDF)</button></h2>
      <p class="muted">Regio ${escapeHtml(card.region)}, ${escapeHtml(card.sizeClassLabel)}.
        ${card.previousYear ? `Vergeleken met ${card.previousYear}${card.history.at(-1).merged
          ? ' (gewogen gemiddelde van de voorgangers)' : ''}.` : 'Geen eerdere deelname.'}</p>
      <div class="switches" id="switches">Onderdelen:
        ${COMPONENTS.map(([id, label]) => `<label><input type="checkbox" data-component="${id}"
          ${components.includes(id) ? 'checked' : ''}> ${label}</label>`).join('')}
        <span class="muted">maximum ${score(card.maximum)} punten</span>
      </div>
      <p id="card-total">Totaal: <strong class="points">${score(card.total.points)}</strong> punten
        (<span class="percent">${percent(card.total.percent)}</span>) ${band(card.total.band)},
        ${card.total.goalsAnswered} doelen beantwoord, verandering ${signed(card.total.change)}</p>
      <div class="chart"><canvas id="card-chart" aria-label="Scores per doelstelling"></canvas></div>
      <table id="card-table">
        <thead><tr><th>Doel</th><th>Titel</th><th class="num">Punten</th><th class="num">%</th><th>Band</th>
          <th class="num">Verandering</th><th class="num">Grootteklasse</th><th class="num">Regio</th>
          <th class="num">Land</th></tr></thead>
        <tbody>${card.goals.map(goal => `
          <tr data-goal="${goal.goal}"><td>${goal.goal}</td><td>${escapeHtml(goal.title)}</td>
            <td class="num points">${goal.answered ? score(goal.points) : 'niet beantwoord'}</td>
            <td class="num percent">${percent(goal.percent)}</td><td>${band(goal.band)}</td>
            <td class="num">${signed(goal.change)}</td>
            <td class="num size-class-mean">${held(goal.sizeClassMeanSuppressed, score(goal.sizeClassMean))}</td>
            <td class="num region-mean">${held(goal.regionMeanSuppressed, score(goal.regionMean))}</td>
            <td class="num country-mean">${held(goal.countryMeanSuppressed, score(goal.countryMean))}</td></tr>`).join('')}
        </tbody>
      </table>
    </div>
    ${card.history.length === 0 ? '' : `<div class="panel">
      <h2>Verloop over de jaren</h2>
      <p class="muted">Een gefuseerde gemeente krijgt in eerdere jaren het naar inwonertal gewogen gemiddelde van haar
        voorgangers in de gemeentelijke indeling van dat jaar.</p>
      <table id="trend-table">
        <thead><tr><th>Jaar</th><th>Indeling</th><th class="num">Punten</th><th>Samengesteld uit</th></tr></thead>
        <tbody>${card.history.map(y => `
          <tr data-year="${y.year}"><td>${y.year}</td><td>1 januari ${y.divisionYear}</td>
            <td class="num points">${score(y.points)}</td>
            <td class="predecessors">${y.merged ? predecessorList(y.predecessors) : 'zelf'}</td></tr>`).join('')}
          <tr data-year="${card.year}"><td>${card.year}</td><td></td>
            <td class="num points">${score(card.total.points)}</td><td>zelf</td></tr>
        </tbody>
      </table>
    </div>`}
    ${planPanel(card, settings)}
    <div class="panel">
      <h2>Advies</h2>
      ${card.advice.length === 0 ? '<p class="muted">Geen advies.</p>' : card.advice.map(advice => `
        <h3>Doel ${advice.goal}: ${escapeHtml(advice.title)} (${score(advice.points)})</h3>
        ${advice.suppressed ? '<p class="muted">Te weinig vergelijkbare gemeenten om hun maatregelen te tonen (afgeschermd).</p>'
          : advice.measures.length === 0 ? '<p class="muted">Geen maatregelen die gemeenten van dezelfde grootte vaker inzetten.</p>'
          : `<ul>${advice.measures.map(m => `<li>${escapeHtml(m.label)} <span class="muted">(${escapeHtml(m.categoryLabel.replace(/[:;\s]+$/, ''))};
              ${m.peers} van ${m.peersAnswered} gemeenten, ${percent(m.percent)})</span></li>`).join('')}</ul>`}`).join('')}
    </div>`;
  csvButton('download-card', `/api/municipalities/${code}/card?year=${year}&components=${components.join(',')}`,
    `gemeentekaart-${code}-${year}.csv`);
  downloadButton('download-factsheet', `/api/municipalities/${code}/card?year=${year}&components=${components.join(',')}`,
    'pdf', `factsheet-${code}-${year}.pdf`);
  document.querySelectorAll('#switches input').forEach(box => box.onchange = () => {
    const chosen = [...document.querySelectorAll('#switches input:checked')].map(b => b.dataset.component);
    if (chosen.length === 0) {
      box.checked = true;
      return;
    }
    go(`#/card/${code}/${year}?components=${chosen.join(',')}`);
  });
  chart(document.getElementById('card-chart'), {
    data: {
      labels: card.goals.map(goal => 'Doel ' + goal.goal),
      datasets: [
        { type: 'bar', label: card.name, data: card.goals.map(goal => goal.points),
          backgroundColor: card.goals.map(goal => BAND_COLOURS[goal.band] || '#ccc'), order: 2 },
        { type: 'line', label: 'Gemiddelde van het land', data: card.goals.map(goal => goal.countryMean), showLine: false,
          pointRadius: 5, pointBackgroundColor: '#14365d', borderColor: '#14365d', order: 1 }]
    },
    options: { maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: card.maximum } } }
  });
}

/**
 * The municipality's own targets against the card year's results and its actions (the card's plan), with a link to
 * the survey-service's plan page, where its respondent edits them.
 */
function planPanel(card, settings) {
  const plan = card.plan;
  const edit = settings ? `<p><a id="plan-edit" href="${escapeHtml(settings.surveyUrl)}/vragenlijst/plan.html?gemeente=${
    encodeURIComponent(card.municipality)}">Eigen doelen en acties bekijken of bewerken</a></p>` : '';
  if (!plan || plan.version === 0) {
    return `<div class="panel" id="plan"><h2>Eigen doelen</h2>
      <p class="muted">${escapeHtml(card.name)} heeft geen eigen doelen vastgelegd.</p>${edit}</div>`;
  }
  const rows = plan.goals.map(g => ({ what: `Doel ${g.goal}: ${escapeHtml(g.title ?? '')}`, ...g }))
    .concat(plan.indicators.map(i => ({ what: `Indicator: ${escapeHtml(i.title)}${Object.keys(i.breakdown).length
      ? ` (${escapeHtml(Object.values(i.breakdown).join(', '))})` : ''}`, ...i })));
  return `<div class="panel" id="plan">
      <h2>Eigen doelen: ${targetStatus(plan.status)} in ${card.year}</h2>
      <p class="muted">Gehaald of niet gehaald zodra het doeljaar bereikt is; daarvoor op koers als het resultaat ten
        minste de rechte lijn van de eerste meting naar het doel volgt (koers).</p>
      <table id="plan-table">
        <thead><tr><th>Doel</th><th class="num">Doeljaar</th><th class="num">Doelwaarde</th>
          <th class="num">Resultaat ${card.year}</th><th class="num">Koers</th><th>Stand</th></tr></thead>
        <tbody>${rows.map(r => `
          <tr data-target="${r.goal ?? r.indicator}"><td>${r.what}</td><td class="num">${r.targetYear}</td>
            <td class="num">${score(r.target)}</td><td class="num">${score(r.result)}</td>
            <td class="num">${score(r.expected)}</td><td class="target-status">${targetStatus(r.status)}</td></tr>`).join('')}
        </tbody>
      </table>
      ${plan.actions.length === 0 ? '' : `<h3>Acties</h3><ul id="plan-actions">${plan.actions.map(a =>
        `<li>${escapeHtml(a.text)}${a.dueYear ? ` <span class="muted">(gereed in ${a.dueYear})</span>` : ''}</li>`).join('')}</ul>`}
      ${edit}
    </div>`;
}

async function responseView(ticket, params) {
  const mine = claims();
  const everything = (mine.groups || []).some(role => role === 'analyst' || role === 'admin');
  const year = Number(params.get('year') || new Date().getFullYear());
  const region = params.get('region') || (everything ? '' : mine.region || '');
  const query = `year=${year}` + (region ? `&region=${encodeURIComponent(region)}` : '');
  const [response, regions, outstanding] = await fresh(ticket, Promise.all([
    api(`/api/reports/response?${query}`), api('/api/regions'),
    region ? api(`/api/regions/${encodeURIComponent(region)}/outstanding?year=${year}`) : Promise.resolve(null)]));
  const line = l => `<td class="num invited">${l.invited}</td><td class="num responded">${l.responded}</td>
    <td class="num outstanding">${l.outstanding}</td><td class="num percent">${percent(l.percent)}</td>`;
  const head = first => `<thead><tr><th>${first}</th><th class="num">Uitgenodigd</th><th class="num">Respons</th>
    <th class="num">Nog niet</th><th class="num">%</th></tr></thead>`;
  view.innerHTML = `
    <div class="panel controls">
      <label>Jaar <input id="year" type="number" value="${year}" min="2000" max="2100"></label>
      <label>Regio <select id="region">${everything ? `<option value="" ${region ? '' : 'selected'}>Heel Nederland</option>` : ''}${
        regions.map(name => `<option ${name === region ? 'selected' : ''}>${escapeHtml(name)}</option>`).join('')}</select></label>
      <button id="show" type="button">Toon</button>
    </div>
    <div class="panel">
      <h2>Respons ${year}${region ? `, regio ${escapeHtml(region)}` : ''} per grootteklasse
        <button id="download-response" type="button" class="csv">CSV</button></h2>
      <p class="muted">Uitgenodigd: ${escapeHtml(response.division)}. Stand van ${
        new Date(response.asOf).toLocaleString('nl-NL')}.</p>
      <table id="response-size-table">${head('Grootteklasse')}
        <tbody>${response.sizeClasses.map(l => `
          <tr data-size-class="${l.sizeClass ?? 'total'}"><td>${escapeHtml(l.label)}</td>${line(l)}</tr>`).join('')}
        </tbody>
      </table>
    </div>
    ${region ? '' : `<div class="panel">
      <h2>Respons ${year} per regio</h2>
      <table id="response-region-table">${head('Regio')}
        <tbody>${response.regions.map(l => `
          <tr data-region="${escapeHtml(l.region ?? 'total')}"><td>${l.region
            ? `<a href="#/response?year=${year}&region=${encodeURIComponent(l.region)}">${escapeHtml(l.label)}</a>`
            : escapeHtml(l.label)}</td>${line(l)}</tr>`).join('')}
        </tbody>
      </table>
    </div>`}
    ${outstanding ? `<div class="panel">
      <h2>Nog niet ingediend in ${escapeHtml(region)}: ${outstanding.outstanding.length} van ${outstanding.invited}
        <button id="download-outstanding" type="button" class="csv">CSV</button></h2>
      ${outstanding.outstanding.length === 0 ? '<p>Alle gemeenten van de regio hebben ingediend.</p>' : `
      <table id="outstanding-table">
        <thead><tr><th>Code</th><th>Gemeente</th><th>Grootteklasse</th><th class="num">Inwoners</th></tr></thead>
        <tbody>${outstanding.outstanding.map(m => `
          <tr data-municipality="${m.municipality}"><td>${m.municipality}</td><td>${escapeHtml(m.name)}</td>
            <td>${escapeHtml(m.sizeClassLabel)}</td><td class="num">${inhabitants.format(m.inhabitants)}</td></tr>`).join('')}
        </tbody>
      </table>`}
    </div>` : ''}`;
  csvButton('download-response', `/api/reports/response?${query}`, `respons-${year}.csv`);
  if (outstanding) {
    csvButton('download-outstanding', `/api/regions/${encodeURIComponent(region)}/outstanding?year=${year}`,
      `nog-niet-ingediend-${region}-${year}.csv`);
  }
  document.getElementById('show').onclick = () => {
    const chosen = document.getElementById('region').value;
    go(`#/response?year=${document.getElementById('year').value}${chosen ? `&region=${encodeURIComponent(chosen)}` : ''}`);
  };
}

// ---- routing

/** The other services the dashboard calls (GET /api/dashboard-app), asked once. */
let dashboardSettings = null;

function dashboardApp() {
  dashboardSettings = dashboardSettings || api('/api/dashboard-app').catch(e => {
    dashboardSettings = null;
    throw e;
  });
  return dashboardSettings;
}

function landingRoute() {
  const mine = claims();
  const roles = mine.groups || [];
  if (roles.includes('respondent') && mine.municipality) {
    return `#/card/${mine.municipality}/2017`;
  }
  if (roles.includes('coordinator') && mine.region) {
    return `#/region/${encodeURIComponent(mine.region)}`;
  }
  return '#/national';
}

async function render() {
  message.hidden = true;
  showSignIn(!currentToken());
  if (!currentToken()) {
    view.innerHTML = '';
    return;
  }
  const mine = claims();
  document.getElementById('who').textContent = [(mine.groups || []).join(', '), mine.region, mine.municipality]
    .filter(Boolean).join(' · ');
  const { parts, params } = parseRoute();
  if (parts.length === 0) {
    go(landingRoute());
    return;
  }
  document.querySelectorAll('nav a').forEach(a => {
    a.classList.toggle('active', a.dataset.nav === parts[0]);
    if (a.dataset.nav === parts[0]) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  document.querySelector('nav a[data-nav="rapport"]').hidden = !(mine.groups || [])
    .some(role => ['coordinator', 'analyst', 'admin'].includes(role));
  document.querySelector('nav a[data-nav="meldingen"]').hidden = !(mine.groups || [])
    .some(role => ['coordinator', 'analyst', 'admin'].includes(role));
  document.querySelector('nav a[data-nav="drempels"]').hidden = !(mine.groups || [])
    .some(role => ['coordinator', 'analyst', 'admin'].includes(role));
  // Only admins manage; the APIs refuse everyone else (403) whatever the page shows.
  document.querySelector('nav a[data-nav="beheer"]').hidden = !(mine.groups || []).includes('admin');
  leaveMeldingen();
  const ticket = ++currentTicket;
  view.dataset.state = 'loading';
  try {
    if (parts[0] === 'region') {
      await regionView(ticket, parts, params);
    } else if (parts[0] === 'card') {
      await cardView(ticket, parts, params);
    } else if (parts[0] === 'response') {
      await responseView(ticket, params);
    } else if (parts[0] === 'rapport') {
      await rapportView(view, { params, api: path => fresh(ticket, api(path)), claims, download });
    } else if (parts[0] === 'indicatoren') {
      await indicatorenView(view, { parts, params, api: path => fresh(ticket, api(path)), chart, download });
    } else if (parts[0] === 'meldingen') {
      const settings = await fresh(ticket, dashboardApp());
      await meldingenView(view, { params, reporting: api, token: accessToken, notificationUrl: settings.notificationUrl,
        surveyUrl: settings.surveyUrl });
      if (ticket !== currentTicket) {
        return;
      }
    } else if (parts[0] === 'drempels') {
      const settings = await fresh(ticket, dashboardApp());
      await drempelsView(view, { params, reporting: path => fresh(ticket, api(path)), claims, token: accessToken,
        scoringUrl: settings.scoringUrl });
      if (ticket !== currentTicket) {
        return;
      }
    } else if (parts[0] === 'beheer') {
      const settings = await fresh(ticket, dashboardApp());
      await beheerView(view, { parts, params, token: accessToken, settings,
        downloadCsv: (path, filename) => download(path, 'csv', filename) });
      if (ticket !== currentTicket) {
        return;
      }
    } else {
      await nationalView(ticket, params);
    }
    view.dataset.state = 'ready';
  } catch (e) {
    if (e instanceof Overtaken) {
      return;
    }
    view.dataset.state = 'error';
    clearCharts();
    view.innerHTML = '';
    message.hidden = false;
    message.textContent = e.status === 401 ? 'Het token is niet (meer) geldig: meld opnieuw aan.'
      : e.status === 403 ? 'Geen toegang: ' + e.message
        : 'Kan het overzicht niet laden: ' + e.message;
    if (e.status === 401) {
      await forget();
      showSignIn(true);
    }
  }
}

window.addEventListener('hashchange', render);
startSignIn(render).then(render, e => {
  message.hidden = false;
  message.textContent = 'Aanmelden is nu niet mogelijk: ' + e.message;
});
