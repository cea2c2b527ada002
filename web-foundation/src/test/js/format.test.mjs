import test from 'node:test';
import assert from 'node:assert/strict';
import { amount, date, dateInput, dateTime, dateTimeInput, instantOf, integer, isoDate, percent, score, signed }
  from '../../main/resources/META-INF/resources/shared/format.js';

test('scores have one decimal with a comma', () => {
  assert.equal(score(20), '20,0');
  assert.equal(score(91.875), '91,9');
  assert.equal(score(0), '0,0');
  assert.equal(score(null), '–');
  assert.equal(score(undefined), '–');
});

test('whole numbers have thousands points, percentages a space before the sign', () => {
  assert.equal(integer(15425), '15.425');
  assert.equal(integer(1234567), '1.234.567');
  assert.equal(percent(42), '42 %');
  assert.equal(percent(null), '–');
});

test('a change carries its sign', () => {
  assert.equal(signed(3.5), '+3,5');
  assert.equal(signed(-2), '-2,0');
  assert.equal(signed(0), '0,0');
});

test('dates and times are Dutch, in Amsterdam time whatever the zone of the machine', () => {
  assert.equal(date('2017-10-01T09:00:00Z'), '1 oktober 2017');
  // 23:30 UTC on 31 December is already New Year in Amsterdam (UTC+1 in winter)
  assert.equal(date('2016-12-31T23:30:00Z'), '1 januari 2017');
  assert.equal(dateTime('2017-10-01T09:00:00Z'), '1 oktober 2017 om 11:00');
  assert.equal(dateTime('2026-12-07T11:05:00Z'), '7 december 2026 om 12:05');
  assert.equal(dateTime(null), '–');
  assert.equal(dateTime('not a date'), '–');
});

test('a date is typed as dd-mm-jjjj (or ISO) and sent as ISO; no date is null', () => {
  assert.equal(isoDate('7-12-2026'), '2026-12-07');
  assert.equal(isoDate('07/12/2026'), '2026-12-07');
  assert.equal(isoDate(' 2026-12-07 '), '2026-12-07');
  assert.equal(isoDate('12-31-2026'), null, 'month 31: the American order is refused, not guessed');
  assert.equal(isoDate('31-02-2026'), null);
  assert.equal(isoDate('2026-12-7'), null);
  assert.equal(isoDate(''), null);
  assert.equal(dateInput('2026-12-07'), '07-12-2026');
  assert.equal(dateInput(''), '');
  assert.equal(dateInput('gisteren'), 'gisteren');
});

test('a moment is typed in Dutch time, summer and winter, whatever the browser zone', () => {
  assert.equal(instantOf('07-12-2026 09:00'), '2026-12-07T08:00:00.000Z');
  assert.equal(instantOf('1-7-2026 9.30'), '2026-07-01T07:30:00.000Z');
  assert.equal(instantOf('2026-12-07T09:00'), '2026-12-07T08:00:00.000Z');
  assert.equal(instantOf('29-03-2026 03:30'), '2026-03-29T01:30:00.000Z', 'just after the switch to summer time');
  assert.equal(instantOf('07-12-2026'), null, 'a time of day is needed');
  assert.equal(instantOf('07-12-2026 24:00'), null);
  assert.equal(instantOf('12-31-2026 09:00'), null);
  assert.equal(instantOf(''), null);
  assert.equal(dateTimeInput('2026-12-07T08:00:00Z'), '07-12-2026 09:00');
  assert.equal(dateTimeInput('2026-07-01T07:30:00Z'), '01-07-2026 09:30');
  assert.equal(dateTimeInput(null), '');
});

test('amount writes an indicator figure in its unit, up to two decimals', () => {
  assert.equal(amount(14.5, 'PERCENTAGE'), '14,5 %');
  assert.equal(amount(38, 'DAYS'), '38 dagen');
  assert.equal(amount(1810, 'COUNT'), '1.810');
  assert.equal(amount(2.345, 'NUMBER'), '2,35');
  assert.equal(amount(null, 'PERCENTAGE'), '–');
});
