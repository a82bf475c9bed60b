import { Body1, makeStyles, MessageBar, MessageBarBody, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyActionsResponse } from '../tabApiTypes';
import { ActionItem } from './ActionItem';
import { Notice } from './ActionLogPage';
import type { TabApiClient } from './tabApiClient';
import { usePolled } from './usePolled';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '16px', maxWidth: '880px', boxSizing: 'border-box', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  list: { display: 'flex', flexDirection: 'column', gap: '8px', margin: 0, padding: 0, listStyle: 'none' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** "My actions", the personal tab: every open action the signed-in person owns, across all their meetings, overdue first. */
export function MyActionsPage(props: { client: TabApiClient }) {
  const styles = useStyles();
  const mine = usePolled<MyActionsResponse>(props.client, '/api/tabs/mine');
  const [status, setStatus] = useState<string>();
  if (!mine.value) return <Notice title="My actions">{mine.error ?? 'Loading your actions…'}</Notice>;
  const { actions } = mine.value;
  const onChanged = (message: string) => {
    setStatus(message);
    void mine.refresh();
  };
  return (
    <main className={styles.page}>
      <Title3 as="h1">My actions</Title3>
      <Body1 className={styles.muted}>{actions.length === 0 ? 'You have no open actions. Well done.' : `${actions.length} open, across your meetings; overdue ones first.`}</Body1>
      {mine.error ? <MessageBar intent="warning"><MessageBarBody>{mine.error}</MessageBarBody></MessageBar> : null}
      <div role="status" aria-live="polite">{status ? <MessageBar intent="success"><MessageBarBody>{status}</MessageBarBody></MessageBar> : null}</div>
      <ul className={styles.list}>
        {actions.map((action) => (
          <li key={action.id}>
            <ActionItem action={action} client={props.client} onChanged={onChanged} showChat />
          </li>
        ))}
      </ul>
    </main>
  );
}
