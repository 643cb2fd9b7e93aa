// Writes a synthetic prefecture site with many offices, for the benchmarks:
// node bench/gen-prefecture.mjs DIR [OFFICES=60000] [--one-municipality].
//
// Kanagawa's real municipality list (three designated cities with wards) with
// made-up offices: names, readings, corporations and addresses are drawn
// from word lists with a fixed seed, so every run writes the same files. All
// offices are indexed (`include_not_adopted`); about one in eight has adopted.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
// --one-municipality: every office in the first municipality (a corner case for the benchmarks).
const one = args.includes('--one-municipality');
const [dir, total = '60000'] = args.filter((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node bench/gen-prefecture.mjs DIR [OFFICES] [--one-municipality]');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let seed = 20251130;
/** mulberry32: a small deterministic generator. */
function random() {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const katakana = (s) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

const codes = readFileSync(join(root, 'src/gov_codes/local-gov-codes.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(','))
  .filter((f) => f[5] === '14' && f[3] !== 'prefecture')
  .map(([code, name, kana, kind, parent]) => ({ code, name, kana, kind, parent }));
const places = codes.filter((m) => m.kind !== 'designated_city');

const words = [
  ['さくら', 'さくら'], ['桜', 'さくら'], ['ひまわり', 'ひまわり'], ['あおば', 'あおば'], ['青葉', 'あおば'],
  ['みどり', 'みどり'], ['緑風', 'りょくふう'], ['希望', 'きぼう'], ['やすらぎ', 'やすらぎ'], ['安寿', 'あんじゅ'],
  ['すみれ', 'すみれ'], ['菜の花', 'なのはな'], ['陽だまり', 'ひだまり'], ['ひだまり', 'ひだまり'], ['こもれび', 'こもれび'],
  ['木洩れ日', 'こもれび'], ['はなみずき', 'はなみずき'], ['若葉', 'わかば'], ['わかば', 'わかば'], ['光', 'ひかり'],
  ['ひかり', 'ひかり'], ['朝日', 'あさひ'], ['あさひ', 'あさひ'], ['つばさ', 'つばさ'], ['翼', 'つばさ'], ['恵', 'めぐみ'],
  ['めぐみ', 'めぐみ'], ['寿', 'ことぶき'], ['松風', 'まつかぜ'], ['白百合', 'しらゆり'], ['なごみ', 'なごみ'],
  ['和', 'なごみ'], ['ゆうゆう', 'ゆうゆう'], ['悠々', 'ゆうゆう'], ['せせらぎ', 'せせらぎ'], ['いずみ', 'いずみ'],
  ['泉', 'いずみ'], ['けやき', 'けやき'], ['欅', 'けやき'], ['あじさい', 'あじさい'], ['紫陽花', 'あじさい'],
  ['コスモス', 'こすもす'], ['オリーブ', 'おりーぶ'], ['ハーモニー', 'はーもにー'], ['ライフ', 'らいふ'], ['ケアリング', 'けありんぐ'],
  ['湘南', 'しょうなん'], ['富士見', 'ふじみ'], ['港', 'みなと'], ['山手', 'やまて'], ['丘の上', 'おかのうえ'],
  ['桜ヶ丘', 'さくらがおか'], ['緑ヶ丘', 'みどりがおか'], ['希望ヶ丘', 'きぼうがおか'], ['髙田', 'たかだ'], ['山﨑', 'やまざき'],
];
const kinds = [
  { suffix: ['居宅介護支援事業所', 'きょたくかいごしえんじぎょうしょ'], services: '居宅介護支援', cls: '7' },
  { suffix: ['ケアプランセンター', 'けあぷらんせんたー'], services: '居宅介護支援', cls: '7' },
  { suffix: ['地域包括支援センター', 'ちいきほうかつしえんせんたー'], services: '介護予防支援', cls: '0' },
  { suffix: ['訪問介護ステーション', 'ほうもんかいごすてーしょん'], services: '訪問介護;第1号訪問事業', cls: '7' },
  { suffix: ['ヘルパーステーション', 'へるぱーすてーしょん'], services: '訪問介護;第1号訪問事業', cls: '7' },
  { suffix: ['訪問看護ステーション', 'ほうもんかんごすてーしょん'], services: '訪問看護', cls: '6' },
  { suffix: ['デイサービスセンター', 'でいさーびすせんたー'], services: '通所介護;第1号通所事業', cls: '7' },
  { suffix: ['デイサービス', 'でいさーびす'], services: '地域密着型通所介護;第1号通所事業', cls: '7' },
  { suffix: ['グループホーム', 'ぐるーぷほーむ'], services: '認知症対応型共同生活介護', cls: '9' },
  { suffix: ['ショートステイ', 'しょーとすてい'], services: '短期入所生活介護', cls: '7' },
  { suffix: ['福祉用具センター', 'ふくしようぐせんたー'], services: '福祉用具貸与;特定福祉用具販売', cls: '7' },
  { suffix: ['小規模多機能ホーム', 'しょうきぼたきのうほーむ'], services: '小規模多機能型居宅介護', cls: '9' },
  { suffix: ['通所リハビリテーション', 'つうしょりはびりてーしょん'], services: '通所リハビリテーション', cls: '1' },
  { suffix: ['特別養護老人ホーム', 'とくべつようごろうじんほーむ'], services: '介護老人福祉施設;短期入所生活介護', cls: '7' },
];
const forms = ['社会福祉法人', '医療法人社団', '医療法人', '株式会社', '有限会社', '合同会社', '特定非営利活動法人', '一般社団法人'];
const towns = ['本町', '中央', '旭町', '栄町', '緑町', '宮前', '東町', '西町', '南台', '北台', '桜台', '富士見町', '港町',
  '山王', '大和', '青葉台', '若葉台', '松が丘', '梅が丘', '泉町', '新町', '元町', '相生町', '日の出町', '寿町', '住吉',
  '仲町', '川岸', '上町', '下町', '駅前', '台町', '高田', '岡村', '宮下', '平和町', '千代田', '八幡', '大門', '天神'];
const software = ['みらいケアノート', 'つばさ介護クラウド', 'ひだまりケアマネ', 'ひだまりケアマネ Pro', 'ケアサポートONE', 'その他'];

const corporations = Array.from({ length: 6000 }, () => {
  const [word] = pick(words);
  return `${pick(forms)}${word}${pick(['会', '福祉会', 'ケア', '会館', 'サービス', '研究所', 'ネット', ''])}${Math.floor(random() * 90) + 10}`;
});
const weights = places.map(() => 0.3 + random() * 1.4);
const weightSum = weights.reduce((a, b) => a + b, 0);
const perPlace = weights.map((w) => (one ? 0 : Math.floor((w / weightSum) * Number(total))));
perPlace[0] += Number(total) - perPlace.reduce((a, b) => a + b, 0);

const sequence = {};
const offices = ['office_number,name,name_kana,corporation,municipality_code,service_types,address'];
const adoption = ['office_number,linking,software'];
places.forEach((place, p) => {
  const short = place.name.replace(/^.+市(?=.+区$)/, '').replace(/[市区町村]$/, '');
  const shortKana = place.kana.replace(/^.+し(?=.+く$)/, '').replace(/(し|く|まち|ちょう|むら|そん)$/, '');
  for (let i = 0; i < perPlace[p]; i++) {
    const kind = pick(kinds);
    const [word, wordKana] = pick(words);
    const local = random() < 0.3;
    const name = `${local ? short : ''}${word}${kind.suffix[0]}${random() < 0.1 ? '第' + (Math.floor(random() * 3) + 2) : ''}`;
    const kana = katakana(`${local ? shortKana : ''}${wordKana}${kind.suffix[1]}`);
    sequence[kind.cls] = (sequence[kind.cls] ?? 0) + 1 + Math.floor(random() * 3);
    const number = `14${kind.cls}${String(sequence[kind.cls]).padStart(7, '0')}`;
    const address = `神奈川県${place.name}${pick(towns)}${Math.floor(random() * 9) + 1}-${Math.floor(random() * 30) + 1}-${Math.floor(random() * 40) + 1}`;
    offices.push([number, name, kana, pick(corporations), place.code, kind.services, address].join(','));
    if (random() < 0.125) adoption.push([number, random() < 0.4 ? 'true' : 'false', pick(software)].join(','));
  }
});

const write = (rel, text) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
write('site.toml', 'title = "神奈川県 ケアプランデータ連携システム（ベンチマーク用）"\nbase_url = "https://example.jp/"\nprefecture_code = "14"\n\n[search]\ninclude_not_adopted = true\n');
write('data/municipalities.csv', ['code,name,kana,parent_code', ...codes.map((m) => [m.code, m.name, m.kana, m.parent].join(','))].join('\n') + '\n');
write('data/offices.csv', offices.join('\n') + '\n');
write('data/adoption/2025-11-30.csv', adoption.join('\n') + '\n');
write('content/_index.md', '+++\ntitle = "ホーム"\n+++\nベンチマーク用の架空のサイトです。\n');
console.log(`${offices.length - 1} offices, ${adoption.length - 1} adopted, ${places.length} municipalities in ${dir}`);
