using TruthGraph.Api;
using TruthGraph.Api.Benchmark;
using TruthGraph.Api.Evaluation;
using TruthGraph.Api.Performance;

// Developer commands run without the web host: dotnet run --project TruthGraph.Api -- eval|bench-ingest|perf ...
switch (args.FirstOrDefault())
{
    case BenchIngestCommand.Name:
        return await BenchIngestCommand.RunAsync(args[1..]);
    case EvalCommand.Name:
        return await EvalCommand.RunAsync(args[1..]);
    case PerfCommand.Name:
        return await PerfCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddTruthGraphApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapTruthGraphApi();

await app.RunAsync();
return 0;

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
