// A reusable in-page layout check: elements whose content is wider or taller than their box
// (clipped or spilling, unless the box scrolls or is marked data-may-truncate), elements that
// reach past the viewport (unless inside a scrolling box), and in-flow siblings that overlap.
// Runs in the page (page.evaluate); returns a readable list, empty when the layout is clean.
import type { Page } from 'playwright-core';

export interface LayoutProblem {
  element: string;
  problem: string;
}

const IN_PAGE = `(() => {
  const out = [];
  const vw = window.innerWidth, vh = window.innerHeight;
  const SKIP = new Set(['SCRIPT', 'STYLE', 'OPTION', 'DATALIST', 'CANVAS', 'BR', 'svg', 'path', 'rect', 'KBD', 'B']);
  const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
  const scrolls = (v) => v === 'auto' || v === 'scroll';
  const describe = (el) => {
    const parts = [];
    for (let n = el; n && n !== document.body && parts.length < 3; n = n.parentElement) {
      const id = n.getAttribute('data-testid');
      const cls = typeof n.className === 'string' && n.className ? '.' + n.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
      parts.push(id ? '[' + id + ']' : n.tagName.toLowerCase() + cls);
      if (id) break;
    }
    const text = (el.textContent || '').trim().slice(0, 40);
    return parts.reverse().join(' > ') + (text ? ' "' + text + '"' : '');
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const inScroller = (el) => {
    for (let n = el.parentElement; n && n !== document.documentElement; n = n.parentElement) {
      const cs = getComputedStyle(n);
      if (scrolls(cs.overflowX) || scrolls(cs.overflowY)) return true;
    }
    return false;
  };
  const flowing = (el) => { const p = getComputedStyle(el).position; return p !== 'absolute' && p !== 'fixed'; };
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll('*')];
  for (const el of all) {
    if (SKIP.has(el.tagName) || !shown(el)) continue;
    const cs = getComputedStyle(el);
    const allowed = el.closest('[data-may-truncate]') !== null;
    if (!FIELDS.has(el.tagName) && !allowed && cs.display !== 'inline' && el.clientWidth > 0) {
      if (el.scrollWidth > el.clientWidth + 1 && !scrolls(cs.overflowX)) out.push({ element: describe(el), problem: 'content wider than its box (' + el.scrollWidth + ' > ' + el.clientWidth + ' px)' });
      if (el.scrollHeight > el.clientHeight + 1 && !scrolls(cs.overflowY)) out.push({ element: describe(el), problem: 'content taller than its box (' + el.scrollHeight + ' > ' + el.clientHeight + ' px)' });
    }
    const r = el.getBoundingClientRect();
    if (!inScroller(el) && (r.right > vw + 1 || r.bottom > vh + 1 || r.left < -1 || r.top < -1)) {
      out.push({ element: describe(el), problem: 'reaches past the ' + vw + 'x' + vh + ' viewport (' + Math.round(r.left) + ',' + Math.round(r.top) + ' to ' + Math.round(r.right) + ',' + Math.round(r.bottom) + ')' });
    }
    const kids = [...el.children].filter((k) => !SKIP.has(k.tagName) && shown(k) && flowing(k));
    for (let i = 0; i < kids.length; i++) {
      const a = kids[i].getBoundingClientRect();
      for (let j = i + 1; j < kids.length; j++) {
        const b = kids[j].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.push({ element: describe(kids[i]), problem: 'overlaps its sibling ' + describe(kids[j]) });
      }
    }
  }
  return out.slice(0, 200);
})()`;

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return (await page.evaluate(IN_PAGE)) as LayoutProblem[];
}

/** One line per problem, for an assertion message. */
export function formatProblems(list: readonly LayoutProblem[]): string {
  return list.map((p) => `${p.element}: ${p.problem}`).join('\n');
}

export const PANEL_SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
