/**
 * Building the page's elements without HTML strings: {@link el} sets text as text (never parsed as markup), attributes
 * as attributes and "on…" entries as listeners, so nothing a user typed can become markup or script.
 */

/**
 * An element with its attributes and children. {@code text} sets its text; an attribute whose value is null,
 * undefined or false is left out and true gives an empty one; {@code onclick} and the like add listeners; children
 * may be nodes, strings or arrays of them, null ones skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (key === 'text') element.textContent = value;
    else if (key.startsWith('on')) element.addEventListener(key.substring(2), value);
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null) element.append(child);
  }
  return element;
}
