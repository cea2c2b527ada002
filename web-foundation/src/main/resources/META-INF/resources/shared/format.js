// Dutch formatting of numbers and dates for the browser apps: decimal comma, thousands point, dates and times as
// the Netherlands reads them (Europe/Amsterdam, whatever the browser's own zone). A missing value shows as "–".

const DASH = '–';
const ZONE = 'Europe/Amsterdam';
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit'
});

const missing = value => value === null || value === undefined || Number.isNaN(value);

/** A score with one decimal: 20 → "20,0", 91.875 → "91,9". */
export function score(value) {
  return missing(value) ? DASH : oneDecimal.format(value);
}

/** A whole number with thousands points: 15425 → "15.425". */
export function integer(value) {
  return missing(value) ? DASH : whole.format(value);
}

/** A whole percentage as the API gives it: 42 → "42 %". */
export function percent(value) {
  return missing(value) ? DASH : whole.format(value) + ' %';
}

/** An indicator figure in its unit (up to two decimals): 14.5 PERCENTAGE → "14,5 %", 38 DAYS → "38 dagen", 181 → "181". */
export function amount(value, unit) {
  if (missing(value)) return DASH;
  const text = twoDecimals.format(Number(value));
  return unit === 'PERCENTAGE' ? `${text} %` : unit === 'DAYS' ? `${text} dagen` : text;
}

/** A change with its sign: 3.5 → "+3,5", -2 → "-2,0" (a hyphen-minus, as the reports write it). */
export function signed(value) {
  return missing(value) ? DASH : (value > 0 ? '+' : '') + oneDecimal.format(value);
}

function toDate(value) {
  if (missing(value) || value === '') {
    return null;
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date: "7 december 2026". */
export function date(value) {
  const at = toDate(value);
  return at ? dateFormat.format(at) : DASH;
}

/** A moment to the minute in Dutch time: "7 december 2026 om 12:30". */
export function dateTime(value) {
  const at = toDate(value);
  return at ? dateTimeFormat.format(at) : DASH;
}

// ---- date inputs: typed as the Netherlands writes them, whatever the browser's locale or zone

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2})[:.](\d{2})$/;
const pad = (n, width = 2) => String(n).padStart(width, '0');

/** [year, month, day] of "7-12-2026", "07-12-2026", "07/12/2026", "07.12.2026" or ISO "2026-12-07"; null otherwise. */
function dayOf(text) {
  const value = String(text ?? '').trim();
  let match = value.match(DUTCH_DATE);
  const [year, month, day] = match ? [match[3], match[2], match[1]].map(Number)
    : (match = value.match(ISO_DATE)) ? [match[1], match[2], match[3]].map(Number) : [];
  if (!match) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    ? [year, month, day] : null;
}

/** A typed date as the APIs take it: "7-12-2026" (or "2026-12-07") → "2026-12-07"; null when it is no date. */
export function isoDate(text) {
  const day = dayOf(text);
  return day ? `${day[0]}-${pad(day[1])}-${pad(day[2])}` : null;
}

/** A date for a date field: "2026-12-07" → "07-12-2026"; "" for none, the text itself when it is no date. */
export function dateInput(iso) {
  if (iso === null || iso === undefined || iso === '') return '';
  const day = dayOf(iso);
  return day ? `${pad(day[2])}-${pad(day[1])}-${day[0]}` : String(iso);
}

/** Milliseconds Europe/Amsterdam is ahead of UTC at the instant {@code ms}. */
function zoneOffset(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit'
  }).formatToParts(new Date(ms)).map(p => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour),
    Number(parts.minute), Number(parts.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * A typed moment in Dutch time as the instant the APIs take: "7-12-2026 09:00" (or "2026-12-07T09:00") →
 * "2026-12-07T08:00:00.000Z"; null when it is not a date with a time of day.
 */
export function instantOf(text) {
  const value = String(text ?? '').trim();
  const split = value.match(/^(\S+?)(?:[ T]|\s+)(\d{1,2}[:.]\d{2})$/);
  if (!split) return null;
  const day = dayOf(split[1]);
  const time = split[2].match(TIME);
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  if (!day || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(day[0], day[1] - 1, day[2], hour, minute);
  let at = wall - zoneOffset(wall);
  at = wall - zoneOffset(at);
  return new Date(at).toISOString();
}

/** An instant for a date-and-time field, in Dutch time: "2026-12-07T08:00:00Z" → "07-12-2026 09:00"; "" for none. */
export function dateTimeInput(value) {
  const at = toDate(value);
  if (!at) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  }).formatToParts(at).map(p => [p.type, p.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}
