using TruthGraph.Api;
using TruthGraph.Api.Cli;
using TruthGraph.Api.Performance;

// Developer commands run without the web host (Cli/ApiCommands).
if (await ApiCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// A performance job keeps its report as raw JSON (PerfJobView.Result): the three report types are described beside it.
builder.AddDefaultOpenApi(typeof(SweepReport), typeof(ProfileJobReport), typeof(PerfRunReport));
builder.AddApiSecurity();
builder.AddTruthGraphApi();
// Sized for JSON (a full verify batch is well under it); the upload endpoint raises it for its own requests.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiServices.MaxJsonBodyBytes);

var app = builder.Build();

app.UseServiceDefaults();
app.MapTruthGraphApi();

await app.RunAsync();
return 0;

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
