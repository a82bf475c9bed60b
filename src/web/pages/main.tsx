import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ActionLogPage, Notice } from './ActionLogPage';
import { ConfigPage } from './ConfigPage';
import { devHost, savedDevIdentity, type DevIdentity } from './devHost';
import { DevSignInPage } from './DevSignInPage';
import { MyActionsPage } from './MyActionsPage';
import type { HostTheme, PageHost } from './pageHost';
import { TabApiClient } from './tabApiClient';
import { teamsHost } from './teamsHost';

const THEMES: Record<HostTheme, Theme> = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
type View = 'actions' | 'mine' | 'config';

/** Picks the host (Teams, or the development sign-in with `?dev=1`) and shows the page the address names. */
function App(props: { view: View; query: URLSearchParams }) {
  const dev = props.query.get('dev') === '1';
  const [identity, setIdentity] = useState<DevIdentity | undefined>(() => (dev ? savedDevIdentity() : undefined));
  const [host, setHost] = useState<PageHost>();
  const [problem, setProblem] = useState<string>();
  const [theme, setTheme] = useState<HostTheme>('default');
  useEffect(() => {
    if (dev) {
      if (identity) setHost(devHost(identity, props.query));
      return;
    }
    teamsHost().then(setHost, () => setProblem('Open this page in Microsoft Teams. (For a bot in local mode, add ?dev=1 to the address.)'));
  }, [dev, identity, props.query]);
  useEffect(() => {
    if (!host) return;
    setTheme(host.context.theme);
    host.onThemeChange(setTheme);
  }, [host]);
  const client = useMemo(() => (host ? new TabApiClient(host) : undefined), [host]);
  const title = props.view === 'mine' ? 'My actions' : 'Action log';
  let page: React.ReactNode;
  if (dev && !identity) page = <DevSignInPage query={props.query} onSignedIn={setIdentity} />;
  else if (problem) page = <Notice title={title}>{problem}</Notice>;
  else if (!host || !client) page = <Notice title={title}>Loading…</Notice>;
  else if (props.view === 'config') page = <ConfigPage host={host} />;
  else if (props.view === 'mine') page = <MyActionsPage client={client} />;
  else page = <ActionLogPage host={host} client={client} />;
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      {page}
    </FluentProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  const view = (root.dataset['view'] ?? 'actions') as View;
  createRoot(root).render(<App view={view} query={new URLSearchParams(window.location.search)} />);
}
