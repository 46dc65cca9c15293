import { describe, expect, it } from 'vitest';
import { compareEntities, entitiesOfUrls, extractEntities, parseNumber } from '../src/classify/entities.js';

const found = (text: string): string[] => extractEntities(text).map((e) => `${e.type}:${e.value}`);

describe('extractEntities', () => {
  it('finds e-mail addresses and URLs', () => {
    expect(found('发送至 legal@pingcap.com。')).toEqual(['email:legal@pingcap.com']);
    expect(found('See https://example.com/privacy/ and www.example.org/a.')).toEqual(['url:example.com/privacy', 'url:example.org/a']);
  });

  it('finds phone numbers but not years or dates', () => {
    expect(found('Call +1 (415) 555-0100 or 400-800-1234 or 13812345678.')).toEqual(['phone:14155550100', 'phone:4008001234', 'phone:13812345678']);
    expect(found('最新更新于 2021 年 8 月 27 日')).toEqual(['date:2021 年 8 月 27 日']);
    expect(found('Last updated on August 27, 2021')).toEqual(['date:August 27, 2021']);
    expect(found('© 2019-2024 Example Labs').some((e) => e.startsWith('phone:'))).toBe(false);
  });

  it('reads durations in Chinese numerals and English words alike', () => {
    expect(found('在验证您的身份后的三十天内予以回复')).toEqual(['duration:30 day']);
    expect(found('respond within thirty (30) days')).toEqual(['duration:30 day']);
    expect(found('十五个工作日内; 45 business days')).toEqual(['duration:15 working day', 'duration:45 working day']);
    expect(parseNumber('一百八十')).toBe(180);
    expect(parseNumber('二十五')).toBe(25);
  });

  it('finds amounts and percentages, whatever side the currency is on', () => {
    expect(found('收费 100 元')).toEqual(found('收费人民币 100 元'));
    expect(found('a fee of $25, or 人民币 100 元, 100% secure, 百分之百')).toEqual(['amount:USD 25', 'amount:CNY 100', 'percentage:100%', 'percentage:100%']);
  });

  it('finds regions, canonically, and never the pronoun "us"', () => {
    expect(found('均存储在中国境内，以下情形除外：境外的关联公司')).toEqual(['region:CN-mainland', 'region:outside-CN']);
    expect(found('stored in mainland China and the EEA; contact us in the United States')).toEqual(['region:CN-mainland', 'region:EEA', 'region:US']);
  });

  it('tells the longest region name apart: mainland China is not China, the EU is not the EEA', () => {
    expect(found('hosted in mainland China')).toEqual(['region:CN-mainland']);
    expect(found('hosted in China')).toEqual(['region:CN']);
    expect(found('数据保存在中国大陆')).toEqual(['region:CN-mainland']);
    const [d] = compareEntities(extractEntities('kept within the EU'), extractEntities('kept within the EEA'));
    expect(d).toMatchObject({ type: 'region', removed: [{ value: 'EU' }], added: [{ value: 'EEA' }] });
  });

  it('knows countries and territories from the gazetteer, in English and Chinese', () => {
    expect(found('Vendors in Austria (EU), Peru and New Zealand')).toEqual(['region:AT', 'region:EU', 'region:PE', 'region:NZ']);
    expect(found('服务器位于马来西亚和印度尼西亚')).toEqual(['region:MY', 'region:ID']);
    const [d] = compareEntities(extractEntities('Mail relay | Norway'), extractEntities('Mail relay | Norway, Vietnam'));
    expect(d).toMatchObject({ type: 'region', removed: [], added: [{ text: 'Vietnam', value: 'VN' }] });
  });

  it('reads a numeral restated in brackets as the same duration', () => {
    expect(found('在十五（15）个工作日内')).toEqual(['duration:15 working day']);
    expect(compareEntities(extractEntities('保存六十天'), extractEntities('保存六十（60）天'))).toEqual([]);
    expect(found('保存六十（90）天')).toEqual(['duration:90 day']);
  });

  it('finds organisations without the words that lead into them', () => {
    expect(found('平凯星辰（北京）科技有限公司及其全资子公司平凯星辰（上海）科技有限公司')).toEqual(['organization:平凯星辰（北京）科技有限公司', 'organization:平凯星辰（上海）科技有限公司']);
    expect(found('The PingCAP (Beijing) Technology Co., Ltd. and Google LLC')).toEqual(['organization:pingcap beijing technology co ltd', 'organization:google llc']);
  });
});

describe('compareEntities', () => {
  it('reports changed, added and removed values by type', () => {
    const d = compareEntities(extractEntities('mail legal@a.com within 30 days'), extractEntities('mail legal@a.cn within thirty days'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ type: 'email', removed: [{ value: 'legal@a.com' }], added: [{ value: 'legal@a.cn' }] });
  });

  it('sees no change when only the spelling of the same value changes', () => {
    expect(compareEntities(extractEntities('三十天内'), extractEntities('30 天内'))).toEqual([]);
    expect(compareEntities(extractEntities('中国大陆'), extractEntities('中国境内'))).toEqual([]);
  });

  it('turns mailto: and tel: links into channels', () => {
    expect(entitiesOfUrls(['mailto:Legal@PingCAP.com', 'tel:+86 400 800 1234', 'https://www.example.com/']).map((e) => `${e.type}:${e.value}`)).toEqual([
      'email:legal@pingcap.com',
      'phone:864008001234',
      'url:example.com',
    ]);
  });
});
