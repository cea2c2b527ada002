/**
 * "Rapport": the whole yearly report on one page, in the 2017 report's order, from GET /api/reports/yearly (JSON: the
 * same report objects the PDF and the workbook are made of) — per goal the component means compared by year (Figuur
 * 4.1–4.10) and the measures (Tabel 4.1–4.10), policy inclusion (Tabel 4.11), the documents goals are laid down in,
 * the distribution (< 25, > 75, no goal in policy), the self-assessment grades (Tabel 4.12) with the scatter of grade
 * against total (Figuur 4.12: r, n, p; its points only for analysts and admins, as the API decides) and the extra
 * questions (Tabel 4.13, 4.14, Bijlage 2). Nationally for analysts and admins, a region for its coordinator.
 * Values the API withholds (small-cell suppression) show as "–" marked "Afgeschermd". Figures are inline SVG, each
 * with its numbers in a table beside it.
 */
import { escapeHtml } from '/shared/api.js';
import { integer, percent, score } from '/shared/format.js';

const COMPONENTS = [['meanBorging', 'Borging'], ['meanInhoud', 'Inhoud'], ['meanBereik', 'Bereik']];
/** Bars of the report's year dark, of the comparison year light (both ≥ 3:1 against white). */
const YEAR_COLOURS = ['#14365d', '#5b7fa6'];
const decimals = (value, digits) => value == null ? '–'
  : new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** A value the API withheld: "–" marked as such; otherwise the text. */
export function held(suppressed, text) {
  return suppressed
    ? '<span class="suppressed" title="Afgeschermd: te weinig gemeenten in deze groep">–</span>' : text;
}

/** Years of a report, the comparison year first (as the API lists them). */
const yearsOf = report => report.years ? report.years.map(y => y.year) : [];

/**
 * Figuur 4.x: a goal's three component means as bars, one per year, on 0..max. Inline SVG with role="img" and a text
 * naming every bar's value.
 */
function componentFigure(goal, years, max) {
  const width = 320;
  const height = 170;
  const left = 34;
  const bottom = 24;
  const plot = height - bottom - 8;
  const group = (width - left) / COMPONENTS.length;
  const bar = Math.min(28, (group - 16) / Math.max(1, years.length));
  const y = value => 8 + plot - (plot * Math.max(0, value)) / max;
  const described = COMPONENTS.map(([key, label]) => `${label} ${years.map(year => {
    const at = goal.years.find(g => g.year === year);
    return `${year} ${at?.suppressed ? 'afgeschermd' : score(at?.[key])}`;
  }).join(', ')}`).join('; ');
  const ticks = [0, max / 2, max].map(t => `<line x1="${left}" x2="${width}" y1="${y(t)}" y2="${y(t)}" stroke="#dde3ea"/>
    <text x="${left - 4}" y="${y(t) + 4}" text-anchor="end" font-size="10" fill="#4f5e6e">${integer(t)}</text>`).join('');
  const bars = COMPONENTS.map(([key, label], c) => {
    const x0 = left + c * group + (group - bar * years.length) / 2;
    return years.map((year, i) => {
      const at = goal.years.find(g => g.year === year);
      const value = at?.suppressed ? null : at?.[key];
      return value == null ? '' : `<rect x="${x0 + i * bar}" y="${y(value)}" width="${bar - 3}" height="${
        y(0) - y(value)}" fill="${YEAR_COLOURS[years.length - 1 - i] || YEAR_COLOURS[1]}" data-year="${year}"
        data-component="${key}" data-value="${value}"/>`;
    }).join('') + `<text x="${left + c * group + group / 2}" y="${height - 8}" text-anchor="middle" font-size="11"
      fill="#1f2d3d">${label}</text>`;
  }).join('');
  return `<svg class="figure component-figure" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"
    role="img" aria-label="${escapeHtml(`Figuur: doel ${goal.goal}, gemiddelde per onderdeel: ${described}`)}">
    ${ticks}${bars}</svg>`;
}

