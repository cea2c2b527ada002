import test from 'node:test';
import assert from 'node:assert/strict';
import { openEventStream, SseParser } from '../../main/resources/META-INF/resources/shared/sse.js';

test('events are parsed with id, type and data; comments are skipped', () => {
  const parser = new SseParser();
  const events = parser.push(': keep-alive\n\nid: a1\nevent: threshold-crossed\ndata: {"x":1}\n\n');
  assert.deepEqual(events, [{ id: 'a1', event: 'threshold-crossed', data: '{"x":1}' }]);
});

test('an event split across chunks, CRLF line ends and several data lines come out whole', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('id: 7\r'), []);
  assert.deepEqual(parser.push('\nevent: resolved\r\ndata: line one\r\nda'), []);
  assert.deepEqual(parser.push('ta:line two\r\n\r\n'),
    [{ id: '7', event: 'resolved', data: 'line one\nline two' }]);
});

test('an event without a type is a message and keeps the last id', () => {
  const parser = new SseParser();
  parser.push('id: 1\ndata: a\n\n');
  assert.deepEqual(parser.push('data: b\n\n'), [{ id: '1', event: 'message', data: 'b' }]);
});

test('the reader sends the token, hands over the events, and stops for good on 403', async () => {
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('id: a\nevent: threshold-crossed\ndata: {}\n\n'));
      controller.close();
    }
  });
  const seen = [];
  const states = [];
  const sent = [];
  let calls = 0;
  const done = new Promise(resolve => {
    const stream = openEventStream('http://n/api/alerts/stream', {
      token: async () => 'tok',
      retryMs: 1,
      fetch: async (url, init) => {
        sent.push(init.headers.Authorization);
        calls++;
        return calls === 1 ? new Response(body, { status: 200 }) : new Response(null, { status: 403 });
      },
      onEvent: event => seen.push(event),
      onState: (state, error) => {
        states.push(state + (error ? ' ' + error.status : ''));
        if (state === 'error') {
          stream.stop();
          resolve();
        }
      }
    });
  });
  await done;
  assert.deepEqual(seen, [{ id: 'a', event: 'threshold-crossed', data: '{}' }]);
  assert.deepEqual(states, ['open', 'closed', 'error 403']);
  assert.deepEqual(sent, ['Bearer tok', 'Bearer tok']);
});
