using Npgsql;
using TruthGraph.Api.Apis;
using TruthGraph.Api.Database;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddNpgsqlDataSource("truthgraph", configureDataSourceBuilder: dataSource => dataSource.UseVector());

builder.Services.AddSingleton<DatabaseMigrator>();
builder.Services.AddSingleton<DatabaseMigrationService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrationService>());
builder.Services.AddHealthChecks().AddCheck<DatabaseMigrationService>("schema");

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapStatusApi();

app.Run();

/// <summary>Entry point marker for tests.</summary>
public partial class Program;
