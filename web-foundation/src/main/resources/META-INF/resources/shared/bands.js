// The colour bands of a score (section 3.3 of the 2017 report): red below the lower bound, green above the upper,
// orange between. The bounds are the scoring rules' (25 and 75 in the shipped versions); a page that has the rules'
// own bounds passes them. The colours have at least 4.5:1 contrast against white (WCAG 2.1 AA), both ways.

export const DEFAULT_BOUNDS = Object.freeze({ red: 25, green: 75 });

export const BANDS = Object.freeze({
  RED: Object.freeze({ label: 'rood', colour: '#b03a2e' }),
  ORANGE: Object.freeze({ label: 'oranje', colour: '#9c4a00' }),
  GREEN: Object.freeze({ label: 'groen', colour: '#1e7040' })
});

/** RED, ORANGE or GREEN for a score (null for none): below {@code red} is red, above {@code green} is green. */
export function bandOf(score, bounds = DEFAULT_BOUNDS) {
  if (score === null || score === undefined || Number.isNaN(score)) {
    return null;
  }
  return score < bounds.red ? 'RED' : score > bounds.green ? 'GREEN' : 'ORANGE';
}

/** The Dutch name of a band ("rood"), or "–" for none or an unknown one. */
export function bandLabel(band) {
  return (BANDS[band] && BANDS[band].label) || '–';
}

/** The band as HTML: a coloured label (class "band RED"), the text itself saying the band (not colour alone). */
export function bandHtml(band) {
  return BANDS[band] ? `<span class="band ${band}">${BANDS[band].label}</span>` : '–';
}
