import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateManifest } from '../../scripts/app-package/validate-manifest';
import { EXTENSION_COMMANDS } from '../../src/teams/extensionCommands';
import { ROUTES } from '../../src/teams/routes';
import { REALISTIC_ENV, resolvedManifest, type Manifest } from './manifestFixture';

/** Teams documents these limits for bot commands; schemas after v1.19 allow more, older clients do not. */
const TITLE_MAX = 32;
const DESCRIPTION_MAX = 128;

function commandTitles(manifest: Manifest, scope: string): string[] {
  const list = (manifest.bots[0].commandLists as Manifest[]).find((l) => l.scopes.includes(scope));
  return (list?.commands as Manifest[] | undefined)?.map((c) => c.title as string) ?? [];
}

describe('appPackage/manifest.json', () => {
  const manifest = resolvedManifest();

  it('is on the newest manifest schema that @microsoft/app-manifest (and so the Agents Toolkit) validates, and passes it offline', () => {
    // The Toolkit's teamsApp/validateManifest validates with the same package's bundled schemas.
    const versions = readdirSync(join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams'))
      .filter((folder) => /^v\d+\.\d+$/.test(folder))
      .map((folder) => folder.slice(1))
      .sort((a, b) => Number(a.split('.')[0]) - Number(b.split('.')[0]) || Number(a.split('.')[1]) - Number(b.split('.')[1]));
    expect(manifest.manifestVersion).toBe(versions.at(-1));
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('is rejected by the same validation when it breaks the schema', () => {
    const broken = structuredClone(manifest);
    broken.bots[0].botId = 'not-a-guid';
    broken.description.short = 'x'.repeat(81);
    const errors = validateManifest(broken);
    expect(errors.some((e) => e.startsWith('/bots/0/botId'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/description/short'))).toBe(true);
  });

  it('wires the ids and domain from the environment', () => {
    expect(manifest.id).toBe(REALISTIC_ENV.get('TEAMS_APP_ID'));
    expect(manifest.bots[0].botId).toBe(REALISTIC_ENV.get('BOT_ID'));
    expect(manifest.name.short).toBe('Meeting Actions (dev)');
    expect(manifest.validDomains).toEqual(['meeting-actions-dev.azurewebsites.net']);
    // Teams single sign-on for the tabs: the Entra app that exposes access_as_user, its ID URI on the tabs' domain.
    expect(manifest.webApplicationInfo).toEqual({
      id: REALISTIC_ENV.get('TAB_SSO_APP_ID'),
      resource: `api://meeting-actions-dev.azurewebsites.net/${REALISTIC_ENV.get('TAB_SSO_APP_ID')}`,
    });
  });

  it('offers the action log as a meeting tab (chat, details, side panel, stage) and My actions as a personal tab', () => {
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: 'https://meeting-actions-dev.azurewebsites.net/tabs/config',
        scopes: ['groupChat'],
        context: ['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'],
      }),
    ]);
    const [mine, ...builtIn] = manifest.staticTabs as Manifest[];
    expect(mine).toEqual({ entityId: 'my-actions', name: 'My actions', contentUrl: 'https://meeting-actions-dev.azurewebsites.net/tabs/my-actions', scopes: ['personal'] });
    // With a static tab, the bot's 1:1 chat needs its own entry or Teams hides it.
    expect(builtIn.map((tab) => tab.entityId)).toEqual(['conversations', 'about']);
  });

  it('installs the bot in personal, group chat and team scopes as a conversational bot', () => {
    expect(manifest.bots).toHaveLength(1);
    const [bot] = manifest.bots;
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.isNotificationOnly).toBe(false);
    expect(bot.supportsFiles).toBe(false);
  });

  it('lists the meeting commands in group chats and teams, and the personal ones in 1:1 chat', () => {
    // At most 10 per list (older clients); /present, /apologies, /deputy, /matters, /approve, /meeting and /digest are in /help.
    const meetingCommands = ['action', 'decision', 'item', 'actions', 'close', 'update', 'note', 'minutes', 'next', 'help'];
    expect(commandTitles(manifest, 'groupChat')).toEqual(meetingCommands);
    expect(commandTitles(manifest, 'team')).toEqual(meetingCommands);
    expect(commandTitles(manifest, 'personal')).toEqual(['actions', 'settings', 'help']);
  });

  it('shows examples in the command descriptions and keeps within the documented lengths', () => {
    const commands = (manifest.bots[0].commandLists as Manifest[]).flatMap((l) => l.commands as Manifest[]);
    const description = (title: string) => commands.find((c) => c.title === title)?.description;
    expect(description('action')).toBe('Capture an action: /action Draft letter @Derek Benson by Friday');
    expect(description('item')).toContain('/item 2.2 Safeguarding audit');
    expect(description('close')).toContain('/close A-12 done');
    expect(description('update')).toContain('/update A-12 letter sent');
    for (const command of commands) {
      expect(command.title.length).toBeLessThanOrEqual(TITLE_MAX);
      expect(command.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    }
  });

  it('declares Create action on the bot: an action command whose dialog the bot builds, on messages, the compose box and the command box', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions;
    expect(extension.botId).toBe(manifest.bots[0].botId);
    // The route table answers exactly the commands the manifest declares.
    expect((extension.commands as Manifest[]).map((command) => command.id)).toEqual(Object.keys(ROUTES.extensionCommands));
    expect(Object.values(EXTENSION_COMMANDS)).toEqual(Object.keys(ROUTES.extensionCommands));
    const [command] = extension.commands;
    expect(command).toMatchObject({ id: EXTENSION_COMMANDS.createAction, type: 'action', title: 'Create action', fetchTask: true });
    expect([...command.context].sort()).toEqual(['commandBox', 'compose', 'message']);
    // A dialog built by the bot (fetchTask) takes no static parameters.
    expect(command.parameters).toBeUndefined();
    expect(command.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(command.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
  });

  it('asks for exactly the resource-specific permissions the features use', () => {
    // Bare /commands without an @mention; meeting start/end and details; participants joining (attendance).
    expect(manifest.authorization.permissions.resourceSpecific).toEqual(
      expect.arrayContaining([
        { name: 'ChatMessage.Read.Chat', type: 'Application' },
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      ]),
    );
    expect(manifest.authorization.permissions.resourceSpecific).toHaveLength(3);
    expect(manifest.permissions).toBeUndefined();
  });
});
