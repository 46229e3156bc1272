namespace TruthGraph.Web.Services;

/// <summary>
/// Links into the Aspire dashboard, whose address the AppHost passes as <c>AspireDashboard__Url</c>. Without it (the
/// dashboard is off, or the web app runs on its own) there is nothing to link to and the links are left out.
/// </summary>
public sealed class AspireDashboardLinks(string? dashboardUrl)
{
    private readonly string? _root = string.IsNullOrWhiteSpace(dashboardUrl) ? null : dashboardUrl.Trim().TrimEnd('/');

    public bool IsAvailable => _root is not null;

    /// <summary>The dashboard's page of one trace, or null without a dashboard.</summary>
    public string? TraceUrl(string traceId) => _root is null ? null : $"{_root}/traces/detail/{Uri.EscapeDataString(traceId)}";
}
