/**
 * Formats a date with moment.js's format tokens (what `{{date 'YYYYMMDD'}}` users write, as metadata-action
 * renders them, English locale) in an IANA time zone, using the platform's time-zone data (Intl).
 * Text in `[brackets]` and a character after `\` are printed as is; any other character stays itself.
 */

interface Parts {
  year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number;
  /** 0 = Sunday */
  weekday: number;
  offsetMinutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
      });
    } catch {
      throw new RangeError(`unknown time zone tz='${timeZone}'; use an IANA name such as UTC, Europe/Paris or Asia/Tokyo`);
    }
    if (formats.size < 100) formats.set(timeZone, format);
  }
  return format;
}

/** Checks a time zone name; throws a RangeError naming it when the platform does not know it. */
export function checkTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function partsIn(date: Date, timeZone: string): Parts {
  const values: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) values[p.type] = p.value;
  const bc = values.era === 'BC';
  const year = bc ? 1 - Number(values.year) : Number(values.year);
  const p = { year, month: Number(values.month), day: Number(values.day), hour: Number(values.hour), minute: Number(values.minute), second: Number(values.second) };
  const asUtc = utc(p.year, p.month, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const weekday = new Date(utc(p.year, p.month, p.day)).getUTCDay();
  return { ...p, ms: ((date.getTime() % 1000) + 1000) % 1000, weekday, offsetMinutes };
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year);
  return d.getTime();
}

const DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width = 2) => `${n < 0 ? '-' : ''}${String(Math.abs(n)).padStart(width, '0')}`;

