/**
 * "Indicatoren": an indicator's figures per period for the nation, a Veilig Thuis region and its municipalities
 * (GET /api/indicators/{indicator}/trend), one breakdown at a time, small counts shown as suppressed as the API marks
 * them. The definitions (themes, targets, dimensions) come from GET /api/indicators.
 */

import { escapeHtml } from '/shared/api.js';
import { amount } from '/shared/format.js';

/** A figure as the table shows it: the value with its unit, "–" for none, a marked "–" when suppressed. */
export function figureText(figure, unit, minimumCount) {
  if (!figure) {
    return '–';
  }
  if (figure.suppressed) {
    return `<span class="suppressed" title="Afgeschermd: klein aantal (minder dan ${minimumCount})">–</span>`;
  }
  return escapeHtml(amount(figure.value, unit));
}

/** The breakdown choices of an indicator: "" for the totals, then "dimension:value" per value of each dimension. */
export function breakdownChoices(indicator, definitions) {
  const choices = [{ value: '', label: 'Totaal' }];
  for (const dimensionId of indicator.breakdowns || []) {
    const dimension = definitions.dimensions.find(d => d.id === dimensionId);
    for (const value of dimension ? dimension.values : []) {
      choices.push({ value: `${dimensionId}:${value.id}`, label: `${dimension.title}: ${value.label}` });
    }
  }
  return choices;
}

/**
 * Renders the page into {@code view}.
 *
 * @param context { params, api, chart, download } — api(path) answers JSON with the caller's token, chart(canvas,
 *                config) draws with Chart.js, download(path, format, filename) saves the same path as CSV or Excel
 */
