namespace Aspire.Hosting;

/// <summary>Finds the machine's PostgreSQL binaries and the data folder a local server keeps its rows in.</summary>
internal static class LocalPostgresInstallation
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static string FindBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "postgres"))
                ? configured
                : throw new InvalidOperationException($"Postgres:BinDirectory '{configured}' has no 'postgres' program.");
        }

        // Debian and Ubuntu install each major version side by side; take the newest that has pgvector.
        var candidates = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(d => (Dir: d, Major: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => c.Major > 0 && File.Exists(Path.Combine(c.Dir, "bin", "postgres")))
                .OrderByDescending(c => c.Major)
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"Postgres:Mode=local needs PostgreSQL under {DebianRoot}, and none was found. Run scripts/setup.sh, " +
                "or set Postgres:BinDirectory.");
        }

        var withVector = candidates.FirstOrDefault(c =>
            File.Exists(Path.Combine("/usr/share/postgresql", c.Major.ToString(), "extension", "vector.control")));
        if (withVector.Dir is null)
        {
            throw new InvalidOperationException(
                $"PostgreSQL {candidates[0].Major} is installed but pgvector is not. Run scripts/setup.sh.");
        }
        return Path.Combine(withVector.Dir, "bin");
    }

    /// <summary>
    /// The user's data folder (<c>~/.local/share/truthgraph/postgres</c>). Root is the exception: the server
    /// must run as the 'postgres' user, which cannot enter /root, so root's cluster lives in /var/lib.
    /// </summary>
    public static string DefaultDataDirectory() => Environment.UserName == "root"
        ? "/var/lib/truthgraph/postgres"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "truthgraph", "postgres");
}
