/**
 * The one status area: the latest action's result, with the way forward as buttons inside the message.
 * Every action replaces it, so no old "已写入" or "已下载" stays beside a newer failure. While Excel holds the
 * running action for a cell being edited (`cellEdit`), it says how to end the edit, on every tab.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { usePane, type Notice } from './pane';

export function StatusArea({ notice, cellEdit = false }: { notice: Notice | null; cellEdit?: boolean }) {
  const { s, lang } = usePane();
  return (
    // Always in the page, so screen readers announce each new status.
    <div role="status" aria-live="polite" data-testid="status">
      {cellEdit && (
        <MessageBar intent="warning" layout="multiline" data-testid="cell-edit-wait">
          <MessageBarBody>{s.cellEditWait}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title(s, lang)}</MessageBarTitle>}
            {notice.body(s, lang)}
          </MessageBarBody>
          {notice.actions && notice.actions.length > 0 && (
            <MessageBarActions>
              {notice.actions.map((a, i) => (
                <Button key={i} size="small" appearance={i === 0 ? 'primary' : 'secondary'} onClick={a.run}>
                  {a.label(s, lang)}
                </Button>
              ))}
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {notice?.warnings?.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline" data-testid="notice-warning">
          <MessageBarBody>{w(s, lang)}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
