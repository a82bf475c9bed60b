// Azure resources for meeting-actions: an App Service running the bot on Node 22 (or 24), an Azure Bot whose
// identity is a user-assigned managed identity, or a single-tenant Entra app that trusts it (no app secret
// either way), Cosmos DB for NoSQL reached with that same identity (keys disabled), and Application
// Insights on a Log Analytics workspace.
// Deployed by `atk provision --env dev` (m365agents.yml) or `az deployment group create` (docs/DEPLOY.md).

@minLength(3)
@maxLength(12)
@description('Prefix of every resource name.')
param resourceBaseName string = 'meetact'

@maxLength(8)
@description('Makes the globally unique names (web app, bot, Cosmos account) unique; empty derives one from the resource group.')
param resourceSuffix string = ''

@maxLength(42)
@description('The bot\'s display name in the Azure portal.')
param botDisplayName string = 'Meeting Actions'

param location string = resourceGroup().location

// Node 20 left support in April 2026; package.json's engines names the same two versions.
@allowed(['22-lts', '24-lts'])
@description('Node.js LTS the web app runs: 22 or 24.')
param nodeVersion string = '22-lts'

// alwaysOn needs Basic (B1) or above: the reminder scheduler ticks inside the web app process, so a
// plan that unloads idle apps would send reminders late.
@description('App Service plan SKU; B1 or above (alwaysOn is not available on F1/D1).')
param webAppSku string = 'B1'

// A user-assigned managed identity has no secret and no app registration to manage. Teams grants
// resource-specific permissions (ChatMessage.Read.Chat: bare /commands) to the app named in the
// manifest's webApplicationInfo, and does not document granting them to a managed identity; where a
// bare /action gets no answer, choose SingleTenantApp: an Entra app registration in this tenant
// (infra/botEntraApp.bicep), still with no secret, since it trusts the same managed identity.
@allowed(['ManagedIdentity', 'SingleTenantApp'])
@description('What the bot signs in as: its managed identity, or a single-tenant Entra app registration that trusts it (docs/DEPLOY.md).')
param botIdentity string = 'ManagedIdentity'

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier; Teams is a standard channel, so F0 is free for it.')
param botServiceSku string = 'F0'

@allowed(['Serverless', 'Provisioned'])
@description('Serverless bills per request, which suits a committee bot idle between meetings; Provisioned suits steady load.')
param cosmosCapacityMode string = 'Serverless'

@minValue(400)
@description('Shared database throughput (RU/s), used only when cosmosCapacityMode is Provisioned.')
param cosmosThroughput int = 400

@description('Cosmos DB database name; must equal COSMOS_DATABASE_DEFAULT in src/store/cosmos/containers.ts.')
param cosmosDatabaseName string = 'meeting-actions'

// Keep in step with COSMOS_CONTAINERS in src/store/cosmos/containers.ts; test/infra checks that it is.
@description('Containers the store uses: name and partition key path.')
param cosmosContainers array = [
  { name: 'chats', partitionKeyPath: '/seriesId' }
  { name: 'users', partitionKeyPath: '/tenantId' }
  { name: 'schedule', partitionKeyPath: '/tenantId' }
]

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
param logLevel string = 'info'

@description('IANA time zone for series that have not set their own, e.g. Europe/London.')
param defaultTimeZone string = 'Europe/London'

@secure()
@description('Signs the minutes links the bot hands out (MINUTES_LINK_SECRET). The default is new on each deployment, which only ends links issued before it (they last an hour anyway).')
param minutesLinkSecret string = newGuid()

@description('Client id of the Entra app the tabs sign users in with (Teams SSO; the Toolkit\'s aadApp/create writes TAB_SSO_APP_ID). Empty: the tabs cannot sign anyone in.')
param tabSsoAppId string = ''

@allowed(['off', 'managedIdentity', 'clientSecret'])
@description('Microsoft Graph, for installing the app for owners (private reminders), attendance reports, Copilot\'s recaps and Planner. managedIdentity signs in as the bot\'s managed identity; clientSecret as an Entra app (graphClientId, graphClientSecret), which installing the app for people needs: the tabs\' app named in webApplicationInfo. Grant GRAPH_PERMISSIONS_TO_GRANT first (docs/DEPLOY.md § Microsoft Graph).')
param graphAuth string = 'off'

@description('With graphAuth=clientSecret: the Entra app Graph signs in as (default: the tabs\' app, the one webApplicationInfo names, which proactive installation requires).')
param graphClientId string = tabSsoAppId

@secure()
@description('With graphAuth=clientSecret: that app\'s client secret (the Toolkit\'s aadApp/create writes the tabs\' app\'s as SECRET_TAB_SSO_CLIENT_SECRET).')
param graphClientSecret string = ''

@description('The app\'s id in your organisation\'s Teams app catalog (TEAMS_APP_PUBLISHED_APP_ID after `atk publish` and approval); empty: the bot installs nothing.')
param teamsAppCatalogId string = ''

