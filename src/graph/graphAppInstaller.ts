import type { AppInstaller } from '../services/appInstaller';
import { GraphRefused } from '../services/graphFailures';
import type { GraphClient } from './graphClient';

/**
 * Proactive installation: `POST /users/{id}/teamwork/installedApps` binding the app's catalog
 * entry, which needs the application permission `TeamsAppInstallation.ReadWriteSelfForUser.All`.
 * Graph answers 201 when it installed the app and 409 when the person already has it.
 */
export class GraphAppInstaller implements AppInstaller {
  constructor(
    private readonly graph: GraphClient,
    private readonly endpoint: string,
    private readonly catalogAppId: string,
  ) {}

  async installForUser(tenantId: string, userId: string): Promise<'installed' | 'alreadyInstalled'> {
    const body = { 'teamsApp@odata.bind': `${this.endpoint}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.catalogAppId)}` };
    try {
      await this.graph.post(tenantId, `/users/${encodeURIComponent(userId)}/teamwork/installedApps`, body);
      return 'installed';
    } catch (error) {
      if (error instanceof GraphRefused && error.status === 409) return 'alreadyInstalled';
      throw error;
    }
  }
}
