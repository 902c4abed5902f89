// The interactions, on an app that has loaded every identity: filter keystrokes (each checked
// against the expected number of matches before its time counts) and scrolling.
const GAP_MS = 120; // a fast typist: about 8 keys a second

/** Presses a key as a keyboard does (keydown, keypress, input, keyup), through the DevTools
 *  protocol, so characters outside the US layout (ø, é, ễ, δ) are typed like any other. */
function keyboard(page, cdp) {
  return async key => {
    if (key.length !== 1) return page.keyboard.press(key);
    const code = /[a-z0-9]/i.test(key) ? key.toUpperCase().charCodeAt(0) : 0;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key, windowsVirtualKeyCode: code });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, windowsVirtualKeyCode: code });
  };
}

async function waitShown(page, ui, count, what) {
  try {
    const pattern = ui.countsPattern ?? '([\\d,]+) identities · ([\\d,]+) shown';
    await page.waitForFunction(({ sel, count, pattern }) => {
      const m = new RegExp(pattern).exec(document.querySelector(sel)?.textContent ?? '');
      return m && Number(m[2].replaceAll(',', '')) === count;
    }, { sel: ui.counts, count, pattern }, { timeout: 30_000, polling: 50 });
  } catch {
    const state = await page.evaluate(() => window.__bench.state());
    throw new Error(`${what}: expected ${count} shown, the page shows ${JSON.stringify(state.counts)}`);
  }
}

/** Presses `key` with the filter box holding `before`; returns the time until the page shows
 *  the matches of `after`, or fails if it shows anything else within 15 s. */
async function timedKey(page, press, key, after, dataset, app) {
  const count = dataset.matches(after);
  await page.evaluate(([needle, n]) => window.__bench.expect(needle, n), [after, count]);
  await press(key);
  const latency = await page.evaluate(() => Promise.race([window.__bench.want.done,
    new Promise(r => setTimeout(() => r(null), 15_000))]));
  if (latency === null) {
    const state = await page.evaluate(() => window.__bench.state());
    const value = await page.evaluate(() => document.activeElement?.value);
    throw new Error(`${app}: after typing ${JSON.stringify(after)} (box: ${JSON.stringify(value)}) expected ${count} matches; the page shows ${JSON.stringify(state)}`);
  }
  await page.waitForTimeout(GAP_MS);
  return latency;
}

async function clear(page, ui, dataset, app) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitShown(page, ui, dataset.total, `${app}: clearing the filter`);
  await page.waitForTimeout(GAP_MS);
}

/** Each query typed from an empty box, key by key; the box is cleared (untimed) between them. */
export async function unrelatedQueries(page, cdp, ui, dataset, queries, app) {
  const press = keyboard(page, cdp);
  await page.focus(ui.filter);
  const samples = [];
  for (const query of queries) {
    let typed = '';
    for (const ch of Array.from(query)) {
      typed += ch;
      samples.push({ query: typed, ms: await timedKey(page, press, ch, typed, dataset, app) });
    }
    await clear(page, ui, dataset, app);
  }
  return samples;
}

/** A word typed, then deleted key by key: the pattern earlier results can serve. */
export async function typeAndDelete(page, cdp, ui, dataset, words, app) {
  const press = keyboard(page, cdp);
  await page.focus(ui.filter);
  const samples = [];
  for (const word of words) {
    const chars = Array.from(word);
    for (let i = 1; i <= chars.length; i++) {
      const typed = chars.slice(0, i).join('');
      samples.push({ query: typed, ms: await timedKey(page, press, chars[i - 1], typed, dataset, app) });
    }
    for (let i = chars.length - 1; i >= 0; i--) {
      const left = chars.slice(0, i).join('');
      samples.push({ query: left, ms: await timedKey(page, press, 'Backspace', left, dataset, app) });
    }
    await waitShown(page, ui, dataset.total, `${app}: after deleting ${word}`);
  }
  return samples;
}

/** Frame times while the table scrolls 700 px a frame for 120 frames; then rows must be shown. */
export async function scrolling(page, ui, app) {
  const frames = await page.evaluate(async sel => {
    const el = document.querySelector(sel);
    el.scrollTop = 0;
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const out = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      await new Promise(r => requestAnimationFrame(r));
      const now = performance.now();
      out.push(now - last);
      last = now;
      el.scrollTop += 700;
    }
    return out;
  }, ui.viewport);
  await page.waitForTimeout(200);
  const state = await page.evaluate(() => window.__bench.state());
  if (!(state.rows > 0)) throw new Error(`${app}: no rows shown after scrolling: ${JSON.stringify(state)}`);
  return frames;
}
