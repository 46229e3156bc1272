namespace TruthGraph.EndToEndTests;

/// <summary>The manifest with default settings, published once for the checks that only read it.</summary>
public sealed class DefaultManifestFixture : IAsyncLifetime
{
    public PublishedManifest Manifest { get; private set; } = null!;

    public async Task InitializeAsync() => Manifest = await ManifestPublisher.PublishAsync();

    public Task DisposeAsync()
    {
        Manifest.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The deployment manifest (docs/DEPLOYMENT.md): it names every resource with the kind a deployment tool turns into
/// workloads, wires the services as the AppHost does, and carries nothing that belongs to this machine or a secret.
/// </summary>
public sealed class DeploymentManifestTests(DefaultManifestFixture fixture) : IClassFixture<DefaultManifestFixture>
{
    private static readonly string[] Services = ["inference", "api", "web"];

    private PublishedManifest Manifest => fixture.Manifest;

    [Fact]
    public void Names_every_resource_with_its_kind()
    {
        // A resource added to the AppHost must be added here and to docs/DEPLOYMENT.md's mapping.
        Assert.Equal(
            ["api", "api-key", "inference", "postgres", "postgres-password", "postgres-password-uri-encoded", "truthgraph", "web"],
            Manifest.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("container.v0", TypeOf("postgres"));
        Assert.Equal("value.v0", TypeOf("truthgraph"));
        Assert.Equal("parameter.v0", TypeOf("api-key"));
        Assert.Equal("parameter.v0", TypeOf("postgres-password"));
        foreach (var service in Services)
        {
            Assert.Equal("project.v0", TypeOf(service));
            // The path is relative to the manifest: a deployment tool builds the image from this project.
            var project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Manifest.Path)!, Manifest[service].GetProperty("path").GetString()!));
            Assert.True(File.Exists(project), $"{service}'s project {project} exists");
        }
    }

    [Fact]
    public void PostgreSQL_is_the_pgvector_image_with_a_data_volume_even_on_a_machine_without_a_container_engine()
    {
        var postgres = Manifest["postgres"];
        Assert.StartsWith("docker.io/pgvector/pgvector:", postgres.GetProperty("image").GetString());
        var volume = Assert.Single(postgres.GetProperty("volumes").EnumerateArray());
        Assert.Equal("/var/lib/postgresql/data", volume.GetProperty("target").GetString());
        Assert.Equal(5432, postgres.GetProperty("bindings").GetProperty("tcp").GetProperty("targetPort").GetInt32());
        Assert.Equal("{postgres-password.value}", Env("postgres", "POSTGRES_PASSWORD"));
        Assert.Equal("{postgres.connectionString};Database=truthgraph", Manifest["truthgraph"].GetProperty("connectionString").GetString());
    }

    [Fact]
    public void Services_are_wired_to_each_other_the_database_and_the_api_key()
    {
        foreach (var service in Services)
        {
            // Kubernetes probes and Services target this port; HTTP_PORTS makes Kestrel listen on it.
            Assert.True(Manifest[service].GetProperty("bindings").TryGetProperty("http", out _), $"{service} has an http binding");
            Assert.Equal($"{{{service}.bindings.http.targetPort}}", Env(service, "HTTP_PORTS"));
            Assert.Equal("{api-key.value}", Env(service, "Security__ApiKey"));
        }
        Assert.Equal("{truthgraph.connectionString}", Env("api", "ConnectionStrings__truthgraph"));
        Assert.Equal("container", Env("api", "Postgres__Mode"));
        Assert.Equal("{inference.bindings.http.url}", Env("api", "services__inference__http__0"));
        Assert.Equal("{api.bindings.http.url}", Env("web", "services__api__http__0"));
        Assert.Equal("{inference.bindings.http.url}", Env("web", "services__inference__http__0"));

        // Only the dashboard faces users; the API and inference stay inside the cluster.
        Assert.Equal(["web"], Services.Where(IsExternal));
    }

