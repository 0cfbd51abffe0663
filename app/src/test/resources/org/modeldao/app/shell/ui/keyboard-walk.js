// Installs window.keyboardWalk in the page under test (KeyboardWalk.java presses Tab and calls step() after each press).
// Controls: what a person may operate on the page. A field's native input, a radio group's buttons, and whatever a grid
// holds (cells, their links and buttons) belong to the outer control: the grid's and the radio group's own keyboard
// models (arrow keys, Enter) reach their parts once Tab has reached them.
(() => {
  const FIELDS = 'vaadin-text-field, vaadin-text-area, vaadin-password-field, vaadin-email-field, vaadin-integer-field, '
      + 'vaadin-number-field, vaadin-big-decimal-field, vaadin-combo-box, vaadin-select, vaadin-checkbox, vaadin-date-picker';
  const OWNERS = FIELDS + ', vaadin-grid, vaadin-radio-group, vaadin-side-nav-item, vaadin-menu-bar, vaadin-tabs';
  const CONTROLS = OWNERS + ', a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), '
      + 'vaadin-button, vaadin-details-summary, vaadin-drawer-toggle';
  const STYLE = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow', 'background-color',
    'border-top-color', 'border-bottom-color', 'color', 'text-decoration-line'];

  const hostOf = el => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  const ancestors = el => { const all = []; for (let e = el; e; e = hostOf(e)) all.push(e); return all; };
  const deepActive = () => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  // Vaadin's development-mode tools (Copilot) sit on the page in the dev profile the tests run in, never in production
  const devTools = line => line.some(el => el.localName === 'copilot-main' || el.localName === 'vaadin-dev-tools');
  const disabled = el => el.matches(':disabled, [disabled], [aria-disabled="true"]') || !!el.closest('[disabled], [inert]');
  const shown = el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > 0 && box.left < document.documentElement.scrollWidth
        && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };
  const describe = el => {
    const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('label') || '').trim().replace(/\s+/g, ' ');
    return el.localName + (el.id ? '#' + el.id : '') + (name ? ' "' + name.slice(0, 60) + '"' : '');
  };
  const styleOf = (el, pseudo) => { const s = getComputedStyle(el, pseudo); return STYLE.map(p => s.getPropertyValue(p)).join('|'); };
  // what a focus indicator changes: outline, shadow, colours, underline of the focused element, its hosts up to its
  // control, their ::before/::after and the parts of their shadow trees (where Lumo draws its focus rings)
  const signature = chain => chain.flatMap(el => [styleOf(el), styleOf(el, '::before'), styleOf(el, '::after'),
    ...(el.shadowRoot ? [...el.shadowRoot.querySelectorAll('[part]')].slice(0, 20)
        .flatMap(part => [styleOf(part), styleOf(part, '::before'), styleOf(part, '::after')]) : [])]).join(';');
  const settle = () => document.getAnimations().forEach(a => { try { a.finish(); } catch (e) { /* endless: a spinner */ } });

  const controls = [...document.querySelectorAll(CONTROLS)]
      .filter(el => !devTools(ancestors(el)))
      .filter(el => !(el.parentElement && el.parentElement.closest(OWNERS)))
      .filter(el => el.localName !== 'input' || !el.closest('vaadin-upload'))
      .filter(el => shown(el) && !disabled(el));
  const reached = new Set();
  const stops = [];
  let current = null;

  window.keyboardWalk = {
    controls: controls.length,
    // after each Tab: notes what has focus, and whether the element focused before looks different now that it has lost it
    step() {
      settle();
      if (current) current.after = signature(current.chain);
      const deep = deepActive();
      if (!deep || deep === document.body || deep === document.documentElement) {
        current = null;
        return 'body';
      }
      const line = ancestors(deep);
      if (devTools(line)) {
        current = null;
        return 'devtools';
      }
      line.filter(el => controls.includes(el)).forEach(el => reached.add(el));
      const control = line.find(el => controls.includes(el));
      const chain = control ? line.slice(0, line.indexOf(control) + 1) : line.slice(0, 3);
      const first = stops.length > 0 && stops[0].deep === deep;
      current = { deep, chain, label: describe(control || deep), before: signature(chain) };
      stops.push(current);
      return first ? 'wrapped' : 'moved';
    },
    report() {
      return {
        stops: stops.length,
        unreached: controls.filter(el => !reached.has(el) && shown(el) && !disabled(el)).map(describe),
        noFocusIndicator: [...new Set(stops.filter(s => s.after !== undefined && s.after === s.before).map(s => s.label))],
      };
    },
  };
})();
