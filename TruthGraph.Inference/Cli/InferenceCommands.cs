namespace TruthGraph.Inference.Cli;

/// <summary>
/// The operator commands this service's executable runs instead of the web host:
/// <c>dotnet run --project TruthGraph.Inference -- bench|models …</c> (<c>models</c> has list, pull, quantize, accuracy).
/// </summary>
public static class InferenceCommands
{
    /// <summary>The command's exit code, or null when the arguments name no command (the service should start).</summary>
    public static async Task<int?> TryRunAsync(string[] args) => args.FirstOrDefault() switch
    {
        "bench" => await BenchCommand.RunAsync(args[1..]),
        "models" => await ModelsCommand.RunAsync(args[1..]),
        _ => null,
    };
}
