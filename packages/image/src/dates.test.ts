/**
 * Dates as metadata-action renders `{{date 'FORMAT' tz='ZONE'}}` (moment.js format tokens, English):
 * a table written from moment's documented tokens, and a comparison with moment-timezone itself (a
 * development dependency only) over every token, ten zones with odd offsets and DST rules, and 150 dates.
 */
import { describe, expect, it } from '@jest/globals';
import moment from 'moment-timezone';
import { formatDate } from './dates.ts';

const NOW = new Date('2020-01-10T00:30:00Z');

describe('moment.js format tokens', () => {
  it.each([
    ['YYYYMMDD', 'UTC', '20200110'],
    ['YYYYMMDD-HHmmss', 'Asia/Tokyo', '20200110-093000'],
    ['dddd, MMMM Do YYYY, h:mm:ss a', 'UTC', 'Friday, January 10th 2020, 12:30:00 am'],
    ['YYYY-MM-DDTHH:mm:ss.SSSZ', 'UTC', '2020-01-10T00:30:00.000+00:00'],
    ['YYYY-MM-DDTHH:mm:ss.SSS[Z]', 'UTC', '2020-01-10T00:30:00.000Z'],
    ['YY M D H m s', 'America/New_York', '20 1 9 19 30 0'],
    ['hh:mm A ZZ', 'Asia/Kolkata', '06:00 AM +0530'],
    ['[week day] d, X', 'UTC', 'week day 5, 1578616200'],
    ['\\Y\\Y [YYYY] YYYY', 'UTC', 'YY YYYY 2020'],
    ['Q Qo DDD DDDD DDDo', 'UTC', '1 1st 10 010 10th'],
    ['W WW w ww GGGG gggg E e', 'UTC', '2 02 2 02 2020 2020 5 5'],
    ['k kk', 'UTC', '24 24'],
    ['LT | L | LL | llll', 'UTC', '12:30 AM | 01/10/2020 | January 10, 2020 | Fri, Jan 10, 2020 12:30 AM'],
    ['z', 'America/New_York', 'EST'],
    ['SSSSSS', 'UTC', '000000'],
  ])('%s in %s', (format, tz, expected) => {
    expect(formatDate(NOW, format, tz)).toBe(expected);
  });

  it('without a format gives ISO 8601 to the second (Z at offset zero, else the offset)', () => {
    expect(formatDate(NOW)).toBe('2020-01-10T00:30:00Z');
    expect(formatDate(NOW, undefined, 'Asia/Tokyo')).toBe('2020-01-10T09:30:00+09:00');
  });

  it('the ISO week year differs from the calendar year at the turn of the year', () => {
    // Monday 30 December 2019 is in ISO week 1 of 2020; Sunday 3 January 2021 in week 53 of 2020
    expect(formatDate(new Date('2019-12-30T12:00:00Z'), 'GGGG-[W]WW-E YYYY')).toBe('2020-W01-1 2019');
    expect(formatDate(new Date('2021-01-03T12:00:00Z'), 'GGGG-[W]WW-E YYYY')).toBe('2020-W53-7 2021');
  });

  it('an unknown time zone is an error naming it', () => {
    expect(() => formatDate(NOW, 'YYYY', 'Mars/Olympus')).toThrow("unknown time zone tz='Mars/Olympus'");
  });
});

describe('the same text as moment-timezone', () => {
  const TOKENS = ('M Mo MM MMM MMMM Q Qo D Do DD DDD DDDo DDDD d do dd ddd dddd e E w wo ww W Wo WW gg gggg GG GGGG '
    + 'YY YYYY YYYYY YYYYYY Y y yy yyy yyyy yo N NN NNN NNNN NNNNN A a H HH h hh k kk m mm s ss S SS SSS SSSS SSSSSSSSS '
    + 'Z ZZ X x LT LTS L LL LLL LLLL l ll lll llll').split(' ');
  const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham',
    'America/St_Johns', 'Europe/Paris', 'Pacific/Kiritimati', 'Europe/London'];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const dates = [NOW, new Date('2020-12-31T23:59:59.999Z'), new Date('2021-01-03T12:00:00.007Z'), new Date('2020-03-29T01:00:00Z')];
  for (let i = 0; i < 150; i++) dates.push(new Date(Math.floor(random() * 4_102_444_800_000)));

  it.each(ZONES)('every token in %s', (zone) => {
    const differences: string[] = [];
    for (const date of dates) {
      for (const token of TOKENS) {
        const want = moment(date).tz(zone).format(token);
        const got = formatDate(date, token, zone);
        if (want !== got) differences.push(`${date.toISOString()} ${token}: moment ${want}, ours ${got}`);
      }
      const want = moment(date).tz(zone).format();
      const got = formatDate(date, undefined, zone);
      if (want !== got) differences.push(`${date.toISOString()} (no format): moment ${want}, ours ${got}`);
    }
    expect(differences.slice(0, 10)).toEqual([]);
  });
});