function ordinal(n: number): string {
  const tens = Math.floor(n % 100 / 10);
  const suffix = tens === 1 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.trunc(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/**
 * Week of the year and its year, for weeks starting on `dow` (0 = Sunday) where week 1 holds January
 * `7 + dow - doy` (moment's rule: ISO is dow 1, doy 4; the English locale dow 0, doy 6).
 */
function weekOf(p: Parts, dow: number, doy: number): { week: number; year: number } {
  const firstWeekStart = (year: number) => {
    const anchor = utc(year, 1, 7 + dow - doy);
    const back = (new Date(anchor).getUTCDay() - dow + 7) % 7;
    return anchor - back * DAY;
  };
  const day = utc(p.year, p.month, p.day);
  let year = p.year;
  if (day < firstWeekStart(year)) year -= 1;
  else if (day >= firstWeekStart(year + 1)) year += 1;
  return { week: Math.floor((day - firstWeekStart(year)) / (7 * DAY)) + 1, year };
}

function zoneName(date: Date, timeZone: string, offsetMinutes: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(date).find((x) => x.type === 'timeZoneName')?.value;
  if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  const o = offset(offsetMinutes, false);
  return o.endsWith('00') ? o.slice(0, 3) : o;
}

/** moment's English long date formats. */
const LOCALIZED: Record<string, string> = {
  LTS: 'h:mm:ss A', LT: 'h:mm A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY', ll: 'MMM D, YYYY', lll: 'MMM D, YYYY h:mm A', llll: 'ddd, MMM D, YYYY h:mm A',
};
const LOCALIZED_TOKENS = /\[[^[\]]*]|LTS|LT|LL?L?L?|l{1,4}/g;

const TOKENS = /\[([^[]*?)]|\\(.)|Mo|MMMM|MMM|MM|M|DDDo|DDDD|DDD|Do|DD|D|dddd|ddd|dd|do|d|wo|ww|w|Wo|WW|W|Qo|Q|NNNNN|NNNN|NNN|NN|N|YYYYYY|YYYYY|YYYY|YY|Y|yyyy|yyy|yy|yo|y|gggg|gg|GGGG|GG|e|E|a|A|hh|h|HH|H|kk|k|mm|m|ss|s|S{1,9}|x|X|zz|z|ZZ|Z/g;

/** moment's format when none is given (`{{date}}`): ISO 8601 to the second, `Z` for a zero offset. */
const DEFAULT_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';
const DEFAULT_FORMAT_ZERO = 'YYYY-MM-DDTHH:mm:ss[Z]';

export function formatDate(date: Date, format?: string, timeZone = 'UTC'): string {
  const p = partsIn(date, timeZone);
  const expanded = (format ?? (p.offsetMinutes === 0 ? DEFAULT_FORMAT_ZERO : DEFAULT_FORMAT)).replace(LOCALIZED_TOKENS, (t) => LOCALIZED[t] ?? t);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const dayOfYear = Math.round((utc(p.year, p.month, p.day) - utc(p.year, 1, 1)) / DAY) + 1;
  const iso = () => weekOf(p, 1, 4);
  const local = () => weekOf(p, 0, 6);
  const eraYear = p.year > 0 ? p.year : 1 - p.year;
  return expanded.replace(TOKENS, (token, literal: string | undefined, escaped: string | undefined) => {
    if (literal !== undefined) return literal;
    if (escaped !== undefined) return escaped;
    if (/^S+$/.test(token)) return pad(p.ms, 3).padEnd(token.length, '0').slice(0, token.length);
    switch (token) {
      case 'M': return String(p.month);
      case 'Mo': return ordinal(p.month);
      case 'MM': return pad(p.month);
      case 'MMM': return MONTHS[p.month - 1]!.slice(0, 3);
      case 'MMMM': return MONTHS[p.month - 1]!;
      case 'Q': return String(Math.ceil(p.month / 3));
      case 'Qo': return ordinal(Math.ceil(p.month / 3));
      case 'D': return String(p.day);
      case 'Do': return ordinal(p.day);
      case 'DD': return pad(p.day);
      case 'DDD': return String(dayOfYear);
      case 'DDDo': return ordinal(dayOfYear);
      case 'DDDD': return pad(dayOfYear, 3);
      case 'd': case 'e': return String(p.weekday);
      case 'do': return ordinal(p.weekday);
      case 'dd': return DAYS[p.weekday]!.slice(0, 2);
      case 'ddd': return DAYS[p.weekday]!.slice(0, 3);
      case 'dddd': return DAYS[p.weekday]!;
      case 'E': return String(p.weekday === 0 ? 7 : p.weekday);
      case 'w': return String(local().week);
      case 'wo': return ordinal(local().week);
      case 'ww': return pad(local().week);
      case 'W': return String(iso().week);
      case 'Wo': return ordinal(iso().week);
      case 'WW': return pad(iso().week);
      case 'gg': return pad(((local().year % 100) + 100) % 100);
      case 'gggg': return pad(local().year, 4);
      case 'GG': return pad(((iso().year % 100) + 100) % 100);
      case 'GGGG': return pad(iso().year, 4);
      case 'YY': return pad(((p.year % 100) + 100) % 100);
      case 'YYYY': return p.year <= 9999 ? pad(p.year, 4) : `+${p.year}`;
      case 'YYYYY': return pad(p.year, 5);
      case 'YYYYYY': return `${p.year < 0 ? '-' : '+'}${String(Math.abs(p.year)).padStart(6, '0')}`;
      case 'Y': return p.year <= 9999 ? String(p.year) : `+${p.year}`;
      case 'y': return String(eraYear);
      case 'yy': return pad(eraYear, 2);
      case 'yyy': return pad(eraYear, 3);
      case 'yyyy': return pad(eraYear, 4);
      case 'yo': return ordinal(eraYear);
      case 'N': case 'NN': case 'NNN': case 'NNNNN': return p.year > 0 ? 'AD' : 'BC';
      case 'NNNN': return p.year > 0 ? 'Anno Domini' : 'Before Christ';
      case 'A': return p.hour < 12 ? 'AM' : 'PM';
      case 'a': return p.hour < 12 ? 'am' : 'pm';
      case 'H': return String(p.hour);
      case 'HH': return pad(p.hour);
      case 'h': return String(hour12);
      case 'hh': return pad(hour12);
      case 'k': return String(p.hour === 0 ? 24 : p.hour);
      case 'kk': return pad(p.hour === 0 ? 24 : p.hour);
      case 'm': return String(p.minute);
      case 'mm': return pad(p.minute);
      case 's': return String(p.second);
      case 'ss': return pad(p.second);
      case 'Z': return offset(p.offsetMinutes, true);
      case 'ZZ': return offset(p.offsetMinutes, false);
      case 'z': case 'zz': return zoneName(date, timeZone, p.offsetMinutes);
      case 'X': return String(Math.floor(date.getTime() / 1000));
      case 'x': return String(date.getTime());
      default: return token;
    }
  });
}
