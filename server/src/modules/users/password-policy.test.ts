import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it.each(['correct horse battery staple', 'Zx9!quiet-river', 'contraseña segura de verdad', '😀😀😀😀😀 a b c'])(
    'accepts %p',
    (password) => {
      expect(passwordProblem(password)).toBeNull();
    },
  );

  it.each([
    ['short', /at least 10/],
    ['x'.repeat(129), /at most 128/],
    ['1234567890', /too common/],
    ['PASSWORD123', /too common/],
    ['qwertyuiop', /too common/],
    ['zzzzzzzzzzzz', /too common/],
  ])('refuses %p', (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('😀'.repeat(9))).toMatch(/at least 10/);
    expect(passwordProblem('😀'.repeat(128) + 'ab')).toMatch(/at most 128/);
  });

  it('refuses the person’s own email or name', () => {
    expect(passwordProblem('grace.hopper', { email: 'grace.hopper@example.org' })).toMatch(/email address or name/);
    expect(passwordProblem('I am Grace Hopper!', { displayName: 'Grace Hopper' })).toMatch(/email address or name/);
  });
});
