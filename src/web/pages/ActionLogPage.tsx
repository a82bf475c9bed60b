import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, Switch, Tab, TabList, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ActionLogResponse, PageAction } from '../tabApiTypes';
import { ActionItem } from './ActionItem';
import type { PageHost } from './pageHost';
import type { TabApiClient } from './tabApiClient';
import { usePolled } from './usePolled';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', boxSizing: 'border-box', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  stage: { padding: '24px 32px', gap: '20px' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
  filters: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: '8px', margin: 0, padding: 0, listStyle: 'none' },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: '24px', alignItems: 'start' },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  owner: { margin: '8px 0 0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Show = 'open' | 'closed' | 'meeting';

/**
 * The meeting tab: the chat's action log. In the side panel and as a chat tab it has filters and
 * the buttons; on the meeting stage it shows everything large and read-only, for the room to walk
 * through, and follows changes as owners make them.
 */
export function ActionLogPage(props: { host: PageHost; client: TabApiClient }) {
  const { host, client } = props;
  const styles = useStyles();
  const chatId = host.context.chatId;
  const log = usePolled<ActionLogResponse>(client, chatId ? `/api/tabs/log?chat=${encodeURIComponent(chatId)}` : undefined);
  const [show, setShow] = useState<Show>('open');
  const [mineOnly, setMineOnly] = useState(false);
  const [status, setStatus] = useState<string>();
  const stage = host.context.frame === 'meetingStage';
  const onChanged = (message: string) => {
    setStatus(message);
    void log.refresh();
  };

  if (!chatId) return <Notice title="Action log">Open this tab from a meeting: it shows that meeting chat's actions.</Notice>;
  if (!log.value) return <Notice title="Action log">{log.error ?? 'Loading the action log…'}</Notice>;
  const view = log.value;
  const item = (action: PageAction | undefined) =>
    action ? (
      <li key={action.id}>
        <ActionItem action={action} client={client} onChanged={onChanged} readOnly={stage} large={stage} />
      </li>
    ) : null;
  const mine = (ids: string[]) => ids.filter((id) => !mineOnly || view.actions[id]?.mine);
  const openSection = (
    <section className={styles.section} aria-labelledby="open-heading">
      <Subtitle2 as="h2" id="open-heading">Open actions by owner</Subtitle2>
      {view.openByOwner.length === 0 ? <Body1 className={styles.muted}>No open actions in this chat.</Body1> : null}
      {view.openByOwner
        .filter((group) => !mineOnly || group.owner.id === view.viewer.id)
        .map((group) => (
          <div key={group.owner.id} className={styles.section}>
            <h3 className={styles.owner}>{`${group.owner.name} (${group.owner.initials})${group.overdueCount > 0 ? ` · ${group.overdueCount} overdue` : ''}`}</h3>
            <ul className={styles.list}>{group.actionIds.map((id) => item(view.actions[id]))}</ul>
          </div>
        ))}
    </section>
  );
  const closed = view.closedSinceLastMeeting;
  const closedSection = (
    <section className={styles.section} aria-labelledby="closed-heading">
      <Subtitle2 as="h2" id="closed-heading">{closed.since ? `Closed since the last meeting (${closed.since})` : 'Closed'}</Subtitle2>
      {mine(closed.actionIds).length === 0 ? <Body1 className={styles.muted}>Nothing closed since the last meeting.</Body1> : null}
      <ul className={styles.list}>{mine(closed.actionIds).map((id) => item(view.actions[id]))}</ul>
      {closed.more > 0 ? <Caption1 className={styles.muted}>{`${closed.more} earlier ones are in the minutes.`}</Caption1> : null}
    </section>
  );
  const meeting = view.meeting;
  const meetingSection = meeting ? (
    <section className={styles.section} aria-labelledby="meeting-heading">
      <Subtitle2 as="h2" id="meeting-heading">{meeting.label}</Subtitle2>
      <h3 className={styles.owner}>Decisions</h3>
      {meeting.decisions.length === 0 ? <Body1 className={styles.muted}>No decisions recorded yet.</Body1> : null}
      <ul className={styles.list}>
        {meeting.decisions.map((decision) => (
          <li key={decision.id}>
            <Body1>
              <strong>{decision.label}:</strong> {decision.text}
            </Body1>
          </li>
        ))}
      </ul>
      <h3 className={styles.owner}>Actions captured</h3>
      {mine(meeting.actionIds).length === 0 ? <Body1 className={styles.muted}>No actions captured yet.</Body1> : null}
      <ul className={styles.list}>{mine(meeting.actionIds).map((id) => item(view.actions[id]))}</ul>
    </section>
  ) : (
    <Body1 className={styles.muted}>No meeting has been held in this chat yet.</Body1>
  );

  return (
    <main className={`${styles.page} ${stage ? styles.stage : ''}`}>
      <header className={styles.header}>
        <Title3 as="h1">{`Action log · ${view.chat.title}`}</Title3>
        {!stage ? <ShareToStage host={host} /> : null}
      </header>
      {log.error ? <MessageBar intent="warning"><MessageBarBody>{log.error}</MessageBarBody></MessageBar> : null}
      <div role="status" aria-live="polite">{status ? <MessageBar intent="success"><MessageBarBody>{status}</MessageBarBody></MessageBar> : null}</div>
      {stage ? (
        <div className={styles.columns}>
          {openSection}
          <div className={styles.section}>
            {closedSection}
            {meetingSection}
          </div>
        </div>
      ) : (
        <>
          <div className={styles.filters}>
            <TabList selectedValue={show} onTabSelect={(_event, data) => setShow(data.value as Show)} aria-label="Which actions">
              <Tab value="open">Open</Tab>
              <Tab value="closed">Closed</Tab>
              <Tab value="meeting">This meeting</Tab>
            </TabList>
            <Switch label="Only mine" checked={mineOnly} onChange={(_event, data) => setMineOnly(data.checked)} />
          </div>
          {show === 'open' ? openSection : show === 'closed' ? closedSection : meetingSection}
        </>
      )}
    </main>
  );
}

/** "Share to stage": shown to those Teams lets share (presenters, the organiser) when the app may. */
function ShareToStage(props: { host: PageHost }) {
  const [allowed, setAllowed] = useState<boolean>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    void props.host.canShareToStage().then(setAllowed, () => setAllowed(false));
  }, [props.host]);
  if (!allowed || props.host.context.frame !== 'sidePanel') return null;
  const share = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('frame', 'meetingStage');
    props.host.shareToStage(url.toString()).then(
      () => setProblem(undefined),
      (error: Error) => setProblem(error.message),
    );
  };
  return (
    <>
      <Button appearance="primary" onClick={share}>Share to stage</Button>
      {problem ? <Caption1 role="alert">{problem}</Caption1> : null}
    </>
  );
}

/** A page with one message (loading, refused, not in a meeting). */
export function Notice(props: { title: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Title3 as="h1">{props.title}</Title3>
      <Body1 role="status">{props.children}</Body1>
    </main>
  );
}
