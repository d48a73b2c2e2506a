/** Moves focus to an element that cannot take it by itself (a heading, a list item), as GOV.UK does. */
export function focusElement(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/**
 * Focuses the first element matching `selector` once it is there (a page's heading arrives with its data),
 * giving up after `timeoutMs`, and never taking focus from something the reader has already moved to in
 * `within` meanwhile. Returns a function that stops waiting.
 */
export function focusWhenPresent(selector: string, within = 'main', timeoutMs = 3000): () => void {
  const deadline = Date.now() + timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = () => {
    const active = document.activeElement;
    if (active && active !== document.body && document.querySelector(within)?.contains(active)) return;
    const found = document.querySelector<HTMLElement>(selector);
    if (found) return focusElement(found);
    if (Date.now() < deadline) timer = setTimeout(attempt, 50);
  };
  attempt();
  return () => clearTimeout(timer);
}

/** The list a "Show more" button extends: the list or table just before it. */
export function listBefore(button: HTMLElement): Element | null {
  let sibling = button.previousElementSibling;
  while (sibling && !['OL', 'UL', 'TABLE'].includes(sibling.tagName)) sibling = sibling.previousElementSibling;
  return sibling;
}

/** A list's items (a table's body rows). */
export function itemsOf(list: Element | null): HTMLElement[] {
  if (!list) return [];
  return Array.from(list.tagName === 'TABLE' ? list.querySelectorAll('tbody > tr') : list.children) as HTMLElement[];
}
