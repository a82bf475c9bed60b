import { cleanTypedText, toPlainText } from '../../src/domain/plainText';

describe('toPlainText', () => {
  it('removes the paragraph and formatting tags Teams sends, keeping the words', () => {
    expect(toPlainText('<p>Send the <b>final</b> report to <i>the Panel</i></p>')).toBe('Send the final report to the Panel');
    expect(toPlainText('<div><span style="color:red">Urgent</span></div>')).toBe('Urgent');
  });

  it('removes script and link tags, leaving only their text', () => {
    expect(toPlainText('<script>alert(1)</script>Hi')).toBe('alert(1)Hi');
    expect(toPlainText('<a href="http://evil.example">the report</a>')).toBe('the report');
    expect(toPlainText('<img src=x onerror=alert(1)>Photo')).toBe('Photo');
  });

  it('turns <br> and paragraph breaks into line breaks', () => {
    expect(toPlainText('One<br>Two<br/>Three<BR />Four')).toBe('One\nTwo\nThree\nFour');
    expect(toPlainText('<p>First</p><p>Second</p>')).toBe('First\nSecond');
    expect(toPlainText('<p>First</p>\n<p class="x">Second</p>')).toBe('First\nSecond');
  });

  it('decodes named and numeric entities', () => {
    expect(toPlainText('Fish &amp; chips &lt;b&gt; &quot;quoted&quot; &apos;single&apos;')).toBe('Fish & chips <b> "quoted" \'single\'');
    expect(toPlainText('caf&#233; &#x1F389; &#X2713;')).toBe('café 🎉 ✓');
  });

  it('decodes once, so an escaped entity stays as the text people typed', () => {
    expect(toPlainText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('leaves unknown entities and impossible code points as written', () => {
    expect(toPlainText('&bogus; &#99999999; &#0;')).toBe('&bogus; &#99999999; &#0;');
  });

  it('never produces half of a surrogate pair, which would corrupt stored text', () => {
    const text = toPlainText('a&#xD800;b&#56320;c');
    expect(text).toBe('a&#xD800;b&#56320;c');
    expect(text).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it('drops control characters but keeps line breaks and tabs as spaces', () => {
    expect(toPlainText('a\u0000b\u0007c\u001Fd\u007Fe')).toBe('abcde');
    expect(toPlainText('a&#1;b')).toBe('ab');
    expect(toPlainText('a\tb\nc')).toBe('a b\nc');
  });

  it('folds runs of spaces and non-breaking spaces, and trims', () => {
    expect(toPlainText('  Send&nbsp;&nbsp; the \u00A0 letter  ')).toBe('Send the letter');
    expect(toPlainText('line one   \n   line two')).toBe('line one\nline two');
  });

  it('keeps emoji, right-to-left scripts and markdown characters exactly', () => {
    for (const text of ['👩🏽‍⚕️ 🎉', 'إرسال التقرير إلى المجلس', 'לשלוח את הדוח', '**bold** _it_ [link](http://evil.example) `code`', 'a < b > c']) {
      expect(toPlainText(text)).toBe(text);
    }
  });

  it('gives empty text for markup with no words', () => {
    expect(toPlainText('<p></p>')).toBe('');
    expect(toPlainText('<br>&nbsp;<br>')).toBe('');
  });
});

describe('cleanTypedText', () => {
  it('keeps what looks like markup or an entity as typed: a card input holds plain text', () => {
    expect(cleanTypedText('  Send <b>x</b> &amp; [y](http://z)  ')).toBe('Send <b>x</b> &amp; [y](http://z)');
  });

  it('drops control characters and tidies spaces, keeping line breaks', () => {
    expect(cleanTypedText('One\u0007 \t two \n three')).toBe('One two\nthree');
  });
});

describe('toPlainText with the entities people actually paste', () => {
  it('decodes the whole HTML table, not just the five XML ones', () => {
    expect(toPlainText('Caf&eacute; &pound;3K it&rsquo;s &ldquo;done&rdquo; &mdash; &frac12; &euro;5 &hellip;')).toBe('Café £3K it’s “done” — ½ €5 …');
  });

  it('needs the closing semicolon, so ampersands in ordinary words are left alone', () => {
    expect(toPlainText('AT&T &notes &pound3 R&D')).toBe('AT&T &notes &pound3 R&D');
  });
});
