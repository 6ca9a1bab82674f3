import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { documentDate, numberSections } from '@app/domain';
import { toCsv } from '../common/csv';
import type { BulletinView } from './bulletin-content';
import { bulletinOverview, bulletinTables } from './bulletin-sections';

// The bulletin as files: a Word document a party-committee office circulates, CSV for spreadsheets, JSON.

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };

/** The file name people see: 通报-2026-11.docx, 通报-2026-11-05至2026-11-20.docx for a special one. */
export function bulletinFileName(view: BulletinView, extension: string, timeZone: string): string {
  const day = (at: string) => new Date(at).toLocaleDateString('sv-SE', { timeZone });
  const period = view.period ?? `${day(view.from)}至${day(new Date(new Date(view.to).getTime() - 1).toISOString())}`;
  return `通报-${period}.${extension}`;
}

const cell = (text: string | number | null, header = false) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: text === null ? '—' : String(text), bold: header, size: 21, font: FONT })],
      }),
    ],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export async function bulletinDocx(view: BulletinView, timeZone: string): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: view.issuingOffice, bold: true, size: 44, color: 'C00000', font: TITLE_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } },
      spacing: { after: 300 },
      children: [new TextRun({ text: `（${view.periodLabel}）`, size: 28, font: FONT })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: view.title, bold: true, size: 36, font: TITLE_FONT })],
    }),
    new Paragraph({ children: [new TextRun({ text: '各责任单位：', size: 32, font: FONT })] }),
    new Paragraph({
      indent: { firstLine: 640 },
      children: [
        new TextRun({
          text: `现将${view.periodLabel}问题直办工作情况通报如下。本通报数据截至${documentDate(new Date(view.asOf), timeZone)}期末，于${documentDate(new Date(view.frozenAt), timeZone)}生成后不再变动。`,
          size: 32,
          font: FONT,
        }),
      ],
    }),
  ];
  const sections = numberSections([
    { heading: '总体情况', table: null },
    ...bulletinTables(view).map((table) => ({ heading: table.heading, table })),
  ]);
  for (const section of sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: section.numbered, bold: true, size: 32, font: HEADING_FONT })],
      }),
    );
    if (!section.table) {
      body.push(
        new Paragraph({
          indent: { firstLine: 640 },
          children: [new TextRun({ text: bulletinOverview(view), size: 32, font: FONT })],
        }),
      );
      continue;
    }
    const { table } = section;
    if (table.rows.length === 0) {
      body.push(
        new Paragraph({
          indent: { firstLine: 640 },
          children: [new TextRun({ text: table.empty, size: 32, font: FONT })],
        }),
      );
      continue;
    }
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: {
          top: border,
          bottom: border,
          left: border,
          right: border,
          insideHorizontal: border,
          insideVertical: border,
        },
        rows: [
          new TableRow({ tableHeader: true, children: table.columns.map((column) => cell(column.label, true)) }),
          ...table.rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
        ],
      }),
    );
  }
  body.push(
    new Paragraph({
      spacing: { before: 600 },
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: view.issuingOffice, size: 32, font: FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: documentDate(new Date(view.frozenAt), timeZone), size: 32, font: FONT })],
    }),
  );
  const document = new Document({
    creator: view.issuingOffice,
    title: view.title,
    description: view.periodLabel,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The tables one under another, each under its numbered heading (as in the document), as a spreadsheet shows it. */
export function bulletinCsv(view: BulletinView): string {
  const lines: (string | number | null)[][] = [[`${view.periodLabel}（${view.issuingOffice}）`], []];
  const sections = numberSections([
    { heading: '总体情况', table: null },
    ...bulletinTables(view).map((table) => ({ heading: table.heading, table })),
  ]);
  for (const section of sections) {
    lines.push([section.numbered]);
    if (!section.table) lines.push([bulletinOverview(view)]);
    else if (section.table.rows.length === 0) lines.push([section.table.empty]);
    else
      lines.push(
        section.table.columns.map((column) => column.label),
        ...section.table.rows,
      );
    lines.push([]);
  }
  return toCsv([view.title], lines);
}
