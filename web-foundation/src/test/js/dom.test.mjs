import test from 'node:test';
import assert from 'node:assert/strict';

// the smallest document el() needs: createElement with attributes, listeners, text and children
globalThis.document = {
  createElement: tag => ({
    tag, attributes: {}, listeners: {}, children: [], textContent: '',
    setAttribute(name, value) { this.attributes[name] = String(value); },
    addEventListener(type, listener) { this.listeners[type] = listener; },
    append(child) { this.children.push(child); }
  })
};
const { el } = await import('../../main/resources/META-INF/resources/shared/dom.js');

test('text stays text, attributes are set, false and null ones left out, true ones empty', () => {
  const input = el('input', { id: 'x', text: '<b>not markup</b>', disabled: true, hidden: false, title: null });
  assert.equal(input.textContent, '<b>not markup</b>');
  assert.deepEqual(input.attributes, { id: 'x', disabled: '' });
});

test('on… entries become listeners and an array of children is spread, null ones skipped', () => {
  const clicked = [];
  const list = el('ul', { onclick: () => clicked.push(1) }, [el('li'), null, el('li', {}, 'tekst')], undefined);
  list.listeners.click();
  assert.deepEqual(clicked, [1]);
  assert.equal(list.children.length, 2);
  assert.deepEqual(list.children[1].children, ['tekst']);
  assert.equal(list.attributes.onclick, undefined);
});
