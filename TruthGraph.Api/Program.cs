using Npgsql;
using TruthGraph.Api.Apis;
using TruthGraph.Api.Benchmark;
using TruthGraph.Api.Database;
using TruthGraph.Api.Embeddings;
using TruthGraph.Api.Evidence;
using TruthGraph.Api.Ingestion;
using TruthGraph.Api.SampleData;

if (args.Length > 0 && args[0] == BenchIngestCommand.Name)
{
    return await BenchIngestCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddNpgsqlDataSource("truthgraph", configureDataSourceBuilder: dataSource => dataSource.UseVector());

builder.Services.AddSingleton<DatabaseMigrator>();
builder.Services.AddSingleton<DatabaseMigrationService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrationService>());
builder.Services.AddHealthChecks().AddCheck<DatabaseMigrationService>("schema");

builder.Services.Configure<IngestionOptions>(builder.Configuration.GetSection("Ingestion"));
builder.Services.AddHttpClient<IEmbeddingClient, HttpEmbeddingClient>(http => http.BaseAddress = new Uri("http://inference"));
builder.Services.AddSingleton<IEvidenceStore, PgvectorEvidenceStore>();
builder.Services.AddSingleton<IngestionJobRepository>();
builder.Services.AddSingleton<IngestionSignal>();
builder.Services.AddSingleton<IngestionSubmitter>();
// Transient: it holds a typed HttpClient, which must not live for the whole process (handler rotation).
builder.Services.AddTransient(sp => new IngestionPipeline(sp.GetRequiredService<IEmbeddingClient>(), sp.GetRequiredService<IEvidenceStore>(),
    sp.GetRequiredService<ILogger<IngestionPipeline>>()) { BatchSize = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestionOptions>>().Value.BatchSize });
builder.Services.AddHostedService<IngestionWorker>();
builder.Services.AddHostedService<SampleCorpusSeeder>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapStatusApi();
app.MapIngestionApi();
app.MapEvidenceApi();
app.MapSamplesApi();

await app.RunAsync();
return 0;

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
