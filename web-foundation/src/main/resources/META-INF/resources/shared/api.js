// API calls of the browser apps: JSON with the caller's bearer token, and every error as an ApiError carrying the
// service's RFC 9457 problem document. Errors are placed on the form's fields by the problem's `errors[].field` and
// described by their `code` (texts the page provides, in Dutch) — never by the server's English message text.

export const PROBLEM_TYPE_BASE = 'https://monitor.nl/problems/';

/** A call that did not succeed: the HTTP status, the problem document (or one made up from the status), its code. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problemCode(problem);
  }

  /** The invalid fields, each {field, code}; empty when the problem names none. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** The problem's own code: the last part of its type URI ("invalid-input"), or null for about:blank or none. */
export function problemCode(problem) {
  const type = problem && problem.type;
  if (!type || type === 'about:blank') {
    return null;
  }
  return String(type).replace(/\/+$/, '').split('/').pop() || null;
}

/** The body of an answer that failed: its problem document when it has one, else one made of the status. */
export async function readProblem(response) {
  const type = (response.headers.get('Content-Type') || '').toLowerCase();
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && typeof body === 'object') {
        return { status: response.status, ...body };
      }
    } catch (ignored) { /* not JSON after all: made up below */ }
  }
  return { type: 'about:blank', title: response.statusText || 'HTTP ' + response.status, status: response.status };
}

/**
 * A client of one service: {@code baseUrl} ('' for the page's own service), {@code token} an async function giving
 * the access token to send (null: none), {@code fetch} replaceable in tests. Answers the parsed JSON (null for 204).
 */
export function createApi({ baseUrl = '', token = async () => null, fetch = (...args) => globalThis.fetch(...args) } = {}) {
  async function request(method, path, body) {
    const headers = { Accept: 'application/json' };
    const bearer = await token();
    if (bearer) {
      headers.Authorization = 'Bearer ' + bearer;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(baseUrl + path,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  return {
    baseUrl,
    request,
    get: path => request('GET', path),
    post: (path, body) => request('POST', path, body === undefined ? {} : body),
    put: (path, body) => request('PUT', path, body),
    delete: path => request('DELETE', path)
  };
}

/**
 * Places a problem's field errors on a form's fields. {@code fields} are the form's field paths ("url",
 * "filter.municipalities"); an error belongs to the longest one its `field` equals or begins with (followed by "."
 * or "["), so "filter.municipalities[2]" goes to "filter.municipalities". {@code texts} maps a `code` to the Dutch
 * text to show (a function of the error, or a string); {@code fallback} describes a code it does not know.
 * Answers {byField: {path: [text, …]}, unplaced: [text, …]}: unplaced are the errors of no field of this form and
 * a problem without field errors (its code's text, else the fallback for its status).
 */
export function placeErrors(problem, fields, texts = {}, fallback = defaultText) {
  const byField = {};
  const unplaced = [];
  const describe = error => {
    const text = texts[error.code];
    return typeof text === 'function' ? text(error) : text || fallback(error);
  };
  const errors = Array.isArray(problem && problem.errors) ? problem.errors : [];
  for (const error of errors) {
    const path = owner(error.field, fields);
    if (path) {
      (byField[path] = byField[path] || []).push(describe(error));
    } else {
      unplaced.push(describe(error));
    }
  }
  if (errors.length === 0 && problem) {
    unplaced.push(describe({ code: problemCode(problem), status: problem.status }));
  }
  return { byField, unplaced };
}

function owner(field, fields) {
  if (typeof field !== 'string') {
    return null;
  }
  return fields
    .filter(path => field === path || field.startsWith(path + '.') || field.startsWith(path + '['))
    .sort((a, b) => b.length - a.length)[0] || null;
}

/** The Dutch text for an error no page text describes: by HTTP status, else a generic one naming the code. */
export function defaultText(error) {
  const byStatus = {
    400: 'Het verzoek is niet goed opgebouwd.',
    401: 'U bent niet (meer) aangemeld: meld opnieuw aan.',
    403: 'U heeft hiervoor geen toegang.',
    404: 'Niet gevonden (misschien al verwijderd).',
    409: 'Dit kan nu niet in deze toestand.',
    413: 'Het verzoek is te groot.',
    429: 'Te veel verzoeken: probeer het zo opnieuw.'
  };
  if (error.status && byStatus[error.status]) {
    return byStatus[error.status];
  }
  if (error.status >= 500) {
    return 'De dienst kan dit nu niet verwerken: probeer het later opnieuw.';
  }
  return error.code ? `Ongeldige waarde (${error.code}).` : 'Ongeldige waarde.';
}

/** Escapes text for HTML built in a template string. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * Shows placed errors on a form (browser only): each field's element carries data-field="<path>"; its message goes
 * into the element with id "<element id>-error" (aria-describedby, aria-invalid set); the unplaced ones into
 * {@code summary}. Earlier errors are cleared first. Focuses the first invalid field.
 */
export function showErrors(form, placed, summary) {
  clearErrors(form, summary);
  let first = null;
  for (const [path, texts] of Object.entries(placed.byField)) {
    const input = form.querySelector(`[data-field="${path}"]`);
    if (!input) {
      placed.unplaced.push(...texts);
      continue;
    }
    const note = document.getElementById(input.id + '-error');
    input.setAttribute('aria-invalid', 'true');
    if (note) {
      note.textContent = texts.join(' ');
      note.hidden = false;
      input.setAttribute('aria-describedby', note.id);
    }
    first = first || input;
  }
  if (summary && placed.unplaced.length) {
    summary.textContent = placed.unplaced.join(' ');
    summary.hidden = false;
  }
  if (first) {
    first.focus();
  }
}

/** Removes the errors {@link showErrors} showed. */
export function clearErrors(form, summary) {
  form.querySelectorAll('[aria-invalid="true"]').forEach(input => {
    input.removeAttribute('aria-invalid');
    const note = document.getElementById(input.id + '-error');
    if (note) {
      note.textContent = '';
      note.hidden = true;
    }
  });
  if (summary) {
    summary.textContent = '';
    summary.hidden = true;
  }
}
