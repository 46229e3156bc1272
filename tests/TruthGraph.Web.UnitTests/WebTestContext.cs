using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace TruthGraph.Web.UnitTests;

/// <summary>
/// A bUnit context with what the dashboard's components need: MudBlazor's services, JS calls answered loosely (the
/// components only use JS for effects), and the Aspire dashboard address the AppHost would pass.
/// </summary>
public static class WebTestContext
{
    public const string DashboardUrl = "http://127.0.0.1:18888";

    /// <summary>Callers dispose it with <c>await using</c>: MudBlazor's services only dispose asynchronously.</summary>
    public static BunitContext Create(string? dashboardUrl = DashboardUrl)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddSingleton(new AspireDashboardLinks(dashboardUrl));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}
