using System.Reflection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The build writes each service's OpenAPI document (Microsoft.Extensions.ApiDescription.Server) by starting the
/// service's host in a tool process, GetDocument.Insider, without running it. Settings that only matter once the service
/// runs (a connection string, say) may be missing there; this tells a service that it is being described, not run.
/// </summary>
public static class OpenApiDocumentBuild
{
    public static bool IsRunning { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
