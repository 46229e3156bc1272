namespace Aspire.Hosting;

/// <summary>
/// A PostgreSQL server that DCP runs as a plain OS process (no container engine needed). DCP assigns the
/// port and hands it to the start script as <c>PGPORT</c>.
/// </summary>
public sealed class LocalPostgresResource(string name, string workingDirectory, string databaseName)
    : ExecutableResource(name, "/bin/bash", workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public string DatabaseName { get; } = databaseName;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres;Database={DatabaseName}");
}
