namespace TruthGraph.Api.Cli;

/// <summary>
/// The developer commands this service's executable runs instead of the web host:
/// <c>dotnet run --project TruthGraph.Api -- eval|calibrate|bench-ingest|bench-retrieval|perf|load …</c>.
/// </summary>
public static class ApiCommands
{
    /// <summary>The command's exit code, or null when the arguments name no command (the service should start).</summary>
    public static async Task<int?> TryRunAsync(string[] args) => args.FirstOrDefault() switch
    {
        BenchIngestCommand.Name => await BenchIngestCommand.RunAsync(args[1..]),
        BenchRetrievalCommand.Name => await BenchRetrievalCommand.RunAsync(args[1..]),
        EvalCommand.Name => await EvalCommand.RunAsync(args[1..]),
        CalibrateCommand.Name => await CalibrateCommand.RunAsync(args[1..]),
        PerfCommand.Name => await PerfCommand.RunAsync(args[1..]),
        LoadCommand.Name => await LoadCommand.RunAsync(args[1..]),
        _ => null,
    };
}
