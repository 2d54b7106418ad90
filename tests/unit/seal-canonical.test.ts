/**
 * RFC 8785 (JSON Canonicalization Scheme) vectors, written out from the RFC's text: the examples
 * of §3.2.2–3.2.3 and the number table of Appendix B. The seal depends on every implementation
 * (browser, Node, someone else's verifier) producing exactly these bytes.
 */
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson, sha256Hex } from '../../src/core/assessment/canonical';

/** A double from its IEEE 754 bit pattern, as the RFC's table gives them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('serialises the RFC §3.2.2 example: literals, numbers and string escapes', () => {
    // The input of the RFC's example, built as a value (JSON.parse of the same text gives this).
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, recursively (RFC §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const out = canonicalJson(input);
    const order = [...out.matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    // Nested objects are sorted too; arrays keep their order.
    expect(canonicalJson({ b: [3, 1, { z: 1, a: 2 }], a: { d: 1, c: 2 } })).toBe(
      '{"a":{"c":2,"d":1},"b":[3,1,{"a":2,"z":1}]}',
    );
  });

  it('writes Unicode as UTF-8 text, escaping only what JSON requires', () => {
    expect(canonicalJson({ t: 'Łódź – ß ç ğ 😀' })).toBe('{"t":"Łódź – ß ç ğ 😀"}');
    expect(canonicalJson('\u0000\u001f\b\f\t')).toBe('"\\u0000\\u001f\\b\\f\\t"');
    expect(canonicalJson('\u007f')).toBe('"\u007f"');
  });

  it('formats numbers as the RFC Appendix B table says', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of table) {
      expect(canonicalJson(fromBits(bits)), bits).toBe(expected);
    }
  });

  it('refuses NaN and Infinity, which JSON cannot carry (RFC Appendix B)', () => {
    expect(() => canonicalJson(fromBits('7fffffffffffffff'))).toThrow();
    expect(() => canonicalJson(fromBits('7ff0000000000000'))).toThrow();
    expect(() => canonicalJson({ a: [1, -Infinity] })).toThrow();
  });

  it('drops undefined members, as JSON.stringify would', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('sha256Hex / canonicalHash', () => {
  it('matches the FIPS 180-2 "abc" vector', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes the canonical text, so key order does not matter', async () => {
    // sha256 of the bytes {"a":"abc","b":1}, computed with sha256sum.
    const expected = '4b9e9c5d4468e6dc6b26d9512b139d27c442b9388ea5cd3171c5b08445cea2ff';
    expect(await canonicalHash({ b: 1, a: 'abc' })).toBe(expected);
    expect(await canonicalHash({ a: 'abc', b: 1 })).toBe(expected);
  });
});
