import { certificateCode } from '../learner.service';
import { cleanFileName } from '../resource.service';
import { clientTime, isoDate } from '../learning.validation';
import { mailLocale, waitlistPromotedMail } from '../learning.mail';

describe('certificate codes', () => {
  it('are 16 characters without look-alikes, and differ', () => {
    const codes = new Set(Array.from({ length: 1000 }, certificateCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-TV-Z]{16}$/);
  });
});

describe('cleanFileName', () => {
  it('keeps the base name, drops path parts and control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\x\\Anggaran 2027.xlsx')).toBe('Anggaran 2027.xlsx');
    expect(cleanFileName('a"b<c>\u0000.pdf')).toBe('a_b_c__.pdf');
    expect(cleanFileName('   ')).toBe('file');
  });
});

describe('validation', () => {
  it('device times: not in the future beyond five minutes, not before 2000', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(clientTime('at', new Date('2026-11-27T12:04:00Z'), now)).toEqual(new Date('2026-11-27T12:04:00Z'));
    expect(() => clientTime('at', new Date('2026-11-27T12:06:00Z'), now)).toThrow('future');
    expect(() => clientTime('at', new Date('1999-12-31T00:00:00Z'), now)).toThrow('past');
    expect(clientTime('at', undefined, now)).toBe(now);
  });

  it('ISO dates must exist', () => {
    expect(isoDate('d', '2028-02-29')).toBe('2028-02-29');
    expect(() => isoDate('d', '2027-02-29')).toThrow();
    expect(() => isoDate('d', '1/2/2027')).toThrow();
  });
});

describe('waitlist mail', () => {
  it('is written in the member’s language, English otherwise', () => {
    expect(mailLocale('pt-BR')).toBe('pt');
    expect(mailLocale('fr')).toBe('en');
    const v = { name: 'Ana', moduleTitle: 'Reservas', cohortName: 'Turma 1', startsOn: '2027-03-01', url: 'https://x/learn/modules/r' };
    expect(waitlistPromotedMail('pt', v).subject).toBe('Você tem uma vaga em Turma 1');
    expect(waitlistPromotedMail('es', v).body).toContain('https://x/learn/modules/r');
  });
});
