import { Badge, Button, Caption1, Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ChangeRequestBody, PageAction } from '../tabApiTypes';
import { newRequestId, type TabApiClient } from './tabApiClient';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '10px 12px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  large: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  meta: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  history: { margin: '2px 0 0', paddingLeft: '16px', color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: '6px', flexWrap: 'wrap', marginTop: '4px' },
  form: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '4px' },
  message: { color: tokens.colorNeutralForeground2 },
  refused: { color: tokens.colorPaletteRedForeground1 },
});

type Form = 'close' | 'update' | 'due';

/** One action: what, who, when, its updates, and (where the viewer may) Close, Add update and Change due date. */
export function ActionItem(props: { action: PageAction; client: TabApiClient; onChanged: (message: string) => void; readOnly?: boolean; large?: boolean; showChat?: boolean }) {
  const { action, client } = props;
  const styles = useStyles();
  const [form, setForm] = useState<Form>();
  const [note, setNote] = useState('');
  const [due, setDue] = useState(action.due ?? '');
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; refused: boolean }>();
  // One id per request: a retry after a failure or a second click sends the same id, so the change is made once.
  const requestId = useRef<string | undefined>(undefined);
  const titleId = `action-${action.id}`;

  const open = (next: Form) => {
    setForm(form === next ? undefined : next);
    setMessage(undefined);
    requestId.current = newRequestId();
  };
  const submit = async (change: ChangeRequestBody['change']) => {
    if (pending) return;
    setPending(true);
    requestId.current ??= newRequestId();
    try {
      const answer = await client.change({ chatId: action.chatId, actionId: action.id, requestId: requestId.current, change });
      if (answer.ok) {
        // Said by the page, not here: a closed action moves to another list and this item goes away.
        setMessage(undefined);
        setForm(undefined);
        setNote('');
        requestId.current = undefined;
        props.onChanged(`${action.ref}: ${answer.value.message}`);
      } else {
        setMessage({ text: answer.message, refused: true });
      }
    } catch {
      setMessage({ text: 'Cannot reach the bot right now. Try again: it will not be done twice.', refused: true });
    } finally {
      setPending(false);
    }
  };

  const isOpen = action.status === 'open';
  return (
    <article className={styles.item} aria-labelledby={titleId} data-action={action.ref}>
      <div className={styles.head}>
        <Text weight="semibold">{action.ref}</Text>
        <Badge appearance="tint" color={isOpen ? (action.overdue ? 'danger' : 'brand') : 'success'}>{isOpen ? (action.overdue ? 'Overdue' : 'Open') : 'Closed'}</Badge>
        {props.showChat ? <Caption1 className={styles.meta}>{action.chatTitle}</Caption1> : null}
      </div>
      <Text id={titleId} className={props.large ? styles.large : undefined}>{action.text}</Text>
      <Caption1 className={styles.meta}>
        {action.owners.map((owner) => `${owner.name} (${owner.initials})`).join(', ')} · <span className={action.overdue ? styles.overdue : undefined}>{action.due ? `Due ${action.dueLabel}` : action.dueLabel}</span>
        {action.item ? ` · ${action.item}` : ''}
      </Caption1>
      {action.closed ? <Caption1 className={styles.meta}>{action.closed}</Caption1> : null}
      {action.history.length > 0 ? (
        <ul className={styles.history} aria-label={`Updates on ${action.ref}`}>
          {action.history.map((event, index) => (
            <li key={index}>
              <Caption1>{`${event.when} · ${event.who}: ${event.what}`}</Caption1>
            </li>
          ))}
        </ul>
      ) : null}
      {props.readOnly ? null : (
        <div className={styles.buttons}>
          {isOpen && action.canManage ? <Button size="small" appearance={form === 'close' ? 'primary' : 'secondary'} aria-expanded={form === 'close'} onClick={() => open('close')}>Close</Button> : null}
          <Button size="small" aria-expanded={form === 'update'} onClick={() => open('update')}>Add update</Button>
          {isOpen && action.canManage ? <Button size="small" aria-expanded={form === 'due'} onClick={() => open('due')}>Change due date</Button> : null}
        </div>
      )}
      {form === 'close' ? (
        <form className={styles.form} onSubmit={(event) => { event.preventDefault(); void submit({ kind: 'close', note }); }}>
          <Field label={`Closing note for ${action.ref} (optional)`}>
            <Textarea value={note} maxLength={2000} onChange={(_event, data) => setNote(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={pending}>{`Close ${action.ref}`}</Button>
        </form>
      ) : null}
      {form === 'update' ? (
        <form className={styles.form} onSubmit={(event) => { event.preventDefault(); void submit({ kind: 'update', note }); }}>
          <Field label={`Update on ${action.ref}`} required>
            <Textarea value={note} maxLength={2000} onChange={(_event, data) => setNote(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={pending}>Add update</Button>
        </form>
      ) : null}
      {form === 'due' ? (
        <form className={styles.form} onSubmit={(event) => { event.preventDefault(); void submit({ kind: 'due', due: due || null }); }}>
          <Field label={`New due date for ${action.ref} (empty: no date)`}>
            <Input type="date" value={due} onChange={(_event, data) => setDue(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={pending}>Save due date</Button>
        </form>
      ) : null}
      <div role="status" aria-live="polite">
        {message ? <Caption1 className={message.refused ? styles.refused : styles.message}>{message.text}</Caption1> : null}
      </div>
    </article>
  );
}