    [Fact]
    public void Carries_no_path_or_process_of_the_machine_it_was_written_on()
    {
        Assert.DoesNotContain(Manifest.Resources.Values, resource => resource.GetProperty("type").GetString() == "executable.v0");
        // Only the projects' paths (relative to the manifest) may point into this checkout; no setting may.
        var localPaths = Manifest.Resources
            .Where(resource => resource.Value.TryGetProperty("env", out _))
            .SelectMany(resource => resource.Value.GetProperty("env").EnumerateObject()
                .Where(variable => variable.Value.GetString() is ['/', ..] or ['.', '.', ..]
                    || variable.Value.GetString()!.Contains(TestData.RepositoryRoot, StringComparison.Ordinal))
                .Select(variable => $"{resource.Key}: {variable.Name}={variable.Value}"));
        Assert.Empty(localPaths);
    }

    [Fact]
    public async Task Secrets_are_parameters_whose_values_never_reach_the_manifest()
    {
        var apiKey = $"key-{Guid.NewGuid():N}";
        var adminPassword = $"password-{Guid.NewGuid():N}";
        using var manifest = await ManifestPublisher.PublishAsync(
            "--Parameters:api-key", apiKey, "--Parameters:admin-password", adminPassword);

        Assert.DoesNotContain(apiKey, manifest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(adminPassword, manifest.Text, StringComparison.Ordinal);
        foreach (var parameter in (string[])["api-key", "admin-password", "postgres-password"])
        {
            Assert.Equal("parameter.v0", manifest[parameter].GetProperty("type").GetString());
            Assert.True(manifest[parameter].GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean(), $"{parameter} is secret");
        }
        Assert.Equal("{admin-password.value}", manifest["web"].GetProperty("env").GetProperty("Security__AdminPassword").GetString());
    }

    [Fact]
    public async Task Replica_settings_publish_but_the_manifest_format_has_no_field_for_them()
    {
        // Aspire 13.6's project.v0 entry has no replicas and no probes: WithReplicas and WithHttpHealthCheck shape
        // local runs only. So the entries must come out the same; if a later Aspire writes replicas, this fails, and
        // the check should then assert the number instead (and docs/DEPLOYMENT.md lose its note).
        // The one trace of the setting is Inference__Replicas, which the API and the dashboard read (docs/REPLICAS.md).
        using var scaled = await ManifestPublisher.PublishAsync("--Api:Replicas", "2", "--Inference:Replicas", "2");
        foreach (var service in Services)
        {
            Assert.False(scaled[service].TryGetProperty("replicas", out _), $"{service} has no replicas field");
            foreach (var property in Manifest[service].EnumerateObject().Where(p => p.Name != "env"))
            {
                Assert.True(JsonElement.DeepEquals(property.Value, scaled[service].GetProperty(property.Name)), $"{service}.{property.Name} is unchanged by replica settings");
            }
            var env = Manifest[service].GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
            var scaledEnv = scaled[service].GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
            Assert.Equal(env.Keys.Order(), scaledEnv.Keys.Order());
            foreach (var (name, value) in env)
            {
                Assert.Equal(name == "Inference__Replicas" ? "2" : value, scaledEnv[name]);
            }
        }
        Assert.Equal("2", scaled["api"].GetProperty("env").GetProperty("Inference__Replicas").GetString());
    }

    [Fact]
    public async Task Replica_settings_reach_the_app_model_that_local_runs_and_deployments_start_from()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TruthGraph_AppHost>(
            [.. TruthGraphAppFactory.EphemeralLocalPostgres, "Api:Replicas=2", "Inference:Replicas=3"], cts.Token);
        Assert.Equal(2, appHost.Resources.Single(resource => resource.Name == "api").GetReplicaCount());
        Assert.Equal(3, appHost.Resources.Single(resource => resource.Name == "inference").GetReplicaCount());
        Assert.Equal(1, appHost.Resources.Single(resource => resource.Name == "web").GetReplicaCount());
    }

    private string? TypeOf(string resource) => Manifest[resource].GetProperty("type").GetString();

    private string? Env(string resource, string variable) =>
        Manifest[resource].GetProperty("env").TryGetProperty(variable, out var value) ? value.GetString() : null;

    private bool IsExternal(string service) =>
        Manifest[service].GetProperty("bindings").GetProperty("http").TryGetProperty("external", out var external) && external.GetBoolean();
}
