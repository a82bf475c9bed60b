// The bot's own single-tenant Entra app registration, for botIdentity=SingleTenantApp in azure.bicep.
// It has no secret: a federated identity credential lets the web app's user-assigned managed identity
// sign in as this app (docs/DEPLOY.md § Bot identity: managed identity or Entra app).
// Creating it needs the Microsoft Graph Bicep extension (Bicep 0.36.1 or later) and a deployer who may
// register applications in the tenant.
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0'

@description('Display name of the app registration, as admins see it in Entra ID.')
param displayName string

@description('Key of the app registration, unique in the tenant, so each deployment updates the same one.')
param uniqueName string

@description('Object (principal) id of the user-assigned managed identity the web app runs as.')
param managedIdentityPrincipalId string

// Single tenant: only this tenant's Teams can use the bot, which is what resource-specific consent
// (ChatMessage.Read.Chat and the meeting permissions) is granted to.
resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: uniqueName
  displayName: displayName
  signInAudience: 'AzureADMyOrg'

  resource webAppIdentity 'federatedIdentityCredentials@v1.0' = {
    name: '${app.uniqueName}/web-app-managed-identity'
    description: 'The bot web app\'s managed identity signs in as this app, so the app needs no client secret.'
    audiences: ['api://AzureADTokenExchange']
    issuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
    subject: managedIdentityPrincipalId
  }
}

resource servicePrincipal 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: app.appId
}

@description('The app (client) id: the bot\'s Microsoft App ID, BOT_ID.')
output appId string = app.appId
