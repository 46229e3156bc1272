using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Apis;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/models").WithTags("Models");
        group.MapGet("/", ListModels).WithName("ListModels").WithSummary("Models this service can load");
        return routes;
    }

    public static Ok<ModelListResponse> ListModels(ModelCatalog catalog) =>
        TypedResults.Ok(new ModelListResponse(catalog.All
            .Select(m => new ModelInfo(m.Id, m.Task.ToString().ToLowerInvariant(), m.Dimensions, m.MaxTokens, m.Pooling,
                m.Labels, m.License, m.Weights.ToString(), IsAvailable(m.Weights)))
            .ToList()));

    private static bool IsAvailable(ArtifactSource source) => source.Kind switch
    {
        "package-resource" => TryLoad(source.Assembly)?.GetManifestResourceInfo(source.Resource!) is not null,
        "file" => File.Exists(source.Path),
        _ => false,
    };

    private static Assembly? TryLoad(string? name)
    {
        try { return name is null ? null : Assembly.Load(name); }
        catch (FileNotFoundException) { return null; }
    }
}

public sealed record ModelListResponse(IReadOnlyList<ModelInfo> Data)
{
    public string Object => "list";
}

public sealed record ModelInfo(
    string Id, string Task, int Dimensions, int MaxTokens, string Pooling, IReadOnlyList<string> Labels, string License,
    string Weights, bool Available)
{
    public string Object => "model";
}
