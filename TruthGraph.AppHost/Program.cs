var builder = DistributedApplication.CreateBuilder(args);

var database = builder.AddTruthGraphDatabase("postgres", databaseName: "truthgraph");

var inference = builder.AddProject<Projects.TruthGraph_Inference>("inference")
    .WithHttpEndpoint()
    .WithEnvironment("Inference__ModelsDirectory", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "models")))
    .WithHttpHealthCheck("/health");

var api = builder.AddProject<Projects.TruthGraph_Api>("api")
    .WithHttpEndpoint()
    .WithReference(database.Resource, database.ConnectionName).WaitFor(database.Resource)
    .WithReference(inference).WaitFor(inference)
    .WithEnvironment("Postgres__Mode", database.Mode.ToString().ToLowerInvariant())
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.TruthGraph_Web>("web")
    .WithHttpEndpoint()
    .WithReference(api).WaitFor(api)
    .WithReference(inference)
    .WithEnvironment("AspireDashboard__Url", builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] ?? "")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
