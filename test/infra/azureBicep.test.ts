import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COSMOS_CONTAINERS, COSMOS_DATABASE_DEFAULT } from '../../src/store/cosmos/containers';
import {
  stripComments,
  literal,
  objectsInArray,
  outputNames,
  paramDefault,
  paramNames,
  property,
  resourceOfType,
} from './bicepReader';

const INFRA = join(__dirname, '..', '..', 'infra');
const bicep = readFileSync(join(INFRA, 'azure.bicep'), 'utf8');

function appSettings(): Map<string, string> {
  const site = resourceOfType(bicep, 'Microsoft.Web/sites');
  const settings = objectsInArray(property(site.body, 'appSettings') ?? '[]');
  return new Map(settings.map((s) => [literal(s.name) ?? '', s.value ?? '']));
}

describe('infra/azure.bicep: Cosmos DB', () => {
  const account = resourceOfType(bicep, 'Microsoft.DocumentDB/databaseAccounts');

  it('creates the database the code opens by default', () => {
    const database = resourceOfType(bicep, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    expect(property(database.body, 'name')).toBe('cosmosDatabaseName');
    expect(literal(paramDefault(bicep, 'cosmosDatabaseName'))).toBe(COSMOS_DATABASE_DEFAULT);
  });

  it('creates exactly the containers and partition keys of src/store/cosmos/containers.ts', () => {
    const declared = objectsInArray(paramDefault(bicep, 'cosmosContainers') ?? '[]').map((c) => [
      literal(c.name),
      literal(c.partitionKeyPath),
    ]);
    expect(declared).toEqual(Object.entries(COSMOS_CONTAINERS));

    const containers = resourceOfType(bicep, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    expect(containers.body).toMatch(/^\[\s*for (\w+) in cosmosContainers:/);
    expect(property(containers.body, 'partitionKey')).toContain('paths: [container.partitionKeyPath]');
    expect(property(containers.body, 'parent')).toBe('database');
  });

  it('disables key access so only Entra identities get in', () => {
    expect(property(account.body, 'disableLocalAuth')).toBe('true');
  });

  it('is serverless unless asked to be provisioned', () => {
    expect(literal(paramDefault(bicep, 'cosmosCapacityMode'))).toBe('Serverless');
    expect(bicep).toMatch(/^var serverless = cosmosCapacityMode == 'Serverless'$/m);
    expect(property(account.body, 'capabilities')).toBe("serverless ? [{ name: 'EnableServerless' }] : []");
  });

  it('grants the managed identity the built-in Data Contributor role on the database', () => {
    const assignment = resourceOfType(bicep, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(bicep).toMatch(/cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    expect(property(assignment.body, 'roleDefinitionId')).toContain('sqlRoleDefinitions/${cosmosDataContributorRoleId}');
    expect(property(assignment.body, 'principalId')).toBe('identity.properties.principalId');
    expect(property(assignment.body, 'scope')).toBe("'${cosmos.id}/dbs/${cosmosDatabaseName}'");
  });
});

describe('infra/azure.bicep: web app and bot', () => {
  const site = resourceOfType(bicep, 'Microsoft.Web/sites');
  const bot = resourceOfType(bicep, 'Microsoft.BotService/botServices');

  it('runs the web app on Node 22 LTS (or 24, the versions package.json supports) on Linux, always on, HTTPS only', () => {
    expect(literal(property(site.body, 'linuxFxVersion'))).toBe('NODE|${nodeVersion}');
    expect(literal(paramDefault(bicep, 'nodeVersion'))).toBe('22-lts');
    expect(bicep).toMatch(/^@allowed\(\['22-lts', '24-lts'\]\)\n@description\([^\n]*\)\nparam nodeVersion string/m);
    const engines = (JSON.parse(readFileSync(join(INFRA, '..', 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('^22 || ^24');
    expect(property(site.body, 'alwaysOn')).toBe('true');
    expect(property(site.body, 'httpsOnly')).toBe('true');
    const plan = resourceOfType(bicep, 'Microsoft.Web/serverfarms');
    expect(property(plan.body, 'reserved')).toBe('true');
  });

  it('attaches the user-assigned identity and configures the app to use it for the bot and Cosmos DB', () => {
    expect(property(site.body, 'userAssignedIdentities')).toBe("{ '${identity.id}': {} }");
    const settings = appSettings();
    expect(settings.get('BOT_TYPE')).toBe("singleTenantApp ? 'SingleTenant' : 'UserAssignedMSI'");
    expect(settings.get('BOT_ID')).toBe('botAppId');
    expect(settings.get('BOT_FEDERATED_CLIENT_ID')).toBe("singleTenantApp ? identity.properties.clientId : ''");
    expect(settings.get('AZURE_CLIENT_ID')).toBe('identity.properties.clientId');
    expect(settings.get('BOT_TENANT_ID')).toBe('identity.properties.tenantId');
    expect(settings.get('STORE')).toBe("'cosmos'");
    expect(settings.get('COSMOS_ENDPOINT')).toBe('cosmos.properties.documentEndpoint');
    expect(settings.get('COSMOS_DATABASE')).toBe('cosmosDatabaseName');
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('appInsights.properties.ConnectionString');
    expect(settings.get('MINUTES_LINK_SECRET')).toBe('minutesLinkSecret');
    expect(settings.has('BOT_PASSWORD')).toBe(false);
    expect(settings.has('COSMOS_KEY')).toBe(false);
  });

  it('registers the bot with the managed identity (or the Entra app), the web app endpoint and the Teams channel', () => {
    expect(property(bot.body, 'msaAppType')).toBe("singleTenantApp ? 'SingleTenant' : 'UserAssignedMSI'");
    expect(property(bot.body, 'msaAppId')).toBe('botAppId');
    expect(property(bot.body, 'msaAppMSIResourceId')).toBe('singleTenantApp ? null : identity.id');
    expect(property(bot.body, 'msaAppTenantId')).toBe('identity.properties.tenantId');
    expect(literal(property(bot.body, 'endpoint'))).toBe('https://${webApp.properties.defaultHostName}/api/messages');
    const channel = resourceOfType(bicep, 'Microsoft.BotService/botServices/channels');
    expect(literal(property(channel.body, 'channelName'))).toBe('MsTeamsChannel');
  });

  it('leaves Microsoft Graph off unless asked, and outputs what an admin grants the identity for it', () => {
    const settings = appSettings();
    expect(settings.get('GRAPH_AUTH')).toBe('graphAuth');
    expect(literal(paramDefault(bicep, 'graphAuth'))).toBe('off');
    expect(settings.get('TEAMS_APP_CATALOG_ID')).toBe('teamsAppCatalogId');
    expect(bicep).toMatch(/^output GRAPH_PRINCIPAL_ID string = identity\.properties\.principalId$/m);
    expect(bicep).toMatch(
      /^output GRAPH_PERMISSIONS_TO_GRANT string = 'TeamsAppInstallation\.ReadWriteSelfForUser\.All OnlineMeetingArtifact\.Read\.All Tasks\.ReadWrite\.All\$\{copilotInsights == 'on' \? ' OnlineMeetingAiInsight\.Read\.All' : ''\}'$/m,
    );
  });

  it('can sign Graph in as the tabs\' Entra app with its secret (what installing the app for people needs), and passes neither otherwise', () => {
    const settings = appSettings();
    expect(settings.get('GRAPH_CLIENT_ID')).toBe("graphAuth == 'clientSecret' ? graphClientId : ''");
    expect(settings.get('GRAPH_CLIENT_SECRET')).toBe("graphAuth == 'clientSecret' ? graphClientSecret : ''");
    expect(paramDefault(bicep, 'graphClientId')).toBe('tabSsoAppId');
    expect(bicep).toMatch(/@secure\(\)\n@description\([^\n]*\)\nparam graphClientSecret string = ''/);
  });

  it('leaves Copilot\'s suggested actions off unless asked', () => {
    expect(appSettings().get('COPILOT_INSIGHTS')).toBe('copilotInsights');
    expect(literal(paramDefault(bicep, 'copilotInsights'))).toBe('off');
  });

  it('outputs what the Toolkit writes back to env/.env.<env>', () => {
    expect(outputNames(bicep)).toEqual(
      expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ID']),
    );
  });
});

describe('infra/azure.parameters.json', () => {
  const parameters = JSON.parse(readFileSync(join(INFRA, 'azure.parameters.json'), 'utf8')) as {
    parameters: Record<string, { value: unknown }>;
  };

  it('sets only parameters the template declares', () => {
    const declared = paramNames(bicep);
    for (const name of Object.keys(parameters.parameters)) expect(declared).toContain(name);
  });
});

describe('infra: the bot as a single-tenant Entra app (botIdentity=SingleTenantApp)', () => {
  const module = readFileSync(join(INFRA, 'botEntraApp.bicep'), 'utf8');

  it('is a choice beside the managed identity, which stays the default', () => {
    expect(bicep).toMatch(/^@allowed\(\['ManagedIdentity', 'SingleTenantApp'\]\)\n@description\([^\n]*\)\nparam botIdentity string = 'ManagedIdentity'$/m);
    expect(bicep).toMatch(/^var singleTenantApp = botIdentity == 'SingleTenantApp'$/m);
    expect(bicep).toMatch(/^var botAppId = singleTenantApp \? botEntraApp!\.outputs\.appId : identity\.properties\.clientId$/m);
    expect(outputNames(bicep)).toContain('BOT_ID');
    expect(bicep).toMatch(/^output BOT_ID string = botAppId$/m);
  });

  it('creates the app registration only when chosen, trusting the web app\'s managed identity', () => {
    const declaration = /^module botEntraApp 'botEntraApp\.bicep' = if \(singleTenantApp\) (\{[\s\S]*?^\})/m.exec(stripComments(bicep))?.[1] ?? '';
    expect(property(declaration, 'managedIdentityPrincipalId')).toBe('identity.properties.principalId');
    expect(property(declaration, 'uniqueName')).toBe("'${baseName}-bot'");
  });

  it('registers a single-tenant app whose only credential is the managed identity: no secret to store or rotate', () => {
    expect(module).toMatch(/^extension 'br:mcr\.microsoft\.com\/bicep\/extensions\/microsoftgraph\/v1\.0:1\.0\.0'$/m);
    const app = resourceOfType(module, 'Microsoft.Graph/applications');
    expect(literal(property(app.body, 'signInAudience'))).toBe('AzureADMyOrg');
    expect(app.body).not.toMatch(/passwordCredentials|keyCredentials/);
    expect(property(app.body, 'audiences')).toBe("['api://AzureADTokenExchange']");
    expect(literal(property(app.body, 'issuer'))).toBe('${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0');
    expect(property(app.body, 'subject')).toBe('managedIdentityPrincipalId');
    expect(property(resourceOfType(module, 'Microsoft.Graph/servicePrincipals').body, 'appId')).toBe('app.appId');
    expect(outputNames(module)).toEqual(['appId']);
  });

  it('is chosen in the environment file the Toolkit reads, and the Toolkit\'s Bicep can compile the Graph extension', () => {
    const parameters = JSON.parse(readFileSync(join(INFRA, 'azure.parameters.json'), 'utf8')) as { parameters: Record<string, { value: unknown }> };
    expect(parameters.parameters['botIdentity']?.value).toBe('${{BOT_IDENTITY}}');
    expect(readFileSync(join(INFRA, '..', 'env', '.env.dev'), 'utf8')).toMatch(/^BOT_IDENTITY=ManagedIdentity$/m);
    // The Microsoft Graph Bicep extension 1.0 needs Bicep 0.36.1 or later.
    const pinned = /bicepCliVersion: v(\d+)\.(\d+)\.(\d+)/.exec(readFileSync(join(INFRA, '..', 'm365agents.yml'), 'utf8'));
    expect(Number(pinned?.[1]) * 10_000 + Number(pinned?.[2]) * 100 + Number(pinned?.[3])).toBeGreaterThanOrEqual(3601);
  });
});
