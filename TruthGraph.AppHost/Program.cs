using System.Globalization;

var builder = DistributedApplication.CreateBuilder(args);

var database = builder.AddTruthGraphDatabase("postgres", databaseName: "truthgraph");

// Admin operations (ingestion, model warm-up/unload, settings) need this key. Generated on first run and kept in the
// AppHost's user secrets, so `dotnet run` works with no setup and scripts can reuse it; set Parameters:api-key to choose it.
var apiKey = builder.AddParameter("api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

// Inference:ModelsDirectory lets a test serve a copy of the manifests and weights that it may damage on purpose.
var modelsDirectory = builder.Configuration["Inference:ModelsDirectory"] is { Length: > 0 } configured
    ? Path.GetFullPath(configured)
    : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "models"));

// Inference:Replicas and Api:Replicas (default 1) run that many processes of a service (docs/REPLICAS.md).
var inferenceReplicas = Replicas.Read(builder.Configuration, "Inference");
var apiReplicas = Replicas.Read(builder.Configuration, "Api");

// One replica is not proxied by DCP: while it is stopped its port refuses connections at once, so callers answer 503
// within a second; through the proxy a request would wait for a backend until its timeout (Npgsql 15 s, HttpClient 30 s),
// and pooled connections would hang after a restart. Its port stays the same across a restart. Replicas need the proxy
// (Aspire refuses proxy-less replicas): it spreads connections over them and skips a stopped one, so only calls in
// flight on that one fail (and are retried by the caller's resilience handler).
var inference = builder.AddProject<Projects.TruthGraph_Inference>("inference")
    .WithHttpEndpoint(isProxied: inferenceReplicas > 1)
    .WithReplicas(inferenceReplicas)
    .WithLocalModelsDirectory(modelsDirectory)
    .WithEnvironment("Security__ApiKey", apiKey)
    .WithHttpHealthCheck("/health");

var api = builder.AddProject<Projects.TruthGraph_Api>("api")
    .WithHttpEndpoint(isProxied: apiReplicas > 1)
    .WithReplicas(apiReplicas)
    .WithReference(database.Resource, database.ConnectionName).WaitFor(database.Resource)
    .WithReference(inference).WaitFor(inference)
    .WithEnvironment("Postgres__Mode", database.Mode.ToString().ToLowerInvariant())
    .WithEnvironment("Inference__Replicas", inferenceReplicas.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("Security__ApiKey", apiKey)
    .WithHttpHealthCheck("/health");

// The dashboard holds the key server-side and sends it on admin calls only for a signed-in admin; browsers never see it.
var web = builder.AddProject<Projects.TruthGraph_Web>("web")
    .WithHttpEndpoint()
    .WithReference(api).WaitFor(api)
    .WithReference(inference)
    .WithEnvironment("Inference__Replicas", inferenceReplicas.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("AspireDashboard__Url", builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] ?? "")
    .WithEnvironment("Security__ApiKey", apiKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// Optional: a password admins may sign in to the dashboard with instead of the API key. Declared only when set, so that
// an AppHost without one neither asks for it nor gives the dashboard an empty secret.
if (builder.Configuration["Parameters:admin-password"] is { Length: > 0 })
{
    web.WithEnvironment("Security__AdminPassword", builder.AddParameter("admin-password", secret: true));
}

builder.Build().Run();
