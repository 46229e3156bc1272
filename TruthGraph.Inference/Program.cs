using TruthGraph.Inference.Cli;
using TruthGraph.Inference.Hosting;

// Operator commands run without the web host (Cli/InferenceCommands).
if (await InferenceCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

await InferenceApp.Build(args).RunAsync();
return 0;

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
