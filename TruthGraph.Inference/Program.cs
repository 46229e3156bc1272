using TruthGraph.Inference.Apis;
using TruthGraph.Inference.Models;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.Services.Configure<InferenceOptions>(builder.Configuration.GetSection("Inference"));
builder.Services.AddSingleton<ModelCatalog>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapModelsApi();
app.MapTemporaryEmbeddingsApi(); // TEMPORARY: remove with Apis/TemporaryEmbeddingsApi.cs

app.Run();

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
