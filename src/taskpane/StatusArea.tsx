/**
 * The one status area: the latest action's result, with the way forward as buttons inside the message.
 * Every action replaces it, so no old "已写入" or "已下载" stays beside a newer failure.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { usePane, type Notice } from './pane';

export function StatusArea({ notice }: { notice: Notice | null }) {
  const { s, lang } = usePane();
  return (
    // Always in the page, so screen readers announce each new status.
    <div role="status" aria-live="polite" data-testid="status">
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
