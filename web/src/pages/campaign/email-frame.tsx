import { useEffect, useRef } from 'preact/hooks';

const STYLE_MARK = 'data-preview-style';

/**
 * Copies an email into `target` so it looks as sent, under the dashboard's strict CSP and with nothing live:
 * the HTML is parsed inertly, inline styles are applied through the CSSOM (style attributes in markup would be
 * refused), the `<style>` rules become a constructed sheet, and links lose their targets, so clicking a score in
 * the preview can never count as the recipient's click or answer.
 */
function renderEmail(target: Document, html: string): void {
  const source = new DOMParser().parseFromString(html, 'text/html');
  source.querySelectorAll('a[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  source.querySelectorAll('a[href]').forEach((link) => link.removeAttribute('href'));
  const styles: string[] = [];
  for (const element of [source.body, ...source.body.querySelectorAll('[style]')]) {
    const style = element.getAttribute('style');
    if (style === null) continue;
    element.setAttribute(STYLE_MARK, String(styles.push(style) - 1));
    element.removeAttribute('style');
  }
  const body = target.importNode(source.body, true);
  for (const element of [body, ...body.querySelectorAll<HTMLElement>(`[${STYLE_MARK}]`)]) {
    const index = element.getAttribute(STYLE_MARK);
    if (index === null) continue;
    element.style.cssText = styles[Number(index)] ?? '';
    element.removeAttribute(STYLE_MARK);
  }
  const view = target.defaultView;
  if (view) {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync([...source.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n'));
    target.adoptedStyleSheets = [sheet];
  }
  target.documentElement.lang = source.documentElement.lang;
  target.documentElement.replaceChild(body, target.body);
}

/** The email in a frame without scripts, sized to its content. */
export function EmailFrame({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const document = frame.current?.contentDocument;
    if (!frame.current || !document) return;
    renderEmail(document, html);
    frame.current.style.height = `${document.documentElement.scrollHeight + 4}px`;
  }, [html]);
  return <iframe ref={frame} class="email-preview" title={title} sandbox="allow-same-origin" />;
}
