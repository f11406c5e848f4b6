import { renderToStaticMarkup } from 'react-dom/server';
import { TextField } from '../text-field';

describe('TextField', () => {
  it('labels the input and ties hint and error to it', () => {
    const html = renderToStaticMarkup(
      <TextField id="email" label="Email address" hint="We never share it" error="Enter an email address" value="" onChange={() => undefined} />,
    );
    expect(html).toContain('<label class="an-field__label" for="email">Email address</label>');
    expect(html).toContain('id="email-hint"');
    expect(html).toContain('id="email-error"');
    expect(html).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<input[^>]*aria-describedby="email-error email-hint"/);
  });

  it('is not marked invalid without an error', () => {
    const html = renderToStaticMarkup(<TextField id="name" label="Name" value="Siti" onChange={() => undefined} />);
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('aria-describedby');
  });
});
