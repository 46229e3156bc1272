using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using TruthGraph.Inference.Bench;

namespace TruthGraph.Api.UnitTests.Database;

/// <summary>
/// A real PostgreSQL + pgvector for the tests that need SQL to run: scripts/run-local-postgres.sh in its throwaway
/// mode (no fsync, data folder deleted on exit) on a free port, stopped when the tests are done.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncLifetime
{
    private Process? server;
    private DirectoryInfo? folder;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var root = SharedData.RepositoryRoot() ?? throw new DirectoryNotFoundException("TruthGraph.sln not found above the test output folder.");
        var bin = System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .OrderBy(p => p, StringComparer.Ordinal).Last();
        var port = FreePort();
        folder = System.IO.Directory.CreateTempSubdirectory("truthgraph-unit-pg-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_101_101); // the server user must traverse it
        }
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "run-local-postgres.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PGBIN"] = bin, ["PGDATA"] = Path.Combine(folder.FullName, "data"), ["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGDB"] = "truthgraph", ["PG_EPHEMERAL"] = "1",
            },
        };
        server = Process.Start(start)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=truthgraph;Pooling=false";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            // The script turns SIGTERM into PostgreSQL's fast shutdown and then removes the data folder.
            Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await server.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        }
        server?.Dispose();
        if (folder is { Exists: true })
        {
            folder.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
