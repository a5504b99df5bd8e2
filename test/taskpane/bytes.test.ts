import { downloadName, gradedExtension } from '../../src/taskpane/bytes';

describe('download names', () => {
  it('are never the opened file’s name, whatever the case', () => {
    expect(downloadName('考核结果-2026.xlsx', '考核结果-2026.xlsx')).toBe('考核结果-2026 (2).xlsx');
    expect(downloadName('Results-2026.xlsx', 'results-2026.XLSX')).toBe('Results-2026 (2).xlsx');
    expect(downloadName('README', 'readme')).toBe('README (2)');
  });

  it('are left alone when they differ or nothing is open', () => {
    expect(downloadName('考核结果-2026.xlsx', '2026考核.xlsx')).toBe('考核结果-2026.xlsx');
    expect(downloadName('考核结果-2026.xlsx', null)).toBe('考核结果-2026.xlsx');
  });

  it('keep .xlsm for a graded macro-enabled workbook', () => {
    expect(gradedExtension('宏-考核结果.xlsx', '宏.XLSM')).toBe('宏-考核结果.xlsm');
    expect(gradedExtension('a-考核结果.xlsx', 'a.xlsx')).toBe('a-考核结果.xlsx');
  });
});
