import test from 'node:test';
import assert from 'node:assert/strict';
import { bandHtml, bandLabel, bandOf, BANDS } from '../../main/resources/META-INF/resources/shared/bands.js';

test('below 25 is red, above 75 green, the bounds themselves orange', () => {
  assert.equal(bandOf(24.9), 'RED');
  assert.equal(bandOf(25), 'ORANGE');
  assert.equal(bandOf(75), 'ORANGE');
  assert.equal(bandOf(75.1), 'GREEN');
  assert.equal(bandOf(null), null);
});

test('other bounds from the rules are honoured', () => {
  assert.equal(bandOf(30, { red: 40, green: 80 }), 'RED');
  assert.equal(bandOf(79, { red: 40, green: 80 }), 'ORANGE');
});

test('each band has a Dutch name, shown in the text and not by colour alone', () => {
  assert.equal(bandLabel('RED'), 'rood');
  assert.equal(bandLabel('ORANGE'), 'oranje');
  assert.equal(bandLabel('GREEN'), 'groen');
  assert.equal(bandLabel('PURPLE'), '–');
  assert.equal(bandHtml('GREEN'), '<span class="band GREEN">groen</span>');
  assert.equal(bandHtml(null), '–');
});

/** WCAG relative luminance contrast against white. */
function contrastWithWhite(hex) {
  const channel = c => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)].map(channel);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

test('every band colour has at least 4.5:1 contrast with white (WCAG 2.1 AA)', () => {
  for (const [band, { colour }] of Object.entries(BANDS)) {
    assert.ok(contrastWithWhite(colour) >= 4.5, `${band} ${colour}: ${contrastWithWhite(colour).toFixed(2)}`);
  }
});
