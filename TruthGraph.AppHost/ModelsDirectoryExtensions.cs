namespace Aspire.Hosting;

public static class ModelsDirectoryExtensions
{
    /// <summary>
    /// Points a locally run inference service at this checkout's model manifests. A published service reads the
    /// manifests copied beside its DLL (its default), where this machine's path would mean nothing, so publishing
    /// leaves the setting out.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLocalModelsDirectory(this IResourceBuilder<ProjectResource> service, string modelsDirectory) =>
        service.WithEnvironment(context =>
        {
            if (!context.ExecutionContext.IsPublishMode)
            {
                context.EnvironmentVariables["Inference__ModelsDirectory"] = modelsDirectory;
            }
        });
}
