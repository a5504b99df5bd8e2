/** Standalone: open a workbook from disk, and which one is open. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { usePane } from './pane';
import { useCommonStyles } from './styles';

/** A chosen file's bytes (File.arrayBuffer where there is one, else FileReader); the picker of last year's results too. */
export function readFileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

const useFileBarStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  hiddenInput: { display: 'none' },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

export function FileBar({ onOpened }: { onOpened: (name: string) => void }) {
  const { s, host, busy, perform, fileName, opening } = usePane();
  const styles = useFileBarStyles();
  const common = useCommonStyles();
  const input = useRef<HTMLInputElement>(null);

  const open = (file: File) =>
    perform(async () => {
      opening();
      const data = await readFileBytes(file);
      await host.openFile?.(file.name, data);
      const name = host.fileName?.() ?? file.name;
      onOpened(name);
      return { intent: 'success', body: (t) => t.openedFile(name) };
    });

  return (
    <section className={styles.bar} aria-label={s.openWorkbook}>
      <Button appearance={fileName ? 'secondary' : 'primary'} disabledFocusable={busy} onClick={() => input.current?.click()}>
        {s.openWorkbook}
      </Button>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".xlsx,.xlsm,.xls,.et,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,text/csv"
        aria-label={s.openWorkbook}
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void open(file);
        }}
      />
      {fileName ? (
        <span>
          <span className={common.hint}>
            {s.currentFile}
            {s.colon}
          </span>
          <span className={styles.fileName} data-wb="">
            {fileName}
          </span>
        </span>
      ) : (
        <span className={common.hint}>{s.openWorkbookHint}</span>
      )}
    </section>
  );
}
