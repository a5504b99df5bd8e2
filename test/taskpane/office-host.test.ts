/** @jest-environment jsdom */
import { officeAppHost, textOfError } from '../../src/taskpane/app-host';

type Callback = (r: { status: string; value?: unknown; error?: unknown }) => void;

/** Just enough of Office for getFileAsync(Pdf): a file in slices, recorded calls. */
function fakeOffice(opts: { pdfSet: boolean; slices?: number[][]; fail?: boolean }) {
  const log: string[] = [];
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    FileType: { Pdf: 'pdf', Compressed: 'compressed' },
    context: {
      requirements: { isSetSupported: (name: string) => (name === 'PdfFile' ? opts.pdfSet : true) },
      document: {
        getFileAsync: (type: string, options: { sliceSize: number }, cb: Callback) => {
          log.push(`getFile ${type} ${options.sliceSize}`);
          if (opts.fail) return cb({ status: 'failed', error: { code: 5001 } });
          const slices = opts.slices ?? [];
          cb({
            status: 'succeeded',
            value: {
              sliceCount: slices.length,
              getSliceAsync: (i: number, scb: Callback) => {
                log.push(`slice ${i}`);
                scb({ status: 'succeeded', value: { data: slices[i] } });
              },
              closeAsync: (ccb: () => void) => {
                log.push('close');
                ccb();
              },
            },
          });
        },
      },
    },
  };
  return { office: office as unknown as typeof Office, log };
}

const excel = {} as typeof Excel;

it('offers PDF only where the PdfFile requirement set is supported', () => {
  expect(officeAppHost(excel, fakeOffice({ pdfSet: false }).office).getPdf).toBeUndefined();
  expect(officeAppHost(excel, fakeOffice({ pdfSet: true }).office).getPdf).toBeInstanceOf(Function);
});

it('joins the PDF slices in order and closes the file', async () => {
  const { office, log } = fakeOffice({ pdfSet: true, slices: [[37, 80], [68, 70]] });
  const pdf = await officeAppHost(excel, office).getPdf!();
  expect(Array.from(pdf!)).toEqual([37, 80, 68, 70]);
  expect(log).toEqual(['getFile pdf 4194304', 'slice 0', 'slice 1', 'close']);
});

it('gives null when Office cannot make the PDF', async () => {
  const { office } = fakeOffice({ pdfSet: true, fail: true });
  expect(await officeAppHost(excel, office).getPdf!()).toBeNull();
});

it('words errors: a bilingual text on the error wins, else the Excel host wording', () => {
  const host = officeAppHost(excel, fakeOffice({ pdfSet: false }).office);
  expect(host.describeError!({ text: { zh: '甲', en: 'A' } })).toEqual({ zh: '甲', en: 'A' });
  const generic = host.describeError!(new Error('boom'));
  expect(typeof generic?.zh).toBe('string');
  expect(typeof generic?.en).toBe('string');
  expect(textOfError('x')).toBeNull();
  expect(textOfError({ message: 'plain' })).toBeNull();
});

describe('platforms (the Excel stand-in reports Office.context.diagnostics.platform)', () => {
  // imported here so the DOM-free tests above keep their tiny Office stand-in
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createFakeExcel } = require('../support/fake-excel') as typeof import('../support/fake-excel');
  const hostOn = (platform: 'windows' | 'mac' | 'web') => {
    const fake = createFakeExcel({ platform });
    fake.seed('考核结果通报', { values: [['通报']] });
    return { fake, app: officeAppHost(fake.excel, fake.office as unknown as typeof Office) };
  };

  it('Mac: no download is offered, and a download attempt fails with a clear message instead of "downloaded"', () => {
    const { app } = hostOn('mac');
    expect(app.canDownload).toBe(false);
    expect(app.getPdf).toBeUndefined();
    let error: unknown;
    try {
      app.download('考核结果通报-2026.csv', 'x', 'text/csv');
    } catch (e) {
      error = e;
    }
    expect(app.describeError!(error)?.zh).toContain('Mac 版和 iPad 版 Excel 的任务窗格不能下载文件');
    expect(app.describeError!(error)?.en).toContain('Excel for Mac and for iPad cannot download');
  });

  it('Mac: the .xlsx goes through Excel.createWorkbook, with where the window went', async () => {
    const { fake, app } = hostOn('mac');
    const r = await app.exportWorkbook!('UEsDBA==');
    expect(fake.createdWorkbooks).toEqual(['UEsDBA==']);
    expect(r.note?.zh).toContain('窗口');
  });

  it('web: an empty PDF (size 0, no slices) is a failure with a clear message, never a 0-byte file', async () => {
    const { fake, app } = hostOn('web');
    expect(app.canDownload).toBe(true);
    let error: unknown;
    await app.getPdf!().then(
      () => undefined,
      (e: unknown) => (error = e),
    );
    expect(fake.fileRequests).toEqual(['pdf']);
    expect(fake.filesClosed).toBe(1);
    expect(app.describeError!(error)?.zh).toContain('空的 PDF');
    expect(app.describeError!(error)?.en).toContain('empty PDF');
  });

  it('layout Excel refused after the results were written comes back as warnings for the pane', async () => {
    const fake = createFakeExcel({ platform: 'windows', freezeRowsFails: true });
    fake.seed('民主测评', { values: [['党支部']] });
    const app = officeAppHost(fake.excel, fake.office as unknown as typeof Office);
    const wh = app.workbookHost()!;
    await wh.readSnapshot();
    await wh.applyPlan({
      sheets: [
        { mode: 'new', kind: 'summary', name: '考核汇总', values: [['标题'], ['党支部']], styles: [], merges: [], columnWidths: [], links: [], validations: [], freeze: { rows: 2, columns: 0 } },
      ],
    });
    expect(fake.value('考核汇总', 'A2')).toBe('党支部');
    expect(app.writeWarnings!().map((t) => t.zh)).toEqual([expect.stringContaining('未能冻结“考核汇总”的标题行')]);
  });

  it('Windows: the PDF arrives in slices and is the whole workbook', async () => {
    const { fake, app } = hostOn('windows');
    const pdf = await app.getPdf!();
    expect(Array.from(pdf!)).toEqual(fake.pdfBytes());
    expect(app.capabilities?.pdfScope).toBe('workbook');
  });
});
