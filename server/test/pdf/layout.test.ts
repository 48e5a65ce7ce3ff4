import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { framesOf } from '../../src/publish/pdf/frames';
import { interpretOperators, Operator } from '../../src/publish/pdf/operators';
import { makeLine } from '../../src/publish/pdf/lines';
import { isNumberedItem, startsParagraph } from '../../src/publish/pdf/paragraphs';
import { tocEntryText } from '../../src/publish/pdf/narrative';
import { furnitureOf } from '../../src/publish/pdf/furniture';
import type { Glyph, Rule } from '../../src/publish/pdf/types';

/** The pure steps of the PDF import on hand-made input: one case that fires, one that must not. */

function glyphs(text: string, x: number, y: number, size = 12): Glyph[] {
  return Array.from(text).map((ch, i) => ({ text: ch, x: x + i * size, width: size, y, size, visible: 1, space: ch === ' ' }));
}

test('operators: a glyph outside the clip is hidden, a glyph half inside is half visible; thin filled rectangles are rules', () => {
  const glyph = (unicode: string) => ({ unicode, width: 1000 });
  const ops: Operator[] = [
    { op: 'save', args: null },
    { op: 'constructPath', args: [['rectangle'], [0, 500, 300, 100]] },
    { op: 'clip', args: null },
    { op: 'endPath', args: null },
    { op: 'beginText', args: null },
    { op: 'setFont', args: ['F1', 10] },
    { op: 'setTextMatrix', args: [1, 0, 0, 1, 10, 550] },
    { op: 'showText', args: [[glyph('在'), glyph('内')]] },
    { op: 'setTextMatrix', args: [1, 0, 0, 1, 10, 300] },
    { op: 'showText', args: [[glyph('外')]] },
    { op: 'setTextMatrix', args: [1, 0, 0, 1, 10, 495] },
    { op: 'showText', args: [[glyph('半')]] },
    { op: 'endText', args: null },
    { op: 'restore', args: null },
    { op: 'constructPath', args: [['rectangle', 'rectangle'], [20, 100, 200, 0.5, 20, 200, 50, 40]] },
    { op: 'fill', args: null },
  ];
  // User space is the PDF's (y up); the page transform flips it (y down from the top).
  const content = interpretOperators(ops, () => undefined, { transform: [1, 0, 0, -1, 0, 842], width: 595, height: 842 });
  const byText = new Map(content.glyphs.map((g) => [g.text, g]));
  assert.equal(byText.get('在')!.visible, 1);
  assert.equal(byText.get('内')!.x, 20);
  assert.equal(byText.get('外')!.visible, 0);
  const half = byText.get('半')!.visible;
  assert.ok(half > 0.3 && half < 0.7, String(half));
  assert.equal(content.rules.length, 1, 'the 50×40 rectangle is a fill, not a rule');
  assert.deepEqual(content.rules.map((r) => [r.x1, r.x2]), [[20, 220]]);
});

test('frames: cells from ruling lines; a header over three columns and a name over two rows are merged areas', () => {
  const h = (y: number, x1 = 0, x2 = 400): Rule => ({ x1, y1: y, x2, y2: y });
  const v = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 });
  // Columns 0,100,200,300,400; rows 0,20,40,60. Row 0: [名称 (2 rows)] [支出预算 over cols 1–3].
  const rules = [h(0), h(20, 100, 400), h(40), h(60), v(0, 0, 60), v(100, 0, 60), v(200, 20, 60), v(300, 20, 60), v(400, 0, 60)];
  const [frame] = framesOf(rules);
  assert.deepEqual(frame.xs, [0, 100, 200, 300, 400]);
  assert.deepEqual(frame.ys, [0, 20, 40, 60]);
  assert.deepEqual(frame.areas.slice(0, 2), [{ row: 0, col: 0, rows: 2, cols: 1 }, { row: 0, col: 1, rows: 1, cols: 3 }]);
  assert.equal(frame.areas.length, 2 + 3 + 4);
  assert.deepEqual(framesOf([h(0), h(20), v(0, 0, 20)]), [], 'one vertical line is no frame');
});

test('paragraphs: a line run to the margin goes on; an indented line, a numbered item, a short line or a gap start a new one', () => {
  const margins = () => ({ left: 60, right: 540 });
  const full = makeLine(1, glyphs('一'.repeat(40), 60, 100));
  assert.equal(startsParagraph(full, makeLine(1, glyphs('续行。', 60, 115)), margins), false);
  assert.equal(startsParagraph(full, makeLine(1, glyphs('新段落。', 84, 115)), margins), true, 'indented');
  assert.equal(startsParagraph(full, makeLine(1, glyphs('（二）新的一项。', 60, 115)), margins), true, 'numbered');
  assert.equal(startsParagraph(makeLine(1, glyphs('短行。', 60, 100)), makeLine(1, glyphs('下一行。', 60, 115)), margins), true, 'short line');
  assert.equal(startsParagraph(full, makeLine(1, glyphs('隔开的段落。', 60, 140)), margins), true, 'gap');
  assert.equal(startsParagraph(full, makeLine(2, glyphs('续行。', 60, 60)), margins), false, 'across a page break');
  assert.ok(isNumberedItem('1、公共安全支出') && isNumberedItem('（十）完成') && isNumberedItem('三、政府采购'));
  assert.ok(!isNumberedItem('1690.69万元') && !isNumberedItem('2025年当年'));
});

test('a line ending short because the figure after it did not fit is wrapped', () => {
  const margins = () => ({ left: 60, right: 540 });
  const latin = (text: string, x: number, y: number): Glyph[] => Array.from(text).map((ch, i) => ({ text: ch, x: x + i * 6, width: 6, y, size: 12, visible: 1, space: false }));
  const line = makeLine(1, glyphs('一'.repeat(38), 60, 100));
  assert.equal(line.right, 516);
  assert.equal(startsParagraph(line, makeLine(1, latin('1690.69', 60, 115)), margins), false, '7 × 6 pt would end at 558');
  assert.equal(startsParagraph(line, makeLine(1, latin('12', 60, 115)), margins), true, '2 × 6 pt would have fitted');
});

test('目录 entries lose their leaders and page numbers; page numbers and running headers are furniture', () => {
  assert.equal(tocEntryText('一、部门主要职能 ……………………… 1'), '一、部门主要职能');
  assert.equal(tocEntryText('1. 2026年部门财务收支预算总表 ........ 12'), '1. 2026年部门财务收支预算总表');
  const page = (number: number, texts: Array<[string, number]>) => ({ number, height: 842, lines: texts.map(([text, y]) => makeLine(number, glyphs(text, 60, y, 9))) });
  const pages = [page(1, [['某局预算', 20], ['正文', 400], ['- 1 -', 830]]), page(2, [['某局预算', 20], ['正文', 400], ['2', 830]])];
  const furniture = [...furnitureOf(pages)].map((l) => `${l.page}:${l.text}`).sort();
  assert.deepEqual(furniture, ['1:- 1 -', '1:某局预算', '2:2', '2:某局预算']);
});

