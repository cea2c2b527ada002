// Server-Sent Events over fetch, so that the request carries the bearer token (EventSource cannot send headers):
// an incremental parser of the text/event-stream format (WHATWG HTML, "Parsing an event stream") and a reader that
// reconnects after a dropped connection until it is stopped.

/** Parses an event stream piece by piece: push(text) answers the events completed by it, each {id, event, data}. */
export class SseParser {
  constructor() {
    this.buffer = '';
    this.reset();
    this.lastEventId = '';
  }

  reset() {
    this.data = [];
    this.event = '';
    this.hasData = false;
  }

  push(text) {
    this.buffer += text;
    const events = [];
    let end;
    // A line ends at CRLF, LF or CR; a CR at the very end may be the first half of a CRLF still to come.
    while ((end = this.buffer.search(/\r\n|\n|\r(?!$)/)) !== -1) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      const event = this.line(line);
      if (event) {
        events.push(event);
      }
    }
    return events;
  }

  line(line) {
    if (line === '') {
      if (!this.hasData) {
        this.reset();
        return null;
      }
      const event = { id: this.lastEventId, event: this.event || 'message', data: this.data.join('\n') };
      this.reset();
      return event;
    }
    if (line.startsWith(':')) {
      return null; // a comment: the keep-alive
    }
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (name === 'data') {
      this.data.push(value);
      this.hasData = true;
    } else if (name === 'event') {
      this.event = value;
    } else if (name === 'id' && !value.includes('\0')) {
      this.lastEventId = value;
    }
    return null;
  }
}

/**
 * Reads an event stream at {@code url} with the token {@code token()} gives, calling {@code onEvent} per event and
 * {@code onState('open' | 'closed' | 'error', detail)} as the connection changes; reconnects after {@code retryMs}
 * while not stopped. Answers {stop()}. A 401/403/404/422 answer stops it (retrying would not help).
 */
export function openEventStream(url, { token, onEvent, onState = () => {}, retryMs = 3000,
  fetch = (...args) => globalThis.fetch(...args) }) {
  const controller = new AbortController();
  let stopped = false;

  async function connectOnce() {
    const headers = { Accept: 'text/event-stream' };
    const bearer = await token();
    if (bearer) {
      headers.Authorization = 'Bearer ' + bearer;
    }
    const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
    if (!response.ok) {
      const error = new Error('HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    onState('open');
    const parser = new SseParser();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      parser.push(decoder.decode(value, { stream: true })).forEach(onEvent);
    }
  }

  (async () => {
    while (!stopped) {
      try {
        await connectOnce();
        onState('closed');
      } catch (e) {
        if (stopped) {
          break;
        }
        onState('error', e);
        if ([401, 403, 404, 422].includes(e.status)) {
          break;
        }
      }
      if (!stopped) {
        await new Promise(resolve => setTimeout(resolve, retryMs));
      }
    }
  })();

  return {
    stop() {
      stopped = true;
      controller.abort();
    }
  };
}
