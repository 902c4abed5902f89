// The filter's keystroke workloads. Unrelated queries, each typed from an empty box so no
// earlier result can be reused: names in several scripts, parts of addresses and ids, and
// misses, ASCII and not; then a few drawn by a seeded generator (the same every run).
// Separately, the type-and-delete pattern: a word typed, then deleted key by key.
const FIXED = [
  'ø', 'josé', 'ngu', 'müller', "o'b", 'okafor', 'contractors', 'eu.acme', '00u', 'siobhán',
  'łuk', 'renée', 'đặng', 'van', 'zzq', 'xyzzy', 'δοκιμή', 'çağ', '4711', 'ivanova7',
];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789.@-øéü';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seeded(count, seed = 13) {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const length = 2 + Math.floor(random() * 3);
    return Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  });
}

export const UNRELATED = [...FIXED, ...seeded(6)];
export const TYPE_AND_DELETE = ['zoe.m', 'søn'];
