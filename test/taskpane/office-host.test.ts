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
