namespace TruthGraph.Inference.Bench;

public static class BenchCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
