import { Body1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { PageHost } from './pageHost';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '16px', color: tokens.colorNeutralForeground1 },
});

/**
 * The configuration page Teams shows when someone adds the tab to a meeting: nothing to choose,
 * the tab is the chat's action log, so it is valid at once and Save adds it.
 */
export function ConfigPage(props: { host: PageHost }) {
  const styles = useStyles();
  useEffect(() => {
    props.host.saveTab?.(`${window.location.origin}/tabs/actions`, 'Action log');
  }, [props.host]);
  return (
    <main className={styles.page}>
      <Title3 as="h1">Action log</Title3>
      <Body1>Adds this meeting chat's action log: open actions by owner, what was closed since the last meeting, and this meeting's decisions and actions. Owners can close and update them here, and the chair can share the log to the meeting stage.</Body1>
      <Body1>Select Save to add it.</Body1>
    </main>
  );
}
