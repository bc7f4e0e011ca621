/**
 * Chinese postal addresses in a view (fold: simplified, lower case). An address is a chain of
 * components written back to back (at most two separator characters between them):
 *   named   — a short name plus an admin / road / estate word: 浦东新区, 张江路, 阳光小区
 *   region  — a province-level name alone: 北京, 广东
 *   unit    — a number plus 号/栋/幢/单元/室/楼/层: 123号, 3栋, 2单元
 *   room    — bare 3–4 digits right after a unit: …2单元501
 * A chain is an address when it has a named component and a specific one (road, estate, unit), and at
 * least two components (张江路123号, 朝阳区xx小区3栋2单元501), or two different unit kinds
 * (3号楼2单元). City + district alone (北京市朝阳区) is too coarse to be personal data; 3号 10号 are dates.
 */
import { ADDRESS_CN, alternation } from './rules.ts';
import type { PiiMatch } from './types.ts';

type Kind = 'unit' | 'estate' | 'road' | 'admin' | 'region' | 'room';

const words = (list: readonly { word: string }[]): string[] => list.map((w) => w.word);
const stop = ADDRESS_CN.nameStopChars.replace(/[\\\]^-]/g, '\\$&');
/** One character of a place name: hanzi or Latin letter, not a function word. Names are at least two
 * characters: one-character names made 逛街 a road and 市区 a district (去市区逛街). */
const NAME = `(?:(?![${stop}])[\\u4e00-\\u9fffa-z])`;
const NUM = '[0-9a-z一二三四五六七八九十百零〇两]{1,5}';
/** Named-component suffix → its kind. A word in two lists (弄: lane and unit) is a road here; units need digits. */
const NAMED_KIND = new Map<string, Kind>();
for (const [list, kind] of [
  [ADDRESS_CN.roadSuffixes, 'road'],
  [ADDRESS_CN.estateSuffixes, 'estate'],
  [ADDRESS_CN.adminSuffixes, 'admin'],
] as const) {
  for (const w of list) if (!NAMED_KIND.has(w.word)) NAMED_KIND.set(w.word, kind);
}
// One alternation, longest first, so 街道 (admin) wins over 街 (road) and 小区 over 区.
const COMPONENT =
  `(?<unit>${NUM}(?:${alternation(words(ADDRESS_CN.unitSuffixes))}))` +
  `|${NAME}{2,8}?(?<named>${alternation([...NAMED_KIND.keys()])})` +
  `|(?<region>(?:${alternation(ADDRESS_CN.regions)})(?:省|市)?)`;
const FIRST = new RegExp(COMPONENT, 'g');
const NEXT = new RegExp(`[\\s,，、\\-]{0,2}(?:${COMPONENT})`, 'y');
/** A room number directly after a building or unit: 2单元501, 3栋-1202. */
const ROOM = /[\s\-]{0,1}\d{3,4}(?![\d号室])/y;
const ROOM_AFTER = new Set(['单元', '栋', '幢', '号楼', '楼', '层', '座']);
/** Any component needs one of these characters; texts without them skip the regexes. */
const GATE = new RegExp(
  `[${[...new Set([...ADDRESS_CN.unitSuffixes, ...ADDRESS_CN.estateSuffixes, ...ADDRESS_CN.roadSuffixes, ...ADDRESS_CN.adminSuffixes].map((w) => w.word[0] ?? ''))].join('')}]`,
);


function kindOf(groups: Record<string, string | undefined> | undefined): Kind {
  if (groups?.['unit'] !== undefined) return 'unit';
  const named = groups?.['named'];
  if (named !== undefined) return NAMED_KIND.get(named) ?? 'admin';
  return 'region';
}

/** The unit word a unit component ends with (号楼, 单元…). */
function unitWord(component: string): string {
  const m = /[^0-9a-z一二三四五六七八九十百零〇两]+$/.exec(component);
  return m ? m[0] : '';
}

function isAddress(kinds: Kind[], units: string[]): boolean {
  if (kinds.length < 2) return false;
  const named = kinds.some((k) => k === 'estate' || k === 'road' || k === 'admin' || k === 'region');
  const specific = kinds.some((k) => k === 'estate' || k === 'road' || k === 'unit' || k === 'room');
  if (named && specific) return true;
  return new Set(units.filter((u) => u !== '号')).size >= 2;
}

export function findCnAddresses(text: string): PiiMatch[] {
  if (!GATE.test(text)) return [];
  const out: PiiMatch[] = [];
  FIRST.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIRST.exec(text)) !== null) {
    const start = m.index;
    let end = start + m[0].length;
    if (m[0].length === 0) {
      FIRST.lastIndex++;
      continue;
    }
    const kinds: Kind[] = [kindOf(m.groups)];
    const units: string[] = kinds[0] === 'unit' ? [unitWord(m[0])] : [];
    for (;;) {
      const last = kinds[kinds.length - 1];
      if (last === 'unit' && ROOM_AFTER.has(units[units.length - 1] ?? '')) {
        ROOM.lastIndex = end;
        const r = ROOM.exec(text);
        if (r) {
          end += r[0].length;
          kinds.push('room');
          break;
        }
      }
      NEXT.lastIndex = end;
      const n = NEXT.exec(text);
      if (!n || n[0].length === 0) break;
      const kind = kindOf(n.groups);
      kinds.push(kind);
      if (kind === 'unit') units.push(unitWord(n[0]));
      end += n[0].length;
    }
    if (isAddress(kinds, units)) out.push({ type: 'address_cn', start, end });
    FIRST.lastIndex = end;
  }
  return out;
}