@allowed(['off', 'on'])
@description('Suggested actions from Copilot\'s meeting recaps (COPILOT_INSIGHTS); needs graphAuth, Microsoft 365 Copilot licences and OnlineMeetingAiInsight.Read.All (docs/DEPLOY.md § Microsoft Graph).')
param copilotInsights string = 'off'

// Deterministic per resource group, so re-running a deployment updates the same resources.
var baseName = toLower('${resourceBaseName}${empty(resourceSuffix) ? take(uniqueString(resourceGroup().id), 6) : resourceSuffix}')
var singleTenantApp = botIdentity == 'SingleTenantApp'
var serverless = cosmosCapacityMode == 'Serverless'
// Built-in "Cosmos DB Built-in Data Contributor": read and write items; no control-plane rights.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// The bot's only identity: Bot Framework tokens (itself, or as the Entra app that trusts it), Cosmos DB
// data access, and Microsoft Graph only as far as an admin grants it.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-identity'
  location: location
}

module botEntraApp 'botEntraApp.bicep' = if (singleTenantApp) {
  name: 'bot-entra-app'
  params: {
    displayName: botDisplayName
    uniqueName: '${baseName}-bot'
    managedIdentityPrincipalId: identity.properties.principalId
  }
}

// The Microsoft App ID the Bot Framework and Teams know the bot by (BOT_ID, the manifest's botId).
var botAppId = singleTenantApp ? botEntraApp!.outputs.appId : identity.properties.clientId

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${baseName}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: location, failoverPriority: 0, isZoneRedundant: false }
    ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    // Keys disabled: only Entra identities with a data-plane role get in, so there is no key to leak.
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: { id: cosmosDatabaseName }
    options: serverless ? {} : { throughput: cosmosThroughput }
  }
}

// Created here rather than by the app: the data-plane role cannot create containers (COSMOS_CREATE_IF_MISSING=false).
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in cosmosContainers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: { paths: [container.partitionKeyPath], kind: 'Hash', version: 2 }
      }
    }
  }
]

// Scoped to our database, not the account, so the identity cannot touch anything else stored there.
resource cosmosDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: '${cosmos.id}/dbs/${cosmosDatabaseName}'
  }
  dependsOn: [database]
}

// Scale-out is safe: the scheduler in every instance claims each reminder and digest in the store
// (an etag-guarded write) before sending it, so however many instances run, each is sent once.
resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      alwaysOn: true
      // Start the compiled app directly: `npm start` would run the prestart build on every boot.
      appCommandLine: 'node dist/src/index.js'
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        // The Toolkit's deploy step builds before zipping, so App Service must not build again.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'BOT_TYPE', value: singleTenantApp ? 'SingleTenant' : 'UserAssignedMSI' }
        { name: 'BOT_ID', value: botAppId }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        // With the Entra app, the managed identity is its federated credential: no BOT_PASSWORD anywhere.
        { name: 'BOT_FEDERATED_CLIENT_ID', value: singleTenantApp ? identity.properties.clientId : '' }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STORE', value: 'cosmos' }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'COSMOS_CREATE_IF_MISSING', value: 'false' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        // The app exports its own OpenTelemetry (src/observability/telemetry.ts); App Service's agent would count requests twice.
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: 'disabled' }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'DEFAULT_TIME_ZONE', value: defaultTimeZone }
        { name: 'MINUTES_LINK_SECRET', value: minutesLinkSecret }
        // The tabs accept Teams SSO tokens for this app; its ID URI is api://<WEBSITE_HOSTNAME>/<id>.
        { name: 'TAB_SSO_APP_ID', value: tabSsoAppId }
        { name: 'GRAPH_AUTH', value: graphAuth }
        // Read only with GRAPH_AUTH=clientSecret; empty otherwise, which the bot reads as unset.
        { name: 'GRAPH_CLIENT_ID', value: graphAuth == 'clientSecret' ? graphClientId : '' }
        { name: 'GRAPH_CLIENT_SECRET', value: graphAuth == 'clientSecret' ? graphClientSecret : '' }
        { name: 'TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
        { name: 'COPILOT_INSIGHTS', value: copilotInsights }
      ]
    }
  }
}

// The app logs JSON lines to stdout (pino); send them and the HTTP log to the workspace.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: singleTenantApp ? 'SingleTenant' : 'UserAssignedMSI'
    msaAppId: botAppId
    msaAppMSIResourceId: singleTenantApp ? null : identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<env> by the Toolkit's arm/deploy step; the manifest and deploy step read them.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = botAppId
output BOT_TENANT_ID string = identity.properties.tenantId
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
// What a tenant admin grants the identity Graph signs in as (app role assignments on its service principal: the managed
// identity's below, or with graphAuth=clientSecret the Entra app's), and the application access policy that attendance
// reports and Copilot's recaps also need: docs/DEPLOY.md § Microsoft Graph.
output GRAPH_PRINCIPAL_ID string = identity.properties.principalId
output GRAPH_PERMISSIONS_TO_GRANT string = 'TeamsAppInstallation.ReadWriteSelfForUser.All OnlineMeetingArtifact.Read.All Tasks.ReadWrite.All${copilotInsights == 'on' ? ' OnlineMeetingAiInsight.Read.All' : ''}'
