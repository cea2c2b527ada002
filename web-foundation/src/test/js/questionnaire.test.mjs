import test from 'node:test';
import assert from 'node:assert/strict';
import { boundsOf, extraField, gradesOf, openWave, placeOfError, scaleCaption }
  from '../../main/resources/META-INF/resources/shared/questionnaire.js';
import { bandOf } from '../../main/resources/META-INF/resources/shared/bands.js';

const SENT = [
  { goal: 3, inhoud: { categories: [{ category: 'steering' }, { category: 'purchasing' }] } },
  { goal: 7, inhoud: null }
];

test('a respondent lands on the newest wave that takes answers now', () => {
  const waves = [{ year: 2030, acceptingNow: false }, { year: 2027, acceptingNow: true },
    { year: 2028, acceptingNow: true }, { year: 2026, acceptingNow: false }];
  assert.equal(openWave(waves).year, 2028);
  assert.equal(openWave([{ year: 2030, acceptingNow: false }]), null);
  assert.equal(openWave([]), null);
  assert.equal(openWave(undefined), null);
});

test('the scale and the bands come from the scoring rules', () => {
  assert.equal(scaleCaption({ borging: 25, inhoud: 50, bereik: 25, goal: 100 }), 'max. 25 + 50 + 25 = 100');
  assert.equal(scaleCaption({ borging: 30, inhoud: 45.5, bereik: 24.5, goal: 100 }), 'max. 30 + 45,5 + 24,5 = 100');
  const bounds = boundsOf({ redBelow: 40, greenAbove: 80 });
  assert.equal(bandOf(39.9, bounds), 'RED');
  assert.equal(bandOf(40, bounds), 'ORANGE');
  assert.equal(bandOf(80.1, bounds), 'GREEN');
});

test('a problem is placed at its question by its field path, indexing the goals as sent', () => {
  assert.deepEqual(placeOfError({ field: 'goals[0].borging.documents', code: 'required' }, SENT),
    { step: '/doel/3', id: 'q-g3-documents' });
  assert.deepEqual(placeOfError({ field: 'goals[0].borging.otherDocumentText', code: 'text-required' }, SENT),
    { step: '/doel/3', id: 'q-g3-documents' });
  assert.deepEqual(placeOfError({ field: 'goals[0].borging', code: 'required' }, SENT),
    { step: '/doel/3', id: 'q-g3-inclusion' });
  assert.deepEqual(placeOfError({ field: 'goals[0].inhoud.categories[1].options[0].text', code: 'text-required' }, SENT),
    { step: '/doel/3', id: 'q-g3-cat-purchasing' });
  assert.deepEqual(placeOfError({ field: 'goals[1].bereik.share', code: 'required' }, SENT),
    { step: '/doel/7', id: 'q-g7-share' });
  assert.deepEqual(placeOfError({ field: 'goals[1].inhoud.otherMeasure', code: 'too-long' }, SENT),
    { step: '/doel/7', id: 'q-g7-otherMeasure' });
  assert.equal(placeOfError({ field: 'goals[5].borging', code: 'required' }, SENT), null);
});

test('a missing category is placed by the problem\'s category, whatever its message says', () => {
  assert.deepEqual(placeOfError({ field: 'goals[0].inhoud.categories', code: 'category-missing',
    category: 'own-action', message: 'category steering is not answered' }, SENT),
  { step: '/doel/3', id: 'q-g3-cat-own-action' });
  assert.deepEqual(placeOfError({ field: 'goals[0].inhoud.categories', code: 'category-missing',
    message: 'category steering is not answered' }, SENT),
  { step: '/doel/3', id: 'q-g3-measures' });
});

test('extra questions: their answers and free texts go to the question', () => {
  assert.deepEqual(placeOfError({ field: 'extras.grades.current', code: 'out-of-range' }, SENT),
    { step: '/extra', id: 'q-x-grades' });
  assert.deepEqual(placeOfError({ field: 'extras.youthInvolvementHow', code: 'text-without-yes' }, SENT),
    { step: '/extra', id: 'q-x-youthInvolved' });
  assert.equal(placeOfError({ field: 'questionnaireVersion', code: 'other-version' }, SENT), null);
  assert.equal(placeOfError({ code: 'required' }, SENT), null);
  assert.equal(extraField('youth-involved'), 'youthInvolved');
  assert.equal(extraField('not-known'), null);
});

test('a grades question offers the grades of its own scale, lowest first', () => {
  assert.deepEqual(gradesOf({ type: 'GRADES', scale: { lowest: 1, highest: 10 } }), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(gradesOf({ type: 'GRADES', scale: { lowest: 0, highest: 5 } }), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(gradesOf({ type: 'SINGLE_CHOICE', scale: null }), []);
  assert.deepEqual(gradesOf({ type: 'GRADES', scale: { lowest: 6, highest: 2 } }), []);
  assert.deepEqual(gradesOf(undefined), []);
});