/** The legend of the years' colours. */
function yearLegend(years) {
  return `<p class="legend">${years.map((year, i) => `<span><svg class="swatch" width="12" height="12"
    aria-hidden="true"><rect width="12" height="12" rx="2" fill="${YEAR_COLOURS[years.length - 1 - i] || YEAR_COLOURS[1]}"/></svg>
    ${year}</span>`).join(' ')}</p>`;
}

/** Figuur 4.12: every municipality's current grade (1–10) against its total, as dots. */
function scatterFigure(points, max, correlation) {
  const width = 420;
  const height = 260;
  const left = 40;
  const bottom = 34;
  const x = grade => left + ((grade - 1) * (width - left - 12)) / 9;
  const y = total => 8 + (height - bottom - 8) * (1 - Math.max(0, total) / max);
  const axes = [0, max / 2, max].map(t => `<line x1="${left}" x2="${width - 12}" y1="${y(t)}" y2="${y(t)}"
      stroke="#dde3ea"/><text x="${left - 4}" y="${y(t) + 4}" text-anchor="end" font-size="10" fill="#4f5e6e">${
      integer(t)}</text>`).join('')
    + Array.from({ length: 10 }, (_, i) => `<text x="${x(i + 1)}" y="${height - bottom + 14}" text-anchor="middle"
      font-size="10" fill="#4f5e6e">${i + 1}</text>`).join('')
    + `<text x="${(left + width) / 2}" y="${height - 4}" text-anchor="middle" font-size="11" fill="#1f2d3d">Rapportcijfer
      huidig beleid</text>`;
  const dots = points.map(p => `<circle cx="${x(p.grade)}" cy="${y(p.total)}" r="3.5" fill="#14365d"
    fill-opacity="0.55" data-grade="${p.grade}" data-total="${p.total}"/>`).join('');
  return `<svg class="figure" id="scatter" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"
    role="img" aria-label="${escapeHtml(`Figuur 4.12: rapportcijfer huidig beleid tegen totaalscore, ${
      points.length} gemeenten, r = ${decimals(correlation.r, 2)}`)}">${axes}${dots}</svg>`;
}

function goalSection(goal, scores, measures, years, max) {
  const scored = scores.goals.find(g => g.goal === goal.goal);
  const measured = measures.goals.find(g => g.goal === goal.goal);
  const respondents = year => measured?.respondents.find(r => r.year === year)?.n ?? 0;
  return `<section class="panel goal-section" data-goal="${goal.goal}" aria-labelledby="goal-${goal.goal}-title">
    <h3 id="goal-${goal.goal}-title">Doel ${goal.goal}: ${escapeHtml(goal.title)}</h3>
    <div class="figure-with-table">
      ${componentFigure(scored, years, max)}
      <table class="components-table">
        <caption>Figuur 4.${goal.goal}: gemiddelde per onderdeel</caption>
        <thead><tr><th scope="col">Jaar</th><th scope="col" class="num">n</th>${COMPONENTS.map(([, label]) =>
          `<th scope="col" class="num">${label}</th>`).join('')}<th scope="col" class="num">Totaal</th></tr></thead>
        <tbody>${years.map(year => {
          const at = scored.years.find(y => y.year === year);
          return `<tr data-year="${year}"><th scope="row">${year}</th><td class="num n">${at.n}</td>${COMPONENTS.map(([key]) =>
            `<td class="num ${key}">${held(at.suppressed, score(at[key]))}</td>`).join('')}
            <td class="num meanTotal">${held(at.suppressed, score(at.meanTotal))}</td></tr>`;
        }).join('')}</tbody>
      </table>
    </div>
    <table class="measures-table">
      <caption>Tabel 4.${goal.goal}: ingezette beleidsmaatregelen (${years.map(year =>
        `${year}: ${respondents(year)} gemeenten`).join(', ')})</caption>
      <thead><tr><th scope="col">Maatregel</th>${years.map(year =>
        `<th scope="col" class="num">N ${year}</th><th scope="col" class="num">% ${year}</th>`).join('')}</tr></thead>
      <tbody>${(measured?.categories || []).map(category => `
        <tr class="category"><th scope="colgroup" colspan="${1 + 2 * years.length}">${escapeHtml(
          category.label.replace(/[:;\s]+$/, ''))}</th></tr>${category.options.map(option => `
        <tr data-option="${escapeHtml(category.category + '/' + option.option)}"><th scope="row" class="option">${
          escapeHtml(option.label)}</th>${years.map(year => {
            const at = option.years.find(y => y.year === year);
            return `<td class="num n" data-year="${year}">${held(at?.suppressed, at?.n ?? '–')}</td>
              <td class="num percent" data-year="${year}">${held(at?.suppressed, percent(at?.percent))}</td>`;
          }).join('')}</tr>`).join('')}`).join('')}
      </tbody>
    </table>
  </section>`;
}

