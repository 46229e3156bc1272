namespace Aspire.Hosting;

/// <summary>How the AppHost provides PostgreSQL (setting <c>Postgres:Mode</c>).</summary>
public enum PostgresMode
{
    /// <summary>Container when a container runtime answers, else a local server process.</summary>
    Auto,
    /// <summary>The <c>pgvector/pgvector</c> image with a data volume.</summary>
    Container,
    /// <summary>The machine's PostgreSQL binaries run as a process that Aspire starts.</summary>
    Local,
}
