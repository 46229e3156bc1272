using System.Globalization;
using TruthGraph.Api.Benchmark.Load;

namespace TruthGraph.Api.Cli;

/// <summary>
/// <c>dotnet run --project TruthGraph.Api -- load --url http://127.0.0.1:PORT [--clients 16] [--duration 60s] [--warmup 10s]
/// [--claims FILE] [--repeat] [--api-key KEY] [--pids 123,456] [--json FILE]</c>: verification load against a running
/// TruthGraph on this machine. Claims come from FILE (JSON lines with a "claim" field, or one claim per line) or the
/// API's sample claims. Prints throughput, p50/p95/p99 and the memory trend of the sampled processes (default: the
/// processes named TruthGraph.Api and TruthGraph.Inference, when there is exactly one of each). Exit code 1 on any error.
/// </summary>
public static class LoadCommand
{
    public const string Name = "load";

    private static readonly string[] ServiceProcessNames = ["TruthGraph.Api", "TruthGraph.Inference"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CommandArgs.Parse(args);
        if (!options.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var apiUrl))
        {
            Console.Error.WriteLine("usage: load --url http://127.0.0.1:PORT [--clients 16] [--duration 60s] [--warmup 10s] [--claims FILE] [--repeat] " +
                "[--api-key KEY (or Security__ApiKey)] [--pids PID,PID] [--json FILE]");
            return 2;
        }
        var claims = options.TryGetValue("claims", out var file) ? ReadClaims(file) : await FetchSampleClaimsAsync(apiUrl);
        var load = new LoadOptions
        {
            ApiUrl = apiUrl,
            Claims = claims,
            Clients = int.Parse(options.GetValueOrDefault("clients", "16"), CultureInfo.InvariantCulture),
            Duration = ParseDuration(options.GetValueOrDefault("duration", "60s")),
            WarmUp = ParseDuration(options.GetValueOrDefault("warmup", "10s")),
            UniqueClaims = !options.ContainsKey("repeat"),
            ApiKey = CommandArgs.ApiKey(options),
            ProcessIds = options.TryGetValue("pids", out var pids)
                ? pids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList()
                : FindServiceProcesses(),
        };
        if (load.Problem() is { } problem)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }
        Console.WriteLine($"{load.Clients} clients for {load.WarmUp.TotalSeconds:0} s of warm-up, then {load.Duration.TotalSeconds:0} s measured, against {apiUrl}; {claims.Count} base claims");
        var report = await LoadRunner.RunAsync(load, CancellationToken.None);
        Console.Write(report.ToText());
        if (options.TryGetValue("json", out var json))
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        }
        return report.Failed == 0 && report.Succeeded > 0 ? 0 : 1;
    }

    public static TimeSpan ParseDuration(string text) => text.Trim().ToLowerInvariant() switch
    {
        var t when t.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(double.Parse(t[..^2], CultureInfo.InvariantCulture)),
        var t when t.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(t[..^1], CultureInfo.InvariantCulture)),
        var t when t.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(t[..^1], CultureInfo.InvariantCulture)),
        var t => TimeSpan.FromSeconds(double.Parse(t, CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// JSON lines with a "claim" field (CLIMATE-FEVER's layout), or plain text with one claim per line. Claims the API
    /// refuses (control characters, as in a CLIMATE-FEVER claim with a stray U+0092) are left out: a load run measures
    /// verification, and a 400 would count as an error.
    /// </summary>
    public static IReadOnlyList<string> ReadClaims(string file) => File.ReadLines(file)
        .Where(line => !string.IsNullOrWhiteSpace(line))
        .Select(line => line.TrimStart().StartsWith('{') ? JsonDocument.Parse(line).RootElement.GetProperty("claim").GetString()! : line.Trim())
        .Where(claim => !claim.Any(char.IsControl))
        .ToList();

    private static async Task<IReadOnlyList<string>> FetchSampleClaimsAsync(Uri apiUrl)
    {
        using var http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(30) };
        var samples = await http.GetFromJsonAsync<List<JsonElement>>("/api/samples/claims") ?? [];
        return samples.Select(s => s.GetProperty("claim").GetString()!).ToList();
    }

    // By name only when unambiguous: other TruthGraph instances on the machine (tests, other checkouts) would skew the trend.
    private static List<int> FindServiceProcesses()
    {
        var found = new List<int>();
        foreach (var name in ServiceProcessNames)
        {
            var processes = Process.GetProcessesByName(name);
            if (processes.Length == 1)
            {
                found.Add(processes[0].Id);
            }
            else
            {
                Console.Error.WriteLine($"memory of {name} not sampled: {processes.Length} processes have that name (pass --pids)");
            }
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
        return found;
    }
}
