/**
 * ISO-8601 durations for deadlines: `PT24H`, `PT72H`, `P30D`, `PT5S`, `P1W`, `P1DT12H`, `PT0.5S`.
 * Years and months are refused: their length depends on the calendar, and a deadline must not.
 */
const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000] as const;

/** Milliseconds of an ISO-8601 duration, or null when `text` is not one this module accepts (or is zero). */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase().endsWith('T')) return null;
  let ms = 0;
  let any = false;
  for (let i = 0; i < UNIT_MS.length; i++) {
    const part = match[i + 1];
    if (part === undefined) continue;
    any = true;
    ms += Number(part) * UNIT_MS[i]!;
  }
  if (!any || !Number.isFinite(ms) || ms <= 0) return null;
  return Math.round(ms);
}

/** A duration written back as ISO-8601 (days, hours, minutes, seconds), for messages and the docs. */
export function formatDuration(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let time = '';
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds) time += `${seconds}S`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}` || 'PT0S';
}
