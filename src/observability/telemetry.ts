/** Telemetry being exported to Application Insights, and how to end it. */
export interface Telemetry {
  /** Sends what is still buffered, then stops exporting. */
  stop(): Promise<void>;
}

/**
 * Starts the Azure Monitor OpenTelemetry distro: incoming requests, outgoing calls (Bot Connector,
 * Cosmos DB), exceptions and standard metrics go to the Application Insights resource named by the
 * connection string. Call it before the bot's modules are imported: the distro instruments
 * libraries as they load. Spans carry URLs and status codes, never request bodies, so chat text
 * stays out of telemetry as it stays out of the logs.
 */
export async function startTelemetry(connectionString: string): Promise<Telemetry> {
  // Loaded only when telemetry is on, so a bot without it does not pay for the OpenTelemetry SDK.
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  return { stop: () => shutdownAzureMonitor() };
}
