import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/schema/locateJsonError.js';

describe('locateJsonError', () => {
  it.each([
    '{}',
    '[]',
    '[ ]',
    '{ }',
    ' 1 ',
    '"s"',
    '[[[]]]',
    '{"a":{}}',
    '{"a":[1,-2.5e3,{"b":null}], "c": "x\\n\\u00e9", "d": true, "e": false}',
  ])('finds nothing wrong in valid JSON: %s', (text) => {
    expect(JSON.parse(text)).toBeDefined();
    expect(locateJsonError(text)).toBeUndefined();
  });

  it.each([
    ['{"a":1,}', 7, 'a property name in double quotes'],
    ['{a:1}', 1, 'a property name in double quotes'],
    ['[1,]', 3, 'a value'],
    ['[1 2]', 3, "',' or ']'"],
    ['', 0, 'a value'],
    ['{"a":1}}', 7, 'the end of the text'],
    ['{"a" 1}', 5, "':' after the property name"],
    ['\ufeff{}', 0, 'a value'],
    ['[', 1, 'a value'],
    ['{"a":"b\nc"}', 5, 'a string closed by "'],
    ['[tru]', 1, 'a value'],
    ['[1,2', 4, "',' or ']'"],
    ['[01]', 2, "',' or ']'"],
  ])('points at the first wrong character of %j', (text, offset, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    const location = locateJsonError(text);
    expect(location?.offset).toBe(offset);
    expect(location?.expected).toContain(expected);
  });

  it('scans a million open brackets without recursion', () => {
    expect(locateJsonError('['.repeat(1_000_000))?.offset).toBe(1_000_000);
  });
});
