using TruthGraph.Inference.Bench;
using TruthGraph.Inference.Cli;
using TruthGraph.Inference.Hosting;

if (args.Length > 0 && args[0] == "bench")
{
    return await BenchCommand.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "models")
{
    return await ModelsCommand.RunAsync(args[1..]);
}

await InferenceApp.Build(args).RunAsync();
return 0;

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