export async function indicatorenView(view, { parts, params, api, chart, download }) {
  const [definitions, regions] = await Promise.all([api('/api/indicators'), api('/api/regions')]);
  const indicatorId = parts[1] || 'vt-reports';
  const indicator = definitions.indicators.find(i => i.id === indicatorId) || definitions.indicators[0];
  const region = params.get('region') ?? (regions[0] || '');
  const breakdown = params.get('breakdown') || '';
  const fold = params.get('fold') === 'true';
  const query = new URLSearchParams();
  if (region) query.set('region', region);
  if (breakdown) query.set('breakdown', breakdown);
  if (fold) query.set('fold', 'true');
  const trendPath = `/api/indicators/${encodeURIComponent(indicator.id)}/trend?${query}`;
  const trend = await api(trendPath);
  const theme = trend.theme;
  const periods = trend.periods.map(p => p.period);
  const municipalities = new Map();
  trend.periods.forEach(p => p.municipalities.forEach(m => municipalities.set(m.code, m.name)));
  const byTheme = definitions.themes.map(t => `<optgroup label="${t.number} ${escapeHtml(t.title)}">${
    definitions.indicators.filter(i => i.theme === t.number).map(i => `<option value="${i.id}" ${
      i.id === indicator.id ? 'selected' : ''}>${escapeHtml(i.title)}</option>`).join('')}</optgroup>`).join('');
  // a municipality's figure folded from its predecessors says so (foldedFrom: their codes in that period's division)
  const foldedNote = figure => figure?.foldedFrom ? ` title="Samengeteld uit ${escapeHtml(figure.foldedFrom.join(', '))}"` : '';
  const row = (label, pick, attributes) => `<tr ${attributes}><th scope="row">${escapeHtml(label)}</th>${
    trend.periods.map(p => `<td class="num"${foldedNote(pick(p))}>${figureText(pick(p), indicator.unit,
      trend.minimumCount)}</td>`).join('')}</tr>`;
  view.innerHTML = `
    <div class="panel controls">
      <label>Indicator <select id="indicator">${byTheme}</select></label>
      <label>Regio <select id="indicator-region"><option value="">(alleen landelijk)</option>${regions.map(name =>
        `<option ${name === region ? 'selected' : ''}>${escapeHtml(name)}</option>`).join('')}</select></label>
      <label>Uitsplitsing <select id="breakdown">${breakdownChoices(indicator, definitions).map(c =>
        `<option value="${escapeHtml(c.value)}" ${c.value === breakdown ? 'selected' : ''}>${escapeHtml(c.label)}</option>`)
        .join('')}</select></label>
      <label class="inline"><input type="checkbox" id="fold" ${fold ? 'checked' : ''}> Gemeenten van de laatste indeling (fusies samengeteld)</label>
      <button id="show-indicator" type="button">Toon</button>
    </div>
    <div class="panel">
      <h2><span id="indicator-title">${escapeHtml(indicator.title)}</span>
        <button id="download-indicator-csv" type="button" class="csv">CSV</button>
        <button id="download-indicator-xlsx" type="button" class="csv">Excel</button></h2>
      <p>Thema ${theme.number} ${escapeHtml(theme.title)} — doel: ${escapeHtml(theme.target)}.
        ${indicator.better === 'LOWER' ? 'Lager is beter.' : 'Hoger is beter.'} Bron: ${escapeHtml(indicator.source)}.
        ${trend.foldedOntoDivision ? `Gemeenten in de indeling van ${trend.foldedOntoDivision}; eerdere cijfers van
        gefuseerde gemeenten samengeteld (aantallen opgeteld, andere cijfers naar inwonertal gewogen).` : ''}</p>
      ${periods.length === 0 ? '<p id="no-figures">Nog geen cijfers voor deze indicator en uitsplitsing.</p>' : `
      <canvas id="indicator-chart" height="90" role="img" aria-label="Verloop van ${escapeHtml(indicator.title)}"></canvas>
      <table id="indicator-table">
        <caption>${escapeHtml(indicator.title)} per periode${breakdown ? ' (' + escapeHtml(breakdownChoices(indicator,
          definitions).find(c => c.value === breakdown)?.label || breakdown) + ')' : ''}</caption>
        <thead><tr><th scope="col">Gebied</th>${periods.map(p => `<th scope="col" class="num">${p}</th>`).join('')}</tr></thead>
        <tbody>
          ${row('Nederland', p => p.national, 'data-area="NL"')}
          ${region ? row('Regio ' + region, p => p.region, 'data-area="region"') : ''}
          ${[...municipalities].map(([code, name]) => row(name, p => p.municipalities.find(m => m.code === code),
            `data-area="${code}"`)).join('')}
        </tbody>
      </table>`}
    </div>`;
  const canvas = document.getElementById('indicator-chart');
  if (canvas) {
    const series = [];
    // A count of the nation and one of a region differ a hundredfold: the chart shows the region's alone then.
    if (indicator.unit !== 'COUNT' || !region) {
      series.push({ label: 'Nederland', data: trend.periods.map(p => p.national?.value ?? null), borderColor: '#1f4e79' });
    }
    if (region) {
      series.push({ label: 'Regio ' + region, data: trend.periods.map(p => p.region?.value ?? null), borderColor: '#9c4a00' });
    }
    chart(canvas, { type: 'line', data: { labels: periods, datasets: series }, options: { animation: false, spanGaps: true } });
  }
  const fileName = `indicator-${indicator.id}`;
  document.getElementById('download-indicator-csv').onclick = () => download(trendPath, 'csv', fileName + '.csv');
  document.getElementById('download-indicator-xlsx').onclick = () => download(trendPath, 'xlsx', fileName + '.xlsx');
  document.getElementById('show-indicator').onclick = () => {
    const next = new URLSearchParams();
    next.set('region', document.getElementById('indicator-region').value);
    if (document.getElementById('fold').checked) next.set('fold', 'true');
    const chosen = document.getElementById('breakdown').value;
    const sameIndicator = document.getElementById('indicator').value === indicator.id;
    if (chosen && sameIndicator) next.set('breakdown', chosen);
    location.hash = `#/indicatoren/${encodeURIComponent(document.getElementById('indicator').value)}?${next}`;
  };
}