/**
 * Renders the page into {@code view}.
 *
 * @param context { params, api, claims, download } — api(path) answers JSON with the caller's token; download(path,
 *                format, filename) fetches another format of it
 */
export async function rapportView(view, { params, api, claims, download }) {
  const mine = claims();
  const everything = (mine.groups || []).some(role => role === 'analyst' || role === 'admin');
  const year = Number(params.get('year') || 2017);
  const compare = params.get('compare') === null ? year - 3 : Number(params.get('compare')) || null;
  const region = params.get('region') ?? (everything ? '' : mine.region || '');
  const query = `year=${year}` + (compare ? `&compareWith=${compare}` : '')
    + (region ? `&region=${encodeURIComponent(region)}` : '');
  const [report, regions] = await Promise.all([api(`/api/reports/yearly?${query}`), api('/api/regions')]);
  const scores = report.goalScores;
  const years = scores.goals[0]?.years.map(y => y.year) || [year];
  const max = Math.max(10, ...scores.goals.flatMap(g => g.years.flatMap(y =>
    COMPONENTS.map(([key]) => y[key] ?? 0)))) > 50 ? 100 : 50;
  const inclusion = report.policyInclusion;
  const documents = report.documents;
  const distribution = report.distribution;
  const extras = report.extras;
  const extrasYear = extras.years.find(y => y.year === year) || extras.years.at(-1);
  const correlation = extrasYear.correlation || { n: 0, r: null, p: null, suppressed: false, points: null };
  const scope = region ? `regio ${escapeHtml(region)}` : 'heel Nederland';
  const questionCaption = number => number === 1 ? 'Tabel 4.13' : number === 2 ? 'Tabel 4.14' : 'Bijlage 2';

  view.innerHTML = `
    <div class="panel controls">
      <label>Jaar <input id="year" type="number" value="${year}" min="2000" max="2100"></label>
      <label>Vergelijken met <input id="compare" type="number" value="${compare ?? ''}" min="2000" max="2100"></label>
      <label>Regio <select id="region">${everything ? `<option value="" ${region ? '' : 'selected'}>Heel Nederland</option>` : ''}${
        regions.map(name => `<option ${name === region ? 'selected' : ''}>${escapeHtml(name)}</option>`).join('')}</select></label>
      <button id="show" type="button">Toon</button>
    </div>
    <div class="panel">
      <h2>Monitor ${year}${compare ? ` vergeleken met ${compare}` : ''}, ${scope}
        <button id="download-report-pdf" type="button" class="csv">Jaarrapport (PDF)</button>
        <button id="download-report-xlsx" type="button" class="csv">Excel</button></h2>
      <p class="muted">Vragenlijst versie ${report.questionnaireVersion}, rekenregels versie ${report.rulesVersion}.
        Een streepje met stippellijn is afgeschermd: te weinig gemeenten in die groep.</p>
    </div>
    <h2 class="section-title">Per doelstelling: onderdelen en maatregelen (Figuur en Tabel 4.1–4.10)</h2>
    ${yearLegend(years)}
    ${scores.goals.map(goal => goalSection(goal, scores, report.measures, years, max)).join('')}
    <section class="panel" aria-labelledby="inclusion-title">
      <h2 id="inclusion-title">Opgenomen in beleid (Tabel 4.11)</h2>
      <table id="inclusion-table">
        <thead><tr><th scope="col">Doel</th>${years.map(y => `<th scope="col" class="num">Opgenomen ${y}</th>
          <th scope="col" class="num">Gemeenten ${y}</th><th scope="col" class="num">% ${y}</th>`).join('')}</tr></thead>
        <tbody>${inclusion.goals.map(goal => `<tr data-goal="${goal.goal}"><th scope="row">${goal.goal}. ${
          escapeHtml(goal.title)}</th>${years.map(y => {
            const at = goal.years.find(g => g.year === y);
            return `<td class="num included" data-year="${y}">${held(at.suppressed, at.included ?? '–')}</td>
              <td class="num respondents" data-year="${y}">${at.respondents}</td>
              <td class="num percent" data-year="${y}">${held(at.suppressed, percent(at.percent))}</td>`;
          }).join('')}</tr>`).join('')}
        </tbody>
      </table>
    </section>
    <section class="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Vastgelegd in: de documenten (alle doelstellingen, borging)</h2>
      <p class="muted">Aandeel van de genoemde documenten bij de vastgelegde doelstellingen (een doelstelling in twee
        documenten telt twee keer).</p>
      <table id="documents-table">
        <thead><tr><th scope="col">Document</th>${yearsOf(documents).map(y => `<th scope="col" class="num">N ${y}</th>
          <th scope="col" class="num">% ${y}</th>`).join('')}</tr></thead>
        <tbody>${documents.documents.map(kind => `<tr data-document="${escapeHtml(kind.document)}"><th scope="row">${
          escapeHtml(kind.label)}</th>${yearsOf(documents).map(y => {
            const at = kind.years.find(k => k.year === y);
            return `<td class="num n" data-year="${y}">${held(at.suppressed, at.n ?? '–')}</td>
              <td class="num percent" data-year="${y}">${held(at.suppressed, percent(at.percent))}
                ${at.suppressed || at.percent == null ? '' : `<svg class="share-bar" width="100" height="10"
                  aria-hidden="true"><rect width="${at.percent}" height="10" fill="#14365d"/></svg>`}</td>`;
          }).join('')}</tr>`).join('')}
          <tr class="totals"><th scope="row">Genoemd (vastgelegde doelstellingen; gemeenten)</th>${documents.years.map(t =>
            `<td class="num mentions" data-year="${t.year}" colspan="2">${held(t.suppressed, `${t.mentions ?? '–'} (${
              t.goalsLaidDown ?? '–'}; ${t.municipalitiesLaidDown ?? '–'} van ${t.respondents})`)}</td>`).join('')}</tr>
        </tbody>
      </table>
    </section>
    <section class="panel" aria-labelledby="distribution-title">
      <h2 id="distribution-title">Verdeling van de totaalscores</h2>
      <table id="distribution-table">
        <thead><tr><th scope="col">Jaar</th><th scope="col" class="num">n</th>
          <th scope="col" class="num">Onder ${integer(distribution.redBelow)}</th><th scope="col" class="num">%</th>
          <th scope="col" class="num">Boven ${integer(distribution.greenAbove)}</th><th scope="col" class="num">%</th>
          <th scope="col" class="num">Geen doel in beleid</th><th scope="col" class="num">%</th></tr></thead>
        <tbody>${distribution.years.map(d => `<tr data-year="${d.year}"><th scope="row">${d.year}</th>
          <td class="num n">${d.n}</td><td class="num below">${held(d.suppressed, d.below ?? '–')}</td>
          <td class="num below-percent">${held(d.suppressed, percent(d.belowPercent))}</td>
          <td class="num above">${held(d.suppressed, d.above ?? '–')}</td>
          <td class="num above-percent">${held(d.suppressed, percent(d.abovePercent))}</td>
          <td class="num no-goal">${held(d.suppressed, d.noGoalInPolicy ?? '–')}</td>
          <td class="num no-goal-percent">${held(d.suppressed, percent(d.noGoalInPolicyPercent))}</td></tr>`).join('')}
        </tbody>
      </table>
    </section>
    <section class="panel" aria-labelledby="grades-title">
      <h2 id="grades-title">Rapportcijfers voor het beleid (Tabel 4.12)</h2>
      <table id="grades-table">
        <thead><tr><th scope="col">Beleid</th>${extras.years.map(y => `<th scope="col" class="num">n ${y.year}</th>
          <th scope="col" class="num">Gemiddeld ${y.year}</th>`).join('')}</tr></thead>
        <tbody>${extrasYear.grades.map(grade => `<tr data-grade="${escapeHtml(grade.grade)}"><th scope="row">${
          escapeHtml(grade.label)}</th>${extras.years.map(y => {
            const at = y.grades.find(g => g.grade === grade.grade);
            return `<td class="num n" data-year="${y.year}">${at?.n ?? '–'}</td>
              <td class="num mean" data-year="${y.year}">${held(at?.suppressed, score(at?.mean))}</td>`;
          }).join('')}</tr>`).join('')}
        </tbody>
      </table>
      <h3 id="scatter-title">Rapportcijfer huidig beleid tegen totaalscore (Figuur 4.12), ${extrasYear.year}</h3>
      <p id="correlation">Pearson r = <span class="r">${held(correlation.suppressed, decimals(correlation.r, 2))}</span>,
        n = <span class="n">${correlation.n}</span>,
        p = <span class="p">${held(correlation.suppressed, decimals(correlation.p, 3))}</span></p>
      ${correlation.points ? scatterFigure(correlation.points, 100, correlation)
        : '<p class="muted" id="scatter-withheld">De afzonderlijke gemeenten van de figuur zijn alleen voor analisten en beheerders zichtbaar.</p>'}
    </section>
    <section class="panel" aria-labelledby="extras-title">
      <h2 id="extras-title">Risicogroepen, doelgroepen en de overige extra vragen (Tabel 4.13, 4.14, Bijlage 2)</h2>
      ${extrasYear.questions.map(question => `
      <table class="question-table" data-question="${escapeHtml(question.question)}">
        <caption>${questionCaption(question.number)}: ${escapeHtml(question.text)}</caption>
        <thead><tr><th scope="col">Antwoord</th>${extras.years.map(y => `<th scope="col" class="num">N ${y.year}</th>
          <th scope="col" class="num">% ${y.year}</th>`).join('')}</tr></thead>
        <tbody>${question.options.map(option => `<tr data-option="${escapeHtml(option.option)}"><th scope="row">${
          escapeHtml(option.label)}</th>${extras.years.map(y => {
            const q = y.questions.find(other => other.question === question.question);
            const at = q?.options.find(o => o.option === option.option);
            return `<td class="num n" data-year="${y.year}">${held(q?.suppressed, at?.n ?? '–')}</td>
              <td class="num percent" data-year="${y.year}">${held(q?.suppressed, percent(at?.percent))}</td>`;
          }).join('')}</tr>`).join('')}
          <tr class="totals"><th scope="row">Gemeenten</th>${extras.years.map(y =>
            `<td class="num respondents" data-year="${y.year}" colspan="2">${
              y.questions.find(other => other.question === question.question)?.respondents ?? '–'}</td>`).join('')}</tr>
        </tbody>
      </table>`).join('')}
    </section>`;
  document.getElementById('download-report-pdf').onclick = () =>
    download(`/api/reports/yearly?${query}`, 'pdf', `jaarrapport-${year}${region ? '-' + region : ''}.pdf`);
  document.getElementById('download-report-xlsx').onclick = () =>
    download(`/api/reports/yearly?${query}`, 'xlsx', `jaarrapport-${year}${region ? '-' + region : ''}.xlsx`);
  document.getElementById('show').onclick = () => {
    const chosen = document.getElementById('region').value;
    const compareTo = document.getElementById('compare').value;
    location.hash = `#/rapport?year=${document.getElementById('year').value}&compare=${compareTo || 'none'}${
      chosen ? `&region=${encodeURIComponent(chosen)}` : ''}`;
  };
}
