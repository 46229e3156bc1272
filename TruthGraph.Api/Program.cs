using TruthGraph.Api;
using TruthGraph.Api.Benchmark;
using TruthGraph.Api.Benchmark.Load;
using TruthGraph.Api.Evaluation;
using TruthGraph.Api.Performance;

// Developer commands run without the web host: dotnet run --project TruthGraph.Api -- eval|bench-ingest|perf|load ...
switch (args.FirstOrDefault())
{
    case BenchIngestCommand.Name:
        return await BenchIngestCommand.RunAsync(args[1..]);
    case EvalCommand.Name:
        return await EvalCommand.RunAsync(args[1..]);
    case PerfCommand.Name:
        return await PerfCommand.RunAsync(args[1..]);
    case LoadCommand.Name:
        return await LoadCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApiSecurity();
builder.AddTruthGraphApi();
// Sized for JSON (a full verify batch is well under it); the upload endpoint raises it for its own requests.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiServices.MaxJsonBodyBytes);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiSecurity();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapTruthGraphApi();

await app.RunAsync();
return 0;

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
