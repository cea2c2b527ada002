import test from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, createApi, defaultText, escapeHtml, placeErrors, problemCode, readProblem }
  from '../../main/resources/META-INF/resources/shared/api.js';

const PROBLEM = 'application/problem+json';

function answer(status, body, type = 'application/json') {
  return new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    { status, headers: body === undefined ? {} : { 'Content-Type': type } });
}

function recordingFetch(response) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return typeof response === 'function' ? response() : response;
  };
  return { calls, fetch };
}

test('a call sends the bearer token and JSON, and answers the parsed body', async () => {
  const { calls, fetch } = recordingFetch(answer(201, { id: 'a1' }));
  const api = createApi({ baseUrl: 'http://n:8084', token: async () => 'tok', fetch });
  const created = await api.post('/api/subscriptions', { region: 'Groningen' });
  assert.deepEqual(created, { id: 'a1' });
  assert.equal(calls[0].url, 'http://n:8084/api/subscriptions');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(calls[0].init.body), { region: 'Groningen' });
});

test('no token, no Authorization header; 204 answers null', async () => {
  const { calls, fetch } = recordingFetch(answer(204));
  const api = createApi({ fetch });
  assert.equal(await api.delete('/api/subscriptions/1'), null);
  assert.equal(calls[0].init.headers.Authorization, undefined);
  assert.equal(calls[0].init.body, undefined);
});

test('a problem document becomes an ApiError with its status, code and field errors', async () => {
  const problem = { type: 'https://monitor.nl/problems/invalid-input', title: 'The request is invalid', status: 422,
    detail: 'The subscription has 1 problem(s)', errors: [{ field: 'url', code: 'invalid-url', message: 'english' }] };
  const { fetch } = recordingFetch(answer(422, problem, PROBLEM));
  const api = createApi({ fetch });
  await assert.rejects(api.post('/api/subscriptions', {}), error => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'invalid-input');
    assert.deepEqual(error.errors, [{ field: 'url', code: 'invalid-url', message: 'english' }]);
    return true;
  });
});

test('an answer that is no problem document still becomes an ApiError, made of its status', async () => {
  const problem = await readProblem(new Response('<html>bad gateway</html>',
    { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
  assert.equal(problem.status, 502);
  assert.equal(problemCode(problem), null);
  const broken = await readProblem(answer(500, '{not json', PROBLEM));
  assert.equal(broken.status, 500);
});

test('errors go to the field they name, by field path and code, whatever the message says', () => {
  const problem = { status: 422, errors: [
    { field: 'url', code: 'https-required', message: 'anything at all' },
    { field: 'filter.municipalities[1]', code: 'unknown-municipality', message: 'ignored' },
    { field: 'filter.thresholds[0].value', code: 'out-of-range', message: 'ignored' },
    { field: 'secret', code: 'invalid-secret', message: 'ignored' }] };
  const texts = {
    'https-required': 'Het adres moet met https:// beginnen.',
    'unknown-municipality': error => `Onbekende gemeente (${error.field}).`
  };
  const placed = placeErrors(problem, ['url', 'filter.municipalities', 'filter', 'filter.thresholds'], texts);
  assert.deepEqual(placed.byField, {
    url: ['Het adres moet met https:// beginnen.'],
    'filter.municipalities': ['Onbekende gemeente (filter.municipalities[1]).'],
    'filter.thresholds': ['Ongeldige waarde (out-of-range).']
  });
  assert.deepEqual(placed.unplaced, ['Ongeldige waarde (invalid-secret).']);
});

test('a field path is not matched by a mere prefix of its name', () => {
  const placed = placeErrors({ errors: [{ field: 'urls', code: 'x' }] }, ['url']);
  assert.deepEqual(placed.byField, {});
  assert.equal(placed.unplaced.length, 1);
});

test('a problem without field errors is described by its code, else by its status in Dutch', () => {
  const conflict = { type: 'https://monitor.nl/problems/wrong-channel', status: 409, detail: 'english' };
  assert.deepEqual(placeErrors(conflict, [], { 'wrong-channel': 'Alleen een webhook heeft een geheim.' }).unplaced,
    ['Alleen een webhook heeft een geheim.']);
  assert.deepEqual(placeErrors(conflict, []).unplaced, ['Dit kan nu niet in deze toestand.']);
  assert.equal(defaultText({ status: 503 }), 'De dienst kan dit nu niet verwerken: probeer het later opnieuw.');
});

test('HTML is escaped', () => {
  assert.equal(escapeHtml('<a href="x">\'&'), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  assert.equal(escapeHtml(null), '');
});
