import { Body1, Button, Field, Input, makeStyles, Radio, RadioGroup, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DevPeopleResponse, ErrorResponse } from '../tabApiTypes';
import { saveDevIdentity, type DevIdentity } from './devHost';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '16px', maxWidth: '640px', color: tokens.colorNeutralForeground1 },
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

/**
 * The development sign-in (`?dev=1`, a bot in local mode only): name the chat (tenant and
 * conversation id, as the bot logs them for each command), pick one of its members, and the page
 * opens as that person would see it in Teams.
 */
export function DevSignInPage(props: { query: URLSearchParams; onSignedIn: (identity: DevIdentity) => void }) {
  const styles = useStyles();
  const [tenantId, setTenantId] = useState(props.query.get('tenant') ?? '');
  const [chatId, setChatId] = useState(props.query.get('chat') ?? '');
  const [people, setPeople] = useState<DevPeopleResponse['chats'][number]>();
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string>();
  const load = async () => {
    const response = await fetch(`/api/tabs/dev/people?tenant=${encodeURIComponent(tenantId)}&chat=${encodeURIComponent(chatId)}`);
    if (!response.ok) {
      setProblem(((await response.json()) as ErrorResponse).error);
      return;
    }
    setProblem(undefined);
    setPeople(((await response.json()) as DevPeopleResponse).chats[0]);
  };
  const signIn = () => {
    const person = people?.members.find((member) => member.id === chosen);
    if (!person || !people) return;
    const identity = { tenantId: people.tenantId, chatId: people.chatId, userId: person.id, name: person.name };
    saveDevIdentity(identity);
    props.onSignedIn(identity);
  };
  return (
    <main className={styles.page}>
      <Title3 as="h1">Development sign-in</Title3>
      <Body1>This bot runs in local mode, so this page opens without Teams: choose a chat and one of its members. A bot with BOT_ID set, or in production, never offers this.</Body1>
      <form className={styles.form} onSubmit={(event) => { event.preventDefault(); void load(); }}>
        <Field label="Tenant id"><Input value={tenantId} onChange={(_event, data) => setTenantId(data.value)} /></Field>
        <Field label="Chat (conversation id)"><Input value={chatId} onChange={(_event, data) => setChatId(data.value)} /></Field>
        <Button type="submit">Show its members</Button>
      </form>
      {problem ? <Body1 role="alert">{problem}</Body1> : null}
      {people ? (
        <form className={styles.form} onSubmit={(event) => { event.preventDefault(); signIn(); }}>
          <Field label={`Sign in to "${people.title}" as`}>
            <RadioGroup value={chosen} onChange={(_event, data) => setChosen(data.value)}>
              {people.members.map((member) => <Radio key={member.id} value={member.id} label={member.name} />)}
            </RadioGroup>
          </Field>
          <Button type="submit" appearance="primary" disabled={!chosen}>Sign in</Button>
        </form>
      ) : null}
    </main>
  );
}
