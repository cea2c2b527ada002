// Dutch formatting of numbers and dates for the browser apps: decimal comma, thousands point, dates and times as
// the Netherlands reads them (Europe/Amsterdam, whatever the browser's own zone). A missing value shows as "–".

const DASH = '–';
const ZONE = 'Europe/Amsterdam';
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
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
